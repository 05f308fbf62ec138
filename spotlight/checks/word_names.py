"""More shapes of a full name (see people.py and name_shapes.py for the others), the first
two found only where a known surname (``data/surnames.txt``, ``data/surnames_words.txt`` and
``data/surnames_more.txt``) says it is one:

- a first name that is an ordinary word or a month too (``data/first_names_words.txt``: Mark,
  Will, Hope, May) before a surname: "Mark Brown", "Will Jones", "Dean Fletcher", "Mark
  'Sparky' Brown", "Mark Hendricks". Not before a surname that is an ordinary word or a less
  common one in a heading in title case ("Will Young People Cope"), nor a month after a
  date's words ("in May Jones was recalled"), nor "Will" or "May" opening a question or
  before a first name ("Will Smith be recalled?", "Will Lewis cope?"), nor where an
  organisation's or a place's word follows ("Hope Hall", "Victoria Park");
- a surname, a comma and a first name, as a list of people writes it: "Fletcher, Dean",
  "Smith, John", "Whitfield, Sarah" (a less common surname too: ``data/surnames_more.txt``).
  The surname is no first name (a list of first names: "Lewis, Kelly and Ryan"), and not
  after a preposition (a place: "moving to Newton, Will found work") nor another name ("Jake
  Phillips, Sam Ainslie": a list of full names, each found as one);
- a name that Markdown's emphasis splits: "**Carl** Webster", "_Carl_ Webster". Every name
  rule reads the text with the marks blanked out (``unemphasised``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from . import people
from .letters import latin
from .name_lists import first_names, first_names_words, known_surnames, not_surnames, wider_surnames
from .name_shapes import rare_surnames
from .people import OPENERS, known_pair, organisation, title_case

#: After a first name: a nickname in quotes or none, then the word that may be a surname.
_LAST = re.compile(rf"[ \t]+(?:{people.NICKNAME})?(?P<last>{people.WORD})(?![\w-])")
#: Pairs that are no one's name.
_PHRASES = frozenset({"May Day", "Grant Thornton"})
_MONTHS = frozenset({"April", "May", "June"})
#: Words before a month that make it a date's: "in May", "early June", "14 April".
_DATE_TEXT = """
in by from since until till to of during early late mid end the this last next each every
before after between and or on at through throughout around
"""
_DATE_WORDS = frozenset(_DATE_TEXT.split())
#: Words before a surname and a comma that make it a place's: "moving to Newton, Will found".
_PLACE_TEXT = """
in at to from near into around across outside inside through via towards toward of like
unlike than and or nor between beyond past about over under within
"""
_PLACE_WORDS = frozenset(_PLACE_TEXT.split())
#: What goes on after a list's second item: "Fletcher, Dean and Brown", "Hope, May, Ward".
_LIST_GOES_ON = re.compile(latin(r"(?:,|[ \t]+(?:and|or|&))[ \t]+[A-Z]"))
_SENTENCE_ENDS = frozenset(".!?:;\n>#*|(\"“‘'’")
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t,]*$")
#: Markdown's emphasis marks: every "*", and a "_" not inside a word ("snake_case").
_EMPHASIS = re.compile(r"\*+|(?<![^\W_])_+|_+(?![^\W_])")


def unemphasised(prose: str) -> str:
    """``prose`` with Markdown's emphasis marks blanked out (as many spaces): "**Carl**
    Webster" is read as the name it shows, "Carl Webster"."""
    if "*" not in prose and "_" not in prose:
        return prose
    return _EMPHASIS.sub(lambda mark: " " * len(mark.group()), prose)


@cache
def _firsts() -> frozenset[str]:
    return first_names_words() - first_names()


@cache
def _shaped() -> frozenset[str]:
    """The first names name_shapes finds before a surname that is no ordinary word (see its
    ``_before_surnames``): those that are no surname, title or little word."""
    return frozenset(name for name in _firsts()
                     if len(name) >= 3 and name not in not_surnames() and name not in OPENERS
                     and not name.endswith("ly") and name not in people.TITLE_WORDS
                     and name.lower() not in known_surnames())


