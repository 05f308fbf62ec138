"""Typed, immutable models: the validated content, and the assembled site templates see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from .content.fields import ExampleFront, Waiver
from .markdown import Parsed

if TYPE_CHECKING:
    from .site.library import Library

#: Declares a field that holds an example's own text, or what is made from it (a glossary of
#: the terms its examples use): a page or PDF that reads the field depends on the text of the
#: examples the object holds (see incremental/depends.py), and is made again when it changes.
EXAMPLE_TEXT = {"example_text": True}

# --- Validated content -------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeTheme:
    """A practice theme: court work, resettlement, public protection..."""

    slug: str
    title: str
    intro: Parsed
    outcome_expected: bool = True


@dataclass(frozen=True)
class Standard:
    """An inspection standard from the catalogue."""

    code: str
    title: str
    text: str


@dataclass(frozen=True)
class Pdu:
    """A Probation Delivery Unit."""

    slug: str
    name: str
    region: str


@dataclass(frozen=True)
class Region:
    """A probation region and its PDUs."""

    slug: str
    name: str
    pdus: tuple[Pdu, ...]


@dataclass(frozen=True)
class SentenceType:
    """A sentence type such as a community order or a licence."""

    slug: str
    name: str


@dataclass(frozen=True)
class Logo:
    """An image from the content folder shown on PDF covers, with its alt text."""

    src: str
    alt: str


@dataclass(frozen=True)
class Settings:
    """The site file: settings and taxonomies."""

    title: str
    organisation: str
    language: str
    base_url: str | None
    licence: Parsed
    practice_themes: tuple[PracticeTheme, ...]
    standards: tuple[Standard, ...]
    regions: tuple[Region, ...]
    sentence_types: tuple[SentenceType, ...]
    glossary: tuple[tuple[str, str], ...]
    known_abbreviations: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    accessibility: Parsed | None = None
    theme_override: str | None = None
    logo: Logo | None = None
    new_page_per_section: bool = False
    handouts: bool = True
    contents_examples: bool | None = None
    favicon: str | None = None
    #: The languages the site publishes, the main one first; () for its ``language`` alone.
    languages: tuple[str, ...] = ()
    #: What a missing or unknown translation is: "error" or "warning".
    translations: str = "error"

    def practice_theme(self, slug: str) -> PracticeTheme:
        """The practice theme with this slug."""
        return next(t for t in self.practice_themes if t.slug == slug)

    def region(self, slug: str) -> Region:
        """The region with this slug."""
        return next(r for r in self.regions if r.slug == slug)


@dataclass(frozen=True)
class Fact:
    """A summary figure such as the number of cases reviewed."""

    label: str
    value: int
    key: str | None
    part_of: str | None
    parts_complete: bool = False


@dataclass(frozen=True)
class SectionSource:
    """A report section as the report file orders it."""

    practice_theme: str
    intro: Parsed | None
    line: int = 0


@dataclass(frozen=True)
class ReferenceSource:
    """A numbered reference as written in a report file."""

    key: str
    text: Parsed
    url: str | None
    accessed: dt.date | None


@dataclass(frozen=True)
class ReportSource:
    """A validated report file."""

    slug: str
    path: Path
    title: str
    region: str
    fieldwork_start: dt.date | None
    fieldwork_end: dt.date | None
    published: dt.date | None
    introduction: Parsed
    facts: tuple[Fact, ...]
    summary: Parsed
    standards_intro: Parsed
    sections: tuple[SectionSource, ...] | None
    references: tuple[ReferenceSource, ...]
    acknowledgements: Parsed
    new_page_per_section: bool | None = None
    contents_examples: bool | None = None
    name: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    waivers: tuple[Waiver, ...] = ()
    #: The language it is written in (en, cy); None for the site's main language.
    language: str | None = None
    #: The slug of the report it translates, if it is a translation.
    translation_of: str | None = None


@dataclass(frozen=True, kw_only=True)
class ExampleSource(ExampleFront):
    """A validated example file: its front matter (declared in ``ExampleFront``), its slug
    (from the front matter or the file name), where it is, and its parsed body."""

    slug: str
    path: Path
    body: Parsed
    name: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Content:
    """Everything validated: the input of assembly."""

    settings: Settings
    reports: tuple[ReportSource, ...]
    examples: tuple[ExampleSource, ...]
    assets: frozenset[str]


# --- Assembled site ----------------------------------------------------------------------


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
    glossary: tuple[tuple[str, str], ...] = field(default=(), repr=False, metadata=EXAMPLE_TEXT)
    keywords: tuple[str, ...] = ()
    new_page_per_section: bool = False
    #: Whether the web page's contents list each section's examples.
    contents_examples: bool = False

    @property
    def examples(self) -> tuple[Example, ...]:
        """Every example in the report, in reading order."""
        return tuple(e for s in self.sections for e in s.examples)


@dataclass(frozen=True)
class CollectionPart:
    """The examples of one report inside a practice-theme collection."""

    anchor: str
    report_title: str
    region: Region
    published: dt.date
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class Collection:
    """A practice theme's examples gathered across every report: its own PDF."""

    slug: str
    title: str
    intro: Markup
    published: dt.date
    parts: tuple[CollectionPart, ...]
    references: tuple[Reference, ...]
    glossary: tuple[tuple[str, str], ...] = field(repr=False, metadata=EXAMPLE_TEXT)
    keywords: tuple[str, ...]
    pdf: str
    new_page_per_section: bool = False

    @property
    def examples(self) -> tuple[Example, ...]:
        """Every example in the collection, in reading order."""
        return tuple(e for p in self.parts for e in p.examples)


@dataclass(frozen=True)
class Handout:
    """One example on one page, to print and share: its own PDF."""

    example: Example
    reports: tuple[Report, ...]
    published: dt.date
    references: tuple[Reference, ...]
    glossary: tuple[tuple[str, str], ...] = field(repr=False, metadata=EXAMPLE_TEXT)
    keywords: tuple[str, ...]
    pdf: str


@dataclass(frozen=True)
class Site:
    """The whole assembled site."""

    title: str
    organisation: str
    language: str
    base_url: str | None
    licence: Markup
    reports: tuple[Report, ...]
    glossary: tuple[tuple[str, str], ...]
    images: tuple[str, ...]
    library: Library
    accessibility: Markup

    logo: Logo | None = None
    #: The site's icon, by its path in the website; without one, the visual theme's.
    favicon: str | None = None

    def url(self, path: str) -> str | None:
        """The absolute address of an output path, or None when the base URL is not set."""
        if not self.base_url:
            return None
        return self.base_url + ("" if path == "index.html" else path)


@dataclass(frozen=True)
class PrintSet:
    """The PDFs made besides the reports: practice-theme collections and example handouts."""

    collections: tuple[Collection, ...]
    handouts: tuple[Handout, ...]
