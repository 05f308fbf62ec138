"""Lists typed by hand: paragraphs that start with a bullet or a number the writer typed
("•<TAB>We met 14 practitioners", "- ...", "– ...", "* ...", "o " for a sub-bullet, "1) ...",
"(a) ...") instead of using Word's or the page's own lists. Consecutive such paragraphs become
a list, nested where the marker changes (an "o" or "(a)" under a "•" or "1)") or the text is
indented; a paragraph alone becomes a list item only when its marker cannot be anything else
(a bullet sign).

Plain text is read this way by its own parser (text.py); this is for web pages and Word
documents, where such lists arrive as ordinary paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .document import Block, Kind

#: A typed marker and its kind: the indent, then the marker, then at least one space or tab.
_MARKER = re.compile(
    r"^(?P<indent>[ \t\u00a0]*)(?:(?P<sign>[•▪●■◆►➢✓·‣⁃])|(?P<dash>[-–—])|(?P<star>\*)|"
    r"(?P<o>[o◦○])|(?P<number>\d{1,2}[.)]|\(\d{1,2}\))|"
    r"(?P<roman>\((?:i{1,3}|iv|vi{0,3}|ix|x)\))|(?P<letter>[a-z][.)]|\([a-z]\)))"
    r"[ \t\u00a0]+(?=\S)")
#: Markers that make a list item even on a paragraph of their own.
_SURE = ("sign",)


def _marker(block: Block) -> tuple[str, str, int] | None:
    """(kind of marker, its indent, where the text starts) of a typed list item, or None."""
    if block.kind != Kind.PARAGRAPH or not block.spans:
        return None
    found = _MARKER.match(block.spans[0].text)
    if found is None:
        return None
    kind = next(k for k in ("sign", "dash", "star", "o", "number", "letter", "roman")
                if found.group(k))
    return kind, found.group("indent").expandtabs(4), found.end()


def typed_lists(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each run of typed list items made into list items."""
    out = list(blocks)
    index = 0
    while index < len(out):
        run = index
        while run < len(out) and _marker(out[run]) is not None:
            run += 1
        items = out[index:run]
        if items and (len(items) > 1 or _marker(items[0])[0] in _SURE  # type: ignore[index]
                      or _beside_list(out, index, run)):
            out[index:run] = _as_list(items)
        index = max(run, index + 1)
    return out


def _beside_list(blocks: list[Block], start: int, end: int) -> bool:
    """Whether a run of typed items follows or precedes a list of the source's own."""
    lists = (Kind.BULLET, Kind.NUMBERED)
    return (start > 0 and blocks[start - 1].kind in lists) or \
        (end < len(blocks) and blocks[end].kind in lists)


def _as_list(items: list[Block]) -> list[Block]:
    """Typed items -> list items, each kind of marker (at each indent) one level deeper than
    the one it follows, as a writer nests "o" under "•" or "(a)" under "1)"; "•", "-", "–" and
    "*" are one kind."""
    stack: list[tuple[str, int]] = []
    made = []
    for block in items:
        found = _marker(block)
        assert found is not None
        kind, indent, start = found
        if kind == "roman" and ("letter", len(indent)) in stack and \
                ("roman", len(indent)) not in stack and len(block.text[:start].strip()) == 3:
            kind = "letter"  # "(i)" after "(h)"
        key = ("bullet" if kind in ("sign", "dash", "star") else kind, len(indent))
        if key in stack:
            del stack[stack.index(key) + 1:]
        else:
            while stack and stack[-1][1] > len(indent):
                stack.pop()
            stack.append(key)
        numbered = kind in ("number", "letter", "roman")
        made.append(replace(block.without_prefix(start),
                            kind=Kind.NUMBERED if numbered else Kind.BULLET,
                            level=len(stack) - 1))
    return made