def word_names(prose: str, pseudonyms: frozenset[str],
               words: Sequence[re.Match[str]]) -> Iterator[tuple[int, str]]:
    """(index, text) of each name in one of the shapes above; ``words``, the capitalised words
    of ``prose`` (``people.capitals``)."""
    if len(words) < 2:
        return  # each shape has two capitalised words: most short values have fewer
    firsts, surnames = _firsts(), wider_surnames()
    for number, word in enumerate(words):
        text = word.group()
        if text in firsts:
            if text not in pseudonyms:  # a pseudonym's full name is full_names'
                found = _word_first(prose, word, pseudonyms)
                if found is not None:
                    yield found
        elif text.lower() in surnames and prose.startswith(",", word.end()) \
                and number + 1 < len(words):
            found = _surname_first(prose, word, words[number + 1], pseudonyms)
            if found is not None:
                yield found


def _word_first(prose: str, word: re.Match[str],
                pseudonyms: frozenset[str]) -> tuple[int, str] | None:
    """A first name that is a word too, before a surname: "Mark Brown"."""
    first, start = word.group(), word.start()
    if start and prose[start - 1] in "-'’":
        return None  # "Mary-Rose", "O'Hope": part of another word
    match = _LAST.match(prose, word.end())
    if match is None:
        return None
    last = match.group("last")
    if last.lower() not in wider_surnames() or last in not_surnames() \
            or f"{first} {last}" in _PHRASES or known_pair(f"{first} {last}"):
        return None
    common = last.lower() not in rare_surnames()  # "Brown", "Lewis", "Hendricks": not rare
    if common and title_case(prose, start):
        return None  # "Will Young People Cope?"
    if not common and first in _shaped() and last[1:].islower() \
            and not prose[word.end():match.start("last")].strip(" \t") \
            and not title_case(prose, start):
        return None  # "Blessing Adeyemi": name_shapes' (any capitalised word before one)
    before = prose[max(0, start - 30):start]
    if first in _MONTHS and _dated(before):
        return None  # "in May Jones was recalled"
    if first in ("Will", "May") and _opens(before) and (
            last in first_names() or last in pseudonyms or _question(prose, match.end())):
        return None  # "Will Lewis cope?", "Will Jones be recalled?"
    if organisation(prose, match.end("last"), in_title=not common and title_case(prose, start)):
        return None
    return start, " ".join(prose[start:match.end("last")].split())


def _surname_first(prose: str, word: re.Match[str], after: re.Match[str],
                   pseudonyms: frozenset[str]) -> tuple[int, str] | None:
    """A surname, a comma and a first name: "Fletcher, Dean"."""
    last, first = word.group(), after.group()
    if prose[word.end() + 1:after.start()].strip(" \t") or last.isupper() \
            or prose.startswith(("-", "'", "’"), after.end()):
        return None
    if first not in first_names() and first not in first_names_words() \
            and first not in pseudonyms:
        return None
    if last in first_names() or last in first_names_words() or last in pseudonyms \
            or last in not_surnames() or last in OPENERS:
        return None  # "Lewis, Kelly and Ryan": first names; "Hill, Mark": a place's word
    if first not in first_names() and first.lower() in known_surnames() \
            and _LIST_GOES_ON.match(prose, after.end()):
        return None  # "Fletcher, Dean and Brown": a list of surnames
    start = word.start()
    before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
    if before is not None and before.group(1).lower() in _PLACE_WORDS:
        return None  # "moved to Newton, Will found work"
    if before is not None and before.group(1)[0].isupper() \
            and not prose[before.end(1):start].strip(" \t"):
        return None  # "Jake Phillips, Sam Ainslie": the end of a longer name, a list of them
    return start, f"{last}, {first}"


def _dated(before: str) -> bool:
    """True when the text before a month's name makes it a date's: "in", "14", "early"."""
    found = _WORD_BEFORE.search(before)
    return found is not None and (found.group(1).lower() in _DATE_WORDS
                                  or found.group(1)[-1].isdigit())


def _opens(before: str) -> bool:
    """True when the text before a word ends a sentence or opens a line."""
    return (before.rstrip(" \t")[-1:] or "\n") in _SENTENCE_ENDS


def _question(prose: str, end: int) -> bool:
    """True when the sentence that goes on at ``end`` is a question."""
    stop = re.search(r"[.!?\n]", prose[end:end + 300])
    return stop is not None and stop.group() == "?"
