"""The cross-report library, assembled by site/library.py: each example's permalink page and
the listings (practice themes, regions, PDUs, standards) that link them."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ..i18n import N_
from .report import EXAMPLE_TEXT, Reference, Report
from .validated import ExampleFront


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
    #: The references its text cites, numbered for this page, listed at its end.
    references: tuple[Reference, ...]
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
