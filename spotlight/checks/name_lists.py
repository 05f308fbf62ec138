"""The lists the name rules read (``data/``): common first names, words that are never a
surname, common surnames (those that are ordinary words too in a list of their own) and less
common ones (``surnames_more.txt``, read only where a first name or an initial is there too).
One word a name, a line holding several; lines starting with "#" are comments.
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
def wider_surnames() -> frozenset[str]:
    """Every known surname and the less common ones (``data/surnames_more.txt``: "Whitfield",
    "Hendricks"), in lower case, with a curly apostrophe as well as a straight one
    ("o’brien"). Only for the rules that need a first name or an initial beside the surname
    ("sarah whitfield", "Whitfield, Sarah", "S Whitfield"): some of them are places too."""
    names = known_surnames() | {word.lower() for word in _words("surnames_more.txt")}
    return frozenset(names | {name.replace("'", "’") for name in names if "'" in name})


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


@cache
def named_organisations() -> frozenset[str]:
    """Firms, brands and charities named after a person (``data/organisations_named.txt``):
    "Morgan Sindall", "Bernard Matthews"; each a first name and a surname, as one string."""
    text = (_DATA / "organisations_named.txt").read_text(encoding="utf-8")
    return frozenset(" ".join(line.split()) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))
