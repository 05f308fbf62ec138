"""The PDFs made besides the reports, assembled: practice-theme collections and example
handouts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from .report import EXAMPLE_TEXT, Example, Reference, Report
from .validated import Region


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
class PrintSet:
    """The PDFs made besides the reports: practice-theme collections and example handouts."""

    collections: tuple[Collection, ...]
    handouts: tuple[Handout, ...]
