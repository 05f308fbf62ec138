"""A report file's fields (``reports/<slug>.yml``), each declared once on its typed model.

``ReportSource`` is both the validated report that every later stage reads and, through
``schema_of``, the schema that checks it. See fields.py for what follows from a declaration.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..markdown import Parsed
from .schema import declared, line_of, record
from .waiver import WAIVERS_DOC, Waiver


@record("fieldwork")
@dataclass(frozen=True)
class Fieldwork:
    """The days of an inspection's fieldwork."""

    start: dt.date | None = declared("date", "the first day of fieldwork, a date such as "
                                     "`2025-02-24`", required=True)
    end: dt.date | None = declared("date", "the last day of fieldwork", required=True)


@record("a summary fact")
@dataclass(frozen=True)
class Fact:
    """A summary figure such as the number of cases reviewed."""

    label: str = declared("text", "what is counted", required=True)
    value: int = declared("count", "the figure, a whole number: 296, or 1,296",
                          required=True)
    key: str | None = declared("slug", "a name for this fact, so that other facts can be "
                               "part of it")
    part_of: str | None = declared("slug", "the key of the fact this one is a part of")
    parts_complete: bool = declared(
        "bool", "`true` on a fact whose parts cover it completely, so that they must add up to "
        "it exactly", default=False)


@record("the summary")
@dataclass(frozen=True)
class Summary:
    """A report's summary: figures, and free text."""

    facts: tuple[Fact, ...] = declared("records", "figures such as cases reviewed", model=Fact,
                                       default=())
    text: Parsed = declared("markdown", "free Markdown, usually a bullet list", default="")


@record("a section")
@dataclass(frozen=True)
class SectionSource:
    """A report section as the report file orders it."""

    practice_theme: str = declared("slug", "the slug of the practice theme this section "
                                   "gathers", required=True, refers="practice_themes")
    intro: Parsed | None = declared("markdown", "Markdown that replaces the practice theme's "
                                    "default intro in this report")
    line: int = line_of("practice_theme")


@record("a reference")
@dataclass(frozen=True)
class ReferenceSource:
    """A numbered reference as written in a report file."""

    key: str = declared("slug", "how examples and intros cite it: `[@key]`", required=True)
    text: Parsed = declared("markdown", "the reference, in Markdown", required=True)
    url: str | None = declared("url", "where to read it")
    accessed: dt.date | None = declared("date", "when the web address was last checked")


@record("the report's PDF settings")
@dataclass(frozen=True)
class ReportPdf:
    """How a report's PDF is made, where it differs from the site's setting."""

    new_page_per_section: bool | None = declared(
        "bool", "`true` or `false`, overriding the site's setting for this report's PDF")


@record("a report")
@dataclass(frozen=True, kw_only=True)
class ReportSource:
    """A validated report file: each key declared once, then where the file is."""

    title: str = declared("text", "the report title, for example `Effective Practice "
                          "Spotlight: The Probation Service – Northshire region`", required=True)
    region: str = declared("slug", "the slug of a region in `site.yml`", required=True,
                           refers="regions")
    fieldwork: Fieldwork = declared("record", "the fieldwork's first and last days",
                                    required=True, model=Fieldwork, filled=True)
    published: dt.date | None = declared("date", "the publication date", required=True)
    introduction: Parsed = declared("markdown", "the introduction, in Markdown", required=True)
    summary: Summary = declared("record", "summary facts and text", model=Summary, filled=True)
    standards_intro: Parsed = declared("markdown", 'Markdown shown above "Our standards"',
                                       default="")
    sections: tuple[SectionSource, ...] | None = declared(
        "records", "the order of sections, each with an optional intro (a section without "
        "examples in the report's language is left out, and `spotlight check` says so). "
        "Without it, every practice theme that has examples, in taxonomy order",
        model=SectionSource)
    references: tuple[ReferenceSource, ...] = declared(
        "records", "numbered references, numbered in the order listed", model=ReferenceSource,
        default=())
    acknowledgements: Parsed = declared("markdown", "acknowledgements, in Markdown", default="")
    waivers: tuple[Waiver, ...] = declared("records", WAIVERS_DOC, model=Waiver, default=())
    pdf: ReportPdf = declared("record", "how this report's PDF is made", model=ReportPdf,
                              filled=True)
    contents_examples: bool | None = declared(
        "bool", "whether to list each section's examples in the contents of this report's web "
        "page, overriding the site's setting")
    language: str | None = declared(
        "text", "the language the report is written in: `en` or `cy`; by default the site's "
        "main language", choices=("en", "cy"))
    translation_of: str | None = declared(
        "slug", "the slug of the report this one translates, for a report in another language")
    # Not keys of the file:
    slug: str
    path: Path
    name: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def fieldwork_start(self) -> dt.date | None:
        """The first day of fieldwork."""
        return self.fieldwork.start

    @property
    def fieldwork_end(self) -> dt.date | None:
        """The last day of fieldwork."""
        return self.fieldwork.end

    @property
    def facts(self) -> tuple[Fact, ...]:
        """The summary's figures."""
        return self.summary.facts

    @property
    def new_page_per_section(self) -> bool | None:
        """Whether each section starts on a new page; None follows the site's setting."""
        return self.pdf.new_page_per_section
