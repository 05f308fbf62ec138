"""Sentences that belong to a section, not to the example they follow in the source.

A spotlight often ends one example with a sentence that introduces the next ("The case below
highlights...") or closes a section after its last Outcome ("You can access our guides at
our website"). Left where they stand, the first would sit in one example's page and handout
and point to a case that is not there, and the second would be read as part of the Outcome.
Both are moved to the section's own text, with a warning so the author can check the place.
"""

from __future__ import annotations

import re

from .document import Block, Kind, Warn
from .outline import Part, Section

_INTRODUCES = re.compile(
    r"\b(?:case|cases|example|examples|initiative|initiatives|case stud(?:y|ies))\b[^.]{0,40}"
    r"\bbelow\b|\bbelow\b[^.]{0,60}\b(?:case|cases|example|examples)\b|"
    r"\bthe (?:following|next) (?:case|cases|example|examples)\b", re.IGNORECASE)
_ADDRESSES = re.compile(
    r"\b(?:you can|our website|find out more|further information|more information|available "
    r"(?:at|on|from)|access our|read (?:more|our)|see our)\b|https?://", re.IGNORECASE)
_MOVABLE = (Kind.PARAGRAPH, Kind.QUOTE)


def settle(section: Section, warn: Warn) -> None:
    """Move each example's trailing bridge or closing remark into the section's text."""
    last = len(section.examples) - 1
    for index, part in enumerate(section.examples):
        moved: list[Block] = []
        while part.blocks and _belongs_to_section(part, index < last, moved):
            moved.insert(0, part.blocks.pop())
        if not moved:
            continue
        section.blocks.extend(moved)
        what = ("introduces the next example" if index < last and
                _INTRODUCES.search(moved[0].text) else "closes the section")
        warn(moved[0].line, f"the text after '{part.heading.text}' {what}: it is moved to the "
                            f"introduction of section '{section.title}'; check that it reads "
                            "well there")


def _belongs_to_section(part: Part, another_follows: bool, moved: list[Block]) -> bool:
    block = part.blocks[-1]
    if block.kind not in _MOVABLE or len(part.blocks) < 2:
        return False
    has_outcome = any(b.kind == Kind.OUTCOME for b in part.blocks[:-1])
    introduces = bool(_INTRODUCES.search(block.text))
    addresses = bool(_ADDRESSES.search(block.text))
    if introduces and another_follows:
        return True
    return (has_outcome or not another_follows) and (addresses or (introduces and not moved))
