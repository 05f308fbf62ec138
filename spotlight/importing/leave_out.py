"""What a draft holds that is not part of the spotlight, left out before it is outlined: a
contents list, and a part its heading says is not for publication.

- A "Contents" (or "Table of contents") line, with the entries after it: lines naming the
  document's headings, or ending in a page number ("1. Court work<TAB>4"). The website and
  the PDF make their own contents. (Word's automatic table of contents is taken out before
  this, with the Word document's XML: ``word_xml.py``.)
- A heading that says it is not for publication ("Annex: notes for the QA panel (delete
  before publication)", "Internal only", "Do not publish"), with everything under it: up to
  the next heading of its level or above (for a bold line standing as a heading, or an
  example, up to the next heading or example).

Each is said in a warning naming it, so that nothing goes silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .document import Block, Document, Kind, Warn, recognise
from .outline import normalise, title_index

_CONTENTS = frozenset({"contents", "table of contents", "contents page", "list of contents",
                       "cynnwys", "tabl cynnwys"})
_ENTRY_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z][.)]|[ivx]{1,4}[.)])\s+",
                           re.IGNORECASE)
_PAGE = re.compile(r"(?:\s*[.·…_\-–]{2,}\s*|\s+)(\d{1,3})\s*$")
_EXAMPLE_LABEL = re.compile(r"^examples? of effective(?:ness| practice)\s*", re.IGNORECASE)
_ENTRY_KINDS = (Kind.PARAGRAPH, Kind.NUMBERED, Kind.BULLET, Kind.HEADING)

#: What a heading says when its part is not for publication (matched on its lower-case words).
UNPUBLISHED = re.compile(
    r"\b(?:(?:delete|remove|take out|cut|drop)(?: \w+){0,3} before (?:publication|publishing|"
    r"it is published|release|sending)"
    r"|not (?:for|to be|intended for) (?:publication|published|publishing|release|circulation|"
    r"sharing|the report)"
    r"|do not (?:publish|circulate|share|include)"
    r"|(?:for )?internal (?:use )?only"
    r"|for (?:the )?qa"
    r"|qa (?:notes|panel|comments|only|checks?|queries)"
    r"|notes? (?:for|to) (?:the )?(?:qa |review |quality assurance )?(?:panel|reviewers?|"
    r"editors?|qa|moderators?)"
    r"|(?:drafting|editorial|editor s|reviewer s|reviewers|internal|qa) notes)\b")


def leave_out(document: Document, known: Callable[[str], bool], warn: Warn) -> Document:
    """``document`` without its contents list and the parts not for publication."""
    blocks = [recognise(b) for b in document.blocks]
    title = title_index(blocks)
    keep = [True] * len(blocks)
    _contents(blocks, keep, title, warn)
    _unpublished(blocks, keep, title, known, warn)
    if all(keep):
        return document
    return replace(document, blocks=tuple(b for b, k in zip(document.blocks, keep, strict=True)
                                          if k))


def _contents(blocks: list[Block], keep: list[bool], title: int | None, warn: Warn) -> None:
    headings = [(i, _core(b.text)) for i, b in enumerate(blocks)
                if b.kind in (Kind.HEADING, Kind.EXAMPLE)]
    for index, block in enumerate(blocks):
        if index == title or not keep[index] or block.kind not in (Kind.HEADING,
                                                                   Kind.PARAGRAPH) \
                or normalise(block.text) not in _CONTENTS:
            continue
        end = index + 1
        while end < len(blocks) and _is_entry(blocks[end], {
                name for i, name in headings if i > end and name}):  # a heading still to come
            end += 1
        keep[index:end] = [False] * (end - index)
        entries = end - index - 1
        warn(block.line, f"the contents list ('{block.text.strip()}' and its {entries} "
                         f"entr{'y' if entries == 1 else 'ies'}) left out: the website and the "
                         "PDF make their own contents" if entries else
                         f"the heading '{block.text.strip()}' left out: the website and the "
                         "PDF make their own contents")


def _core(text: str) -> str:
    """A heading or contents entry without its number, its page number and an example's label."""
    text = _ENTRY_NUMBER.sub("", " ".join(text.split()))
    text = _EXAMPLE_LABEL.sub("", _PAGE.sub("", text))
    return normalise(text)


def _is_entry(block: Block, names: set[str]) -> bool:
    """Whether a line after "Contents" is one of its entries."""
    if block.kind not in _ENTRY_KINDS or (block.kind == Kind.HEADING and block.level > 0):
        return False
    text = _ENTRY_NUMBER.sub("", " ".join(block.text.split()))
    if _core(text) in names:
        return True
    return len(text.split()) <= 12 and bool(_PAGE.search(text)) and text[-1].isdigit() \
        and not re.search(r"[.!?]\s", text)


def _unpublished(blocks: list[Block], keep: list[bool], title: int | None,
                 known: Callable[[str], bool], warn: Warn) -> None:
    for index, block in enumerate(blocks):
        if index == title or not keep[index] or block.kind not in (Kind.HEADING, Kind.EXAMPLE) \
                or not UNPUBLISHED.search(normalise(block.text)):
            continue
        end = next((j for j in range(index + 1, len(blocks)) if _ends(blocks[j], block, known)),
                   len(blocks))
        keep[index:end] = [False] * (end - index)
        under = sum(1 for b in blocks[index + 1:end] if b.text.strip())
        what = "the example" if block.kind == Kind.EXAMPLE else "the part headed"
        warn(block.line, f"{what} '{block.text.strip()}' left out, with the {under} "
                         f"paragraph(s) under it: its heading says it is not for publication")


def _ends(block: Block, start: Block, known: Callable[[str], bool]) -> bool:
    """Whether ``block`` ends the part that ``start`` heads."""
    if block.kind not in (Kind.HEADING, Kind.EXAMPLE):
        return False
    if start.level > 0:
        return 0 < block.level <= start.level or (
            block.kind == Kind.HEADING and block.level == 0 and known(block.text))
    return True
