"""A parsed document -> its outline: title, introduction, sections, examples and references.

A block is a top-level section heading when it is a heading of the shallowest level below the
title (or, in plain text without markers, a heading-like line outside any example, or one whose
title names a known section). "Example of effectiveness" headings start examples; everything
else belongs to the example or section intro it follows. A draft that does not follow the
published layout is read as the author meant it: its "Background" (or "Overview") is the
introduction, and a section that names no practice theme but tells a case (it has an Outcome)
is an example of the practice-theme section before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .document import Block, Document, Kind, Warn, recognise

ROLES = ("introduction", "summary", "standards", "references", "theme")


@dataclass
class Part:
    """An example of effectiveness: its heading and the blocks of its body."""

    heading: Block
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Section:
    """A top-level section: its heading (None for the introduction), role, intro and examples."""

    heading: Block | None
    role: str
    blocks: list[Block] = field(default_factory=list)
    examples: list[Part] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The section heading's text."""
        return self.heading.text if self.heading else ""


@dataclass
class Outline:
    """A document's structure, ready for mapping to content."""

    title: Block | None
    sections: list[Section]
    references: dict[int, Block]


def role_of(title: str) -> str:
    """What a top-level section is for, from its title."""
    words = normalise(title)
    if words in ("introduction", "about this spotlight", "background", "overview", "cyflwyniad",
                 "cefndir", "trosolwg", "am y sbotolau hwn"):
        return "introduction"
    if re.search(r"\bsummary\b|\bcrynodeb\b", words):
        return "summary"
    if re.fullmatch(r"(our )?(inspection )?standards|(ein )?safonau( arolygu)?", words):
        return "standards"
    if re.search(r"\breferences?\b|\backnowledge?ments?\b|\bcyfeiriadau\b|\bcydnabyddiaeth",
                 words):
        return "references"
    return "theme"


def normalise(title: str) -> str:
    """A title reduced to lower-case words, for matching."""
    return " ".join(re.findall(r"[a-z0-9]+", title.lower().replace("’", "'")))


def outline(document: Document, known: Callable[[str], bool],
            warn: Warn) -> Outline:
    """Split ``document`` into its outline; ``known`` says whether a title names a section."""
    blocks = [recognise(b) for b in document.blocks]
    title = _title(blocks, warn)
    levels = [b.level for b in blocks if b.kind == Kind.HEADING and b.level > 0]
    top = min(levels) if levels else None
    sections = [Section(None, "introduction")]
    references: dict[int, Block] = {}
    example: Part | None = None
    for index, block in enumerate(blocks):
        section = sections[-1]
        if example is not None and _unlabelled_example(example, blocks, index):
            warn(block.line, f"heading '{block.text}' after the Outcome of "
                             f"'{example.heading.text}' tells a case with its own Outcome: it "
                             "is imported as an example of its own; if it is not one, move its "
                             "text into the example before")
            example = Part(replace(block, kind=Kind.EXAMPLE))
            section.examples.append(example)
        elif block.kind == Kind.HEADING and _starts_section(block, top, example, known):
            role = role_of(block.text)
            if role == "introduction" and len(sections) == 1:
                section.heading = block
            else:
                sections.append(Section(block, role))
            example = None
        elif block.kind == Kind.EXAMPLE:
            if section.role != "theme":
                warn(block.line, f"example '{block.text}' is not in a practice-theme section: "
                                 "it is put in a section 'Examples of effectiveness'")
                section = Section(None, "theme")
                sections.append(section)
            example = Part(block)
            section.examples.append(example)
        elif block.kind == Kind.NUMBERED and section.role == "references" and not block.level \
                and example is None:  # a numbered list of references without "[n]"
            number = max(references, default=0) + 1
            references[number] = replace(block, kind=Kind.REFERENCE, number=number)
        elif block.kind == Kind.REFERENCE:
            if block.number in references:
                warn(block.line, f"reference [{block.number}] is listed twice: the second is "
                                 "kept as text")
                section.blocks.append(block)
            else:
                references[block.number] = block
        else:
            (example.blocks if example else section.blocks).append(block)
    return Outline(title, _cases_as_examples(sections, known, warn), references)


def _cases_as_examples(sections: list[Section], known: Callable[[str], bool],
                       warn: Warn) -> list[Section]:
    """``sections`` with each that names no practice theme but tells a case (it has an
    Outcome, and no examples of its own) made an example of the theme section before it."""
    kept: list[Section] = []
    for section in sections:
        heading = section.heading
        if heading is None or section.role != "theme" or section.examples \
                or known(section.title) or not any(b.kind == Kind.OUTCOME for b in section.blocks):
            kept.append(section)
            continue
        home = kept[-1] if kept and kept[-1].role == "theme" else None
        if home is None:
            home = Section(None, "theme")
            kept.append(home)
        where = f"the section '{home.title}'" if home.title else \
            "a section 'Examples of effectiveness'"
        warn(heading.line, f"'{section.title}' names no practice theme but tells a case (it has "
                           f"an Outcome): it is imported as an example, in {where}")
        home.examples.append(Part(replace(heading, kind=Kind.EXAMPLE, level=0), section.blocks))
    return kept


def title_index(blocks: list[Block]) -> int | None:
    """Where the title is in (recognised) ``blocks``: the first heading, if no heading is above
    its level."""
    headings = [i for i, b in enumerate(blocks) if b.kind == Kind.HEADING]
    if not headings:
        return None
    first = blocks[headings[0]]
    if first.level > 1 and any(0 < blocks[i].level < first.level for i in headings):
        return None
    return headings[0]


def _title(blocks: list[Block], warn: Warn) -> Block | None:
    """Take the title out of ``blocks``."""
    index = title_index(blocks)
    if index is None:
        return None
    if index > 0:
        warn(blocks[0].line, "text before the title is put in the introduction")
    return blocks.pop(index)


def _starts_section(block: Block, top: int | None, example: Part | None,
                    known: Callable[[str], bool]) -> bool:
    if block.level == 0:
        return known(block.text) or (top is None and example is None)
    return top is not None and block.level <= top


def _unlabelled_example(example: Part, blocks: list[Block], index: int) -> bool:
    """Whether the heading at ``index``, without the "Example of effectiveness:" label, starts
    an example: it follows an example's Outcome, at the example heading's level, and the text
    under it has an Outcome of its own."""
    block = blocks[index]
    if block.kind != Kind.HEADING or block.level == 0 or example.heading.level not in (
            0, block.level) or not any(b.kind == Kind.OUTCOME for b in example.blocks):
        return False
    for later in blocks[index + 1:]:
        if later.kind == Kind.OUTCOME:
            return True
        if later.kind in (Kind.EXAMPLE,) or (later.kind == Kind.HEADING and
                                             0 < later.level <= block.level):
            return False
    return False
