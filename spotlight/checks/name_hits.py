"""The names a text holds, as the anonymisation rules' findings (``anon-name``): each of the
name rules (people.py and the modules beside it) run over the capitalised words found once."""

from __future__ import annotations

from collections.abc import Iterator

from . import (
    caps_names,
    court_names,
    initials_more,
    name_shapes,
    named_on_purpose,
    patronymics,
    people,
    pseudonym_names,
    word_names,
)
from .advice import ACRONYMS, message

Hit = tuple[str, int, str, str]


def name_hits(prose: str, pseudonyms: frozenset[str], abbreviations: frozenset[str],
              names: bool = True) -> Iterator[Hit]:
    """(code, index, flagged text, message) of each name in ``prose``. ``names`` False: a
    field that names people on purpose (references, acknowledgements), where only the names
    of people on probation are found."""
    if not names:  # references and acknowledgements: only the names of people on probation
        for index, flagged, said in named_on_purpose.case_names(prose, pseudonyms,
                                                                people.capitals(prose)):
            yield "anon-name", index, flagged, said
        return
    known = abbreviations | ACRONYMS
    named = word_names.unemphasised(prose)  # "**Carl** Webster" read as "Carl Webster"
    words = people.capitals(named)
    for index, flagged in people.titles(named, words):
        yield "anon-name", index, flagged, (
            f"'{flagged}' looks like a police officer's rank and collar number: leave the "
            "number out" if flagged[-1].isdigit()
            else message("anon-name", flagged, "a title and name"))
    paired = list(people.full_names(named, pseudonyms, words))
    full_names = [*paired,
                  *name_shapes.shapes(named, pseudonyms, words),
                  *word_names.word_names(named, pseudonyms, words),
                  *caps_names.caps_surnames(named, pseudonyms, words, known),
                  *(found for found in pseudonym_names.pseudonym_surnames(named, pseudonyms,
                                                                          words)
                    if found not in paired)]  # said by full_names already
    for index, flagged in full_names:
        yield "anon-name", index, flagged, message("anon-name", flagged, "a full name")
    for index, flagged in court_names.case_names(named, words):
        yield "anon-name", index, flagged, court_names.MESSAGE.format(flagged)
    for index, flagged in patronymics.patronymics(named, pseudonyms):
        yield "anon-name", index, flagged, message("anon-name", flagged, "a full name")
    for index, flagged in [*people.initials(named, pseudonyms),
                           *initials_more.more_initials(named, words, known)]:
        yield "anon-name", index, flagged, message("anon-name", flagged,
                                                   "an initial and a surname")
