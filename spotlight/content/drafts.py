"""Draft reports: a report whose publication date is still the placeholder is not built yet.

``spotlight new report`` and ``spotlight import`` write ``published: 1900-01-01  #
PLACEHOLDER`` when the date is not known. Such a report is a draft, which a lead may work on
for months while the published reports are rebuilt: the build and the preview leave it out,
with the examples that are in no other report (and the translations of either), and say so.
Nothing of a draft is written, so the publish gate does not read it; ``spotlight check`` does,
since it tells what is left to do. Setting the date (the one planned will do) builds it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .. import markdown
from ..errors import Problem, SpotlightError
from ..model import Content, ExampleSource, ReportSource
from .cross_check import report_markdown
from .load import RawContent

#: What ``spotlight new report`` and ``spotlight import`` write for a date not known yet.
PLACEHOLDER_DATE = dt.date(1900, 1, 1)


def without_drafts(raw: RawContent, content: Content
                   ) -> tuple[RawContent, Content, list[Problem], list[Problem]]:
    """``raw`` and ``content`` without the draft reports, and the examples that are only in
    drafts; what is left out, one notice per draft (said as a warning, but a draft is
    unfinished on purpose: ``--strict`` does not fail on it); and the warnings: links that
    would lead to an example left out. Raises SpotlightError when every report is a draft
    (there would be nothing to build)."""
    drafts = {r.slug for r in content.reports if r.published == PLACEHOLDER_DATE}
    if not drafts:
        return raw, content, [], []
    # A translation of a draft is left out with it.
    drafts |= {r.slug for r in content.reports if getattr(r, "translation_of", None) in drafts}
    reports = tuple(r for r in content.reports if r.slug not in drafts)
    left_out = {r.slug: 0 for r in content.reports if r.slug in drafts}
    examples = []
    for example in content.examples:
        kept = tuple(slug for slug in example.reports if slug not in drafts)
        if kept:
            examples.append(example if kept == example.reports else replace(example,
                                                                            reports=kept))
        for slug in example.reports:
            if slug in left_out and not kept:
                left_out[slug] += 1
    originals = {e.slug for e in examples}
    examples = [e for e in examples if not getattr(e, "translation_of", None)
                or e.translation_of in originals
                or e.translation_of not in {x.slug for x in content.examples}]
    warnings = [_left_out(report.name, report.lines.get("published"), left_out[report.slug])
                for report in content.reports if report.slug in drafts]
    if not reports:
        raise SpotlightError([Problem(
            warnings[0].path, warnings[0].line, "every report is a draft, its publication "
            "date still the placeholder 1900-01-01: set the date of one (the one planned will "
            "do) to build it")])
    links = _links_to_drafts(reports, examples, {e.slug for e in content.examples}
                             - {e.slug for e in examples})
    names = {r.name for r in reports} | {e.name for e in examples}
    kept_raw = replace(raw, reports=tuple(f for f in raw.reports if f.name in names),
                       examples=tuple(f for f in raw.examples if f.name in names))
    return (kept_raw, replace(content, reports=reports, examples=tuple(examples)), warnings,
            links)


def _left_out(name: str, line: int | None, examples: int) -> Problem:
    also = f", with the {examples} example(s) only it lists" if examples else ""
    return Problem(name, line, f"not built: this report is a draft, its publication date still "
                   f"the placeholder 1900-01-01{also}; set the date (the one planned will do) to "
                   "build and preview it")


def _links_to_drafts(reports: tuple[ReportSource, ...], examples: list[ExampleSource],
                     left_out: set[str]) -> list[Problem]:
    """A link in what is built to an example left out with a draft: it would lead nowhere."""
    if not left_out:
        return []
    texts = [(e.name, e.body) for e in examples]
    texts += [(r.name, parsed) for r in reports for parsed in report_markdown(r)]
    found = []
    for name, parsed in texts:
        for link in parsed.links if parsed is not None else ():
            target = markdown.example_target(link.value)
            if target is not None and target[0] in left_out:
                found.append(Problem(name, link.line, f"link '{link.value}' leads to an example "
                                     "that only a draft report lists, which is not built: the "
                                     "link leads nowhere until that report is published"))
    return found
