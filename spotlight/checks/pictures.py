"""Text left in published pictures: what an SVG's text, title and description say is read by
the gate's anonymisation rules, as prose is (raster pictures are published without their text
chunks and EXIF, see images.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.load import RawContent
from ..errors import display_path
from .anonymisation import Context, hits
from .finding import Finding, finding


def picture_findings(raw: RawContent, abbreviations: frozenset[str]) -> Iterator[Finding]:
    """The anonymisation findings in the text of every SVG picture of the content folder."""
    context = Context(False, frozenset(), abbreviations)
    for name in sorted(raw.assets):
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
