"""JSON Schemas for editors, derived from the field declarations in fields.py.

The schemas say what the checker in schema.py accepts, so that an editor with a YAML language
server can autocomplete keys, show each key's documentation and flag mistakes as they are
typed. They are never written by hand: a new field in fields.py appears here by itself.
"""

from __future__ import annotations

from typing import Any

from . import fields
from .schema import SLUG_RE, Field, Schema

#: The schemas ``spotlight schema`` knows, by the name the command takes.
SCHEMAS: dict[str, tuple[Schema, str]] = {
    "example": (fields.EXAMPLE, "Front matter of an example of effectiveness "
                                "(examples/<slug>.md)"),
    "report": (fields.REPORT, "A report file (reports/<slug>.yml)"),
    "site": (fields.SITE, "The site file (site.yml)"),
}
BASE_ID = "https://spotlight.invalid/schemas/"

_TEXT = {"type": ["string", "number"], "pattern": r"\S"}
_SLUG = {"type": ["string", "integer"], "pattern": SLUG_RE.pattern}
_KINDS: dict[str, dict[str, Any]] = {
    "text": _TEXT,
    "markdown": {"type": ["string", "number"]},
    "int": {"type": "integer"},
    "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "bool": {"type": "boolean"},
    "slug": _SLUG,
    "url": {"type": "string", "format": "uri", "pattern": r"^https?://\S+$"},
    "slugs": {"anyOf": [_SLUG, {"type": "array", "items": _SLUG}]},
    "texts": {"anyOf": [_TEXT, {"type": "array", "items": _TEXT}]},
    "glossary": {"type": "object",
                 "additionalProperties": {"type": "string", "pattern": r"\S"}},
}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the file kind ``name``: example, report or site."""
    schema, title = SCHEMAS[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}{name}.schema.json",
        "title": title,
        **_object(schema),
    }


def _object(schema: Schema) -> dict[str, Any]:
    result: dict[str, Any] = {
        "type": "object",
        "description": schema.title[0].upper() + schema.title[1:],
        "properties": {f.name: _field(f) for f in schema.fields},
        "additionalProperties": False,
    }
    required = [f.name for f in schema.fields if f.required]
    if required:
        result["required"] = required
    return result


def _field(spec: Field) -> dict[str, Any]:
    if spec.kind == "record":
        assert spec.schema is not None
        result = _object(spec.schema)
    elif spec.kind == "records":
        assert spec.schema is not None
        result = {"type": "array", "items": _object(spec.schema)}
    else:
        result = dict(_KINDS[spec.kind])
    result["description"] = spec.doc[0].upper() + spec.doc[1:] + "."
    if spec.choices:
        result["enum"] = list(spec.choices)
    if spec.default not in (None, (), "") and not callable(spec.default):
        result["default"] = spec.default
    return result
