"""The site file's fields (``site.yml``), each declared once on its typed model.

``Settings`` is both the validated site file that every later stage reads and, through
``schema_of``, the schema that checks it; the records in it (practice themes, standards,
regions...) are declared the same way. See fields.py for what follows from a declaration.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..markdown import Parsed
from .schema import declared, record
from .waiver import WAIVERS_DOC, Waiver


@record("a practice theme")
@dataclass(frozen=True)
class PracticeTheme:
    """A practice theme: court work, resettlement, public protection..."""

    slug: str = declared("slug", "identifies the practice theme in examples and reports",
                         required=True)
    title: str = declared("text", "the section heading readers see", required=True)
    intro: Parsed = declared("markdown", "the default section intro, in Markdown", default="")
    outcome_expected: bool = declared(
        "bool", "whether case examples about a person in this practice theme end with an "
        "Outcome, checked by `spotlight check` (`false` where cases about a person are told "
        "without one, as statutory victim work usually is)", default=True)


@record("a standard")
@dataclass(frozen=True)
class Standard:
    """An inspection standard from the catalogue."""

    code: str = declared("text", "the standard's code, for example 2.1", required=True)
    title: str = declared("text", "the standard's short name, for example Assessment",
                          required=True)
    text: str = declared("text", "the standard's wording", required=True)


@record("a PDU")
@dataclass(frozen=True)
class Pdu:
    """A Probation Delivery Unit."""

    slug: str = declared("slug", "identifies the Probation Delivery Unit", required=True)
    name: str = declared("text", "the PDU's name", required=True)
    #: The slug of its region (not a key: the region it is listed under).
    region: str = ""


@record("a region")
@dataclass(frozen=True)
class Region:
    """A probation region and its PDUs."""

    slug: str = declared("slug", "identifies the region", required=True)
    name: str = declared("text", "the region's name", required=True)
    in_sentence: str = declared(
        "text", "the name as it reads inside a sentence, with \"the\" where it takes one: "
        "`the North West` (\"we inspected probation services in the North West\"). Without "
        "it, a compass-point name (`North West`, `West Midlands`, `East of England`) or one "
        "that ends with \"region\" takes \"the\"; any other (`Wales`, `London`, `South "
        "Yorkshire`) is written as it is",
        default="")
    pdus: tuple[Pdu, ...] = declared("records", "the region's Probation Delivery Units",
                                     model=Pdu, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "pdus", tuple(replace(p, region=self.slug) for p in self.pdus))
        if not self.in_sentence:
            object.__setattr__(self, "in_sentence", in_a_sentence(self.name))


#: An English region name that takes "the" in a sentence: "the North West", "the West
#: Midlands", "the East of England", "the Example region"; not "Wales", "London", "Kent,
#: Surrey and Sussex", "South Yorkshire" or "North West England".
_TAKES_THE = re.compile(r"^(?:north|south|east|west)(?:[ -](?:east|west))?"
                        r"(?: (?:midlands|of england|central))?$|\sregion$", re.IGNORECASE)


def in_a_sentence(name: str) -> str:
    """A region's English name as it reads inside a sentence when the site file does not say
    (``in_sentence``): "the North West", but "Wales"."""
    words = " ".join(name.split())
    if _TAKES_THE.search(words):
        return f"the {words}"
    return name


@record("a sentence type")
@dataclass(frozen=True)
class SentenceType:
    """A sentence type such as a community order or a licence."""

    slug: str = declared("slug", "identifies the sentence type", required=True)
    name: str = declared("text", "the sentence type's name", required=True)


@record("the logo")
@dataclass(frozen=True)
class Logo:
    """An image from the content folder shown on PDF covers, with its alt text."""

    src: str = declared("text", "an image file of the content folder (`.png`, `.jpg`, `.jpeg`, "
                        "`.gif`, `.svg` or `.webp`), for example `images/logo.png`",
                        required=True)
    alt: str = declared("text", "its alt text, usually the organisation's name (a logo "
                        "without one is reported)")


@record("the PDF settings")
@dataclass(frozen=True)
class SitePdf:
    """How the PDFs are made."""

    new_page_per_section: bool = declared(
        "bool", "`true` starts each report section, and each report's part of a practice-theme "
        "PDF, on a new page; by default sections follow on from each other, each starting "
        "below the last, to save paper", default=False)
    handouts: bool = declared("bool", "build a one-page PDF per example; `--handouts` and "
                              "`--no-handouts` override it for one build", default=True)


def _glossary(entries: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(entries.items(), key=lambda i: i[0].lower()))


@record("a practice theme's words")
@dataclass(frozen=True)
class PracticeThemeWords:
    """A practice theme's title and intro in another language."""

    slug: str = declared("slug", "the practice theme", required=True)
    title: str = declared("text", "its title in this language", required=True)
    intro: Parsed = declared("markdown", "its default section intro in this language",
                             default="")


