"""Web pages (a spotlight saved from the website, or HTML made from a Word document).

Uses the standard library's event parser, which keeps line numbers and copes with messy pages.
Only the page's main content is read (``<main>``, else ``<article>``, else ``<body>`` without
its header and footer); scripts, navigation and forms are left out, and so are "Back to top"
links. Headings keep their level, list items their depth, ``<dl>`` rows become fields, and a
table becomes one table block (``tables.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .dates import publication_date
from .document import BACK_TO_TOP, Block, Document, Kind, Span, is_navigation, strip_spans
from .tables import TableBuilder
from .typed_lists import typed_lists

_SKIP = {"script", "style", "noscript", "template", "nav", "svg", "button", "form", "select",
         "head", "iframe", "object", "canvas", "audio", "video"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "col", "area", "base", "wbr"}
_CONTAINERS = {"h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "p", "div",
               "section", "article", "main", "header", "footer", "aside", "figure", "figcaption",
               "table", "tr", "td", "th", "ul", "ol", "dl", "pre", "body", "caption", "address",
               "details", "summary"}
_NOTE_ID = re.compile(r"^(?:foot|end)note-(\d+)$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # hidden characters: left out
_SPACES = re.compile(r"[ \t\n\r\f\v]+")  # white space, which a browser shows as one space


@dataclass
class _Element:
    tag: str
    number: int
    attrs: dict[str, str] = field(default_factory=dict)
    text: list[str] = field(default_factory=list)


@dataclass
class _Found:
    block: Block
    where: str  # "main", "article", "chrome" or "body"
    container: int


# Page furniture that pages spotlight built carry inside the content: links to other pages.
_CHROME_CLASSES = {"example__permalink"}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Element] = []
        self.count = 0
        self.spans: list[Span] = []
        self.line = 0
        self.found: list[_Found] = []
        self.skipped: list[tuple[int, str]] = []
        self.term = ""
        self.table: TableBuilder | None = None

    # --- events ---

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "img" and not self._skipping():
            alt = values.get("alt", "").strip()
            self.skipped.append((self.getpos()[0], "image left out (copy it into images/ and add "
                                 f"it by hand){': ' + alt if alt else ''}"))
        if tag == "br":
            self._text(" ")
        if tag in _VOID:
            return
        if tag in _CONTAINERS:
            self._flush()
        if tag == "table" and self.table is not None:
            self.table.nested = True
        elif tag == "table":
            self.table = TableBuilder(self._where())
        elif tag == "tr" and self.table is not None:
            self.table.row()
        elif tag in ("td", "th") and self.table is not None:
            self.table.cell(values)
        self.count += 1
        self.stack.append(_Element(tag, self.count, values))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(e.tag == tag for e in self.stack):
            return
        if tag in _CONTAINERS:
            self._flush()
        while self.stack:
            element = self.stack.pop()
            if element.tag == "sup" and "".join(element.text).strip().isdigit():
                self._wrap_last_number()
            if element.tag == tag:
                break
        if tag in _CONTAINERS:
            self._flush()
        if self.table is not None and not any(e.tag == "table" for e in self.stack):
            self._end_table()

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        self._text(data)

    # --- helpers ---

    def _skipping(self) -> bool:
        return any(e.tag in _SKIP or "hidden" in e.attrs or e.attrs.get("aria-hidden") == "true"
                   or _CHROME_CLASSES & set(e.attrs.get("class", "").split())
                   for e in self.stack)

    def _text(self, data: str) -> None:
        data = _SPACES.sub(" ", _CONTROL.sub("", data))
        if not self.spans and not data.strip():
            return
        if not self.spans:
            self.line = self.getpos()[0]
        for element in self.stack:
            element.text.append(data)
        link = next((e.attrs.get("href", "") for e in reversed(self.stack) if e.tag == "a"), "")
        style = ""
        if any(e.tag in ("strong", "b") for e in self.stack):
            style = "strong"
        elif any(e.tag in ("em", "i", "cite") for e in self.stack):
            style = "em"
        self.spans.append(Span(data.replace("\u00a0", " "), style, link))

    def _wrap_last_number(self) -> None:
        for index in range(len(self.spans) - 1, -1, -1):
            if self.spans[index].text.strip().isdigit():
                span = self.spans[index]
                self.spans[index] = Span(f"[{span.text.strip()}]", span.style, span.href)
                return

    def _flush(self) -> None:
        spans = strip_spans(_without_navigation(self.spans))
        self.spans = []
        text = "".join(s.text for s in spans)
        if not text.strip():
            return
        if is_navigation(text):
            self.skipped.append((self.line, f"navigation '{text.strip()}' left out"))
            return
        kind, level, container, number = self._context()
        if kind == Kind.HEADING:
            spans = _drop_back_to_top(spans)
        if kind == Kind.FIELD and self._innermost("dt"):
            self.term = text.strip().rstrip(":")
            return
        subtitle = kind == Kind.PARAGRAPH and any(
            e.tag == "p" and "subtitle" in e.attrs.get("class", "").split() for e in self.stack)
        block = Block(kind, tuple(spans), self.line, level, number,
                      self.term if kind == Kind.FIELD else "", subtitle=subtitle)
        if self.table is not None:
            self.table.add(block, container, any(e.tag in ("td", "th") for e in self.stack))
        else:
            self._add(block, self._where(), container)

    def _end_table(self) -> None:
        """The table being read has ended: add what it gives."""
        if self.table is None:
            return
        self._flush()
        pieces, notes = self.table.finish()
        where, self.table = self.table.where, None
        for block, container in pieces:
            self._add(block, where, container)
        self.skipped += notes

    def _add(self, block: Block, where: str, container: int) -> None:
        """Add a block, or join it to the list item (or field) it continues."""
        kind = block.kind
        previous = self.found[-1] if self.found else None
        if previous and previous.container == container and kind in (
                Kind.BULLET, Kind.NUMBERED, Kind.FIELD, Kind.REFERENCE):
            merged = (*previous.block.spans, Span(" "), *block.spans)
            previous.block = Block(previous.block.kind, merged, previous.block.line,
                                   previous.block.level, previous.block.number,
                                   previous.block.term)
            return
        self.found.append(_Found(block, where, container))

    def _innermost(self, tag: str) -> bool:
        return any(e.tag == tag for e in self.stack) and next(
            e.tag for e in reversed(self.stack) if e.tag in ("dt", "dd", "li", "blockquote")) == tag

    def _context(self) -> tuple[Kind, int, int, int]:
        lists = [e for e in self.stack if e.tag in ("ul", "ol")]
        for element in reversed(self.stack):
            tag = element.tag
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                return Kind.HEADING, int(tag[1]), element.number, 0
            if tag == "li":
                if match := _NOTE_ID.match(element.attrs.get("id", "")):
                    return Kind.REFERENCE, 0, element.number, int(match.group(1))
                numbered = bool(lists) and lists[-1].tag == "ol"
                return (Kind.NUMBERED if numbered else Kind.BULLET, max(0, len(lists) - 1),
                        element.number, 0)
            if tag in ("dt", "dd"):
                return Kind.FIELD, 0, element.number, 0
            if tag == "blockquote":
                return Kind.QUOTE, 0, self.count, 0
            if tag in ("td", "th"):
                return Kind.PARAGRAPH, 0, self.count, 0
        return Kind.PARAGRAPH, 0, self.count, 0

    def _where(self) -> str:
        tags = [e.tag for e in self.stack]
        roles = [e.attrs.get("role", "") for e in self.stack]
        if "main" in tags or "main" in roles:
            return "main"
        if "article" in tags:
            return "article"
        if "header" in tags or "footer" in tags:
            return "chrome"
        return "body"


def _without_navigation(spans: list[Span]) -> list[Span]:
    """Drop links such as "Back to top" (a link may be split into several spans)."""
    kept: list[Span] = []
    index = 0
    while index < len(spans):
        end = index + 1
        while spans[index].href and end < len(spans) and spans[end].href == spans[index].href:
            end += 1
        run = spans[index:end]
        if not (spans[index].href and is_navigation("".join(s.text for s in run))):
            kept += run
        index = end
    return kept


def _drop_back_to_top(spans: list[Span]) -> list[Span]:
    text = "".join(s.text for s in spans)
    match = BACK_TO_TOP.search(text)
    if not match:
        return spans
    cut = len(text) - match.start()
    while cut and spans:
        last = spans[-1]
        if len(last.text) <= cut:
            cut -= len(last.text)
            spans.pop()
        else:
            spans[-1] = Span(last.text[:-cut], last.style, last.href)
            cut = 0
    return strip_spans(spans)


def parse_html(text: str, source: str) -> Document:
    """Parse a web page's main content into blocks."""
    parser = _Parser()
    parser.feed(text.replace("\r\n", "\n").replace("\r", "\n"))  # as browsers read it
    parser.close()
    parser._flush()
    parser._end_table()  # a table the page never closed
    found = parser.found
    for where in ("main", "article"):
        if any(f.where == where for f in found):
            keep = [f for f in found if f.where == where]
            break
    else:
        keep = [f for f in found if f.where != "chrome"]
    skipped = list(parser.skipped)
    left = [f for f in found if f not in keep]
    dated = next((f for f in left if publication_date(f.block.text, f.block.term)), None)
    if dated is not None:  # the page's publication date, shown above or beside its content
        keep, left = [dated, *keep], [f for f in left if f is not dated]
    if left:
        skipped.append((left[0].block.line, f"{len(left)} block(s) of page header, footer or "
                                            "navigation outside the main content left out"))
    return Document(source, tuple(typed_lists([f.block for f in keep])), tuple(sorted(skipped)))
