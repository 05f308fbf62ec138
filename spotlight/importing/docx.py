"""Word documents (.docx), through mammoth: Word styles -> semantic HTML -> the HTML parser.

mammoth maps Word's paragraph styles to headings, its numbering to real lists, and footnotes
and endnotes to a numbered list that the HTML parser reads as references. Each paragraph is put
on a line of its own first, so line numbers in messages are paragraph numbers. What Word never
prints (hidden text) and Word's own table of contents are taken out first (``word_xml.py``);
mammoth's messages are said in words for a report writer, and none is given for the styles Word
uses ordinarily.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from ..errors import Problem, SpotlightError
from . import word_xml
from .document import Document
from .html import parse_html

# Word styles mammoth does not map by itself. Lists come first, as in mammoth's own map: a
# numbered "List Paragraph" (Word's style for every bullet) is a list item, an unnumbered one a
# paragraph. The ordinary styles Word uses are mapped, by name and by ID (a document may use a
# style it does not define), so that they produce no message.
_LISTS = [f"p:{kind}-list({level}) => {'ul|ol > li > ' * (level - 1)}{tag} > li:fresh"
          for kind, tag in (("unordered", "ul"), ("ordered", "ol")) for level in range(1, 6)]
_PARAGRAPHS = {  # name -> what it becomes
    "Title": "h1:fresh", "Subtitle": "p.subtitle:fresh",
    "Quote": "blockquote > p:fresh", "Intense Quote": "blockquote > p:fresh",
    "Block Text": "blockquote > p:fresh",
    **{f"Heading {level}": "h6:fresh" for level in range(7, 10)},
    **{name: "p:fresh" for name in (
        "List Paragraph", "Caption", "No Spacing", "Normal (Web)", "Normal Indent", "Body Text",
        "Body Text 2", "Body Text 3", "Body Text Indent", "Body Text First Indent",
        "Plain Text", "List", "List 2", "List 3", "List Bullet", "List Bullet 2",
        "List Bullet 3", "List Number", "List Number 2", "List Number 3", "List Continue",
        "List Continue 2", "Footnote Text", "Endnote Text", "Comment Text", "Header", "Footer",
        "Table Paragraph", "TOC Heading", "Bibliography", "Default", "Revision",
        *(f"TOC {level}" for level in range(1, 10)))},
}
_RUNS = {
    "Emphasis": "em", "Subtle Emphasis": "em", "Intense Emphasis": "strong",
    "Strong": "strong", "Book Title": "",
    **{name: "" for name in (
        "Hyperlink", "FollowedHyperlink", "Followed Hyperlink", "Comment Reference",
        "Footnote Reference", "Endnote Reference", "Subtle Reference", "Intense Reference",
        "Page Number", "Line Number", "Placeholder Text", "Default Paragraph Font",
        "Unresolved Mention", "Mention", "Smart Link")},
}
_STYLE_MAP = "\n".join((
    *_LISTS,
    *(f"p{selector} => {path}" for name, path in _PARAGRAPHS.items()
      for selector in (f"[style-name='{name}']", "." + re.sub(r"[^A-Za-z0-9]", "", name))),
    *(f"r{selector} => {path}" for name, path in _RUNS.items()
      for selector in (f"[style-name='{name}']", "." + re.sub(r"[^A-Za-z0-9]", "", name))),
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
        data, cleaned = word_xml.clean(data)
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=_STYLE_MAP)
    except Exception as error:  # mammoth and the XML parser raise many kinds
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise refuse(f"is not a Word document (.docx) that can be read ({reason}); open it in "
                     "Word and save it again") from None
    html = _BLOCK_START.sub("\n", result.value)
    document = parse_html(f"<body>{html}</body>", source)
    notes = [(0, message) for message in _left_out(cleaned)]
    said = {plain_message(m.message) for m in result.messages}
    notes += [(0, message) for message in sorted(said) if message]
    return Document(document.source, document.blocks, document.skipped + tuple(notes))


def _left_out(cleaned: word_xml.Cleaned) -> list[str]:
    """What cleaning the Word document took out, in words."""
    said = []
    if cleaned.hidden:
        count = len(cleaned.hidden)
        firsts = "; ".join(f"'{_first_words(text)}'" for text in cleaned.hidden[:3])
        more = f" and {count - 3} more" if count > 3 else ""
        said.append(f"{count} piece(s) of hidden text left out (text formatted as hidden in "
                    f"Word, which is never printed): {firsts}{more}; if any of it belongs in "
                    "the spotlight, unhide it in Word and import again")
    if cleaned.contents:
        said.append("Word's table of contents left out: the website and the PDF make their own")
    return said


def _first_words(text: str, count: int = 8) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


_UNRECOGNISED = re.compile(r"^Unrecognised (paragraph|run) style: (.*) \(Style ID: (.*)\)$")
_PLAIN = (
    # A style used but not defined: said as an unknown style when it is not an ordinary one.
    (re.compile(r"style with ID .* was referenced but not defined"), ""),
    (re.compile(r"^Image of type (.+) is unlikely to display in web browsers$"),
     "an image is in a format web browsers cannot show ({0}): when you add it by hand, save it "
     "as PNG or JPEG"),
    (re.compile(r"^Could not find image file"), "an image whose picture is missing from the "
     "document was left out"),
    (re.compile(r"^An unrecognised element was ignored: (?:w:)?object$"),
     "an embedded object (a spreadsheet, a chart...) left out: copy what it shows by hand"),
    (re.compile(r"^An unrecognised element was ignored: (.+)$"),
     "a part of the document that import cannot read ({0}) left out: check the imported text "
     "against the document"),
    (re.compile(r"^A w:sym element with an unsupported character"),
     "a symbol from a symbol font left out: type it as an ordinary character"),
    (re.compile(r"complex field|Unsupported break type"), ""),  # fields and breaks: text kept
    (re.compile(r"cell merging may be incorrect"),
     "a table could not be read cell by cell: check its text against the document"),
)


def plain_message(message: str) -> str:
    """A message of mammoth's, in words for a report writer ("" when it needs none)."""
    if match := _UNRECOGNISED.match(message):
        kind, name, style_id = match.groups()
        name = style_id if name in ("None", "") else name
        if kind == "paragraph":
            return (f"Word document: the paragraph style '{name}' is not one import knows: its "
                    "paragraphs are read as ordinary paragraphs (use Word's Heading 1, Heading "
                    "2... styles for headings)")
        return (f"Word document: the character style '{name}' is not one import knows: its text "
                "is read without it (bold and italic are kept)")
    for pattern, words in _PLAIN:
        if match := pattern.search(message):
            return f"Word document: {words.format(*match.groups())}" if words else ""
    return f"Word document: {message}"


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
