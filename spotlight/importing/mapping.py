"""The outline of a spotlight -> content files: the report, its examples, and site additions.

Nothing here touches the disk: the result is a ``Plan`` of file texts for the writer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..errors import Problem, SpotlightError
from . import abbreviations, bridges
from . import yaml_writer as y
from .dates import date_range, single_date
from .document import Block, Document, Kind, Warn
from .examples import ExampleContext, example_file, slugify, unique
from .markdown_writer import WIDTH, Inline, blocks_markdown, wrap
from .outline import Outline, Part, Section, normalise, outline, role_of
from .report_parts import ReportParts, standards_entries, summary_parts
from .site_file import SiteFile

PLACEHOLDER_DATE = dt.date(1900, 1, 1)
_REGION_IN_TITLE = re.compile(r"[–—:-]\s*(?:the probation service\s*[–—-]\s*)?(.+?)\s+region\s*$",
                              re.IGNORECASE)
_REGION_IN_SUMMARY = re.compile(r"^(.+?)\s+effective practice summary$", re.IGNORECASE)
_PUBLISHED = re.compile(r"^\s*(?:published|publication date)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Plan:
    """What an import will write: file texts by path inside the content folder."""

    files: dict[str, str]
    report: str
    examples: int
    sections: int
    warnings: tuple[Problem, ...]


def map_document(document: Document, site: SiteFile, existing: frozenset[str],
                 slug: str | None = None) -> Plan:
    """Map a parsed document onto content files for the content folder ``existing`` lists."""
    warnings: list[Problem] = []

    def warn(line: int, message: str) -> None:
        warnings.append(Problem(document.source, line or None, message))

    for line, message in document.skipped:
        warn(line, message)
    if not any(b.text.strip() for b in document.blocks):
        raise SpotlightError([Problem(document.source, None, "nothing to import: the source "
                                      "has no text that spotlight can read")])
    shape = outline(document, lambda t: role_of(t) != "theme" or site.match_theme(t) is not None,
                    warn)
    inline = Inline(frozenset(shape.references), warn)
    title = _title(shape, document, warn)
    region, region_name, pdus = _region(shape, title, site, warn)
    parts = ReportParts()
    for section in shape.sections:
        if section.role == "summary":
            summary_parts(section, parts)
        elif section.role == "standards":
            standards_entries(section, parts, site)
        elif section.role == "references":
            parts.acknowledgements += [b for b in section.blocks if not (
                b.kind == Kind.HEADING and normalise(b.text) == "references")]
        elif section.role == "introduction":
            parts.introduction += _published(section.blocks, parts)
    fieldwork = parts.fieldwork or date_range(" ".join(b.text for b in document.blocks))
    report = _report_slug(slug, region, fieldwork, parts.published, document.source, existing)
    taken = {PurePosixPath(p).stem for p in existing if p.startswith("examples/")}
    themes_used: set[str] = set()
    context = ExampleContext(report, region, PurePosixPath(document.source).name, inline, warn,
                             _names(site.items("sentence_types")),
                             {str(s.get("code")) for s in site.items("standards")} |
                             set(parts.new_standard_codes), pdus, region_name is not None)
    files: dict[str, str] = {}
    sections_yaml: list[str] = []
    count = 0
    for section in (s for s in shape.sections if s.role == "theme"):
        theme, renamed = _theme(section, site, themes_used, warn)
        bridges.settle(section, warn)
        intro = blocks_markdown(section.blocks, inline, example=False, width=WIDTH - 6)
        heading = f"  # the source's heading: {section.title}" if renamed else ""
        sections_yaml.append(f"  - practice_theme: {y.scalar(theme)}{heading}\n" +
                             y.markdown("intro", intro, 4))
        for order, part in enumerate(section.examples, start=1):
            example = unique(slugify(part.heading.text), taken)
            files[f"examples/{example}.md"] = example_file(part, example, theme, order, context)
            count += 1
            _after_outcome(part, warn)
        _no_outcomes(section, theme, site, warn)
    if region_name is not None:
        site.add("regions", _region_yaml(region, region_name, context.new_pdus))
    dates = _dates(fieldwork, parts.published, warn)
    files[f"reports/{report}.yml"] = _report_yaml(document, title, region, dates, parts, shape,
                                                  inline, sections_yaml, any(
                                                      "standards:" in t for t in files.values()))
    _abbreviations(document, site, warn)
    files["site.yml"] = site.render()
    return Plan(files, report, count, len(sections_yaml), tuple(warnings))


def _title(shape: Outline, document: Document, warn: Warn) -> str:
    if shape.title is not None:
        return shape.title.text
    warn(1, "the source has no title: the report is called 'Effective Practice Spotlight'; "
            "set its title in the report file")
    return "Effective Practice Spotlight"


def _region(shape: Outline, title: str, site: SiteFile,
            warn: Warn) -> tuple[str, str | None, dict[str, str]]:
    """The region's slug, its name when it is new to site.yml, and its PDUs by name."""
    name = None
    for section in shape.sections:
        if section.role == "summary" and (match := _REGION_IN_SUMMARY.match(section.title)):
            name = match.group(1).strip()
            break
    if name is None and (match := _REGION_IN_TITLE.search(title)):
        name = match.group(1).strip()
    if name is None:
        warn(shape.title.line if shape.title else 1,
             "no region found in the title (such as '... – East Midlands region'): the region "
             "is 'Unknown region'; rename it in site.yml")
        name = "Unknown region"
    for region in site.items("regions"):
        if normalise(str(region.get("name"))) == normalise(name) or \
                str(region.get("slug")) == slugify(name):
            pdus = {str(p.get("name", "")).lower(): str(p.get("slug"))
                    for p in region.get("pdus") or () if isinstance(p, dict)}
            return str(region.get("slug")), None, pdus
    return slugify(name), name, {}


