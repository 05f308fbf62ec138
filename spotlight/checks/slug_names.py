"""Which two words of a slug or a file name make a full name (see addresses.py). A slug is in
lower case, so a name in it has lost the capitals that say it is one: ``chloe-victim-statement``
is a picture of Chloe's victim statement, ``tracey-kyle-mum`` one of Tracey, Kyle's mum.

After a case's pseudonym, the word is its surname where it is a known surname in any list, or
a first name that is no ordinary word (a Somali surname is often a father's first name:
``guled-osman``); after another first name, only a known surname that is neither an ordinary
word (``data/surnames_words.txt``) nor a first name (``kyle-brennan``, not ``tracey-kyle``).
Not where an organisation's word follows (``kyle-hill-centre``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .name_lists import data_words, first_names, first_names_words, wider_surnames

_ORGANISATION = frozenset({"project", "programme", "service", "services", "team", "group",
                           "scheme", "hub", "centre", "center", "charity", "unit", "trust",
                           "foundation", "house", "ward", "wing", "clinic", "cafe", "court",
                           "hall", "school", "college", "academy", "street", "road", "lane",
                           "park", "prison", "hospital", "avenue"})


def _word_surnames() -> frozenset[str]:
    return frozenset(word.lower() for word in data_words("surnames_words.txt"))


def surname_after(first: str, last: str, pseudonyms: frozenset[str]) -> bool:
    """True when ``last`` (a slug's word, in lower case) is a surname after the first name
    ``first`` (capitalised): see above."""
    capital = last.capitalize()
    if capital in pseudonyms or not last.isalpha():
        return False
    if first in pseudonyms:
        return last in wider_surnames() or (capital in first_names()
                                            and capital not in first_names_words())
    return last in wider_surnames() and last not in _word_surnames() \
        and capital not in first_names() and capital not in first_names_words()


def pairs(plain: str, pseudonyms: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(index, "First Last") of each first name and surname in words split by spaces."""
    known = first_names()
    found = list(re.finditer(r"[^ ]+", plain))
    for number, word in enumerate(found[:-1]):
        first = word.group().capitalize()
        if first not in known and first not in pseudonyms:
            continue
        last = found[number + 1].group().lower()
        after = found[number + 2].group().lower() if number + 2 < len(found) else ""
        if after in _ORGANISATION or not surname_after(first, last, pseudonyms):
            continue
        yield word.start(), f"{first} {last.capitalize()}"
