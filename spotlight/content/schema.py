"""Declarative schemas for the content files, which one checker (checker.py) applies,
reporting every mistake.

Each field has a kind, a docstring-like ``doc`` and a default; the same declarations drive
validation messages (with "did you mean") and the authoring guide's tables.

Every key of a content file is declared on a typed model itself, with ``declared``: the
dataclass is then both the typed model and, through ``schema_of``, the schema that validates
it, and ``model_of`` turns a checked record into it (its records into their models, its
Markdown parsed). ``record`` names such a model for messages ("in a practice theme"), and
``line_of`` gives it the line a key was found on. One declaration, nothing to keep in step by
hand.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from .yamlio import YMap

Kind = Literal["text", "markdown", "int", "count", "date", "bool", "slug", "slugs", "texts", "url",
               "record", "records", "glossary"]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KIND_WORDS = {
    "text": "a piece of text",
    "markdown": "Markdown text",
    "int": "a whole number",
    "count": "a whole number, 0 or more",
    "date": "a date such as 2025-02-24",
    "bool": "true or false",
    "slug": "a slug (lower-case letters, digits and hyphens)",
    "slugs": "a list of slugs",
    "texts": "a list of short texts",
    "url": "a web address starting with https:// or http://",
    "record": "a group of 'key: value' lines",
    "records": "a list of items, each a group of 'key: value' lines",
    "glossary": "a group of 'ABBREVIATION: what it stands for' lines",
}


@dataclass(frozen=True)
class Field:
    """One key of a content file, as declared: its ``name``; its ``kind`` (see ``Kind``; the
    words for each are in ``kind_words``); whether it is ``required``; its ``default`` (None
    for none; a callable makes it); its ``doc``, the help text shown in the authoring guide,
    the JSON Schemas and editors; for a "record" or "records", the ``schema`` of each; and
    for a text, the ``choices`` it must be one of, if any; for a slug or a list of them,
    what it ``refers`` to: a list of the site file (``practice_themes``, ``regions.pdus``...)
    whose entries it names, or ``reports``, the report files."""

    name: str
    kind: Kind
    doc: str
    required: bool = False
    default: Any = None
    schema: Schema | None = None
    choices: tuple[str, ...] = ()
    refers: str = ""


def kind_words(kind: Kind) -> str:
    """What a value of ``kind`` is, in an author's words: "a date such as 2025-02-24"."""
    return _KIND_WORDS[kind]


@dataclass(frozen=True)
class Schema:
    """The fields of one kind of record (a site file, a report, an example's front matter...)."""

    title: str
    fields: tuple[Field, ...]
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


_EMPTY: dict[str, Any] = {"text": "", "markdown": "", "slug": "", "slugs": (), "texts": (),
                          "records": (), "int": 0, "count": 0}
Model = TypeVar("Model")
_TITLES: dict[type, str] = {}
_SCHEMAS: dict[type, Schema] = {}
#: Parses a Markdown field of a checked record: ``markdown(record, key)``.
MarkdownParser = Callable[[YMap, str], Any]


def record(title: str) -> Callable[[type[Model]], type[Model]]:
    """Names a typed model whose keys are ``declared``: ``title`` is what messages call one
    (``unknown key 'x' in a practice theme``). Another model declares a field of it with
    ``declared("record" or "records", ..., model=...)``."""
    def named(model: type[Model]) -> type[Model]:
        _TITLES[model] = title
        return model
    return named


def declared(kind: Kind, doc: str, *, required: bool = False, default: Any = None,
             choices: tuple[str, ...] = (), schema: Schema | None = None,
             model: type | None = None, filled: bool = False, refers: str = "",
             convert: Callable[[Any], Any] | None = None) -> Any:
    """A field of a typed model that is also a key of a content file (see ``schema_of``).

    A value that is missing or invalid becomes ``default`` (for a required field, the empty
    value of its kind: every problem is reported, and the model still made). ``model`` makes a
    "record" or "records" field of another ``record`` model (its schema is that model's); a
    missing record is None, or with ``filled``, the record of its fields' defaults.
    ``refers`` names what the value names (see ``Field``). ``convert`` turns the checked
    value into the model's.
    """
    if model is not None:
        schema = schema_of(model)
    spec = Field("", kind, doc, required, default, schema, choices, refers)
    value = _EMPTY.get(kind) if required and default is None else default
    return field(default=value, metadata={"declared": spec, "convert": convert,
                                          "model": model, "filled": filled})


def line_of(key: str = "") -> Any:
    """A field of a typed model that is not a key but the line of one (of ``key``, or of the
    record itself): ``model_of`` fills it in."""
    return field(default=0, metadata={"line_of": key})


def schema_of(model: type, title: str | None = None) -> Schema:
    """The schema of the keys declared on ``model`` (with ``declared``), in declaration order."""
    if title is None and model in _SCHEMAS:
        return _SCHEMAS[model]
    schema = Schema(title or _TITLES[model],
                    tuple(dataclasses.replace(spec.metadata["declared"], name=spec.name)
                          for spec in dataclasses.fields(model) if "declared" in spec.metadata))
    if title is None:
        _SCHEMAS[model] = schema
    return schema


def model_of(model: Callable[..., Model], record: YMap, *,
             markdown: MarkdownParser | None = None, **others: Any) -> Model:
    """The typed ``model`` of a record checked against its ``schema_of``; ``others`` gives the
    fields that are not keys of the file, and ``markdown`` parses its Markdown fields (and
    those of the records in it)."""
    values = dict(others)
    for name, line_key, kind, inner, filled, default, convert in _plan(model):
        if name in values:
            continue
        if line_key is not None:
            values[name] = record.line_of(line_key) if line_key else record.line
            continue
        value = record.get(name)
        if kind == "markdown" and (value is not None or default is not None):
            assert markdown is not None, f"{name}: a Markdown field needs its parser"
            value = markdown(record, name)
        elif inner is not None and value is None and filled:
            value = model_of(inner, YMap(), markdown=markdown)
        elif inner is not None and isinstance(value, YMap):
            value = model_of(inner, value, markdown=markdown)
        elif inner is not None and value is not None:
            value = tuple(model_of(inner, item, markdown=markdown) for item in value)
        if value is None:
            value = default
        values[name] = convert(value) if convert is not None else value
    return model(**values)


#: What ``model_of`` reads of each field of a model: (name, the key whose line it is (None
#: for a key's field), kind, inner model, filled, default, convert), read once per model.
_PLANS: dict[Any, tuple[tuple[Any, ...], ...]] = {}


def _plan(model: Any) -> tuple[tuple[Any, ...], ...]:
    if (plan := _PLANS.get(model)) is None:
        steps: list[tuple[Any, ...]] = []
        for spec in dataclasses.fields(model):
            meta = spec.metadata
            if "line_of" in meta:
                steps.append((spec.name, meta["line_of"], None, None, False, None, None))
            elif "declared" in meta:
                steps.append((spec.name, None, meta["declared"].kind, meta["model"],
                              meta["filled"], spec.default, meta["convert"]))
        plan = _PLANS[model] = tuple(steps)
    return plan
