"""The checker of the content files: a record checked against its schema (schema.py) in one
pass that reports every mistake, with "did you mean" and how to write a date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import Problem
from . import suggest
from .schema import SLUG_RE, Field, Schema, kind_words
from .yamlio import YList, YMap


def check(schema: Schema, data: Any, path: str, line: int, problems: list[Problem]) -> YMap | None:
    """Check ``data`` against ``schema``: return a clean record, or None if it is no mapping.

    Every problem found is appended to ``problems``. Missing or invalid values come back as
    their defaults (None where there is none), so later checks can still run on the rest.
    """
    if not isinstance(data, YMap):
        squeezed = isinstance(data, str) and re.match(r"^[A-Za-z_][\w-]*:\S", data)
        hint = "; a key needs a space after its ':'" if squeezed else ""
        problems.append(Problem(path, line,
                                f"expected {kind_words('record')} for {schema.title}{hint}"))
        return None
    clean = YMap()
    clean.line, clean.key_lines = data.line or line, dict(data.key_lines)
    for key in data:
        if key not in schema.by_name:
            import difflib  # only for an unknown key: not on every build

            close = difflib.get_close_matches(str(key), list(schema.by_name), n=1, cutoff=0.6)
            suggestion = f"; did you mean '{close[0]}'?" if close else \
                suggest.did_you_mean(str(key), list(schema.by_name))
            problems.append(Problem(path, data.line_of(key),
                                    f"unknown key '{key}' in {schema.title}{suggestion}"))
    for spec in schema.fields:
        if spec.name not in data or data[spec.name] is None:
            if spec.required and spec.name in data:
                problems.append(Problem(path, data.line_of(spec.name),
                                        f"'{spec.name}' is empty: write its value after "
                                        f"'{spec.name}:'"))
            elif spec.required:
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
                                f"{expected or kind_words(spec.kind)}, not "
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
    if kind in ("int", "count"):
        if isinstance(value, str) and _GROUPED.fullmatch(value.strip()):
            return int(value.replace(",", ""))  # "1,296", as figures are written in reports
        if not isinstance(value, int) or isinstance(value, bool) \
                or (kind == "count" and value < 0):
            return wrong()
        return value
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
                # "tags: women, partnership working", written without the brackets of a
                # list, is read as the list it means.
                parts = [p.strip() for p in value.split(",")] if isinstance(value, str) \
                    and "," in value else [value]
                items = YList([p for p in parts if p != ""] or [value])
                items.line, items.item_lines = line, [line] * len(items)
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


#: A whole number written as text, its thousands grouped by commas as reports write: "1,296".
_GROUPED = re.compile(r"0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+")
#: A whole number with words or a sign around it: "about 40", "61%", "12 cases".
_WITH_WORDS = re.compile(r"\s*(?:(?:about|around|approximately|nearly|almost|over|under)\s+)?"
                         r"([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\s*%|\s+\S.*)?", re.IGNORECASE)


def _fix(kind: str, value: Any) -> str:
    """How to write a date given in words: "; write it as 2025-06-01"; or a figure given
    with more than its number: "; write the number alone, 61, and say what it is in the
    label"."""
    if kind in ("int", "count") and isinstance(value, str):
        number = _WITH_WORDS.fullmatch(value)
        if number and not value.strip().replace(",", "").isdigit():
            return (f"; write the whole number alone, {number.group(1)}, and say what it "
                    "counts in the label")
    if kind == "date" and isinstance(value, str) \
            and (numbers := re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value)):
        year, month, day = (int(n) for n in numbers.groups())
        if not 1 <= month <= 12:
            swapped = f"{year}-{day:02d}-{month:02d}" if 1 <= day <= 12 and month <= 31 \
                else f"{year}-03-01"
            return (f"; there is no month {month}: a date is written year-month-day, such as "
                    f"{swapped}")
        return f"; {dt.date(year, month, 1):%B} {year} has no day {day}"
    if kind == "date" and isinstance(value, str):
        for form in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%d/%m/%Y", "%d.%m.%Y"):
            try:
                written = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b| of\b", "",
                                 value.strip().replace(",", ""))
                when = dt.datetime.strptime(written, form).date()
            except ValueError:
                continue
            return f"; write it as {when.isoformat()}"
    return ""
