"""The name rules that read a case's pseudonym (the name its first sentence introduces): a
surname after it that is an ordinary word too (found by a leak trial)."""

from __future__ import annotations

import pytest

from spotlight.checks.gate_scan import scan_file
from spotlight.checks.prose import source_prose

PSEUDONYMS = frozenset({"Paddy", "Kyle", "Chloe", "Guled", "Faith", "Summer", "Mark", "Will",
                        "Rose"})


def _names(body: str) -> list[str]:
    text = "---\ntitle: A case\nkind: person\n---\n" + body + "\n"
    return sorted(f.text for f in scan_file(source_prose("examples/case.md", text, True),
                                            PSEUDONYMS, frozenset())
                  if f.code == "anon-name")


@pytest.mark.parametrize("body, expected", [
    ("Paddy Ward's licence was revoked after a missed appointment.", ["Paddy Ward"]),
    ("## Supporting Paddy Ward after release", ["Paddy Ward"]),
    ("Kyle Hill was recalled to custody in March.", ["Kyle Hill"]),
    ("Chloe Green told her PP she felt safer.", ["Chloe Green"]),
    ("Kyle Brennan was listed for sentence.", ["Kyle Brennan"]),
    ("Faith Hughes met her PP at the hub.", ["Faith Hughes"]),
])
def test_a_pseudonym_with_a_surname_that_is_a_word_is_a_name(body: str,
                                                              expected: list[str]) -> None:
    assert _names(body) == expected


@pytest.mark.parametrize("body", [
    "Paddy Ward 7 was where he spent two nights after the assault.",
    "Kyle Hill Centre ran the Thinking Skills course that spring.",
    "Paddy, a 31-year-old man, was released on licence to approved premises.",
    "He told Kyle Probation would support the move to Derby.",
    "Chloe Victim Support had rung her twice before the hearing.",
    "Guled Trust workers met him at the gate on release.",
    # Pseudonyms that are words too, before a word that is no known surname (a trial's
    # false alarms, each of which blocked a build):
    "He was referred to local Faith Groups for mentoring.",
    "- Summer Holiday Activities were arranged for children of people in custody.",
    "Mark Kaizen sessions in the diary early, the SPO advised.",
    "Will Kieran's risk reduce? The MAPPA panel thought so.",
    "He moved to Rose Hill approved premises in March 2025.",
])
def test_ordinary_words_after_a_pseudonym_are_no_surname(body: str) -> None:
    assert _names(body) == []

