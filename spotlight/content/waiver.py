"""The ``waivers`` field that the site file, report files and examples share."""

from __future__ import annotations

from dataclasses import dataclass

from .schema import declared, line_of, record


@record("a waiver")
@dataclass(frozen=True)
class Waiver:
    """A finding of ``spotlight check`` that the author waives, with the reason why."""

    code: str = declared("text", "the code of the finding to waive, for example "
                         "`anon-postcode`", required=True)
    match: str | None = declared("text", "the flagged text as the finding quotes it "
                                 "(capitals aside); without it, every finding with that code "
                                 "in this file is waived")
    reason: str = declared("text", "why the finding is not a problem here", required=True)
    line: int = line_of()


WAIVERS_DOC = ("findings of `spotlight check` in this file that are accepted, each with a "
               "reason (see Waivers, under Checking content)")
