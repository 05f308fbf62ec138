"""Blocks and inline spans -> Markdown that spotlight's parser reads back as the same text.

Text from the source is escaped so that nothing in it turns into markup by accident (a line that
starts with "1." or "#", a "*", a "|"); bare web addresses become autolinks and numbered
citations such as [4] become ``[@ref-4]`` when the source has a reference 4.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .document import Block, Kind, Span, Warn

WIDTH = 96
_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TYPOGRAPHER = re.compile(r"(?<=\([cCrR])\)|(?<=\([tT][mM])\)|(?<=-)-|(?<=\.)\.(?=\.)|(?<=\+)-")
_URL = re.compile(r"https?://[^\s<>\"]+")
_CITATION = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")
# "*" starts a list or a rule only before a space or more stars: "**bold**" is safe.
_RISKY_START = re.compile(r"^(?:[#>+=\-~|]|\*(?:\s|[*\s]*$)|\d{1,9}[.)](?:\s|$))")
_SAFE_LINK = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)


@dataclass
class Inline:
    """Turns spans into Markdown; knows the report's reference numbers and records problems."""

    references: frozenset[int]
    warn: Warn
    line: int = 0
    unknown: set[int] = field(default_factory=set)

    def __call__(self, spans: Sequence[Span], line: int) -> str:
        self.line = line
        out = []
        for span in spans:
            if span.href and _SAFE_LINK.match(span.href) and \
                    span.text.strip() in (span.href, span.href.removeprefix("mailto:")):
                out.append(_pad(span.text, f"<{span.text.strip().replace('>', '%3E')}>"))
            elif span.href and _SAFE_LINK.match(span.href) and span.text.strip():
                label = self.text(span.text.strip())
                out.append(_pad(span.text, f"[{label}](<{span.href.replace('>', '%3E')}>)"))
            elif span.style and span.text.strip():
                mark = "*" if span.style == "em" else "**"
                out.append(_pad(span.text, f"{mark}{self.text(span.text.strip())}{mark}"))
            else:
                out.append(self.text(span.text))
        return " ".join("".join(out).split())

    def text(self, text: str) -> str:
        """Escape plain text, turning web addresses into links and [n] into citations."""
        pieces, last = [], 0
        for match in _URL.finditer(text):
            url = match.group().rstrip(".,;:)’”'")
            pieces.append(self._citations(text[last:match.start()]))
            pieces.append(f"<{url}>")
            last = match.start() + len(url)
        pieces.append(self._citations(text[last:]))
        return "".join(pieces)

    def _citations(self, text: str) -> str:
        pieces, last = [], 0
        for match in _CITATION.finditer(text):
            numbers = _numbers(match.group(1))
            if numbers and all(n in self.references for n in numbers):
                pieces.append(_escape(text[last:match.start()]))
                pieces.append("".join(f"[@ref-{n}]" for n in numbers))
                last = match.end()
            elif numbers:
                missing = [n for n in numbers if n not in self.references]
                self.warn(self.line, f"citation {match.group()} names no reference "
                                     f"({', '.join(map(str, missing))}): kept as text")
        pieces.append(_escape(text[last:]))
        return "".join(pieces)


