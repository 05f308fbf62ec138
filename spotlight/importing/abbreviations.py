"""The abbreviations an imported spotlight uses: those it spells out become glossary entries;
those it never spells out are listed as a draft for the author to confirm.

A spelling-out is "victim liaison officer (VLO)" or "MOSOVO (management of sexual or violent
offenders)": the words' initials give the abbreviation's letters in order, small words such
as "of" or "and" counting or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The same capitals the house-style check flags (spotlight/checks/house_style.py).
_CAPITALS = re.compile(r"(?<![\w'’-])([A-Z]{2,})s?(?![\w'’-])")
_ROMAN = re.compile(r"^[IVXL]+$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_BEFORE = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_AFTER = re.compile(r"(?<![\w'’-])([A-Z]{2,10})\s+\(([^()]{3,120})\)")
_SMALL = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to",
                    "with"})


def _fits(letters: str, words: list[str]) -> bool:
    """Whether ``words``' initials spell ``letters`` (small words may be skipped), using every
    word that is not small, and the first word."""
    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        if i < len(letters) and word[0].lower() == letters[i].lower() and match(i + 1, j + 1):
            return True
        return j > 0 and word.lower() in _SMALL and match(i, j + 1)

    return bool(words) and len(words) <= 2 * len(letters) + 2 and match(0, 0)


def definitions(text: str) -> dict[str, str]:
    """Every abbreviation ``text`` spells out, with its expansion as written (the first one)."""
    found: dict[str, str] = {}
    for match in _BEFORE.finditer(text):
        letters = "".join(c for c in match.group(1) if c.isupper())
        if len(letters) < 2 or match.group(1) in found:
            continue
        before = text[max(0, match.start() - 200):match.start()]
        words = list(_WORD.finditer(before))
        for start in range(len(words) - 1, max(-1, len(words) - 2 * len(letters) - 3), -1):
            if _fits(letters, [w.group(0) for w in words[start:]]):
                found[match.group(1)] = " ".join(before[words[start].start():].split())
                break
    for match in _AFTER.finditer(text):
        abbreviation, inside = match.groups()
        if abbreviation not in found and _fits(abbreviation, _WORD.findall(inside)):
            found[abbreviation] = " ".join(inside.split())
    return found


def used(texts: Iterable[str]) -> list[str]:
    """The all-capitals abbreviations ``texts`` use, in order of first use. A text written
    all in capitals ("3. COURT WORK") is shouting, not abbreviations: its words are not."""
    seen: dict[str, None] = {}
    for text in texts:
        if _shouting(text):
            continue
        for match in _CAPITALS.finditer(text):
            if not _ROMAN.match(match.group(1)):
                seen.setdefault(match.group(1))
    return list(seen)


def _shouting(text: str) -> bool:
    """Whether ``text`` is written all in capitals: two words or more of letters, and no
    lower-case letter."""
    return not any(c.islower() for c in text) and len(_CAPITALS.findall(text)) >= 2


def glossary_lines(defined: dict[str, str], undefined: list[str], source: str) -> list[str]:
    """The glossary's new lines: entries for ``defined``, then a commented draft of
    ``undefined`` for the author to complete."""
    lines = [f"{term}: {_value(expansion)}" for term, expansion in sorted(defined.items())]
    if undefined:
        lines += [f"# A draft from spotlight import: {source} uses these",
                  "# without spelling them out. Write what each stands for and remove the '#'",
                  "# (or add it to known_abbreviations if every reader knows it):"]
        lines += [f"# {term}: ?" for term in sorted(undefined)]
    return lines


def _value(text: str) -> str:
    from .yaml_writer import scalar

    return scalar(text)
