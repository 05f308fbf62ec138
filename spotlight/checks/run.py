"""``spotlight check``: every validation of the build, then the lints, without writing output.

The content goes through the build's own stages (load, validate, assemble, render, all in
memory); if the build would refuse it, its problems are the findings (code ``invalid``).
The publish gate's scan (anonymisation, unfinished work: see gate.py) reads every file that
could be read, whether or not the content is valid, so a broken file hides nothing. When the
content is valid, each other lint family looks at the result: references, reused names, house
style and facts. Waivers then set aside the findings an author has accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..content.load import RawContent, load
from ..errors import Problem, SpotlightError
from ..incremental import Reuse
from ..model import Content
from ..pipeline import BuildOptions, run
from . import facts, house_style, names, references, statement, translations, waivers
from .corpus import Corpus, build_corpus
from .finding import Finding, finding
from .gate import GATE_CODES
from .gate_scan import scan
from .gate_waivers import content_waivers, locate_waivers
from .sources import FileText
from .waivers import Waived

__all__ = ["CheckOptions", "CheckResult", "run_checks"]

FAMILIES: tuple[Callable[[Corpus], list[Finding]], ...] = (
    references.check, lambda corpus: list(names.reused_names(corpus)), house_style.check,
    facts.check, translations.check, statement.check)


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
    """Check the content folder; never writes anything: the build's stage runner
    (pipeline.py) with writing turned off."""
    raw, problems = load(options.content)
    stages = BuildOptions(content=options.content, visual_theme=options.visual_theme,
                          theme_override=options.theme_override)
    found: set[Finding] = set()
    content: Content | None = None
    try:
        made = run(stages, Reuse.off(stages), print_set=False, loaded=(raw, problems),
                   drafts=True)
    except SpotlightError as error:
        found.update(_invalid(p, raw) for p in error.problems)
    else:
        assert made is not None  # without reuse, the stages always run
        content = made.content
        found.update(finding("theme-override", p.path, (p.line or 1, 1), p.message)
                     for p in made.theme.warnings)
        corpus = build_corpus(raw, content, made.site, made.rendered, made.theme)
        for family in FAMILIES:
            found.update(family(corpus))
    abbreviations: frozenset[str] = frozenset()
    if content is not None:
        settings = content.settings
        abbreviations = frozenset(dict(settings.glossary)) | frozenset(
            settings.known_abbreviations)
    found.update(scan(raw, abbreviations))
    valid = not any(f.code == "invalid" for f in found)
    kept, waived = waivers.apply(content_waivers(raw, content), found, locate_waivers(raw),
                                 None if valid else GATE_CODES)
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
