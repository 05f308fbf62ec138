"""The parse cache: each example's parsed front matter and Markdown body, kept from one build
to the next.

Reading YAML and parsing Markdown is most of what a build spends on an example, so a rebuild
reads again only what changed. The cache is a file of the build records (``records.CACHE``,
see records.py): a header line, then one line per entry, its key (a digest of the text it was
read from and spotlight's version), a tab and its JSON. Entries are decoded only when looked
up, and written out again unchanged. A missing, damaged or foreign cache is ignored, and
``--clean`` does not read it. JSON rather than pickle, so that reading a cache can never run
code.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from .. import __version__
from ..content.yamlio import YList, YMap
from ..markdown import Finding, Image, Located, Parsed
from .digests import digest

_FORMAT = 10  # 4: numbers that are not plain whole numbers kept as written; 5: links to examples;
# 6: tables in a scrolling region, heading levels that never skip one; 7: links and
# pictures left as text found; 8: pasted bullets read as lists; 9: not in code fences;
# 10: web addresses typed in the text are links
#: What ``ParseCache.front`` returns when the cache does not have the front matter.
MISSING = object()


class ParseCache:
    """The entries a previous build wrote, and those this build keeps for the next one."""

    def __init__(self, lines: dict[str, str] | None = None,
                 memo: dict[Any, Any] | None = None) -> None:
        self._read = lines or {}
        #: key -> JSON line: what the next build will find (see ``keep``).
        self.kept: dict[str, str] = {}
        #: Validated examples by what they were made from, kept in memory between the
        #: preview's saves (see ``validated``); None in a build, which runs once.
        self.memo = memo

    def validated(self, key: Any) -> Any:
        """What validation made of an example (``key``: its file, text and what else it
        reads), if this process made it before; else None."""
        return self.memo.get(key) if self.memo is not None else None

    def remember(self, key: Any, value: Any) -> None:
        """Keep what validation made of an example, for the preview's next save."""
        if self.memo is not None:
            self.memo[key] = value

    def __len__(self) -> int:
        return len(self._read)

    def body(self, text: str, first_line: int) -> tuple[str, Parsed | None]:
        """An example body's key, and its parsed Markdown if the cache has it."""
        key = digest("body", __version__, text, str(first_line))
        line = self._read.get(key)
        if line is None:
            return key, None
        try:
            parsed = _parsed(json.loads(line))
        except (ValueError, TypeError, KeyError):
            return key, None
        return key, replace(parsed, text=text, first_line=first_line, split_outcome=True)

    def front(self, text: str) -> tuple[str, Any]:
        """Front matter's key, and its YAML data if the cache has it (else ``MISSING``)."""
        key = digest("front", __version__, text)
        line = self._read.get(key)
        if line is None:
            return key, MISSING
        try:
            return key, _from_json(json.loads(line))
        except (ValueError, TypeError, KeyError, AttributeError):
            return key, MISSING

    def line(self, key: str) -> str | None:
        """The line the previous build wrote for ``key``."""
        return self._read.get(key)

    # What validation asks, keeping in ``entries`` (key -> line) what the next build will find.

    def read_front(self, text: str, entries: dict[str, str]) -> tuple[bool, Any]:
        """(True, the YAML data) of front matter the cache has; else (False, None)."""
        key, data = self.front(text)
        if data is MISSING:
            return False, None
        entries[key] = self._read[key]
        return True, data

    def keep_front(self, text: str, data: Any, entries: dict[str, str]) -> None:
        """Keep the YAML data read from front matter (unless JSON cannot hold it)."""
        if (line := front_line(data)) is not None:
            entries[digest("front", __version__, text)] = line

    def read_body(self, text: str, first_line: int, entries: dict[str, str]) -> Parsed | None:
        """The parsed Markdown of an example body the cache has."""
        key, body = self.body(text, first_line)
        if body is not None:
            entries[key] = self._read.get(key) or body_line(body)
        return body

    @staticmethod
    def keep_body(parsed: Parsed, entries: dict[str, str]) -> None:
        """Keep an example body's parsed Markdown."""
        entries[digest("body", __version__, parsed.text, str(parsed.first_line))] = \
            body_line(parsed)

    def keep(self, entries: dict[str, str]) -> None:
        """Keep these entries (key -> JSON line) for the next build."""
        self.kept.update(entries)


def body_line(parsed: Parsed) -> str:
    """The JSON line of a parsed body."""
    p = parsed
    return json.dumps([
        p.html, p.outcome_html, [[c.value, c.line] for c in p.citations],
        [[i.value, i.line, i.alt] for i in p.images], [[x.value, x.line] for x in p.links],
        [[t.value, t.line] for t in p.top_headings], [[f.line, f.message] for f in p.findings],
        p.first_paragraph], ensure_ascii=False, separators=(",", ":"))


def front_line(data: Any) -> str | None:
    """The JSON line of front matter's YAML data; None for data JSON cannot hold."""
    try:
        return json.dumps(_to_json(data), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None


def encode(cache: ParseCache) -> bytes:
    """The cache file's bytes: what ``cache`` keeps, in key order."""
    header = json.dumps({"format": _FORMAT, "version": __version__})
    lines = [f"{key}\t{line}" for key, line in sorted(cache.kept.items())]
    return "\n".join([header, *lines]).encode()


def decode(data: bytes) -> ParseCache:
    """A cache read from a file's bytes; empty if it cannot be used."""
    try:
        header, *entries = data.decode().split("\n")
        found = json.loads(header)
        if found.get("format") != _FORMAT or found.get("version") != __version__:
            return ParseCache()
        return ParseCache(dict(entry.split("\t", 1) for entry in entries))
    except (ValueError, TypeError, AttributeError):
        return ParseCache()


def _parsed(found: list[Any]) -> Parsed:
    html, outcome, citations, images, links, top, findings, first = found
    return Parsed(
        str(html), None if outcome is None else str(outcome),
        tuple(Located(str(v), int(n)) for v, n in citations),
        tuple(Image(str(v), int(n), str(alt)) for v, n, alt in images),
        tuple(Located(str(v), int(n)) for v, n in links),
        tuple(Located(str(v), int(n)) for v, n in top),
        "", tuple(Finding(int(n), str(m)) for n, m in findings), str(first))


def _to_json(value: Any) -> Any:
    """YAML data as JSON, keeping every line number and the date types."""
    if type(value) is str:  # most values: told first
        return value
    if isinstance(value, YMap):
        line, lines = value.line, value.key_lines
        return {"m": [line, [[k if type(k) is str else _to_json(k), lines.get(k, line),
                              v if type(v) is str else _to_json(v)] for k, v in value.items()]]}
    if isinstance(value, YList):
        return {"l": [value.line, [[line, v if type(v) is str else _to_json(v)] for line, v in
                                   zip(value.item_lines, value, strict=True)]]}
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise TypeError(f"not cached: {type(value).__name__}")


def _from_json(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    (kind, found), = value.items()
    if kind == "m":
        mapping = YMap()
        mapping.line = int(found[0])
        for key, line, item in found[1]:
            key = _from_json(key)
            mapping[key] = _from_json(item)
            mapping.key_lines[key] = int(line)
        return mapping
    if kind == "l":
        items = YList(_from_json(item) for _, item in found[1])
        items.line, items.item_lines = int(found[0]), [int(line) for line, _ in found[1]]
        return items
    if kind == "t":
        return dt.datetime.fromisoformat(found)
    if kind == "d":
        return dt.date.fromisoformat(found)
    raise KeyError(kind)
