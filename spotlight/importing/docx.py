"""Word documents (.docx), through mammoth: Word styles -> semantic HTML -> the HTML parser.

mammoth maps Word's paragraph styles to headings, its numbering to real lists, and footnotes
and endnotes to a numbered list that the HTML parser reads as references. Each paragraph is put
on a line of its own first, so line numbers in messages are paragraph numbers.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from ..errors import Problem, SpotlightError
from .document import Document
from .html import parse_html

# Word styles mammoth does not map by itself.
_STYLE_MAP = "\n".join((
    "p[style-name='Title'] => h1:fresh",
    "p[style-name='Subtitle'] => p:fresh",
    "p[style-name='Quote'] => blockquote > p:fresh",
    "p[style-name='Intense Quote'] => blockquote > p:fresh",
    "p[style-name='Block Text'] => blockquote > p:fresh",
))
_BLOCK_START = re.compile(r"(?=<(?:p|h[1-6]|li|tr)[ >])")


#: Limits on what a Word document may unpack to, checked before mammoth reads it: a .docx is
#: a zip file, and a small one can inflate to gigabytes (a "zip bomb").
MAX_INFLATED = 256 * 1024 * 1024
MAX_RATIO = 100  # Word's XML compresses about 10 to 1; pictures hardly at all
MAX_PARTS = 10_000


def parse_docx(data: bytes, source: str) -> Document:
    """Parse a Word document into blocks; lines are paragraph numbers.

    Anything that makes it unreadable (a damaged or hostile file) is one clear message."""
    import mammoth  # imported here: only Word documents need it

    def refuse(reason: str) -> SpotlightError:
        return SpotlightError([Problem(source, None, reason)])

    _check_parts(data, refuse)
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=_STYLE_MAP)
    except Exception as error:  # mammoth and the XML parser raise many kinds
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise refuse(f"is not a Word document (.docx) that can be read ({reason}); open it in "
                     "Word and save it again") from None
    html = _BLOCK_START.sub("\n", result.value)
    document = parse_html(f"<body>{html}</body>", source)
    notes = tuple((0, f"Word document: {message}")
                  for message in sorted({m.message for m in result.messages}))
    return Document(document.source, document.blocks, document.skipped + notes)


def _check_parts(data: bytes, refuse: Callable[[str], SpotlightError]) -> None:
    """Refuse a Word document that would unpack to too much, or whose XML declares entities
    (which Word never writes, and which can expand without bound)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise refuse(f"holds {len(parts)} parts, more than a Word document ever has")
            total = sum(p.file_size for p in parts)
            if total > MAX_INFLATED:
                raise refuse(f"would unpack to {total // 2**20} MB, more than spotlight reads "
                             f"({MAX_INFLATED // 2**20} MB); it may be damaged or hostile")
            for part in parts:
                if part.file_size > 2**20 and part.file_size > MAX_RATIO * max(
                        part.compress_size, 1):
                    raise refuse(f"has a part ({part.filename}) that unpacks to "
                                 f"{part.file_size // max(part.compress_size, 1)} "
                                 "times its size, which Word never writes; it may be hostile")
            for part in parts:
                if part.filename.endswith((".xml", ".rels")):
                    with archive.open(part) as stream:
                        head = stream.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise refuse(f"has a part ({part.filename}) with an XML document type "
                                     "or entity, which Word never writes; it may be hostile")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError) as error:
        raise refuse(f"is not a Word document (.docx) that can be read ({error}); open it in "
                     "Word and save it again") from None
