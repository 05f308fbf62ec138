"""A court case's name, which names the defendant: "R v Ward [2024] EWCA Crim 123", "R v
Brennan", "Regina v Kyle Brennan", and in a slug or a file name ``r-v-brennan-2024``. Not a
public body's ("R v Secretary of State for Justice", "R v Parole Board"): the claimant's
name in a judicial review is a person's too, but is no case's subject here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .letters import latin
from .name_lists import not_surnames
from .people import OPENERS, WORD

#: The Crown, the party that prosecutes: "R", "Regina", "Rex", "(The) Queen", "(The) King".
_PARTIES = frozenset({"R", "Regina", "Rex", "Queen", "King"})
_CASE = re.compile(latin(rf"(?:R|Regina|Rex|Queen|King)\.?[ \t]+v\.?"
                         rf"[ \t]+(?P<name>{WORD})(?:[ \t]+(?P<more>{WORD}))?(?![\w'’-])"))
#: Public bodies a case is brought against: no person's name.
_BODIES = frozenset({"Secretary", "Crown", "Chief", "Governor", "Parole", "Director", "Home",
                     "Ministry", "Lord", "Lords", "Commissioner", "Council", "Metropolitan",
                     "Police", "Probation", "Department", "Her", "His", "HM", "Independent",
                     "Mental", "Criminal", "National", "Attorney", "Solicitor", "General",
                     "Court", "Magistrates", "Justices", "Board", "Service", "Trust"})
#: What a finding says.
MESSAGE = ("'{}' looks like a court case's name, which names the defendant: leave it out (the "
           "court and the year say enough: 'a 2024 Court of Appeal judgment')")


def case_names(prose: str, words: Iterable[re.Match[str]]) -> Iterator[tuple[int, str]]:
    """(index, text) of each court case's name: "R v Ward". ``words``:
    ``people.capitals(prose)``, where the case's first word is looked for."""
    for word in words:
        if word.group() not in _PARTIES:
            continue  # most words: a set's look-up, no search of the text
        match = _CASE.match(prose, word.start())
        if match is None:
            continue
        name, more = match.group("name", "more")
        if name in _BODIES or name in OPENERS or more in _BODIES or more in not_surnames():
            continue  # "R v Parole Board", "R v Leeds Crown Court"
        end = match.end("more") if more and more not in not_surnames() else match.end("name")
        yield match.start(), " ".join(prose[match.start():end].split())


def slug_cases(plain: str) -> Iterator[tuple[int, str]]:
    """(index, text) of each court case's name in a slug's words split by spaces: "r v
    brennan 2024" gives "R v Brennan"."""
    for match in re.finditer(r"(?<![^ ])r v ([a-z]{2,})(?![^ ])", plain):
        name = match.group(1).capitalize()
        if name not in _BODIES and name not in OPENERS:
            yield match.start(), f"R v {name}"
