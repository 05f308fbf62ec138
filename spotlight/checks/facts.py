"""Facts: summary figures that should add up.

A fact with ``part_of: cases`` is a part of the fact whose ``key`` is ``cases``. The parts of
a fact never add up to more than it. When the total says ``parts_complete: true``, its parts
cover it completely (community and licence cases make up all cases reviewed), so they must
add up to it exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Fact, ReportSource
from .corpus import Corpus
from .finding import Finding, finding


def check(corpus: Corpus) -> list[Finding]:
    """Every facts finding of every report."""
    return [f for report in corpus.content.reports for f in _report(corpus, report)]


def _report(corpus: Corpus, report: ReportSource) -> Iterator[Finding]:
    parts: dict[str, list[Fact]] = defaultdict(list)
    for fact in report.facts:
        if fact.part_of and fact.part_of != fact.key:
            parts[fact.part_of].append(fact)
    for index, total in enumerate(report.facts):
        if not total.key:
            continue
        position = corpus.position(report.name, "summary", "facts", index, "value")
        mine = parts.get(total.key, [])
        added = sum(p.value for p in mine)
        sums = " + ".join(f"{p.value} ({p.label})" for p in mine)
        if mine and added > total.value:
            yield finding("facts-exceed", report.name, position,
                          f"the parts of '{total.label}' add up to more than its {total.value}: "
                          f"{sums} = {added}", total.key)
        elif total.parts_complete and mine and added != total.value:
            yield finding("facts-incomplete", report.name, position,
                          f"'{total.label}' is {total.value}, but its parts add up to {added}: "
                          f"{sums}; correct a figure, or remove 'parts_complete' if some of "
                          "it is not listed", total.key)
        elif total.parts_complete and not mine:
            yield finding("facts-no-parts", report.name, position,
                          f"'{total.label}' says 'parts_complete', but no fact is "
                          f"'part_of: {total.key}'", total.key)
