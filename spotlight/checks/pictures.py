"""Text left in published pictures: what an SVG's text, title and description say is read by
the same anonymisation rules as the prose (raster pictures are published without their text
chunks and EXIF, see images.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..svg_check import svg_texts
from .corpus import Corpus
from .sources import FileText, Text


def picture_texts(corpus: Corpus) -> Iterator[Text]:
    """Each text of each SVG picture the site publishes, located in its file."""
    root = Path(corpus.site_path).parent
    for name in corpus.site.images:
        if not name.lower().endswith(".svg"):
            continue
        path = root / name
        try:
            data = path.read_bytes()
        except OSError:
            continue  # reported by the build
        for line, text in svg_texts(data):
            source = FileText(path.as_posix(), "\n" * (line - 1) + text)
            yield Text(source, ("svg",), text, False, range(line - 1, line - 1 + len(text)),
                       line - 1)