def _region_yaml(slug: str, name: str, pdus: dict[str, str]) -> str:
    text = f"- slug: {y.scalar(slug)}\n  name: {y.scalar(name)}"
    if pdus:
        text += "\n  pdus:" + "".join(f"\n    - slug: {y.scalar(s)}\n      name: {y.scalar(n)}"
                                      for s, n in sorted(pdus.items()))
    return text


def _published(blocks: list[Block], parts: ReportParts) -> list[Block]:
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


def _report_slug(slug: str | None, region: str, fieldwork: tuple[dt.date, dt.date] | None,
                 published: dt.date | None, source: str, existing: frozenset[str]) -> str:
    last = fieldwork[1] if fieldwork else published
    year = last.year if last else None
    chosen = slug or (f"{region}-{year}" if year else slugify(PurePosixPath(source).stem))
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", chosen):
        raise SpotlightError([Problem(chosen, None, "the report slug must be lower-case "
                                      "letters, digits and hyphens")])
    if f"reports/{chosen}.yml" in existing:
        raise SpotlightError([Problem(f"reports/{chosen}.yml", None, "already exists: choose "
                                      "another report slug with --slug, or remove the file")])
    return chosen


def _theme(section: Section, site: SiteFile, used: set[str], warn: Warn) -> tuple[str, bool]:
    """The practice theme of a section, and whether its title differs from the section's."""
    title = section.title or "Examples of effectiveness"
    line = section.heading.line if section.heading else 0
    match = site.match_theme(title)
    if match is not None and str(match["slug"]) not in used:
        slug = str(match["slug"])
        if normalise(str(match["title"])) != normalise(title):
            warn(line, f"section '{title}' is the practice theme '{match['title']}' ({slug}): "
                       f"its heading reads '{match['title']}'")
            used.add(slug)
            return slug, True
        used.add(slug)
        return slug, False
    slugs = {str(t.get("slug")) for t in site.items("practice_themes")} | used
    slug = unique(slugify(title, 40), slugs)
    used.add(slug)
    site.add("practice_themes", y.comment(f"Added by spotlight import (line {line}): check the "
                                          "title and write an intro.") +
             f"\n- slug: {y.scalar(slug)}\n  title: {y.scalar(title)}\n  intro: \"\"")
    warn(line, f"section '{title}' matches no practice theme: added the practice theme "
               f"'{slug}' to site.yml")
    return slug, False


