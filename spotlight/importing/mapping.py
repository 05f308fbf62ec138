"""The outline of a spotlight -> content files: the report, its examples, and site additions.

The report file is written by report_file.py, what the import adds to site.yml by
site_additions.py, each example by examples.py. Nothing here touches the disk: the result is a
``Plan`` of file texts for the writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from ..errors import Problem, SpotlightError
from . import bridges
from . import yaml_writer as y
from .dates import date_range
from .document import Block, Document, Kind, Warn, in_welsh
from .examples import ExampleContext, example_file, slugify, unique
from .leave_out import leave_out
from .markdown_writer import WIDTH, Inline, blocks_markdown
from .outline import Outline, Part, normalise, outline, role_of
from .previous import Prior
from .report_file import dates_of, report_slug, report_yaml, take_published, without_published
from .report_parts import ReportParts, standards_entries, summary_parts
from .site_additions import add_abbreviations, find_region, mark_no_outcomes, region_yaml, theme_of
from .site_file import SiteFile
from .title_page import title_page

#: Why a source with no examples is not imported: it is not a spotlight, or not one yet.
NO_EXAMPLES = ("found no examples of effectiveness: import looks for headings or lines "
               "starting 'Example of effectiveness:' (or a section that tells a case and ends "
               "with 'Outcome:'), as a spotlight has. Check that this is the spotlight you meant "
               "to import")


@dataclass(frozen=True)
class Plan:
    """What an import will write: file texts by path inside the content folder."""

    files: dict[str, str]
    report: str
    examples: int
    sections: int
    warnings: tuple[Problem, ...]
    prior: Prior | None = None  # with --replace: what the earlier import of the report wrote
    kept: tuple[str, ...] = field(default=())  # examples shared with another report, kept


def map_document(document: Document, site: SiteFile, existing: frozenset[str],
                 slug: str | None = None,
                 replace: Callable[[str], Prior] | None = None) -> Plan:
    """Map a parsed document onto content files for the content folder ``existing`` lists.

    With ``replace`` (``import --replace``), a report of the same slug is replaced: given the
    slug, it says what the earlier import wrote (see previous.py); those examples' names are
    free again, and an example shared with another report is kept, not written again."""
    warnings: list[Problem] = []

    def warn(line: int, message: str) -> None:
        warnings.append(Problem(document.source, line or None, message))

    for line, message in document.skipped:
        warn(line, message)
    if not any(b.text.strip() for b in document.blocks):
        raise SpotlightError([Problem(document.source, None, "nothing to import: the source "
                                      "has no text that spotlight can read")])
    language = "cy" if in_welsh(document) else ""
    if language and not _publishes(site, language):
        warn(0, "the source is in Welsh: its report and examples say 'language: cy', which "
                "site.yml does not publish yet: add cy to its languages (for example "
                "'languages: [en, cy]'; see 'Welsh and English' in the README)")
    document, published = take_published(document)

    def known(title: str) -> bool:
        return role_of(title) != "theme" or site.match_theme(title) is not None

    document = leave_out(document, known, warn)
    document = title_page(document, (str(r.get("name")) for r in site.items("regions")), warn)
    shape = outline(document, known, warn)
    inline = Inline(frozenset(shape.references), warn)
    title = _title(shape, document, warn)
    region, region_name, pdus = find_region(shape, title, site, warn)
    parts = ReportParts(published=published)
    for section in shape.sections:
        if section.role == "summary":
            summary_parts(section, parts)
        elif section.role == "standards":
            standards_entries(section, parts, site)
        elif section.role == "references":
            parts.acknowledgements += [b for b in section.blocks if not (
                b.kind == Kind.HEADING and normalise(b.text) == "references")]
        elif section.role == "introduction":
            parts.introduction += without_published(section.blocks, parts)
    fieldwork = parts.fieldwork or date_range(" ".join(b.text for b in document.blocks))
    report = report_slug(slug, region, fieldwork, parts.published, document.source, existing,
                         replace is not None)
    prior = replace(report) if replace is not None else None
    taken = {PurePosixPath(p).stem for p in existing if p.startswith("examples/")
             and (prior is None or p not in prior.replaceable)}
    kept: list[str] = []
    themes_used: set[str] = set()
    context = ExampleContext(report, region, PurePosixPath(document.source).name, inline, warn,
                             _names(site.items("sentence_types")),
                             {str(s.get("code")) for s in site.items("standards")} |
                             set(parts.new_standard_codes), pdus, region_name is not None,
                             language)
    files: dict[str, str] = {}
    sections_yaml: list[str] = []
    count = 0
    closing: list[Block] = []
    for section in (s for s in shape.sections if s.role == "theme"):
        if not section.examples and section.heading is not None and \
                site.match_theme(section.title) is None:  # text, not a practice theme
            _as_text(section.heading, section.blocks,
                     parts.introduction if not count else closing, bool(count), warn)
            continue
        theme, renamed = theme_of(section, site, themes_used, warn)
        bridges.settle(section, warn)
        intro = blocks_markdown(section.blocks, inline, example=False, width=WIDTH - 6)
        heading = f"  # the source's heading: {section.title}" if renamed else ""
        sections_yaml.append(f"  - practice_theme: {y.scalar(theme)}{heading}\n" +
                             y.markdown("intro", intro, 4))
        for order, part in enumerate(section.examples, start=1):
            if prior is not None and slugify(part.heading.text) in prior.shared:
                kept.append(f"examples/{slugify(part.heading.text)}.md")  # another report's too
                count += 1
                continue
            example = unique(slugify(part.heading.text), taken)
            files[f"examples/{example}.md"] = example_file(part, example, theme, order, context)
            count += 1
            _after_outcome(part, warn)
        mark_no_outcomes(section, theme, site, warn)
    if not count:
        raise SpotlightError([Problem(document.source, None, NO_EXAMPLES)])
    parts.acknowledgements[:0] = closing
    if region_name is not None:
        site.add("regions", region_yaml(region, region_name, context.new_pdus))
    dates = dates_of(fieldwork, parts.published, warn)
    files[f"reports/{report}.yml"] = report_yaml(document, title, region, dates, parts, shape,
                                                 inline, sections_yaml, any(
                                                     "standards:" in t for t in files.values()),
                                                 language)
    add_abbreviations(document, site, warn)
    files["site.yml"] = site.render()
    return Plan(files, report, count, len(sections_yaml), tuple(warnings), prior, tuple(kept))


def _title(shape: Outline, document: Document, warn: Warn) -> str:
    if shape.title is not None:
        return shape.title.text
    warn(1, "the source has no title: the report is called 'Effective Practice Spotlight'; "
            "set its title in the report file")
    return "Effective Practice Spotlight"


def _as_text(heading: Block, blocks: list[Block], into: list[Block], closing: bool,
             warn: Warn) -> None:
    """Keep a section with no examples that names no practice theme as text, under its
    heading: in the introduction when it comes before the first example, else before the
    acknowledgements. A practice theme is made only for a section with examples."""
    into += [heading, *blocks]
    where = "at the start of the acknowledgements" if closing else "at the end of the " \
        "introduction"
    warn(heading.line, f"section '{heading.text}' has no examples and is no practice "
                       f"theme: its text is kept, under its heading, {where}; move it if it "
                       "belongs elsewhere")


def _after_outcome(part: Part, warn: Warn) -> None:
    kinds = [b.kind for b in part.blocks]
    if Kind.OUTCOME in kinds:
        outcome = part.blocks[kinds.index(Kind.OUTCOME)]
        after = part.blocks[kinds.index(Kind.OUTCOME) + 1:]
        if outcome.text and after:
            if after[0].kind == Kind.HEADING:
                warn(after[0].line, f"the heading '{after[0].text}' and the text under it are "
                                    f"kept inside the Outcome of '{part.heading.text}': if it "
                                    "is an example of its own, start its heading with 'Example "
                                    "of effectiveness:' and import again")
            else:
                warn(after[0].line, f"text after the Outcome of '{part.heading.text}' is kept "
                                    "at the end of that Outcome: move it if it belongs "
                                    "elsewhere")


def _publishes(site: SiteFile, language: str) -> bool:
    """Whether the site file publishes pages in ``language`` ("cy")."""
    listed = site.data.get("languages")
    if isinstance(listed, list) and listed:
        return language in [str(code).split("-")[0].lower() for code in listed]
    return str(site.data.get("language") or "en").split("-")[0].lower() == language


def _names(items: list[dict[str, Any]]) -> dict[str, str]:
    return {" ".join(str(i.get("name", "")).lower().split()): str(i.get("slug")) for i in items}
