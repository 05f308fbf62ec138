"""The parse cache: each example body's parsed Markdown, kept from one build to the next.

Parsing Markdown is most of what a build spends on an example, so a rebuild parses only the
bodies whose text changed. The cache is a JSON file in the output folder (``CACHE``), keyed by
a digest of the text, where it starts in its file, and spotlight's version. It is only ever a
shortcut: a missing, damaged or foreign cache is ignored, and ``--clean`` does not read it.
JSON rather than pickle, so that reading a cache can never run code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from . import __version__
from .incremental import digest
from .markdown import Finding, Image, Located, Parsed

CACHE = ".spotlight-cache"
_FORMAT = 2


class ParseCache(dict[str, Parsed]):
    """Parsed fields by cache key, with each entry's line of the cache file it came from, so
    that writing the cache again re-encodes only new entries."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, str] = {}


def cache_key(text: str, first_line: int, split_outcome: bool) -> str:
    """What a parse depends on: the text, its first line, the outcome split, the version."""
    return digest(__version__, text, str(first_line), str(split_outcome))


def encode(parsed: Iterable[Parsed], previous: ParseCache | None = None) -> bytes:
    """The cache file's bytes, for these parsed fields: a header line, then one line per
    field (its key, a tab, its JSON), in key order."""
    lines: dict[str, str] = {}
    known = previous.lines if previous is not None else {}
    for p in parsed:
        key = cache_key(p.text, p.first_line, p.split_outcome)
        lines[key] = known.get(key) or json.dumps([
            p.html, p.outcome_html, [[c.value, c.line] for c in p.citations],
            [[i.value, i.line, i.alt] for i in p.images], [[x.value, x.line] for x in p.links],
            [[t.value, t.line] for t in p.top_headings], [[f.line, f.message] for f in p.findings],
            p.first_paragraph, p.first_line, p.split_outcome], ensure_ascii=False,
            separators=(",", ":"))
    header = json.dumps({"format": _FORMAT, "version": __version__})
    return "\n".join([header, *(f"{key}\t{lines[key]}" for key in sorted(lines))]).encode()


def decode(data: bytes) -> ParseCache:
    """The parsed fields in a cache file (without their text); empty if it cannot be used."""
    cache = ParseCache()
    try:
        header, *entries = data.decode().split("\n")
        found = json.loads(header)
        if found.get("format") != _FORMAT or found.get("version") != __version__:
            return cache
        for entry in entries:
            key, line = entry.split("\t", 1)
            (html, outcome, citations, images, links, top, findings, first, first_line,
             split) = json.loads(line)
            cache[key] = Parsed(
                str(html), None if outcome is None else str(outcome),
                tuple(Located(str(v), int(n)) for v, n in citations),
                tuple(Image(str(v), int(n), str(alt)) for v, n, alt in images),
                tuple(Located(str(v), int(n)) for v, n in links),
                tuple(Located(str(v), int(n)) for v, n in top),
                "", tuple(Finding(int(n), str(m)) for n, m in findings),
                str(first), int(first_line), bool(split))
            cache.lines[key] = line
    except (ValueError, TypeError, KeyError, AttributeError):
        return ParseCache()
    return cache
