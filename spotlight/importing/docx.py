"""Word documents (.docx), through mammoth: Word styles -> semantic HTML -> the HTML parser.

mammoth maps Word's paragraph styles to headings, its numbering to real lists, and footnotes
and endnotes to a numbered list that the HTML parser reads as references. Each paragraph is put
on a line of its own first, so line numbers in messages are paragraph numbers.
"""

from __future__ import annotations

import io
import re
import zipfile

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


def parse_docx(data: bytes, source: str) -> Document:
    """Parse a Word document into blocks; lines are paragraph numbers."""
    import mammoth  # imported here: only Word documents need it

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=_STYLE_MAP)
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise SpotlightError([Problem(source, None, f"is not a Word document (.docx) that can "
                                      f"be read: {error}")]) from None
    html = _BLOCK_START.sub("\n", result.value)
    document = parse_html(f"<body>{html}</body>", source)
    notes = tuple((0, f"Word document: {message}")
                  for message in sorted({m.message for m in result.messages}))
    return Document(document.source, document.blocks, document.skipped + notes)