def _numbers(group: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", group):
        ends = [int(n) for n in re.split(r"\s*[–-]\s*", part)]
        if len(ends) == 2 and 0 < ends[1] - ends[0] < 20:
            numbers.extend(range(ends[0], ends[1] + 1))
        else:
            numbers.extend(ends)
    return numbers


def _escape(text: str) -> str:
    text = _ESCAPE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _TYPOGRAPHER.sub(lambda m: "\\" + m.group(), text)


def _pad(original: str, marked: str) -> str:
    before = " " if original[:1].isspace() else ""
    after = " " if original[-1:].isspace() else ""
    return before + marked + after


def safe_start(markdown: str) -> str:
    """Escape a first character that would make a line a heading, list, quote or rule."""
    if _RISKY_START.match(markdown):
        digits = re.match(r"^\d+", markdown)
        if digits:
            return markdown[:digits.end()] + "\\" + markdown[digits.end():]
        return "\\" + markdown
    return markdown


def wrap(text: str, first: str, rest: str, width: int = WIDTH) -> str:
    """Wrap Markdown text after a prefix, never breaking where a line would change meaning."""
    words = text.split(" ")
    lines: list[str] = []
    current = first + safe_start(words[0]) if words else first
    for word in words[1:]:
        if len(current) + 1 + len(word) > width and not _RISKY_START.match(word) \
                and len(current) > len(rest):
            lines.append(current)
            current = rest + word
        else:
            current += " " + word
    lines.append(current)
    return "\n".join(line.rstrip() for line in lines)


def blocks_markdown(blocks: Sequence[Block], inline: Inline, *, example: bool,
                    width: int = WIDTH, outcome: str = "Outcome") -> str:
    """Markdown for a run of blocks: a section intro, the introduction, or an example body
    (whose Outcome is headed ``outcome``: "Canlyniad" in Welsh)."""
    chunks: list[str] = []
    list_lines: list[str] = []
    widths: list[int] = []
    in_outcome = False

    def flush() -> None:
        if list_lines:
            chunks.append("\n".join(list_lines))
            list_lines.clear()
            widths.clear()

    for index, block in enumerate(blocks):
        text = inline(block.spans, block.line)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind in (Kind.BULLET, Kind.NUMBERED):
            del widths[block.level:]
            indent = " " * sum(widths)
            marker = "- " if block.kind == Kind.BULLET else "1. "
            while len(widths) < block.level:
                widths.append(2)
            widths.append(len(marker))
            list_lines.append(wrap(text, indent + marker, indent + " " * len(marker), width))
            continue
        flush()
        if block.kind == Kind.OUTCOME and example and not in_outcome:
            in_outcome = True
            chunks.append(f"## {outcome}")
            if text:
                chunks.append(wrap(text, "", "", width))
        elif block.kind == Kind.OUTCOME:
            chunks.append(wrap(f"{outcome}: {text}" if text else outcome, "", "", width))
        elif block.kind == Kind.HEADING or (example and is_subheading(block, following)):
            plain = inline([replace(s, style="") for s in block.spans], block.line)
            chunks.append("## " + safe_start(plain.rstrip(":").rstrip()))
        elif block.kind == Kind.QUOTE:
            chunks.append(wrap(text, "> ", "> ", width))
        elif block.kind == Kind.REFERENCE:
            numbered = inline([Span(f"[{block.number}] "), *block.spans], block.line)
            chunks.append(wrap(numbered, "", "", width))
        elif block.kind == Kind.TABLE:
            chunks.append(table(block, inline))
        elif block.kind == Kind.FIELD:
            chunks.append(wrap(f"{inline([Span(block.term)], block.line)}: {text}", "", "",
                                    width))
        else:
            chunks.append(wrap(text, "", "", width))
    flush()
    return "\n\n".join(c for c in chunks if c.strip()) + ("\n" if chunks else "")


def table(block: Block, inline: Inline) -> str:
    """A table block as a pipe table, its first row the header (a "|" in a cell is escaped)."""
    rows = [[inline(cell, block.line) for cell in row] for row in block.rows]
    lines = ["|" + "".join(f" {cell} |" if cell else " |" for cell in row) for row in rows]
    lines.insert(1, "|" + " --- |" * len(rows[0]))
    return "\n".join(lines)


def is_subheading(block: Block, following: Block | None) -> bool:
    """A short line such as "Robust pre-release planning:" that introduces a list of bullets."""
    text = block.text.strip()
    bold = all(s.style == "strong" for s in block.spans if s.text.strip())
    if block.kind != Kind.PARAGRAPH or following is None or \
            (following.kind not in (Kind.BULLET, Kind.NUMBERED) and not bold):
        return False
    words = text.rstrip(":").split()
    return (0 < len(words) <= 12 and text[:1].isupper() and not re.search(r"[.!?;,]", text)
            and text[-1] not in ")’”'\"")
