"""Where a personal detail with digits can start in a text: the anonymisation rules for
numbers, postcodes, addresses and dates try their patterns only there (anonymisation.py).

A text's digits are found with a quick substring search where the text is ASCII (most are):
a regular expression looking for ``\\d`` tries every character, a search for one byte does
not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_DIGITS = re.compile(r"[\d][\d]*")  # \d+, written so that a search skips to a digit fast
_WORD = re.compile(r"\w+")
#: Each byte as a mark: b"0" for an ASCII digit (the only digits of an ASCII text), else b" ".
_MARKS = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))


def candidates(text: str) -> list[int]:
    """Where a detail with digits can start: each word holding a digit and the three words
    before it (a postcode's outward code, "no. 9", "14th of March"), and a "(" or "+" just
    before one of those. Looking only there is what keeps the gate cheap."""
    return starts_and_digits(text)[0]


def starts_and_digits(text: str) -> tuple[list[int], int]:
    """``candidates``, and how many digits the text holds."""
    found: set[int] = set()
    digits = 0
    for digit, end in digit_runs(text):
        digits += end - digit
        begin = max(0, digit - 40)
        words = [w.start() for w in _WORD.finditer(text, begin, digit + 1)]
        found.update(words[-4:] if words and words[-1] == digit else [*words[-3:], digit])
    found |= {c - 1 for c in found if c and text[c - 1] in "(+"}
    return sorted(found), digits


def digit_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of digits in ``text``, as ``\\d+`` finds them."""
    if not text.isascii():
        for run in _DIGITS.finditer(text):
            yield run.span()
        return
    marks = text.encode("ascii").translate(_MARKS)
    end = 0
    while (start := marks.find(b"0", end)) >= 0:
        end = marks.find(b" ", start)
        if end < 0:
            end = len(marks)
        yield start, end


def matches_at(pattern: re.Pattern[str], text: str,
               starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that start at one of ``starts``, without overlaps."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None and match.end() > start:
            end = match.end()
            yield match
