"""The fields of every content file: site, report and example front matter, each declared
once, on the typed model that later stages read: ``Settings`` (site_fields.py),
``ReportSource`` (report_fields.py) and ``ExampleFront`` (here), with the records in them.

A declaration (``declared`` in schema.py) gives a key's kind, whether it is required, its
default, its choices and its documentation. From it follow the validation and its messages
(checker.py), the typed model (``model_of``), the JSON Schemas (jsonschema.py), a new
example's front matter (scaffold.py) and the authoring guide's tables of fields
(``python3 -m spotlight.content.jsonschema --readme``). Templates read an example's fields as
``example.front.<name>``.

For tools that derive from the declarations (the JSON Schemas, an editor's configuration):
``FILES`` names the schema of each kind of file, and ``fields_of(name)`` lists its ``Field``s:
``name``, ``kind`` (text, markdown, int, date, bool, slug, slugs, texts, url, record, records,
glossary), ``required``, ``default``, ``choices``, ``doc`` (the help text), ``refers`` (what
a slug names: ``practice_themes``, ``regions``, ``regions.pdus``, ``standards``,
``sentence_types`` of the site file, or ``reports``) and, for a record or a list of records,
``schema``, the fields of each.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .report_fields import ReportSource
from .schema import Field, Schema, declared, record, schema_of
from .site_fields import Settings
from .waiver import WAIVERS_DOC, Waiver

KINDS = ("person", "initiative")


@record("an example's front matter")
@dataclass(frozen=True, kw_only=True)
class ExampleFront:
    """An example's front matter: what its author writes between the two ``---`` lines.

    Each field is a key of the file, declared once: a new one is validated, typed, in the JSON
    Schema, in a new example's front matter and in the authoring guide, and templates read it
    as ``example.front.<name>``.
    """

    title: str = declared("text", 'shown as "Example of effectiveness: <title>"', required=True)
    reports: tuple[str, ...] = declared(
        "slugs", "the reports the example belongs to, each by its file name without `.yml` "
        "(one example can be in several)", required=True, refers="reports")
    practice_theme: str = declared(
        "slug", "the practice theme, by its short name in `site.yml`; the example appears in "
        "that section of each report", required=True, refers="practice_themes")
    also_practice_themes: tuple[str, ...] = declared(
        "slugs", "further practice themes the example illustrates (for cross-report pages)",
        default=(), refers="practice_themes")
    region: str = declared("slug", "the region, by its short name in `site.yml`",
                           required=True, refers="regions")
    pdu: str | None = declared("slug", "the PDU (Probation Delivery Unit) in that region, by "
                               "its short name in `site.yml`", refers="regions.pdus")
    standards: tuple[str, ...] = declared(
        "texts", "codes from the standards catalogue that the example meets", default=(),
        refers="standards")
    sentence_type: str | None = declared("slug", "the type of sentence, by its short name in "
                                         "the `sentence_types` of `site.yml`",
                                         refers="sentence_types")
    kind: str = declared(
        "text", "`person` for a case about a person on probation or a victim, `initiative` "
        "for an organisational initiative", default="person", choices=KINDS)
    tags: tuple[str, ...] = declared("texts", "words or short phrases shown with the example, "
                                     "such as `young adults`", default=())
    order: int = declared("int", "a number that orders examples within a section (lower "
                          "first; then by title)", default=0)
    slug: str | None = declared("slug", "the example's name in its web address and PDF, "
                                "instead of its file name (lower-case letters, digits and "
                                "hyphens)")
    language: str | None = declared(
        "text", "the language the example is written in: `en` or `cy`; by default the site's "
        "main language", choices=("en", "cy"))
    translation_of: str | None = declared(
        "slug", "for an example in another language: the example it translates, by the name "
        "in its web address (its file name without `.md`, or its `slug`)")
    waivers: tuple[Waiver, ...] = declared("records", WAIVERS_DOC, model=Waiver, default=())

    @classmethod
    def of(cls, example: ExampleFront) -> ExampleFront:
        """Just the front matter of an example (of a model that extends this one)."""
        return cls(**{name: getattr(example, name) for name in _names(cls)})


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(model: type) -> tuple[str, ...]:
    """The names of the fields of ``model``, read once (every example asks twice)."""
    if (names := _NAMES.get(model)) is None:
        names = _NAMES[model] = tuple(spec.name for spec in fields(model))
    return names


EXAMPLE = schema_of(ExampleFront)
SITE = schema_of(Settings)
REPORT = schema_of(ReportSource)
WAIVER = schema_of(Waiver)

#: The schema of each kind of content file, by name, with what the file is.
FILES: dict[str, tuple[Schema, str]] = {
    "example": (EXAMPLE, "Front matter of an example of effectiveness (examples/<slug>.md)"),
    "report": (REPORT, "A report file (reports/<slug>.yml)"),
    "site": (SITE, "The site file (site.yml)"),
}


def fields_of(name: str) -> tuple[Field, ...]:
    """The declared fields of the kind of file ``name`` (example, report or site), in order."""
    return FILES[name][0].fields
