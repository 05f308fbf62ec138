"""A draft's title page: what it gives the report, and what it holds that is not the report.

Before the first section heading a draft often has, beside its title and "Published: ...",
lines that belong to the document rather than the spotlight: "Prepared by ...", "Version 3 –
draft for QA", a subtitle ("Draft for internal review"), a date, an "OFFICIAL-SENSITIVE"
marking. They are left out and listed in one warning, so that the lead can add by hand any
that is wanted; the introduction keeps the text around them.

A subtitle that gives the region the title lacks (the title "Effective Practice Spotlight",
then "The Probation Service – Westshire region") is joined to the title, as the published
title reads: "Effective Practice Spotlight: The Probation Service – Westshire region".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .dates import whole_date
from .document import Block, Document, Kind, Span, Warn, recognise
from .outline import normalise, title_index
from .site_additions import region_in_title

_MOST_WORDS = 15
_TITLE_PAGE = re.compile(
    r"^(?:(?:prepared|written|compiled|produced|drafted|edited|reviewed|approved|checked|"
    r"updated|authored|signed off|owned)\s+by\b"
    r"|(?:authors?|document owner|owner|contact|lead inspector|reviewers?|editors?|status|"
    r"(?:security )?classification|protective marking|document (?:reference|ref|number|no)|"
    r"(?:last )?(?:updated|revised|modified)|date|draft date|version date)\s*[:\-–—]"
    r"|authors?\b"
    r"|(?:version|ver|v)\s*\.?\s*\d"
    r"|version\b"
    r"|(?:(?:first|second|third|final|working|internal|early|revised|full|consultation)\s+)?"
    r"draft\b"
    r"|©|\(c\)\s|(?:crown\s+)?copyright\b)", re.IGNORECASE)
_MARKING = re.compile(r"^(?:OFFICIAL(?:\s*[-‑–—:]?\s*SENSITIVE)?|NOT PROTECTIVELY MARKED|"
                      r"PROTECT|RESTRICTED|CONFIDENTIAL|UNCLASSIFIED)\b")
_MARKINGS = frozenset({"official", "official sensitive", "not protectively marked",
                       "sensitive", "restricted", "confidential"})
_MONTH_YEAR = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+"
                         r"\d{4}$|^\d{4}$", re.IGNORECASE)


def title_page(document: Document, regions: Iterable[str], warn: Warn) -> Document:
    """``document`` with its title-page lines left out (and said in one warning), and its
    title joined to a subtitle that names the region."""
    blocks = [recognise(b) for b in document.blocks]
    title = title_index(blocks)
    kept = list(document.blocks)
    gone: set[int] = set()
    if title is not None and title + 1 < len(blocks) and (joined := _with_subtitle(
            blocks[title], blocks[title + 1], list(regions))) is not None:
        kept[title] = joined
        gone.add(title + 1)  # used in the title: not said
    said: list[int] = []
    for index, block in enumerate(blocks):
        if index == title or index in gone:
            continue
        if is_title_page_line(block):
            said.append(index)
        elif block.kind in (Kind.HEADING, Kind.EXAMPLE) and (title is None or index > title):
            break  # the first section: the title page is behind
    if said:
        lines = "; ".join(f"'{' '.join(blocks[i].text.split())}'" for i in said)
        warn(blocks[said[0]].line, f"{len(said)} title-page line(s) left out, as not part of "
                                   f"the report: {lines}; add by hand any that is wanted (the "
                                   "title, the region and the publication date are taken from "
                                   "the title page)")
    gone.update(said)
    if not gone:
        return document
    return replace(document, blocks=tuple(b for i, b in enumerate(kept) if i not in gone))


def is_title_page_line(block: Block) -> bool:
    """Whether a line before the first section belongs to the title page, not the report."""
    if block.kind not in (Kind.PARAGRAPH, Kind.HEADING, Kind.FIELD) or \
            (block.kind == Kind.HEADING and block.level > 0):
        return False
    text = " ".join(block.text.split())
    if block.kind == Kind.FIELD and block.term:
        text = f"{block.term}: {text}"
    if block.subtitle:
        return True
    words = len(text.split())
    if not text or words > _MOST_WORDS or re.search(r"[.!?]\s+[A-Z]", text) or \
            (words > 8 and text[-1] in ".!?"):  # a sentence: "Draft guidance was issued..."
        return False
    return bool(_TITLE_PAGE.match(text) or _MARKING.match(text)
                or normalise(text) in _MARKINGS or whole_date(text)
                or _MONTH_YEAR.match(text.strip(" .")))


def _with_subtitle(title: Block, after: Block, regions: list[str]) -> Block | None:
    """The title joined to the line after it, when that line names the region the title
    lacks ("The Probation Service – Westshire region"), else None."""
    text = " ".join(after.text.split())
    if after.kind not in (Kind.PARAGRAPH, Kind.HEADING) or after.level > 0 or not text or \
            len(text.split()) > 12 or text[-1] in ".!?" or \
            region_in_title(title.text, regions) is not None or \
            region_in_title(f"{title.text}: {text}", regions) is None:
        return None
    return replace(title, spans=(*title.spans, Span(": "), *after.spans))
