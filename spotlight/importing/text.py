"""Plain text exports: one paragraph per line, or paragraphs hard-wrapped between blank lines.

Plain text has no markup, so this parser reads its shape: the first line is the title; a line
ending in "(Back to top)" is a top-level section heading; a line starting with "-", "•" or "*"
is a bullet (indented deeper for nested lists), "1." or "a)" a numbered item; anything else is a
paragraph. Short lines without closing punctuation become headings of unknown level (``level``
0) only when the text has no "(Back to top)" markers to say where sections start.
"""

from __future__ import annotations

import re

from .document import BACK_TO_TOP, Block, Document, Kind, is_navigation, plain

_BULLET = re.compile(r"^(\s*)(?:[-•*–▪●◦o·]|\u2023)\s+(?=\S)")
_NUMBERED = re.compile(r"^(\s*)(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+(?=\S)")
_WRAP_WIDTH = 100
_WORD = re.compile(r"[^\W\d_]+")
_BROKEN = re.compile(r"(?<![\w-])([^\W\d_]+)-$")  # a line ending in a word and a hyphen
_HEADING_WORDS = 12


def parse_text(text: str, source: str) -> Document:
    """Parse a plain-text spotlight into blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [_clean(line) for line in text.split("\n")]
    markers = any(BACK_TO_TOP.search(line) and not is_navigation(line) for line in lines)
    wrapped = _is_wrapped(lines)
    vocabulary = frozenset(_WORD.findall(text.lower())) if wrapped else frozenset()
    blocks: list[Block] = []
    skipped: list[tuple[int, str]] = []
    title_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if wrapped and blocks:
                blocks.append(plain("", Kind.PARAGRAPH, number))  # a paragraph break
            continue
        if is_navigation(line):
            skipped.append((number, f"navigation '{line.strip()}' left out"))
            continue
        block = _block(line, number, title_seen, markers)
        title_seen = True
        previous = blocks[-1] if blocks else None
        if wrapped and previous is not None and previous.text and _continues(previous, block) \
                and not line.startswith(" " * 6):
            kind = Kind.PARAGRAPH if previous.kind == Kind.HEADING else previous.kind
            blocks[-1] = plain(_join(previous.text, line.strip(), vocabulary), kind,
                               previous.line, previous.level)
            continue
        blocks.append(block)
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


def _join(text: str, line: str, vocabulary: frozenset[str]) -> str:
    """A wrapped line joined to the text before it. A word broken after a hyphen is joined
    without a space: "one-" + "to-one" is "one-to-one"; the hyphen goes only when the text
    uses the word without it elsewhere ("commu-" + "nity" where "community" is written)."""
    broken = _BROKEN.search(text)
    if broken is None:
        return f"{text} {line}"
    rest = _WORD.match(line.lower())
    if rest and f"{broken.group(1).lower()}{rest.group(0)}" in vocabulary:
        return f"{text[:-1]}{line}"
    return f"{text}{line}"


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


def _is_wrapped(lines: list[str]) -> bool:
    """True when paragraphs are hard-wrapped: short lines, and blank lines between paragraphs."""
    full = [line for line in lines if line.strip()]
    return bool(full) and max(len(line) for line in full) <= _WRAP_WIDTH and \
        any(not line.strip() for line in lines) and \
        sum(len(line) > _WRAP_WIDTH * 0.6 for line in full) >= len(full) // 4
