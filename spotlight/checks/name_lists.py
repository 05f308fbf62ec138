"""The lists the name rules read (``data/``): common first names, words that are never a
surname, and common surnames (those that are ordinary words too in a list of their own). One
word a name, a line holding several; lines starting with "#" are comments.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"


@cache
def known_surnames() -> frozenset[str]:
    """Every known surname (``data/surnames.txt``, and ``surnames_words.txt`` for those that
    are ordinary words too: "Hill", "Ward"), in lower case."""
    return frozenset(word.lower() for name in ("surnames.txt", "surnames_words.txt")
                     for word in _words(name))


@cache
def data_words(name: str) -> frozenset[str]:
    """The words of one of the name rules' lists (``data/``), its comments left out."""
    return _words(name)


@cache
def _words(name: str) -> frozenset[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#")
                     for word in line.split())


def first_names() -> frozenset[str]:
    """The common first names the name rule knows."""
    return _words("first_names.txt")


def not_surnames() -> frozenset[str]:
    """Capitalised words that never count as a surname."""
    return _words("not_surnames.txt")


def first_names_words() -> frozenset[str]:
    """First names that are ordinary words or months too (``data/first_names_words.txt``):
    "Mark", "Will", "Hope", "May"."""
    return _words("first_names_words.txt")
