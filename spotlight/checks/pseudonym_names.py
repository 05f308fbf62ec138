"""A case's pseudonym with a surname that is an ordinary word too: "Supporting Paddy Ward
after release", "Paddy Ward's licence was revoked", where the case introduces its man as
"Paddy, a 31-year-old man".

After a pseudonym, the name the writer chose, a capitalised word that is a known surname in any
list (``data/surnames.txt``, ``surnames_words.txt``, ``surnames_more.txt``: Ward, Hill, Green)
is read as its surname, even where the word names a place or an organisation after another
first name ("Claire Ward" in people.py's rule needs no more). Not where an organisation's word
or a number follows ("Kyle Hill Centre", "Paddy Ward 7"), and not a month or a day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .name_lists import wider_surnames
from .people import _MONTHS, WORD, organisation

_LAST = re.compile(rf"[ \t]+(?P<last>{WORD})(?![\w-])")
#: A number after the word: a ward's, a wing's or a room's ("Paddy Ward 7").
_NUMBER = re.compile(r"[ \t]+\d")


def pseudonym_surnames(prose: str, pseudonyms: frozenset[str],
                       words: Iterable[re.Match[str]]) -> Iterator[tuple[int, str]]:
    """(index, text) of each pseudonym with a known surname after it: "Paddy Ward".
    ``words``: ``people.capitals(prose)``."""
    if not pseudonyms:
        return
    surnames = wider_surnames()
    for word in words:
        if word.group() not in pseudonyms:
            continue
        match = _LAST.match(prose, word.end())
        if match is None:
            continue
        last = match.group("last")
        if last.lower() not in surnames or last in _MONTHS or last in pseudonyms \
                or _NUMBER.match(prose, match.end()) or organisation(prose, match.end()):
            continue
        yield word.start(), f"{word.group()} {last}"
