"""Welsh patronymics: a first name, "ap" or "ab" (son of) or "ferch" or "verch" (daughter of),
and a name: "Gethin ap Iorwerth", "Gwenllian ferch Rhys". Read in a file of either language, as
the other name rules (people.py) are."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .letters import latin
from .people import _MONTHS, OPENERS, TITLE_WORDS, _folded, first_names, not_surnames

_TITLES = frozenset(TITLE_WORDS)

#: A Welsh patronymic's middle and end: " ap Iorwerth", " ferch Rhys"; and the name before it.
_PATRONYMIC = re.compile(latin(r"(?<=[ \t])(?:ap|ab|ferch|verch)[ \t]+(?P<last>[A-Z][a-zà-öø-ÿŵŷ]+)"
                         r"(?![\w'’-])"))
_FIRST_BEFORE = re.compile(latin(r"(?<![\w'’-])[A-Z][a-zà-öø-ÿŵŷ]+[ \t]+$"))
#: What ends a sentence or opens a line, before a capitalised word that is then no sign of a
#: name.
_SENTENCE_ENDS = frozenset(".!?:;\n>#*|(\"“‘'’")


def patronymics(prose: str, pseudonyms: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(index, text) of each Welsh patronymic: a first name, "ap", "ab", "ferch" or "verch"
    (son or daughter of) and a name: "Gethin ap Iorwerth". The first word is a known first
    name or a pseudonym, or a capitalised word inside a sentence; not one opening it
    ("Defnyddiodd ap Headspace": he used the Headspace app)."""
    if " ap " not in prose and " ab " not in prose and "erch " not in prose:
        return
    known, stop = first_names(), not_surnames()
    for match in _PATRONYMIC.finditer(prose):
        begin = max(0, match.start() - 40)
        before = _FIRST_BEFORE.search(prose, begin, match.start())
        last = match.group("last")
        if before is None or last in stop or last in _MONTHS:
            continue
        first, start = before.group().rstrip(" \t"), before.start()
        if first not in known and first not in pseudonyms and _folded(first) not in known and (
                first in stop or first in OPENERS or first in _TITLES
                or (prose[max(0, start - 20):start].rstrip(" \t")[-1:] or "\n")
                in _SENTENCE_ENDS):
            continue
        yield start, " ".join(prose[start:match.end()].split())
