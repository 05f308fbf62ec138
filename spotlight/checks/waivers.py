"""Waivers: findings the author has looked at and accepts, each with a reason.

A file waives its own findings in a ``waivers`` list (in an example's front matter, or at the
top level of a report or site file): ``code`` names the rule, ``match`` the flagged text as
the finding quotes it (without it, every finding of that code in the file), ``reason`` why it
is fine. A waiver that matches nothing, or names no rule, is itself reported, so that waivers
do not outlive the text they were written for.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from ..content import suggest
from ..model import Waiver
from .finding import RULES, Finding, finding

#: Where a waiver is written: (line, column) of waiver in the file at path.
Locate = Callable[[str, Waiver], tuple[int, int]]

_UNWAIVABLE = frozenset({"invalid", "waiver-unused", "waiver-unknown-code"})


@dataclass(frozen=True, order=True)
class Waived:
    """A finding that a waiver set aside, and the waiver's reason."""

    finding: Finding
    reason: str

    def __str__(self) -> str:
        f = self.finding
        return f"{f.path}:{f.line}:{f.col}: waived: {f.code}: {f.message} (reason: {self.reason})"

    def as_dict(self) -> dict[str, str | int]:
        """The finding's fields, with the reason it was waived."""
        return self.finding.as_dict() | {"reason": self.reason}


def _matches(waiver: Waiver, found: Finding) -> bool:
    if waiver.code != found.code or found.code in _UNWAIVABLE:
        return False
    # "Thomas cook" waives 'Thomas Cook': what is flagged, whatever its capitals.
    return waiver.match is None or " ".join(waiver.match.split()).casefold() \
        == found.text.casefold()


def apply(by_path: Mapping[str, tuple[Waiver, ...]], findings: Iterable[Finding],
          locate: Locate, codes: Collection[str] | None = None
          ) -> tuple[list[Finding], list[Waived]]:
    """Split findings into those that stand and those waived; report unused waivers.

    ``by_path`` holds each file's waivers. With ``codes`` (the publish gate's rules), only
    the waivers of those codes are checked for use: the others are for ``spotlight check``.
    """
    kept: list[Finding] = []
    waived: list[Waived] = []
    used: set[tuple[str, int]] = set()
    flagged: dict[tuple[str, str], list[str]] = {}  # what each rule flagged in each file
    for found in findings:
        flagged.setdefault((found.path, found.code), []).append(found.text)
        waivers = by_path.get(found.path, ())
        index = next((i for i, w in enumerate(waivers) if _matches(w, found)), None)
        if index is None:
            kept.append(found)
            continue
        used.add((found.path, index))
        waived.append(Waived(found, waivers[index].reason))
    for path, waivers in by_path.items():
        for index, waiver in enumerate(waivers):
            if codes is not None and waiver.code not in codes:
                continue
            position = locate(path, waiver)
            if waiver.code not in RULES or waiver.code in _UNWAIVABLE:
                names = [c for c in RULES if c not in _UNWAIVABLE]
                hint = suggest.did_you_mean(waiver.code, names) or \
                    f"; the codes are: {', '.join(names)}"
                kept.append(finding("waiver-unknown-code", path, position,
                                    f"waiver for '{waiver.code}' names no rule that can be "
                                    f"waived{hint}", waiver.code))
            elif (path, index) not in used:
                what = f" '{waiver.match}'" if waiver.match else ""
                near = suggest.did_you_mean(waiver.match, flagged.get((path, waiver.code), ())) \
                    if waiver.match else ""
                advice = f"{near[2:-1]} (a match is the text as flagged)" if near else "remove it"
                kept.append(finding("waiver-unused", path, position,
                                    f"waiver for {waiver.code}{what} matches no finding: "
                                    f"{advice}", waiver.code))
    return kept, waived
