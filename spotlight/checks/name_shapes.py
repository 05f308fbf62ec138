"""Names written in the other shapes a case record or a quick note uses (see people.py for
the usual ones), each found only where a known surname (``data/surnames.txt``, and
``data/surnames_words.txt`` for those that are ordinary words too; for the first three, the
less common ones of ``data/surnames_more.txt`` too: "WHITFIELD, Sarah", "S Whitfield", "sarah
whitfield") says it is a name:

- a surname in capitals before a first name, as a case record writes it: "SMITH, John",
  "SMITH John", "SMITH JOHN", "FLETCHER, Dean" (a first name that is a word too, written
  with a capital only);
- an initial without a full stop before a surname: "the case manager, J Smith" (not a letter
  that labels something: "Plan B", "Category C Prison", "A Wing");
- a name all in lower case: "his uncle john smith", where the first name is a known one that
  is no ordinary word (not "jack", "amber", "holly") and the surname a known one;
- any capitalised word before a surname that is no ordinary word: "Blessing Adeyemi" (first
  names that are ordinary words, Blessing, Summer, Precious, are not in the first-name list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import pairwise

from . import name_lists, people
from .letters import fold, latin

#: Known first names that are ordinary words in lower case: "an amber warning", "jack up".
_WORD_NAMES = frozenset({
    "amber", "holly", "ivy", "hazel", "daisy", "iris", "heather", "jack", "jay", "jan", "carol",
    "ruby", "poppy", "violet", "willow", "saffron", "grace", "patience", "sandy", "penny",
    "robin", "rowan", "dawn", "bill", "rob", "pat", "sol", "rex", "mica", "lance", "kirk", "cole",
    "wade", "drew", "miles", "eden", "sultan", "sonny", "teddy", "dale", "glen", "ray", "rose",
    "chase", "scarlet", "flora", "bonnie", "basil", "warren", "norman", "nelson", "dean", "mason",
    "hunter", "frank", "fay", "trey", "max", "ben", "roman", "mo", "ebony", "jade", "jasmine",
    "jean", "lily", "lilly", "marina", "emir", "sienna", "elif", "ken", "lee", "ruth", "verity",
    "troy", "kay"})


@cache
def _surnames(name: str) -> frozenset[str]:
    return frozenset(word.lower() for word in name_lists.data_words(name))


def surnames() -> frozenset[str]:
    """Every known surname, in lower case."""
    return name_lists.known_surnames()


@cache
def rare_surnames() -> frozenset[str]:
    """The known surnames that are no ordinary word nor a first name, in lower case."""
    firsts = {name.lower() for name in people.first_names()}
    return _surnames("surnames.txt") - firsts


# Each pattern starts with the capital it looks for, the character before it checked after
# ("[A-Z](?<!...)"), so that the regular-expression engine skips to the capitals at once
# instead of trying every position (the same matches, about four times faster).
#: "SMITH, John", "O'BRIEN Sean", "MCDONALD Ann" (a capital, then an O's apostrophe or more).
_UPPER_SURNAME = re.compile(latin(r"(?P<last>[A-Z](?<![\w'’-][A-Z])(?:(?<=O)['’][A-Z]{2,}|[A-Z]+)"
                            r"(?:-[A-Z]{2,})?)(?:,[ \t]*|[ \t]+)"
                            r"(?P<first>[A-Z][a-zà-öø-ÿ]+|[A-Z]{2,})(?![\w'’-])"))
_BARE_INITIAL = re.compile(rf"[B-HJ-Z](?<![\w'’.&/-][B-HJ-Z])[ \t]+(?P<name>{people.WORD})"
                           r"(?![\w'’-])")
_LOWER_WORD = re.compile(r"(?<![\w'’@/.#:-])[a-z]{2,}(?=[ \t]+[a-z])")
_LOWER_LAST = re.compile(r"[ \t]+(?P<last>(?:mc|mac|o['’])?[a-z]{2,}(?:-[a-z]{2,})?)"
                         r"(?![\w'’@-])")


#: Every run of lower-case letters: each word ``_LOWER_WORD`` finds is one of them.
_LOWER_RUN = re.compile(r"[a-z]+")


@cache
def _lower_first_names() -> frozenset[str]:
    return frozenset(name.lower() for name in people.first_names())


def shapes(prose: str, pseudonyms: frozenset[str],
           words: Iterable[re.Match[str]]) -> Iterator[tuple[int, str]]:
    """(index, text) of each name in one of the shapes above; ``words``, the capitalised
    words of ``prose`` (``people.capitals``)."""
    known, every = people.first_names(), name_lists.wider_surnames()
    if any(c.isupper() for c in prose):
        for match in _UPPER_SURNAME.finditer(prose):
            first = match.group("first").capitalize()
            last = match.group("last")
            if (last.lower() in every or ("," in match.group() and first in known
                                          and last.capitalize() in known)) and (
                    first in known or first in pseudonyms
                    or (first == match.group("first") and first in name_lists.first_names_words())):
                yield match.start(), " ".join(match.group().split())
        for match in _BARE_INITIAL.finditer(prose):
            if match.group("name").lower() in every \
                    and not people.labelled(prose, match.start(), line_start=False):
                yield match.start(), " ".join(match.group().split())
        yield from _before_surnames(prose, list(words))
    if _lower_first_names().isdisjoint(_LOWER_RUN.findall(prose)):
        return  # no known first name in lower case: most texts (one search, not word by word)
    for word in _LOWER_WORD.finditer(prose):
        name = word.group()
        if name in _WORD_NAMES or name.capitalize() not in known:
            continue
        last = _LOWER_LAST.match(prose, word.end())
        if last is not None and last.group("last") in every:
            yield word.start(), " ".join(prose[word.start():last.end()].split())


def _before_surnames(prose: str, words: list[re.Match[str]]) -> Iterator[tuple[int, str]]:
    """Any capitalised word before a surname that is no ordinary word: "Blessing Adeyemi"."""
    rare, known, stop = rare_surnames(), people.first_names(), people.not_surnames()
    for word, after in pairwise(words):
        first, last = word.group(), after.group()
        if last.lower() not in rare or first in known or not last[1:].islower() \
                or (not first.isascii() and fold(first) in known) \
                or prose[word.end():after.start()].strip(" \t") or len(first) < 3 \
                or first.isupper() or first in stop or first in people.OPENERS \
                or first.endswith("ly") or first in people.TITLE_WORDS \
                or first.lower() in surnames():
            continue
        if people.organisation(prose, after.end()) or people.title_case(prose, word.start()):
            continue
        yield word.start(), f"{first} {last}"
