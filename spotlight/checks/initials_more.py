"""Initials with a surname in the shapes people.py's ``initials`` leaves (see there for "He
signed as J. Brookes"), each found only where a known surname says it is a name:

- an initial opening a line or a paragraph: "E. McAllister signed the report." (a list's
  label, "A. Introduction", is no surname);
- two initials without full stops: "KR Brennan" (not an abbreviation or a title: "PP Smith",
  "DC Hughes");
- a surname, a comma and an initial, as a list of people writes it: "Brennan, K." (not after a
  preposition, where the word is a place's: "in Lincoln, A. Smith").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .caps_names import ABBREVIATIONS
from .letters import latin
from .name_lists import data_words, known_surnames, not_surnames, wider_surnames
from .people import TITLE_WORDS, WORD

_TITLES = frozenset(TITLE_WORDS)
_PLACE_TEXT = """in at to from near into around across outside inside through via towards
toward of like and or between beyond past about over under within"""
_PLACE_WORDS = frozenset(_PLACE_TEXT.split())
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t,]*$")
#: What follows an author's name in a citation: a year, another author, "et al.".
_CITATION = re.compile(r"[ \t,]*(?:\(?(?:19|20)\d\d|and[ \t]|&|et[ \t]+al)")
_SURNAME = re.compile(WORD)
_COMMA_INITIAL = re.compile(latin(r",[ \t]*[A-Z]\."))
_PREFIXED = re.compile(r"(?:Mc|Mac|O['’])[A-Z]")


def _word_surnames() -> frozenset[str]:
    return frozenset(word.lower() for word in data_words("surnames_words.txt"))


def more_initials(prose: str, words: Sequence[re.Match[str]],
                  abbreviations: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(index, text) of each initial and surname in a shape above; ``words``,
    ``people.capitals(prose)``; ``abbreviations``, capitals that are no initials."""
    wider = wider_surnames()
    if _COMMA_INITIAL.search(prose) is not None:  # "Brennan, K.": rare, found by one search
        for number, word in enumerate(words[:-1]):
            if prose.startswith(",", word.end()) and word.group().lower() in wider:
                found = _surname_initial(prose, word, words[number + 1])
                if found is not None:
                    yield found
    for number, word in enumerate(words[:-1]):
        text = word.group()
        if len(text) > 2 or not text.isupper():
            continue
        after = words[number + 1]
        name = after.group()
        if name in ("O", "D") and (whole := _SURNAME.match(prose, after.start())):
            name = whole.group()  # "O'Donnell"
        between = prose[word.end():after.start()]
        if len(text) == 1 and between.startswith(".") and not between[1:].strip(" \t") \
                and _line_start(prose, word.start()) \
                and (name.lower() in wider or _PREFIXED.match(name)):
            yield word.start(), f"{text}. {name}"
        elif len(text) == 2 and between and not between.strip(" \t") \
                and text not in abbreviations and text not in ABBREVIATIONS \
                and text not in _TITLES \
                and name.lower() in known_surnames() and name.lower() not in _word_surnames() \
                and name not in not_surnames() and not _inside_word(prose, word.start()):
            yield word.start(), f"{text} {name}"


def _inside_word(prose: str, start: int) -> bool:
    """True when the character before ``start`` joins it to another word: "X-KR", "a.KR"."""
    return start > 0 and (prose[start - 1].isalnum() or prose[start - 1] in "-'’./&")


def _line_start(prose: str, start: int) -> bool:
    """True when only a list's or a quote's marks come before ``start`` on its line."""
    line = prose[prose.rfind("\n", 0, start) + 1:start]
    return not line.strip(" \t>#*+-|0123456789.")


def _surname_initial(prose: str, word: re.Match[str],
                     after: re.Match[str]) -> tuple[int, str] | None:
    """A surname, a comma and an initial with a full stop: "Brennan, K."."""
    initial = after.group()
    if len(initial) != 1 or not prose.startswith(".", after.end()) \
            or prose[word.end() + 1:after.start()].strip(" \t") or word.group() in not_surnames():
        return None
    if _CITATION.match(prose, after.end() + 1):
        return None  # "Smith, J. (2019) found": an author cited
    start = word.start()
    before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
    if before is not None and before.group(1).lower() in _PLACE_WORDS:
        return None
    return start, f"{word.group()}, {initial}."
