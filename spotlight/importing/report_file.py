"""The imported report's file: its slug, its dates (a placeholder where the source gives
none) and its text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from ..content.drafts import PLACEHOLDER_DATE
from ..errors import Problem, SpotlightError
from . import yaml_writer as y
from .dates import publication_date, single_date
from .document import Block, Document, Kind, Warn
from .examples import slugify
from .markdown_writer import WIDTH, Inline, blocks_markdown, wrap
from .outline import Outline
from .report_parts import ReportParts

_PUBLISHED = re.compile(r"^\s*(?:published|publication date)\b", re.IGNORECASE)


def take_published(document: Document) -> tuple[Document, dt.date | None]:
    """The publication date a line of its own gives ("Published: 3 September 2026"), wherever
    it is, and the document without that line (so it is not read as a title, a section or
    summary text)."""
    for index, block in enumerate(document.blocks):
        if block.kind not in (Kind.HEADING, Kind.PARAGRAPH, Kind.BULLET, Kind.FIELD):
            continue
        if when := publication_date(block.text, block.term):
            rest = document.blocks[:index] + document.blocks[index + 1:]
            return replace(document, blocks=rest), when
    return document, None


def without_published(blocks: list[Block], parts: ReportParts) -> list[Block]:
    """Take a publication date out of the introduction's blocks; return the rest."""
    rest = []
    for block in blocks:
        is_date = (block.kind == Kind.FIELD and block.term.lower().startswith("publi")) or \
            (block.kind == Kind.PARAGRAPH and _PUBLISHED.match(block.text))
        if is_date and block.term.lower() == "publisher":
            continue  # the organisation: site.yml has it
        if is_date and parts.published is None and (when := single_date(block.text)):
            parts.published = when
            continue
        rest.append(block)
    return rest


def report_slug(slug: str | None, region: str, fieldwork: tuple[dt.date, dt.date] | None,
                published: dt.date | None, source: str, existing: frozenset[str],
                replace: bool = False) -> str:
    """The report's slug: ``slug`` as given, else the region and the year of its fieldwork
    (or publication), else the source's name; refused if malformed, or already taken unless
    ``replace`` (``import --replace``) says to replace it."""
    last = fieldwork[1] if fieldwork else published
    year = last.year if last else None
    chosen = slug or (f"{region}-{year}" if year else slugify(PurePosixPath(source).stem))
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", chosen):
        raise SpotlightError([Problem(chosen, None, "the report slug must be lower-case "
                                      "letters, digits and hyphens")])
    if f"reports/{chosen}.yml" in existing and not replace:
        raise SpotlightError([Problem(f"reports/{chosen}.yml", None, "already exists: to "
                                      "import a revised draft of this report, import again "
                                      "with --replace (it replaces the report and the examples "
                                      "its last import wrote); to import another report, "
                                      "choose its slug with --slug")])
    return chosen


@dataclass(frozen=True)
class Dates:
    """The report's dates, and which of them the source does not give."""

    start: dt.date
    end: dt.date
    published: dt.date
    no_fieldwork: bool
    no_published: bool


def dates_of(fieldwork: tuple[dt.date, dt.date] | None, published: dt.date | None,
             warn: Warn) -> Dates:
    """The report's dates, each missing one a placeholder (with a warning)."""
    if fieldwork is None:
        warn(0, "no fieldwork dates found (such as 'between 24 February and 04 April 2025'): "
                f"the report says {PLACEHOLDER_DATE}; set the real dates")
    if published is None:
        warn(0, f"no publication date found: the report says {PLACEHOLDER_DATE}; set the real "
                "date")
    start, end = fieldwork or (PLACEHOLDER_DATE, PLACEHOLDER_DATE)
    return Dates(start, end, published or PLACEHOLDER_DATE, fieldwork is None, published is None)


def report_yaml(document: Document, title: str, region: str, dates: Dates,
                parts: ReportParts, shape: Outline, inline: Inline, sections: list[str],
                examples_have_standards: bool, language: str = "") -> str:
    """The text of the report file."""
    fix = "  # PLACEHOLDER: the source gives no date; set the real one"
    out = [y.comment(f"Imported by spotlight import from {PurePosixPath(document.source).name}."),
           f"title: {y.scalar(title)}", *([f"language: {language}"] if language else []),
           f"region: {y.scalar(region)}", "fieldwork:",
           f"  start: {dates.start.isoformat()}{fix if dates.no_fieldwork else ''}",
           f"  end: {dates.end.isoformat()}{fix if dates.no_fieldwork else ''}",
           f"published: {dates.published.isoformat()}{fix if dates.no_published else ''}",
           y.markdown("introduction",
                      blocks_markdown(parts.introduction, inline, example=False, width=WIDTH - 2))]
    summary = blocks_markdown(parts.summary, inline, example=False, width=WIDTH - 4)
    if parts.facts or summary:
        out.append("summary:")
        if parts.facts:
            out.append("  facts:")
            out += [f"    - label: {y.scalar(label)}\n      value: {value}"
                    for label, value in parts.facts]
        out.append(y.markdown("text", summary, 2))
    intro = list(parts.standards_intro)
    if parts.standards_list and not examples_have_standards:
        out.append(y.comment(
            "The source lists these standards without saying which example meets which: they\n"
            "are in site.yml's catalogue and listed here. Give examples 'standards:' codes to\n"
            "show them under 'Our standards' instead, and remove the list below."))
        intro += parts.standards_list
    out.append(y.markdown("standards_intro",
                          blocks_markdown(intro, inline, example=False, width=WIDTH - 2)))
    if sections:
        out.append("sections:")
        out += sections
    if shape.references:
        out.append("references:")
        for number in sorted(shape.references):
            block = shape.references[number]
            text = wrap(inline(block.spans, block.line), "", "", WIDTH - 6)
            out.append(f"  - key: ref-{number}\n" + y.markdown("text", text, 4))
    out.append(y.markdown("acknowledgements",
                          blocks_markdown(parts.acknowledgements, inline, example=False,
                                          width=WIDTH - 2)))
    return "\n".join(out) + "\n"
