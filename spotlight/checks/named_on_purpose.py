"""The names the gate still stops in the fields that name people on purpose.

A report's ``references`` name their authors and its ``acknowledgements`` the inspection's
staff and partners, so names there are not flagged as they are everywhere else (see
gate_scan.py, ``NAMED_ON_PURPOSE``). A name said to be someone on probation, or thanked for
their own story, is still stopped there: "We thank Nathan Briggs, who was on licence in
Carlisle", "Nathan Briggs, for letting us tell his story". (A case's pseudonym with a surname
is not: with pseudonyms such as Grace or Mark, the inspection's own staff, "Grace Okafor,
assistant inspector", would be stopped.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from . import name_shapes, people

#: What follows a name that says the person is (or was) on probation, or thanks them for
#: their own story.
_ABOUT_A_CASE = re.compile(
    r"[,)]?\s+(?:\([^()\n]{0,40}\)\s*,?\s+)?(?:"
    r"who\s+(?:is|was|has\s+been|had\s+been|were|are)\s+(?:now\s+|still\s+)?(?:"
    r"on\s+(?:licence|probation|a\s+(?:community|suspended|youth)\b|post[- ]sentence)"
    r"|subject\s+to\s+(?:a\s+)?(?:licence|supervision|probation|an?\s+order)"
    r"|serving|supervised|released|in\s+(?:prison|custody)|under\s+(?:supervision|probation))"
    r"|for\s+(?:sharing|telling|letting\s+us\s+(?:tell|share|use))\s+(?:his|her|their)\s+"
    r"(?:own\s+)?(?:story|stories|experience|experiences|case))", re.IGNORECASE)


def case_names(prose: str, pseudonyms: frozenset[str],
               words: Iterable[re.Match[str]]) -> Iterator[tuple[int, str, str]]:
    """(index, name, message) of each name of a person on probation in a field that names
    people on purpose; ``words``: ``people.capitals(prose)``."""
    words = list(words)
    found = {*people.full_names(prose, pseudonyms, words),
             *name_shapes.shapes(prose, pseudonyms, words)}
    for index, flagged in sorted(found):
        if _ABOUT_A_CASE.match(prose, _end(prose, index, flagged)):
            yield index, flagged, (f"'{flagged}' names someone on probation: use a first-name "
                                   "pseudonym, or leave the name out")


def _end(prose: str, index: int, flagged: str) -> int:
    """Where the name ``flagged`` found at ``index`` ends in ``prose`` (its spaces as
    written, which ``flagged`` has as one)."""
    position = index
    for part in flagged.split():
        position = prose.find(part, position) + len(part)
    return position
