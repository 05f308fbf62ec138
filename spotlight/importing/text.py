"""Plain text exports: one paragraph per line, or paragraphs hard-wrapped between blank lines
(``wrapping.py`` says which, and joins wrapped lines).

Plain text has no markup, so this parser reads its shape: the first line is the title; a line
ending in "(Back to top)" is a top-level section heading; a line starting with "-", "•" or "*"
is a bullet (indented deeper for nested lists), "1." or "a)" a numbered item; anything else is a
paragraph. Short lines without closing punctuation become headings of unknown level (``level``
0) only when the text has no "(Back to top)" markers to say where sections start.
"""

from __future__ import annotations

import re

from .document import BACK_TO_TOP, Block, Document, Kind, is_navigation, plain
from .wrapping import Wrapping, is_wrapped

_BULLET = re.compile(r"^(\s*)(?:[-•*–▪●◦o·]|\u2023)\s+(?=\S)")
_NUMBERED = re.compile(r"^(\s*)(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+(?=\S)")
_HEADING_WORDS = 12


def parse_text(text: str, source: str) -> Document:
    """Parse a plain-text spotlight into blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [_clean(line) for line in text.split("\n")]
    markers = any(BACK_TO_TOP.search(line) and not is_navigation(line) for line in lines)
    wrapping = Wrapping.of(text, lines) if is_wrapped(lines, _is_item) else None
    blocks: list[Block] = []
    skipped: list[tuple[int, str]] = []
    title_seen = False
    last, single = "", False  # the line before, and whether it is its block's only line
    for number, line in enumerate(lines, start=1):
        after = lines[number].strip() if number < len(lines) else ""
        if not line.strip():
            if wrapping and blocks:
                blocks.append(plain("", Kind.PARAGRAPH, number))  # a paragraph break
            continue
        if is_navigation(line):
            skipped.append((number, f"navigation '{line.strip()}' left out"))
            continue
        block = _block(line, number, title_seen, markers)
        title_seen = True
        previous = blocks[-1] if blocks else None
        if wrapping and previous is not None and previous.text and _continues(previous, block) \
                and not line.startswith(" " * 6) \
                and not wrapping.ends_block(previous, single, last, line.strip(), after):
            kind = Kind.PARAGRAPH if previous.kind == Kind.HEADING else previous.kind
            blocks[-1] = plain(wrapping.join(previous.text, line.strip()), kind,
                               previous.line, previous.level)
            last, single = line.strip(), False
            continue
        blocks.append(block)
        last, single = line.strip(), True
    blocks = [b for b in blocks if b.text]
    return Document(source, tuple(blocks), tuple(skipped))


def _block(line: str, number: int, title_seen: bool, markers: bool) -> Block:
    if not title_seen:
        return plain(BACK_TO_TOP.sub("", line).strip(), Kind.HEADING, number, 1)
    if match := _BULLET.match(line):
        return plain(line[match.end():].strip(), Kind.BULLET, number, _depth(match.group(1)))
    if match := _NUMBERED.match(line):
        return plain(line[match.end():].strip(), Kind.NUMBERED, number, _depth(match.group(1)))
    stripped = line.strip()
    if markers and BACK_TO_TOP.search(stripped):
        return plain(BACK_TO_TOP.sub("", stripped).strip(), Kind.HEADING, number, 2)
    if not markers and _looks_like_heading(stripped):
        return plain(stripped, Kind.HEADING, number, 0)
    return plain(stripped, Kind.PARAGRAPH, number)


def _continues(previous: Block, block: Block) -> bool:
    """In wrapped text: whether a line carries on the block before it."""
    loose = (Kind.PARAGRAPH, Kind.BULLET, Kind.NUMBERED)
    return (block.kind == Kind.PARAGRAPH or (block.kind == Kind.HEADING and block.level == 0)) \
        and (previous.kind in loose or (previous.kind == Kind.HEADING and previous.level == 0))


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= _HEADING_WORDS and text[0].isupper()
            and text[-1] not in ".,;:!?’”'\")" and not text.startswith("["))


def _depth(indent: str) -> int:
    return len(indent.expandtabs(4)) // 2


def _clean(line: str) -> str:
    line = line.replace("\u00a0", " ").replace("\t", "    ")
    line = "".join(c for c in line if c >= " " or c == "\n")
    return line.rstrip()


def _is_item(line: str) -> bool:
    return bool(_BULLET.match(line) or _NUMBERED.match(line))