def _no_outcomes(section: Section, theme: str, site: SiteFile, warn: Warn) -> None:
    """Set ``outcome_expected: false`` on the practice theme of a section whose examples have
    no Outcome at all (statutory victim work, management oversight): that is its form."""
    if not section.examples or any(b.kind == Kind.OUTCOME for part in section.examples
                                   for b in part.blocks):
        return
    entry = next((t for t in site.items("practice_themes") if str(t.get("slug")) == theme), None)
    if entry is not None and entry.get("outcome_expected") is False:
        return
    site.extend_item("practice_themes", theme, [
        "# Its examples in the imported spotlight have no Outcome.", "outcome_expected: false"])
    warn(section.heading.line if section.heading else 0,
         f"no example in section '{section.title}' has an Outcome: site.yml says "
         f"'outcome_expected: false' for practice theme '{theme}'")


def _abbreviations(document: Document, site: SiteFile, warn: Warn) -> None:
    """Glossary entries for the abbreviations the source spells out, and a commented draft of
    those it uses without spelling them out."""
    texts = [b.text for b in document.blocks]
    glossary = site.data.get("glossary")
    have = set(glossary) if isinstance(glossary, dict) else set()
    known = site.data.get("known_abbreviations")
    have |= {str(k) for k in known} if isinstance(known, list) else set()
    spelled = {k: v for k, v in abbreviations.definitions("\n".join(texts)).items()
               if k not in have}
    draft = [a for a in abbreviations.used(texts) if a not in have and a not in spelled]
    if not spelled and not draft:
        return
    site.add_glossary(abbreviations.glossary_lines(spelled, draft,
                                                   PurePosixPath(document.source).name))
    if spelled:
        warn(0, f"added {len(spelled)} abbreviation(s) the source spells out to the glossary in "
                f"site.yml: {', '.join(sorted(spelled))}")
    if draft:
        warn(0, f"{len(draft)} abbreviation(s) used without being spelled out: "
                f"{', '.join(sorted(draft))}; site.yml lists them under 'glossary' as a draft "
                "to complete")


def _after_outcome(part: Part, warn: Warn) -> None:
    kinds = [b.kind for b in part.blocks]
    if Kind.OUTCOME in kinds:
        outcome = part.blocks[kinds.index(Kind.OUTCOME)]
        after = part.blocks[kinds.index(Kind.OUTCOME) + 1:]
        if outcome.text and after:
            warn(after[0].line, f"text after the Outcome of '{part.heading.text}' is kept at the "
                                "end of that Outcome: move it if it belongs elsewhere")


@dataclass(frozen=True)
class _Dates:
    start: dt.date
    end: dt.date
    published: dt.date
    no_fieldwork: bool
    no_published: bool


def _dates(fieldwork: tuple[dt.date, dt.date] | None, published: dt.date | None,
           warn: Warn) -> _Dates:
    if fieldwork is None:
        warn(0, "no fieldwork dates found (such as 'between 24 February and 04 April 2025'): "
                f"the report says {PLACEHOLDER_DATE}; set the real dates")
    if published is None:
        warn(0, f"no publication date found: the report says {PLACEHOLDER_DATE}; set the real "
                "date")
    start, end = fieldwork or (PLACEHOLDER_DATE, PLACEHOLDER_DATE)
    return _Dates(start, end, published or PLACEHOLDER_DATE, fieldwork is None, published is None)


def _names(items: list[dict[str, Any]]) -> dict[str, str]:
    return {" ".join(str(i.get("name", "")).lower().split()): str(i.get("slug")) for i in items}


def _report_yaml(document: Document, title: str, region: str, dates: _Dates,
                 parts: ReportParts, shape: Outline, inline: Inline, sections: list[str],
                 examples_have_standards: bool) -> str:
    fix = "  # PLACEHOLDER: the source gives no date; set the real one"
    out = [y.comment(f"Imported by spotlight import from {PurePosixPath(document.source).name}."),
           f"title: {y.scalar(title)}", f"region: {y.scalar(region)}", "fieldwork:",
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
