"""``spotlight check``: every validation of the build, then the lints, without writing output.

The content goes through the build's own stage runner (``pipeline.run``: load, validate,
assemble, render, all in memory) with writing turned off; if the build would refuse it, its
problems are the findings (code ``invalid``).
Otherwise each lint family looks at the result: references, anonymisation, house style and
facts. Waivers then set aside the findings an author has accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, SpotlightError
from ..incremental import Reuse
from ..load import RawContent, load
from ..pipeline import run
from . import anonymisation, facts, house_style, references, waivers
from .corpus import Corpus, build_corpus
from .finding import RULES, Finding, Rule, finding
from .sources import FileText
from .waivers import Waived

__all__ = ["RULES", "CheckOptions", "CheckResult", "Finding", "Rule", "Waived", "run_checks"]

FAMILIES: tuple[Callable[[Corpus], list[Finding]], ...] = (
    references.check, anonymisation.check, house_style.check, facts.check)


@dataclass(frozen=True)
class CheckOptions:
    """What to check: the content folder, with the visual theme its pages render with."""

    content: Path = Path("content")
    visual_theme: str = "default"
    theme_override: Path | None = None


@dataclass(frozen=True)
class CheckResult:
    """The findings that stand, sorted by file, line and column, and those waived."""

    findings: tuple[Finding, ...]
    waived: tuple[Waived, ...]

    def count(self, severity: str) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def failed(self, strict: bool = False) -> bool:
        """True when there are errors, or, with ``strict``, any finding at all."""
        return bool(self.findings) if strict else self.count("error") > 0


def run_checks(options: CheckOptions) -> CheckResult:
    """Check the content folder; never writes anything."""
    from ..build import BuildOptions

    stages = BuildOptions(content=options.content, visual_theme=options.visual_theme,
                          theme_override=options.theme_override)
    try:
        made = run(stages, Reuse.off(stages), print_set=False)
    except SpotlightError as error:
        raw, _ = load(options.content)
        return CheckResult(tuple(sorted(_invalid(p, raw) for p in error.problems)), ())
    assert made is not None  # without reuse, the stages always run
    corpus = build_corpus(made.raw, made.content, made.site, made.rendered, made.theme)
    found: set[Finding] = set()
    for family in FAMILIES:
        found.update(family(corpus))
    kept, waived = waivers.apply(corpus, found)
    return CheckResult(tuple(sorted(set(kept))), tuple(sorted(set(waived))))


def _invalid(problem: Problem, raw: RawContent) -> Finding:
    """A problem of the build as a finding, pointing at the start of its line's text."""
    sources = {f.name: f.text for f in (raw.site, *raw.reports, *raw.examples) if f}
    if problem.line is None:
        position = (1, 1)
    elif problem.path in sources:
        position = FileText(problem.path, sources[problem.path]).line_start(problem.line)
    else:
        position = (problem.line, 1)
    return finding("invalid", problem.path, position, problem.message)
