"""Typed, immutable models: the validated content, and the assembled site templates see.

The validated site file, report files and examples' front matter are declared, key by key, in
content/ (site_fields.py, report_fields.py, fields.py) and named here too; the assembled site,
its cross-report library included, is defined here, so that assembly (site/) imports the
models and no model imports assembly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from .content.fields import ExampleFront as ExampleFront
from .content.report_fields import Fact as Fact
from .content.report_fields import ReferenceSource as ReferenceSource
from .content.report_fields import ReportSource as ReportSource
from .content.report_fields import SectionSource as SectionSource
from .content.site_fields import Logo as Logo
from .content.site_fields import Pdu as Pdu
from .content.site_fields import PracticeTheme as PracticeTheme
from .content.site_fields import Region as Region
from .content.site_fields import SentenceType as SentenceType
from .content.site_fields import Settings as Settings
from .content.site_fields import Standard as Standard
from .content.waiver import Waiver as Waiver
from .i18n import N_
from .markdown import Parsed

#: Declares a field that holds an example's own text, or what is made from it (a glossary of
#: the terms its examples use): a page or PDF that reads the field depends on the text of the
#: examples the object holds (see incremental/depends.py), and is made again when it changes.
EXAMPLE_TEXT = {"example_text": True}

# --- Validated content -------------------------------------------------------------------
# The site file and report files are declared in content/site_fields.py and
# content/report_fields.py, an example's front matter in content/fields.py: one declaration
# for validation, the typed model, the JSON Schema and the documentation.


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


# --- The cross-report library (assembled by site/library.py) ------------------------------


@dataclass(frozen=True)
class Link:
    """A link to a page of the site: an output path (maybe with a #fragment) and its text."""

    path: str
    text: str


@dataclass(frozen=True)
class Appearance:
    """Where an example appears in one report: the report, its section, the example's place."""

    report: Report
    section: str
    path: str


@dataclass(frozen=True)
class ExamplePage:
    """An example's permalink page, with its metadata as links to the library's pages."""

    slug: str
    path: str
    title: str
    kind: str
    description: str
    practice_theme: Link
    also_practice_themes: tuple[Link, ...]
    region: Link
    pdu: Link | None
    standards: tuple[Link, ...]
    sentence_type: str | None
    tags: tuple[str, ...]
    # Left out of repr: a page shows them only by reading them, which a build notes.
    body: Markup = field(repr=False, metadata=EXAMPLE_TEXT)
    outcome: Markup | None = field(repr=False, metadata=EXAMPLE_TEXT)
    appearances: tuple[Appearance, ...]
    previous: Link | None
    next: Link | None
    #: Its front matter as written: every declared field, for templates to show.
    front: ExampleFront = field(repr=False)

    @property
    def trail(self) -> tuple[Link, ...]:
        """The breadcrumbs between Home and this page."""
        return (Link("index.html#practice-themes", N_("Practice themes")), self.practice_theme)

    @property
    def practice_themes(self) -> tuple[Link, ...]:
        """The practice theme, then any further practice themes the example illustrates."""
        return (self.practice_theme, *self.also_practice_themes)


@dataclass(frozen=True)
class ListingGroup:
    """The examples of a listing that are found in one report (each in its newest report)."""

    report: Report
    examples: tuple[ExamplePage, ...]


@dataclass(frozen=True)
class Listing:
    """A page gathering examples: one practice theme, region, PDU or standard."""

    kind: str
    label: str
    slug: str
    path: str
    title: str
    intro: Markup
    trail: tuple[Link, ...]
    groups: tuple[ListingGroup, ...]
    children: tuple[Listing, ...] = ()

    @property
    def examples(self) -> tuple[ExamplePage, ...]:
        """Every example listed, in page order."""
        return tuple(e for g in self.groups for e in g.examples)

    @property
    def reports(self) -> tuple[Report, ...]:
        """Every report that holds one of the examples, newest first."""
        found = {a.report.slug: a.report for e in self.examples for a in e.appearances}
        return tuple(sorted(found.values(), key=lambda r: (r.published, r.slug), reverse=True))


@dataclass(frozen=True)
class Library:
    """Every cross-report page of the site."""

    examples: tuple[ExamplePage, ...]
    practice_themes: tuple[Listing, ...]
    regions: tuple[Listing, ...]
    pdus: tuple[Listing, ...]
    standards: tuple[Listing, ...]

    @property
    def listings(self) -> tuple[Listing, ...]:
        """Every listing page."""
        return (*self.practice_themes, *self.regions, *self.pdus, *self.standards)


# --- The whole site ----------------------------------------------------------------------


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
    #: The site file as written: every declared key, for templates to show.
    settings: Settings = field(repr=False)

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
