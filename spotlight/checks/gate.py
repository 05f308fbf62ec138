"""The publish gate: nothing personal, and nothing unfinished, reaches a reader.

``spotlight build`` (and so ``spotlight serve``, and any command that publishes) calls
``gate`` between render and write. It reads every published value of every content file
(titles, bodies, captions and alt text, glossary entries, tags, labels, report and site
text: see prose.py; the scan is gate_scan.py), so what the pages, their meta and Open Graph
descriptions, the search index and the PDFs are made from is all looked at, whichever pages
this build renders again. An error-level finding that no waiver sets aside stops the build
before anything is written.

``spotlight check`` runs the same scan on every file it can read, even when the content is
invalid (``scan`` needs only the files' text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..content.load import RawContent
from ..errors import Problem, SpotlightError
from ..incremental.parse_cache import ParseCache
from ..model import Content, Site
from . import waivers
from .build_lints import build_lints
from .finding import RULES, Finding
from .gate_scan import scan
from .gate_waivers import content_waivers, locate_waivers
from .waivers import Waived

#: The families of rules the gate enforces. Reused first names confuse readers but identify
#: no one, and house style is a matter of taste: both stay with ``spotlight check``.
GATE_FAMILIES = frozenset({"anonymisation", "unfinished work"})
GATE_CODES = frozenset(code for code, rule in RULES.items()
                       if rule.family in GATE_FAMILIES and code != "anon-name-reused")


@dataclass(frozen=True, order=True)
class GateProblem(Problem):
    """A finding of the gate as a problem of the build: ``path:line:col: error: code: ...``."""

    col: int = 1
    severity: str = "error"
    code: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.code}: {self.message}"


class GateError(SpotlightError):
    """The gate's findings, as a build's problems, in the order of the files' text."""

    def __init__(self, problems: Iterable[GateProblem]) -> None:
        super().__init__(problems)
        self.problems = tuple(sorted(self.problems, key=lambda p: (
            p.path, p.line or 0, getattr(p, "col", 0), p.message)))


@dataclass(frozen=True)
class GateResult:
    """What the gate found: the findings that stand (errors and warnings), and those waived;
    and the errors of ``check`` that the build says as warnings (see build_lints.py)."""

    findings: tuple[Finding, ...]
    waived: tuple[Waived, ...]
    lints: tuple[Finding, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that stop a build."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The other findings, and the lints, as the build's warnings."""
        return tuple(problem(f) for f in (*self.findings, *self.lints) if f.severity != "error")


def problem(found: Finding) -> GateProblem:
    """A finding as a problem the build can raise and the command line print."""
    return GateProblem(found.path, found.line, found.message, found.col, found.severity,
                       found.code)


def gate(raw: RawContent, content: Content, cache: ParseCache | None = None,
         site: Site | None = None) -> GateResult:
    """Scan everything the build is about to publish; raise SpotlightError (each finding as a
    ``GateProblem``) when an error stands after waivers. With the assembled ``site``, also
    find the lints the build warns about (see build_lints.py).

    With the build's parse ``cache``, a file whose text (and the names and abbreviations the
    rules depend on) is unchanged since the previous build is not scanned again: its findings
    are kept in the cache.
    """
    settings = content.settings
    abbreviations = frozenset(dict(settings.glossary)) | frozenset(settings.known_abbreviations)
    found = scan(raw, abbreviations, cache)
    by_path = content_waivers(raw, content)
    kept, waived = waivers.apply(by_path, found, locate_waivers(raw), GATE_CODES)
    result = GateResult(tuple(sorted(set(kept))), tuple(sorted(set(waived))))
    if result.errors:
        raise GateError([problem(f) for f in result.errors])
    if site is not None:
        result = replace(result, lints=build_lints(raw, content, site, by_path))
    return result
