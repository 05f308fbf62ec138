"""Text left in published pictures: what an SVG's text, title and description say is read by
the gate's anonymisation rules, as prose is (raster pictures are published without their text
chunks and EXIF, see images.py). So is every picture's file name, which is published in the
pages' addresses: ``jordan-blake-07700900123.png`` is read as "Jordan Blake 07700900123"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..content.load import RawContent
from ..errors import display_path
from .addresses import identifier_hits, phrase_names
from .anonymisation import Context, hits
from .finding import Finding, finding


def picture_findings(raw: RawContent, abbreviations: frozenset[str],
                     pseudonyms: frozenset[str] = frozenset()) -> Iterator[Finding]:
    """The anonymisation findings in the text of every SVG picture of the content folder, and
    in every picture's file name; ``pseudonyms``, the cases' (see addresses.py)."""
    context = Context(False, pseudonyms, abbreviations)
    prose: list[str] = []  # the content's text, made once a picture has a name to read
    for name in sorted(raw.assets):
        if name.lower().endswith(_PICTURES):
            if not prose:
                prose.append("\n".join(f.text for f in (raw.site, *raw.reports, *raw.examples)
                                        if f is not None).lower())
            yield from _name_findings(raw, name, context, prose[0])
        if not name.lower().endswith(".svg"):
            continue
        path = raw.root / name
        try:
            data = path.read_bytes()
        except OSError:
            continue  # reported where the build reads it
        from ..content.svg_check import svg_texts  # tinycss2: only when there is an SVG

        shown = display_path(path)
        for line, text in svg_texts(data):
            for code, index, flagged, message in hits(text, text, context):
                yield finding(code, shown, (line, index + 1), message, flagged)


_PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
_SEPARATORS = re.compile(r"[-_.]+")


def _name_findings(raw: RawContent, name: str, context: Context,
                   prose: str) -> Iterator[Finding]:
    """The anonymisation findings in a picture's file name, its words capitalised as a
    name would be written; ``prose``, the content's text in lower case, whose words are no
    surnames ("chloe-victim-statement": the text speaks of a victim)."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = " ".join(word[:1].upper() + word[1:] for word in _SEPARATORS.split(stem) if word)
    if not words:
        return
    shown = display_path(raw.root / name)
    # Names as a slug's are found (``chloe-victim-statement`` is no "Chloe Victim"), the
    # other details in the words capitalised.
    found = [*hits(words, words, replace(context, names=False)),
             *phrase_names(words.lower(), context, prose)]
    said = {(code, flagged.upper()) for code, _, flagged, _ in found}
    # Numbers and identifiers whatever their case ("ab12cde", "a1234bc"), as written there.
    more = [hit for hit in identifier_hits(stem, context) if (hit[0], hit[2].upper()) not in said]
    for code, _, flagged, message in (*found, *more):
        yield finding(code, shown, (1, 1), f"in the picture's file name, {message}; rename "
                      "the file, and the address that names it", flagged)
