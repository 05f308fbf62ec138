"""The parse cache: each example body's parsed Markdown, kept from one build to the next.

Parsing Markdown is most of what a build spends on an example, so a rebuild parses only the
bodies whose text changed. The cache is a JSON file in the output folder (``CACHE``), keyed by
a digest of the text, where it starts in its file, and spotlight's version. It is only ever a
shortcut: a missing, damaged or foreign cache is ignored, and ``--clean`` does not read it.
JSON rather than pickle, so that reading a cache can never run code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from . import __version__
from .incremental import digest
from .markdown import Finding, Image, Located, Parsed

CACHE = ".spotlight-cache"
_FORMAT = 1


def cache_key(text: str, first_line: int, split_outcome: bool) -> str:
    """What a parse depends on: the text, its first line, the outcome split, the version."""
    return digest(__version__, text, str(first_line), str(split_outcome))


def encode(parsed: Iterable[Parsed]) -> bytes:
    """The cache file's bytes, for these parsed fields."""
    entries = {cache_key(p.text, p.first_line, p.split_outcome): [
        p.html, p.outcome_html, [[c.value, c.line] for c in p.citations],
        [[i.value, i.line, i.alt] for i in p.images], [[x.value, x.line] for x in p.links],
        [[t.value, t.line] for t in p.top_headings], [[f.line, f.message] for f in p.findings],
        p.first_paragraph, p.first_line, p.split_outcome] for p in parsed}
    return json.dumps({"format": _FORMAT, "version": __version__,
                       "entries": dict(sorted(entries.items()))},
                      ensure_ascii=False, separators=(",", ":")).encode()


def decode(data: bytes) -> Mapping[str, Parsed]:
    """The parsed fields in a cache file (without their text), or none if it cannot be used."""
    try:
        found = json.loads(data)
        if found.get("format") != _FORMAT or found.get("version") != __version__:
            return {}
        return {str(key): Parsed(
            str(html), None if outcome is None else str(outcome),
            tuple(Located(str(v), int(n)) for v, n in citations),
            tuple(Image(str(v), int(n), str(alt)) for v, n, alt in images),
            tuple(Located(str(v), int(n)) for v, n in links),
            tuple(Located(str(v), int(n)) for v, n in top),
            "", tuple(Finding(int(n), str(m)) for n, m in findings),
            str(first), int(line), bool(split))
            for key, (html, outcome, citations, images, links, top, findings, first, line,
                      split) in found["entries"].items()}
    except (ValueError, TypeError, KeyError, AttributeError):
        return {}
