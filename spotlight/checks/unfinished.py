"""Unfinished work: what an author leaves to come back to, which must not be published.

- ``spotlight import`` writes ``1900-01-01`` where the source gives no date, with a
  ``# PLACEHOLDER`` comment beside it (see importing/report_file.py); either stops a build.
- Editorial marks in the text: TODO, TK, TKTK, XX, XXX, FIXME, TBC, TBD (in capitals, as
  words), and a bracketed note such as "[check]", "[check date]" or "[TK]" that is not the
  text of a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PLACEHOLDER_DATE = "1900-01-01"
_WORDS = ("TODO", "TK", "XX", "FIXME", "TBC", "TBD")
_DATE = re.compile(rf"(?<![\w-]){PLACEHOLDER_DATE}(?![\w-])")
_MARK = re.compile(
    r"(?<![\w'’-])(?:TODO|TK(?:TK)?|XXX?|FIXME|TBC|TBD)(?![\w'’-])(?![ \t]+Maxx)"
    r"|\[[ \t]*(?:check|to check|todo|tk|tbc|tbd|fixme|citation needed)\b[^\]\n]{0,60}\]"
    r"(?![(\[:])", re.IGNORECASE)
#: What every mark starts with or holds: a text without any of these has none.
_HINT = re.compile("|".join(map(re.escape, ("[", *_WORDS))))


def placeholder_dates(text: str) -> Iterator[int]:
    """The index of each placeholder date."""
    if PLACEHOLDER_DATE not in text:
        return
    for match in _DATE.finditer(text):
        yield match.start()


def marks(prose: str) -> Iterator[tuple[int, str]]:
    """(index, text) of each editorial mark."""
    if _HINT.search(prose) is None:  # no '[' and none of _WORDS, searched for at once
        return
    for match in _MARK.finditer(prose):
        word = match.group()
        if not word.startswith("[") and not word.isupper():
            continue  # "todo", "tbc" in lower case are not marks
        yield match.start(), word
