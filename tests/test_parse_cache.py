"""The parse cache: bodies parsed by one build are reused by the next, and a damaged or foreign
cache is ignored."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from spotlight import markdown
from spotlight.parse_cache import CACHE, decode, encode

from .conftest import run

BODY = """Ann, a [@guide] reader, ![A chart](images/chart.png "Chart").

<b>stray</b>

## Outcome

Done.
"""


def test_what_is_written_is_read_back() -> None:
    parsed = [markdown.parse(BODY, 9, split_outcome=True), markdown.parse("Plain.\n", 2)]
    back = decode(encode(parsed))
    assert len(back) == 2
    for original in parsed:
        found = [p for p in back.values() if p.first_line == original.first_line]
        assert found == [dataclasses.replace(original, text="")]
    again = encode(parsed, back)
    assert again == encode(parsed), "entries read back are written out unchanged"


def test_an_unreadable_cache_is_nothing() -> None:
    assert decode(b"") == {}
    assert decode(b'{"format": 2, "version": "0.0.0"}\nkey\t[]') == {}
    assert decode(b"\xff\xfe") == {}


def _build(*extra: str) -> None:
    result = run("build", "--content", "site", "--out", "out", "--no-search", "--no-pdf", *extra)
    assert result.exit_code == 0, result.output


def test_a_build_reuses_the_bodies_it_parsed_before(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _build()
    cache = tmp_path / "out" / CACHE
    text = cache.read_text()
    assert "Ann completed her order." in text
    cache.write_text(text.replace("Ann completed her order.", "Read from the cache."))
    first = content / "examples" / "first-case.md"  # a new title: every page is rendered again
    first.write_text(first.read_text().replace("title: First case", "title: First case, again"))
    _build()
    page = (tmp_path / "out" / "examples" / "first-case.html").read_text()
    assert "Read from the cache." in page, "the body was not parsed again"
    _build("--clean")
    page = (tmp_path / "out" / "examples" / "first-case.html").read_text()
    assert "Ann completed her order." in page, "--clean reads no cache"


def test_a_damaged_cache_is_ignored(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _build()
    (tmp_path / "out" / CACHE).write_bytes(b"\x00 not a cache")
    first = content / "examples" / "first-case.md"
    first.write_text(first.read_text().replace("Ann completed", "Ann finished"))
    _build()
    page = (tmp_path / "out" / "examples" / "first-case.html").read_text()
    assert "Ann finished her order." in page