@record("a standard's words")
@dataclass(frozen=True)
class StandardWords:
    """A standard's title and wording in another language."""

    code: str = declared("text", "the standard's code", required=True)
    title: str = declared("text", "its short name in this language", required=True)
    text: str = declared("text", "its wording in this language", required=True)


@record("a name in another language")
@dataclass(frozen=True)
class NameWords:
    """The name of a region, a PDU or a sentence type in another language."""

    slug: str = declared("slug", "what it names", required=True)
    name: str = declared("text", "its name in this language", required=True)


@record("the site file's words in another language")
@dataclass(frozen=True, kw_only=True)
class SiteWords:
    """What the site file says, in a language the site publishes besides its main one. On that
    language's pages each entry replaces the main language's; what is left out is shown as the
    main language has it, marked with its language."""

    title: str | None = declared("text", "the site's name")
    organisation: str | None = declared("text", "the publisher's name")
    practice_themes: tuple[PracticeThemeWords, ...] = declared(
        "records", "practice themes: `slug`, `title` and `intro`", model=PracticeThemeWords,
        default=())
    standards: tuple[StandardWords, ...] = declared(
        "records", "standards: `code`, `title` and `text`", model=StandardWords, default=())
    regions: tuple[NameWords, ...] = declared(
        "records", "regions: `slug` and `name`", model=NameWords, default=())
    pdus: tuple[NameWords, ...] = declared(
        "records", "PDUs: `slug` and `name`", model=NameWords, default=())
    sentence_types: tuple[NameWords, ...] = declared(
        "records", "sentence types: `slug` and `name`", model=NameWords, default=())
    glossary: tuple[tuple[str, str], ...] = declared(
        "glossary", "the glossary's abbreviations with their expansions in this language",
        default=dict, convert=_glossary)
    licence: Parsed = declared("markdown", "the licence notice in this language, in Markdown",
                               default="")


@record("the accessibility statement")
@dataclass(frozen=True)
class AccessibilityStatement:
    """What the accessibility statement says that only the publisher knows: the sections the
    accessibility regulations require (compliance, known problems, testing, preparation)."""

    status: str = declared(
        "text", "how far the website meets the Web Content Accessibility Guidelines version "
        "2.2 AA standard: `full` (fully compliant), `partial` (partially compliant) or `none` "
        "(not compliant); with `partial` or `none`, `spotlight check` warns without "
        "`known_issues`", default="partial",
        choices=("full", "partial", "none"))
    known_issues: Parsed = declared(
        "markdown", "the content you know is not accessible, in Markdown (a list, each problem "
        "with the guideline it fails), shown under \"Non-accessible content\"; without it, the "
        "statement says that none is known", default="")
    tested: dt.date | None = declared("date", "when the website was last tested")
    tested_by: str | None = declared(
        "text", "who tested it and how, in a sentence or two shown as they are, for example "
        "`Our digital team tested a sample of pages with a screen reader and the keyboard "
        "alone.`")
    improvements: Parsed = declared(
        "markdown", "what you are doing to improve accessibility, in Markdown", default="")
    prepared: dt.date | None = declared(
        "date", "when the statement was prepared (`spotlight check` warns without it)")
    reviewed: dt.date | None = declared("date", "when the statement was last reviewed")
    contact: str | None = declared(
        "text", "where to report a problem or ask for another format: an e-mail address or a "
        "web address (`spotlight check` warns without it)")


