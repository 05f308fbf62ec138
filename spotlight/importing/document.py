"""The document model every source format is parsed into, before it is mapped to content.

A parser turns a plain-text export, a saved web page or a Word document into a flat list of
blocks, each with the source line it came from. The parsers only say what a block *looks* like
(a heading of some level, a paragraph, a bullet...); ``recognise`` then finds, in the same way
for every format, what a block *means* in a spotlight: an "Example of effectiveness" heading,
an Outcome, a numbered reference, a quotation, "Back to top" navigation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

#: How the stages of an import report something they could not map: (source line, message).
Warn = Callable[[int, str], None]


class Kind(Enum):
    """What a block is."""

    HEADING = "heading"        # level 1 is the document title; 0 means "looks like a heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"          # level 0, 1... for nested lists
    NUMBERED = "numbered"
    QUOTE = "quote"
    FIELD = "field"            # a term and its value (an HTML <dl> row): "Published: 1 May 2025"
    EXAMPLE = "example"        # "Example of effectiveness: <title>"; the text is the title
    OUTCOME = "outcome"        # "Outcome: <text>" or an "Outcome" heading (empty text)
    REFERENCE = "reference"    # "[3] <text>"; number holds 3
    TABLE = "table"            # rows of cells (the first row is the header); spans: all its text


@dataclass(frozen=True)
class Span:
    """A run of inline text: plain, emphasised, strong, or a link."""

    text: str
    style: str = ""  # "", "em" or "strong"
    href: str = ""


@dataclass(frozen=True)
class Block:
    """One block of the source, with the line (or Word paragraph) it starts on."""

    kind: Kind
    spans: tuple[Span, ...]
    line: int
    level: int = 0
    number: int = 0
    term: str = ""
    rows: tuple[tuple[tuple[Span, ...], ...], ...] = ()  # a table's rows of cells
    subtitle: bool = False  # a paragraph the source styles as a subtitle (Word's "Subtitle")

    @property
    def text(self) -> str:
        """The block's plain text."""
        return "".join(s.text for s in self.spans)

    def without_prefix(self, length: int) -> Block:
        """The same block with its first ``length`` characters of text removed."""
        spans: list[Span] = []
        for span in self.spans:
            if length >= len(span.text):
                length -= len(span.text)
                continue
            spans.append(replace(span, text=span.text[length:]))
            length = 0
        return replace(self, spans=tuple(strip_spans(spans)))


@dataclass(frozen=True)
class Document:
    """A parsed source: its blocks in reading order, and what the parser had to leave out."""

    source: str
    blocks: tuple[Block, ...]
    skipped: tuple[tuple[int, str], ...] = ()  # (line, what was left out or changed, and why)


def plain(text: str, kind: Kind, line: int, level: int = 0) -> Block:
    """A block of plain text."""
    return Block(kind, (Span(text),), line, level)


def strip_spans(spans: list[Span]) -> list[Span]:
    """Drop leading and trailing whitespace (and empty spans) from a run of spans."""
    spans = [s for s in spans if s.text]
    while spans and not spans[0].text.strip():
        spans.pop(0)
    while spans and not spans[-1].text.strip():
        spans.pop()
    if spans:
        spans[0] = replace(spans[0], text=spans[0].text.lstrip())
        spans[-1] = replace(spans[-1], text=spans[-1].text.rstrip())
    return spans


# --- recognition, shared by every format --------------------------------------------------

BACK_TO_TOP = re.compile(r"\s*\(?\s*back to (?:the )?top\s*\)?\s*$", re.IGNORECASE)
_BACK_LINK = re.compile(r"^\s*(?:\(?\s*back to (?:the )?(?:top|contents|citation(?: \d+)?)"
                        r"(?: of reference \d+)?\s*\)?|skip to (?:the )?(?:main )?content|"
                        r"download (?:this|the) (?:report|spotlight|page)(?: as an? pdf)?|"
                        r"[↑^])\s*$",
                        re.IGNORECASE)
# The labels in English and in Welsh ("Enghraifft o effeithiolrwydd: ...", "Canlyniad: ...").
_EXAMPLE = re.compile(r"^\s*(?:examples? of effective(?:ness| practice)|enghr(?:aifft|eifftiau) o "
                      r"(?:effeithiolrwydd|(?:y|a)rfer effeithiol))\s*[:\-–—]\s*", re.IGNORECASE)
_OUTCOME = re.compile(r"^\s*(?:outcomes?|canlyniad(?:au)?)\s*(?:[:\-–—]\s*|$)", re.IGNORECASE)
_WELSH_LABEL = re.compile(r"^\s*(?:enghr(?:aifft|eifftiau) o |canlyniad(?:au)?\s*[:\-–—]|"
                          r"sbotol(?:au|euadau) )", re.IGNORECASE)
_REFERENCE = re.compile(r"^\s*\[(\d{1,3})\]\s*")
_OPEN_QUOTES = "‘“'\""
_QUOTE_END = re.compile(r"[’”'\"][.,;]?(?:\s*\[\d{1,3}\])*\s*[.,;]?\s*$")


def is_navigation(text: str) -> bool:
    """True for "Back to top" and similar links, which are navigation, not text."""
    return bool(_BACK_LINK.match(text))


def opens(text: str) -> Kind | None:
    """``Kind.EXAMPLE`` for a line that starts an example ("Example of effectiveness: ..."),
    ``Kind.OUTCOME`` for one that starts an Outcome ("Outcome: ..."), else None."""
    if _EXAMPLE.match(text):
        return Kind.EXAMPLE
    return Kind.OUTCOME if _OUTCOME.match(text) else None


def in_welsh(document: Document) -> bool:
    """Whether a spotlight is written in Welsh: its examples, Outcomes or title are labelled
    in Welsh ("Enghraifft o effeithiolrwydd:", "Canlyniad:", "Sbotolau Ymarfer Effeithiol")."""
    return any(_WELSH_LABEL.match(b.text) for b in document.blocks
               if b.kind in (Kind.HEADING, Kind.PARAGRAPH))


def recognise(block: Block) -> Block:
    """Say what a block means in a spotlight, whatever format it came from."""
    text = block.text
    prose = block.kind in (Kind.HEADING, Kind.PARAGRAPH)
    if prose and (match := _EXAMPLE.match(text)) and len(text) > match.end():
        return replace(block.without_prefix(match.end()), kind=Kind.EXAMPLE)
    if prose and (match := _OUTCOME.match(text)) and (
            block.kind == Kind.HEADING or len(text) > match.end()):
        return replace(block.without_prefix(match.end()), kind=Kind.OUTCOME, level=0)
    if block.kind in (Kind.PARAGRAPH, Kind.NUMBERED, Kind.BULLET) and \
            (match := _REFERENCE.match(text)):
        return replace(block.without_prefix(match.end()), kind=Kind.REFERENCE,
                       number=int(match.group(1)), level=0)
    bold = all(s.style == "strong" for s in block.spans if s.text.strip())
    if block.kind == Kind.PARAGRAPH and bold and 0 < len(text.split()) <= 12 \
            and text.rstrip()[-1] not in ".:;,!?":
        return replace(block, kind=Kind.HEADING, level=0)  # a bold line standing as a heading
    if block.kind == Kind.PARAGRAPH and text[:1] in _OPEN_QUOTES and _QUOTE_END.search(text) \
            and len(text) > 40:
        return replace(block, kind=Kind.QUOTE)
    return block
