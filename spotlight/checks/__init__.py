"""``spotlight check`` and the publish gate.

``run.py`` runs every check for ``spotlight check``; ``gate.py`` is the publish gate that the
build calls between render and write. The package itself imports nothing heavy, so that a
build, which needs only the gate, does not load the other lint families.

Owns: every lint family, the findings and their codes (finding.py), waivers, the located prose
of the content files (sources.py, prose.py, corpus.py), and the publish gate (gate.py, with its
scan in gate_scan.py and the waivers it reads in gate_waivers.py).

May import: everything below it (the foundation, markdown/, content/, incremental/, site/,
outputs/) and the stage runner (pipeline.py), which ``spotlight check`` runs with writing
turned off; never build.py, which calls the gate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .finding import RULES, Finding, Rule

if TYPE_CHECKING:
    from .run import CheckOptions, CheckResult, run_checks
    from .waivers import Waived

__all__ = ["RULES", "CheckOptions", "CheckResult", "Finding", "Rule", "Waived", "run_checks"]


def __getattr__(name: str) -> Any:
    """``run_checks``, ``CheckOptions``, ``CheckResult`` and ``Waived``, loaded when used."""
    if name in ("CheckOptions", "CheckResult", "run_checks"):
        from . import run

        return getattr(run, name)
    if name == "Waived":
        from .waivers import Waived

        return Waived
    raise AttributeError(name)