@record("the site file")
@dataclass(frozen=True, kw_only=True)
class Settings:
    """The site file: settings and taxonomies, each key declared once."""

    title: str = declared("text", "the site's name, shown in the header of every page",
                          required=True)
    organisation: str = declared("text", "the publisher, for example `HM Inspectorate of "
                                 "Probation`", required=True)
    language: str = declared(
        "text", "the language of the content, as a BCP 47 tag of English or Welsh (the "
        "languages spotlight writes its pages' own words in), such as `en-GB`, `cy` or `cy-GB` "
        "(at most 30 characters)", default="en-GB")
    languages: tuple[str, ...] = declared(
        "texts", "the languages the site publishes, its main language first: `[en]`, `[cy]`, "
        "`[en, cy]` or `[cy, en]` (see Welsh and English). Without it, the language of "
        "`language` alone", default=())
    translations: str = declared(
        "text", "what a report without a translation into each published language, or a "
        "`translation_of` that names nothing, is: `error` (the build stops) or `warning` "
        "(`spotlight check` says so)", default="error", choices=("error", "warning"))
    cy: SiteWords | None = declared(
        "record", "what this file says, in Welsh, for the Welsh pages of a site whose main "
        "language is English: its title, organisation and licence, and the names of its "
        "practice themes, standards, regions, PDUs and sentence types (see Welsh and English)",
        model=SiteWords)
    en: SiteWords | None = declared(
        "record", "the same in English, for the English pages of a site whose main language "
        "is Welsh", model=SiteWords)
    base_url: str | None = declared(
        "url", "where the site will be published, for example "
        "`https://example.org/spotlights/`; used for canonical links")
    licence: Parsed = declared("markdown", "the licence notice, in Markdown, shown in every "
                               "page footer and in the PDF", required=True)
    practice_themes: tuple[PracticeTheme, ...] = declared(
        "records", "the practice-theme taxonomy, in the order readers see", required=True,
        model=PracticeTheme)
    standards: tuple[Standard, ...] = declared(
        "records", "the standards catalogue, in the order readers see", required=True,
        model=Standard)
    regions: tuple[Region, ...] = declared("records", "regions and their PDUs", required=True,
                                           model=Region)
    sentence_types: tuple[SentenceType, ...] = declared(
        "records", "sentence types (community order, suspended sentence order, licence...)",
        model=SentenceType, default=())
    glossary: tuple[tuple[str, str], ...] = declared(
        "glossary", "abbreviations and their expansions, for example `PDU: Probation Delivery "
        "Unit`. Each PDF ends with the entries whose abbreviation its text uses",
        default=dict, convert=_glossary)
    known_abbreviations: tuple[str, ...] = declared(
        "texts", "abbreviations every reader knows (`[GP, HM, UK]`): used without a glossary "
        "entry and without spelling out", default=())
    waivers: tuple[Waiver, ...] = declared("records", WAIVERS_DOC, model=Waiver, default=())
    accessibility: Parsed = declared(
        "markdown", "Markdown for the accessibility statement, under \"Reporting accessibility "
        "problems\": anything to add about reporting a problem or asking for another format, "
        "such as how soon you reply", default="")
    accessibility_statement: AccessibilityStatement = declared(
        "record", "the accessibility statement's own sections (see Accessibility)",
        model=AccessibilityStatement, filled=True)
    theme_override: str | None = declared(
        "text", "a folder of `templates/` and `static/` files that replace the visual theme's "
        "(see Visual themes), relative to the content folder; `--theme-override` wins over it")
    logo: Logo | None = declared("record", "a logo for the PDF covers, back pages and "
                                 "handouts", model=Logo)
    pdf: SitePdf = declared("record", "how the PDFs are made", model=SitePdf, filled=True)
    favicon: str | None = declared(
        "text", "the site's icon in browser tabs and bookmarks: a square image file of the "
        "content folder (`.png`, `.svg`, `.ico` or `.gif`), for example `images/favicon.png`. "
        "Without it, every page shows the visual theme's neutral icon (`static/favicon.svg`)")
    contents_examples: bool | None = declared(
        "bool", "whether the contents list at the top of a report's web page lists each "
        "section's examples under it, so that a reader can jump to one. Without it, they are "
        "listed for reports of more than five examples")

    @property
    def new_page_per_section(self) -> bool:
        """Whether each report section starts on a new page of the PDFs."""
        return bool(self.pdf.new_page_per_section)

    @property
    def handouts(self) -> bool:
        """Whether a one-page PDF is built for every example."""
        return bool(self.pdf.handouts)

    def practice_theme(self, slug: str) -> PracticeTheme:
        """The practice theme with this slug."""
        return next(t for t in self.practice_themes if t.slug == slug)

    def region(self, slug: str) -> Region:
        """The region with this slug."""
        return next(r for r in self.regions if r.slug == slug)
