"""The errors of ``spotlight check`` that need no rendered page, said by every build as
warnings (so that ``build --strict`` fails on them): two examples of one report with the
same title, which readers cannot tell apart, and summary facts that do not add up.

They are found from what validation and assembly already made: no page is read, no prose is
located, and a file's YAML is read again only to say where a finding is. The other errors of
``check`` (links and anchors that lead nowhere) need every page as rendered, which a build
that reuses its previous pages does not hold: they stay with ``spotlight check``.
"""

from __future__ import annotations

from dataclasses import replace

from ..content.load import RawContent
from ..model import Content, Site, Waiver
from . import facts, references, waivers
from .corpus import lean_corpus
from .finding import Finding
from .gate_waivers import locate_waivers

#: The rules whose errors the build says as warnings.
BUILD_CODES = frozenset({"ref-duplicate-title", "facts-exceed", "facts-incomplete"})


def build_lints(raw: RawContent, content: Content, site: Site,
                by_path: dict[str, tuple[Waiver, ...]]) -> tuple[Finding, ...]:
    """The findings of ``BUILD_CODES`` that no waiver of ``by_path`` sets aside, each as a
    warning."""
    corpus = lean_corpus(raw, content, site)
    found = [f for view in corpus.reports() for f in references.duplicate_titles(corpus, view)]
    found += [f for f in facts.check(corpus) if f.code in BUILD_CODES]
    if not found:
        return ()
    # Unused waivers are said by ``check`` alone, as for every rule outside the gate.
    kept, _ = waivers.apply(by_path, found, locate_waivers(raw), codes=())
    return tuple(sorted(replace(f, severity="warning") for f in kept))
