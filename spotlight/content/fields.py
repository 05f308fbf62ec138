"""The fields of every content file: site, report and example front matter, each declared
once. The declarations make the validation (schema.py), the JSON Schemas (jsonschema.py), the
new example's front matter (scaffold.py) and the authoring guide's table of example fields
(``python3 -m spotlight.content.jsonschema --readme``). An example's front matter is declared on its
typed model, ``ExampleFront``, which the example's models carry to the templates as ``front``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .schema import Field, Schema, declared, schema_of

PRACTICE_THEME = Schema("a practice theme", (
    Field("slug", "slug", "identifies the practice theme in examples and reports", required=True),
    Field("title", "text", "the section heading readers see", required=True),
    Field("intro", "markdown", "the default section intro, in Markdown", default=""),
    Field("outcome_expected", "bool", "whether case examples about a person in this practice "
          "theme end with an Outcome (checked by spotlight check)", default=True),
))

STANDARD = Schema("a standard", (
    Field("code", "text", "the standard's code, for example 2.1", required=True),
    Field("title", "text", "the standard's short name, for example Assessment", required=True),
    Field("text", "text", "the standard's wording", required=True),
))

PDU = Schema("a PDU", (
    Field("slug", "slug", "identifies the Probation Delivery Unit", required=True),
    Field("name", "text", "the PDU's name", required=True),
))

REGION = Schema("a region", (
    Field("slug", "slug", "identifies the region", required=True),
    Field("name", "text", "the region's name", required=True),
    Field("pdus", "records", "the region's Probation Delivery Units", schema=PDU, default=()),
))

SENTENCE_TYPE = Schema("a sentence type", (
    Field("slug", "slug", "identifies the sentence type", required=True),
    Field("name", "text", "the sentence type's name", required=True),
))

WAIVER = Schema("a waiver", (
    Field("code", "text", "the code of the finding to waive, for example anon-postcode",
          required=True),
    Field("match", "text", "the flagged text as the finding quotes it; without it, every "
          "finding with that code in this file is waived"),
    Field("reason", "text", "why the finding is not a problem here", required=True),
))

LOGO = Schema("the logo", (
    Field("src", "text", "the image file, relative to the content folder, for example "
          "images/logo.png", required=True),
    Field("alt", "text", "the logo's alt text, usually the organisation's name"),
))

SITE_PDF = Schema("the PDF settings", (
    Field("new_page_per_section", "bool", "start each report section on a new page (by "
          "default sections follow on from each other, to save paper)", default=False),
    Field("handouts", "bool", "build a one-page PDF handout for every example", default=True),
))

REPORT_PDF = Schema("the report's PDF settings", (
    Field("new_page_per_section", "bool", "start each section on a new page; overrides the "
          "site's setting for this report"),
))

SITE = Schema("the site file", (
    Field("title", "text", "the site's name, shown in the header of every page", required=True),
    Field("organisation", "text", "the publisher", required=True),
    Field("language", "text", "the content's language as a BCP 47 tag", default="en-GB"),
    Field("languages", "texts", "the languages the site publishes, its main language first: "
          "en (English) and cy (Welsh); by default, the language of 'language' alone",
          default=()),
    Field("translations", "text", "what a missing translation, or a translation_of that names "
          "nothing, is: an error that stops the build, or a warning of spotlight check",
          default="error", choices=("error", "warning")),
    Field("base_url", "url", "where the site is published; used for canonical links"),
    Field("licence", "markdown", "the licence notice, in Markdown", required=True),
    Field("practice_themes", "records", "the practice-theme taxonomy, in reading order",
          required=True, schema=PRACTICE_THEME),
    Field("standards", "records", "the standards catalogue, in catalogue order",
          required=True, schema=STANDARD),
    Field("regions", "records", "regions and their PDUs", required=True, schema=REGION),
    Field("sentence_types", "records", "sentence types", schema=SENTENCE_TYPE, default=()),
    Field("glossary", "glossary", "abbreviations and their expansions", default=dict),
    Field("known_abbreviations", "texts", "abbreviations every reader knows, such as GP or UK, "
          "used without a glossary entry or spelling out", default=()),
    Field("waivers", "records", "findings of spotlight check waived in this file, with reasons",
          schema=WAIVER, default=()),
    Field("accessibility", "markdown", "the accessibility statement's contact details and "
          "known problems, in Markdown", default=""),
    Field("theme_override", "text", "a folder of templates/ and static/ that replace files of "
          "the visual theme, relative to the content folder"),
    Field("logo", "record", "a logo for the PDF covers: src and alt", schema=LOGO),
    Field("pdf", "record", "how the PDFs are made", schema=SITE_PDF),
    Field("favicon", "text", "the site's icon in browser tabs and bookmarks: a square image "
          "file of the content folder, for example images/favicon.png"),
    Field("contents_examples", "bool", "list each section's examples under it in the contents "
          "of a report's web page; without it, listed for reports of more than five examples"),
))

FIELDWORK = Schema("fieldwork", (
    Field("start", "date", "the first day of fieldwork", required=True),
    Field("end", "date", "the last day of fieldwork", required=True),
))

FACT = Schema("a summary fact", (
    Field("label", "text", "what is counted", required=True),
    Field("value", "int", "the figure", required=True),
    Field("key", "slug", "a name for this fact, so that other facts can be part of it"),
    Field("part_of", "slug", "the key of the fact this one is a part of"),
    Field("parts_complete", "bool", "the facts that are part of this one add up to it exactly",
          default=False),
))

SUMMARY = Schema("the summary", (
    Field("facts", "records", "figures such as cases reviewed", schema=FACT, default=()),
    Field("text", "markdown", "free Markdown, usually a bullet list", default=""),
))

SECTION = Schema("a section", (
    Field("practice_theme", "slug", "the practice theme this section gathers", required=True),
    Field("intro", "markdown", "replaces the practice theme's default intro in this report"),
))

REFERENCE = Schema("a reference", (
    Field("key", "slug", "how examples and intros cite it: [@key]", required=True),
    Field("text", "markdown", "the reference, in Markdown", required=True),
    Field("url", "url", "where to read it"),
    Field("accessed", "date", "when the web address was last checked"),
))

REPORT = Schema("a report", (
    Field("title", "text", "the report title", required=True),
    Field("region", "slug", "the region inspected", required=True),
    Field("fieldwork", "record", "fieldwork start and end dates", required=True, schema=FIELDWORK),
    Field("published", "date", "the publication date", required=True),
    Field("introduction", "markdown", "the introduction, in Markdown", required=True),
    Field("summary", "record", "summary facts and text", schema=SUMMARY),
    Field("standards_intro", "markdown", "Markdown shown above 'Our standards'", default=""),
    Field("sections", "records", "the order of sections, with optional per-report intros",
          schema=SECTION),
    Field("references", "records", "numbered references", schema=REFERENCE, default=()),
    Field("acknowledgements", "markdown", "acknowledgements, in Markdown", default=""),
    Field("waivers", "records", "findings of spotlight check waived in this file, with reasons",
          schema=WAIVER, default=()),
    Field("pdf", "record", "how this report's PDF is made", schema=REPORT_PDF),
    Field("contents_examples", "bool", "list each section's examples in the contents of the "
          "report's web page; overrides the site's setting for this report"),
    Field("language", "text", "the language the report is written in: en or cy; by default "
          "the site's main language", choices=("en", "cy")),
    Field("translation_of", "slug", "the slug of the report this one translates"),
))

KINDS = ("person", "initiative")


@dataclass(frozen=True)
class Waiver:
    """A finding of ``spotlight check`` that the author waives, with the reason why."""

    code: str
    match: str | None
    reason: str
    line: int


def waivers(records: Any) -> tuple[Waiver, ...]:
    """The waivers of a file, from its checked ``waivers`` records."""
    return tuple(Waiver(w["code"] or "", w["match"], w["reason"] or "", w.line) for w in records)


@dataclass(frozen=True, kw_only=True)
class ExampleFront:
    """An example's front matter: what its author writes between the two ``---`` lines.

    Each field is a key of the file, declared once: a new one is validated, typed, in the JSON
    Schema, in a new example's front matter and in the authoring guide, and templates read it
    as ``example.front.<name>``.
    """

    title: str = declared("text", 'shown as "Example of effectiveness: <title>"', required=True)
    reports: tuple[str, ...] = declared(
        "slugs", "the slugs of the reports the example belongs to (one example can be in "
        "several)", required=True)
    practice_theme: str = declared(
        "slug", "the slug of the practice theme; the example appears in that section of each "
        "report", required=True)
    also_practice_themes: tuple[str, ...] = declared(
        "slugs", "further practice themes the example illustrates (for cross-report pages)",
        default=())
    region: str = declared("slug", "the slug of a region", required=True)
    pdu: str | None = declared("slug", "the slug of a PDU in that region")
    standards: tuple[str, ...] = declared(
        "texts", "codes from the standards catalogue that the example meets", default=())
    sentence_type: str | None = declared("slug", "a slug from `sentence_types`")
    kind: str = declared(
        "text", "`person` for a case about a person on probation or a victim, `initiative` "
        "for an organisational initiative", default="person", choices=KINDS)
    tags: tuple[str, ...] = declared("texts", "free tags", default=())
    order: int = declared("int", "a number that orders examples within a section (lower "
                          "first; then by title)", default=0)
    slug: str | None = declared("slug", "overrides the slug taken from the file name")
    language: str | None = declared(
        "text", "the language the example is written in: en or cy; by default the site's "
        "main language", choices=("en", "cy"))
    translation_of: str | None = declared(
        "slug", "the slug of the example this one translates")
    waivers: tuple[Waiver, ...] = declared(
        "records", "findings of `spotlight check` in this file that are accepted, each with a "
        "reason", schema=WAIVER, default=(), convert=waivers)

    @classmethod
    def of(cls, example: ExampleFront) -> ExampleFront:
        """Just the front matter of an example (of a model that extends this one)."""
        return cls(**{spec.name: getattr(example, spec.name) for spec in fields(cls)})


EXAMPLE = schema_of(ExampleFront, "an example's front matter")
