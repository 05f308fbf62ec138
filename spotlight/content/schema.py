"""Declarative schemas for the content files, and one checker that reports every mistake.

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
import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from ..errors import Problem
from . import suggest
from .yamlio import YList, YMap

Kind = Literal["text", "markdown", "int", "date", "bool", "slug", "slugs", "texts", "url",
               "record", "records", "glossary"]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KIND_WORDS = {
    "text": "a piece of text",
    "markdown": "Markdown text",
    "int": "a whole number",
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
                          "records": (), "int": 0}
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


def check(schema: Schema, data: Any, path: str, line: int, problems: list[Problem]) -> YMap | None:
    """Check ``data`` against ``schema``: return a clean record, or None if it is no mapping.

    Every problem found is appended to ``problems``. Missing or invalid values come back as
    their defaults (None where there is none), so later checks can still run on the rest.
    """
    if not isinstance(data, YMap):
        squeezed = isinstance(data, str) and re.match(r"^[A-Za-z_][\w-]*:\S", data)
        hint = "; a key needs a space after its ':'" if squeezed else ""
        problems.append(Problem(path, line,
                                f"expected {_KIND_WORDS['record']} for {schema.title}{hint}"))
        return None
    clean = YMap()
    clean.line, clean.key_lines = data.line or line, dict(data.key_lines)
    for key in data:
        if key not in schema.by_name:
            close = difflib.get_close_matches(str(key), list(schema.by_name), n=1, cutoff=0.6)
            suggestion = f"; did you mean '{close[0]}'?" if close else \
                suggest.did_you_mean(str(key), list(schema.by_name))
            problems.append(Problem(path, data.line_of(key),
                                    f"unknown key '{key}' in {schema.title}{suggestion}"))
    for spec in schema.fields:
        if spec.name not in data or data[spec.name] is None:
            if spec.required:
                problems.append(Problem(path, data.line or line,
                                        f"missing required key '{spec.name}' in {schema.title}"))
            clean[spec.name] = spec.default() if callable(spec.default) else spec.default
            continue
        clean[spec.name] = _value(spec, data[spec.name], path, data.line_of(spec.name), problems)
        if clean[spec.name] is None and spec.default is not None:
            clean[spec.name] = spec.default() if callable(spec.default) else spec.default
    return clean


def _value(spec: Field, value: Any, path: str, line: int, problems: list[Problem]) -> Any:
    def wrong(expected: str | None = None, near: tuple[str, ...] = ()) -> None:
        problems.append(Problem(path, line, suggest.not_a_slug(spec.name, value)
                                if spec.kind == "slug" else f"'{spec.name}' must be "
                                f"{expected or _KIND_WORDS[spec.kind]}, not "
                                f"{suggest.describe(value)}{suggest.did_you_mean(str(value), near)}"
                                f"{_fix(spec.kind, value)}"))

    kind = spec.kind
    if kind in ("text", "markdown"):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return wrong()
        text = str(value)
        if kind == "text" and not text.strip():
            problems.append(Problem(path, line, f"'{spec.name}' must not be empty"))
        if spec.choices and text not in spec.choices:
            return wrong("one of " + ", ".join(repr(c) for c in spec.choices), spec.choices)
        return text.strip() if kind == "text" else text
    if kind == "int":
        return value if isinstance(value, int) and not isinstance(value, bool) else wrong()
    if kind == "bool":
        return value if isinstance(value, bool) else wrong()
    if kind == "date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        return wrong()
    if kind == "url":
        if isinstance(value, str) and re.fullmatch(r"https?://[^\s]+", value):
            return value
        return wrong()
    if kind == "slug":
        if isinstance(value, str | int) and SLUG_RE.match(str(value)):
            return str(value)
        return wrong()
    if kind in ("slugs", "texts"):
        items = value if isinstance(value, YList) else None
        if items is None:
            if isinstance(value, str | int) and not isinstance(value, bool):
                items = YList([value])
                items.line, items.item_lines = line, [line]
            else:
                return wrong()
        result = []
        for item, item_line in zip(items, items.item_lines, strict=True):
            ok = SLUG_RE.match(str(item)) if kind == "slugs" else str(item).strip()
            if isinstance(item, YMap | YList | bool) or item is None or not ok:
                message = suggest.not_a_slug(spec.name, item, plural=True) if kind == "slugs" \
                    else f"'{spec.name}' must list texts, not {suggest.describe(item)}"
                problems.append(Problem(path, item_line, message))
                continue
            result.append(str(item))
        return tuple(result)
    if kind == "glossary":
        if not isinstance(value, YMap):
            return wrong()
        for key, expansion in value.items():
            if not isinstance(expansion, str) or not expansion.strip():
                problems.append(Problem(path, value.line_of(key),
                                        f"glossary entry '{key}' needs its expansion as text"))
        return {str(k): str(v) for k, v in value.items()}
    assert spec.schema is not None
    if kind == "record":
        return check(spec.schema, value, path, line, problems)
    if not isinstance(value, YList):
        return wrong()
    records = [check(spec.schema, item, path, item_line, problems)
               for item, item_line in zip(value, value.item_lines, strict=True)]
    return tuple(r for r in records if r is not None)


def _fix(kind: str, value: Any) -> str:
    """How to write a date given in words: "; write it as 2025-06-01"."""
    if kind == "date" and isinstance(value, str):
        for form in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%d/%m/%Y", "%d.%m.%Y"):
            try:
                day = dt.datetime.strptime(value.strip().replace(",", ""), form).date()
            except ValueError:
                continue
            return f"; write it as {day.isoformat()}"
    return ""
