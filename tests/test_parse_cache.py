"""The parse cache: front matter and bodies read by one build are reused by the next, and a
damaged or foreign cache is ignored."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from spotlight import markdown
from spotlight.content.yamlio import parse_yaml
from spotlight.incremental import Records
from spotlight.incremental.parse_cache import (
    MISSING,
    ParseCache,
    body_line,
    decode,
    encode,
    front_line,
)
from spotlight.incremental.records import CACHE

from .conftest import run

BODY = """Ann, a [@guide] reader, ![A chart](images/chart.png "Chart").

<b>stray</b>

## Outcome

Done.
"""
FRONT = """title: "A case: with a colon"
reports: [north-2025, south-2026]
published: 2025-03-04
when: 2025-03-04 10:30:00+01:00
order: 3
ratio: 1.5
draft: false
pdu: ~
nested:
  - {a: 1, 2: b}
"""


def _shape(value: object) -> object:
    if isinstance(value, dict):
        return ("map", getattr(value, "line", None), dict(getattr(value, "key_lines", {})),
                [(_shape(k), _shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", getattr(value, "line", None), list(getattr(value, "item_lines", [])),
                [_shape(v) for v in value])
    return (type(value).__name__, value)


def test_what_is_written_is_read_back() -> None:
    parsed = markdown.parse(BODY, 9, split_outcome=True)
    data, problems = parse_yaml(FRONT, "x.md", line_offset=1)
    assert not problems
    cache = ParseCache()
    body_key, _ = cache.body(BODY, 9)
    front_key, _ = cache.front(FRONT)
    line = front_line(data)
    assert line is not None
    cache.keep({body_key: body_line(parsed), front_key: line})
    back = decode(encode(cache))
    assert len(back) == 2
    assert back.body(BODY, 9) == (body_key, parsed)
    assert back.body(BODY, 10)[1] is None, "a body starting on another line is parsed again"
    key, found = back.front(FRONT)
    assert key == front_key and _shape(found) == _shape(data)
    plus_one = dt.timezone(dt.timedelta(hours=1))
    assert found["when"] == dt.datetime(2025, 3, 4, 10, 30, tzinfo=plus_one)
    assert back.front(FRONT + "\n")[1] is MISSING


def test_an_unreadable_cache_is_empty() -> None:
    assert len(decode(b"")) == 0
    assert len(decode(b'{"format": 3, "version": "0.0.0"}\nkey\t[]')) == 0
    assert len(decode(b"\xff\xfe")) == 0
    damaged = decode(encode(ParseCache()) + b"\nkey-of-a-body\t[1, 2")
    assert damaged.body("x", 1)[1] is None


def _build(*extra: str) -> None:
    result = run("build", "--content", "site", "--out", "out", "--no-search", "--no-pdf", *extra)
    assert result.exit_code == 0, result.output


def test_a_build_reuses_what_it_read_before(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _build()
    cache = Records(content, tmp_path / "out").folder / CACHE
    text = cache.read_text()
    assert "Ann completed her order." in text and "community-order" in text
    cache.write_text(text.replace("Ann completed her order.", "Read from the cache.")
                     .replace('"Second case"', '"Second case, from the cache"'))
    first = content / "examples" / "first-case.md"  # a new title: every page is rendered again
    first.write_text(first.read_text().replace("title: First case", "title: First case, again"))
    _build()
    out = tmp_path / "out" / "examples"
    assert "Read from the cache." in (out / "first-case.html").read_text()
    assert "Second case, from the cache" in (out / "second-case.html").read_text()
    _build("--clean")
    assert "Ann completed her order." in (out / "first-case.html").read_text(), \
        "--clean reads no cache"


def test_a_damaged_cache_is_ignored(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _build()
    (Records(content, tmp_path / "out").folder / CACHE).write_bytes(b"\x00 not a cache")
    first = content / "examples" / "first-case.md"
    first.write_text(first.read_text().replace("Ann completed", "Ann finished"))
    _build()
    page = (tmp_path / "out" / "examples" / "first-case.html").read_text()
    assert "Ann finished her order." in page


def test_entries_follow_the_content(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _build()
    (content / "examples" / "second-case.md").unlink()
    _build()
    kept = decode((Records(content, tmp_path / "out").folder / CACHE).read_bytes())
    assert len(kept) == 2 + 3, ("one front matter and one body, and the publish gate's "
                                "findings of the 3 files: the deleted example's are gone")
    assert dataclasses.is_dataclass(kept.body((content / "examples" / "first-case.md")
                                              .read_text().split("---\n", 2)[2], 10)[1])


def test_a_damaged_entry_is_replaced(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _build()
    cache = Records(content, tmp_path / "out").folder / CACHE
    lines = cache.read_text().split("\n")
    damaged = [line.split("\t")[0] + "\t[1, 2" if "Ann completed" in line else line
               for line in lines]
    cache.write_text("\n".join(damaged))
    first = content / "examples" / "first-case.md"
    first.write_text(first.read_text().replace("title: First case", "title: First case, again"))
    _build()
    page = (tmp_path / "out" / "examples" / "first-case.html").read_text()
    assert "Ann completed her order." in page
    assert "\t[1, 2" not in cache.read_text(), "the next build finds a sound entry"

