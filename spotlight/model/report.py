"""The assembled report: its examples, sections and references, what its web page and its
PDF are rendered from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from .validated import (
    ExampleFront,
    Fact,
    Pdu,
    PracticeTheme,
    Region,
    ReportSource,
    SentenceType,
    Standard,
)

#: Declares a field that holds an example's own text, or what is made from it (a glossary of
#: the terms its examples use): a page or PDF that reads the field depends on the text of the
#: examples the object holds (see incremental/depends.py), and is made again when it changes.
EXAMPLE_TEXT = {"example_text": True}


@dataclass(frozen=True)
class Example:
    """An example of effectiveness as it appears in one report."""

    slug: str
    anchor: str
    title: str
    kind: str
    practice_theme: PracticeTheme
    region: Region
    pdu: Pdu | None
    standards: tuple[Standard, ...]
    sentence_type: SentenceType | None
    tags: tuple[str, ...]
    # Left out of repr: a page shows them only by reading them, which a build notes.
    body: Markup = field(repr=False, metadata=EXAMPLE_TEXT)
    outcome: Markup | None = field(repr=False, metadata=EXAMPLE_TEXT)
    #: Its front matter as written: every declared field, for templates to show.
    front: ExampleFront = field(repr=False)

    @property
    def page(self) -> str:
        """The output path of the example's own page (its permalink)."""
        return example_page(self.slug)


def example_page(slug: str) -> str:
    """The output path of the permalink page of the example with this slug."""
    return f"examples/{slug}.html"


@dataclass(frozen=True)
class Section:
    """A report section: one practice theme with its intro and examples."""

    anchor: str
    title: str
    intro: Markup
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class Reference:
    """A numbered reference with links back to every place that cites it."""

    number: int
    anchor: str
    text: Markup
    url: str | None
    accessed: dt.date | None
    backlinks: tuple[str, ...]
    #: The language of its text where a translation keeps it as the original wrote it (an
    #: English title in a Welsh report): the page marks it. None: the page's own.
    lang: str | None = None


@dataclass(frozen=True)
class Report:
    """A report, assembled: what its web page and its PDF are rendered from."""

    slug: str
    title: str
    region: Region
    fieldwork_start: dt.date
    fieldwork_end: dt.date
    published: dt.date
    introduction: Markup
    facts: tuple[Fact, ...]
    summary: Markup
    standards_intro: Markup
    standards: tuple[Standard, ...]
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    acknowledgements: Markup
    page: str
    pdf: str
    images: tuple[str, ...]
    #: Its report file as written: every declared key, for templates to show.
    source: ReportSource = field(repr=False)
    glossary: tuple[tuple[str, str], ...] = field(default=(), repr=False, metadata=EXAMPLE_TEXT)
    keywords: tuple[str, ...] = ()
    new_page_per_section: bool = False
    #: Whether the web page's contents list each section's examples.
    contents_examples: bool = False

    @property
    def examples(self) -> tuple[Example, ...]:
        """Every example in the report, in reading order."""
        return tuple(e for s in self.sections for e in s.examples)
