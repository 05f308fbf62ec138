"""A first name and a surname in capitals, as a case record writes it: "Kyle BRENNAN was
listed", "Tracey HUGHES attended", a table's "Jordan BLAKE" (see people.py for the other
shapes of a name, and name_shapes.py for "BRENNAN, Kyle").

The first name is a known one or a case's pseudonym, written with a capital only; the word in
capitals after it is a known surname (or a first name, which is often a surname too: "Jordan
BLAKE"), or a longer word of capitals with vowels ("KOZŁOWSKI"). Not an abbreviation: the
site's own (``known_abbreviations``) and the gate's list of offences and services ("Sarah
NHS", "Kyle MAPPA level 2").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .letters import fold, latin
from .name_lists import first_names, not_surnames, wider_surnames

#: A surname in capitals, "BRENNAN", "O'NEILL", "MCDONALD", "SMITH-JONES".
_CAPS = re.compile(latin(r"(?:MC|MAC|O['’])?[A-Z]{2,}(?:-[A-Z]{2,})?(?![\w'’-])"))
#: Abbreviations in capitals with vowels, of probation and the services around it, that are no
#: surname: "Sarah MAPPA", "Kyle CAMHS".
_ABBREVIATION_WORDS = """
MAPPA MARAC MASH CAMHS NOMIS OASYS DELIUS ROTL ACCT ASSET AIM ARMS SARN SOTP HSP TSP
IDAP IDVA ISVA YOT UPW NACRO SMART SMART-GOALS BASS LIFE ANPR CCTV NEET EHCP OFSTED HMPPS
HMIP MOJ NOMS PCSO IDEAS CRISIS VISOR NDELIUS EPF RISK NOTE NOTES ACTION URGENT OFFICIAL
SENSITIVE DRAFT FINAL UPDATE KEY SUMMARY REVIEW OUTCOME OUTCOMES PLAN NB PS PPS PP OM OMS
"""
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_VOWELS = re.compile(r"[AEIOUY].*[AEIOUY]")


def caps_surnames(prose: str, pseudonyms: frozenset[str], words: Sequence[re.Match[str]],
                  abbreviations: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(index, text) of each first name with a surname in capitals: "Kyle BRENNAN".
    ``words``: ``people.capitals(prose)``; ``abbreviations``: words in capitals that are no
    surname."""
    known, surnames, stop = first_names(), wider_surnames(), not_surnames()
    for number, word in enumerate(words):
        text = word.group()
        if not text.isupper() or number == 0 or (len(text) < 2 and text != "O"):
            continue  # most words: looked at no more
        before = words[number - 1]
        name = before.group()
        if not name[1:].islower() or prose[before.end():word.start()].strip(" \t") \
                or before.end() == word.start():
            continue
        if name not in known and name not in pseudonyms and fold(name) not in known:
            continue
        match = _CAPS.match(prose, word.start())
        if match is None:
            continue
        last = match.group()
        if last in abbreviations or last in ABBREVIATIONS or last.capitalize() in stop:
            continue
        if fold(last).lower() in surnames or last.capitalize() in known or (
                len(last) >= 5 and _VOWELS.search(fold(last))):
            yield before.start(), f"{name} {last}"
