"""Characters that must not reach a page, checked in text as decoded (a YAML escape such as
``"\\x1b"`` or ``"\\uFFFE"`` gives the same character as a pasted one).

Refused: control characters other than tab and line break, which break the XML outputs (the
feed, the sitemap) and can hide text; noncharacters and lone surrogates, which are not text at
all; and right-to-left override, embedding and isolate controls in text with no right-to-left
writing, which make text display in another order than it reads ("Trojan Source").
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from ..errors import Problem
from .yamlio import YList, YMap

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                      "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
                      "\U0004fffe\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff"
                      "\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe\U0009ffff"
                      "\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
                      "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff"
                      "\U0010fffe\U0010ffff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


# A character reference as Markdown reads one: with its semicolon, and not escaped ("\\&").
_REFERENCE = re.compile(r"(?<!\\)&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def character_problem(text: str) -> str | None:
    """Why ``text`` cannot be published as it is, or None. Markdown turns character references
    (``&#x202E;``) into characters: they are checked as such (``&#12`` with no semicolon, or
    ``\\&#12;``, stays text)."""
    if "&" not in text and _printable_ascii(text):
        return None  # the usual case: nothing refused can be in it
    if "&" in text:
        text = _REFERENCE.sub(lambda match: html.unescape(match.group()), text)
    found = _CONTROL.search(text)
    if found:
        char = found.group()
        code = f"U+{ord(char):04X}"
        if "\ud800" <= char <= "\udfff":
            return (f"a broken character ({code}, half of a pair), perhaps written as an escape "
                    "such as \"\\ud800\"; delete it")
        if char in "\t\n" or unicodedata.category(char) == "Cc":
            return (f"a hidden control character ({code}), perhaps pasted from another program "
                    "or written as an escape such as \"\\x1b\"; delete it")
        return f"a character that is not text ({code}); delete it"
    found = _BIDI.search(text)
    if found and not _right_to_left(text):
        return (f"a hidden right-to-left control character (U+{ord(found.group()):04X}) in "
                "text with no right-to-left writing: it makes the text show in a different "
                "order from how it reads; delete it")
    return None


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def value_problems(data: Any, path: str, line: int = 1, source: str | None = None
                   ) -> list[Problem]:
    """A problem for each key or text of YAML ``data`` holding a character ``character_problem``
    refuses, at its line.

    ``source`` is the text ``data`` was read from. When it is printable ASCII with no escape
    (``\\``) and no numeric character reference (``&#``), the usual front matter, every key
    and text read from it is made of its characters only, and none can be refused (no named
    reference gives a refused character): the values are not walked.
    """
    if source is not None and "\\" not in source and "&#" not in source and \
            _printable_ascii(source):
        return []
    found: list[tuple[int, str]] = []
    _walk(data, line, found)
    return [Problem(path, at, message) for at, message in found]


def _walk(value: Any, line: int, found: list[tuple[int, str]]) -> None:
    """Add to ``found`` (line, message) for each key or text of ``value`` that is refused."""
    if type(value) is str:  # most values: told first
        if message := character_problem(value):
            found.append((line, message))
    elif isinstance(value, YMap):
        for key, item in value.items():
            at = value.line_of(key)
            if isinstance(key, str) and (message := character_problem(key)):
                found.append((at, message))
            _walk(item, at, found)
    elif isinstance(value, YList):
        lines = value.item_lines or [value.line] * len(value)
        for item, at in zip(value, lines, strict=False):
            _walk(item, at, found)
    elif isinstance(value, str) and (message := character_problem(value)):
        found.append((line, message))


def _printable_ascii(text: str) -> bool:
    """True for ASCII text with no control character but tab and line break: the usual text,
    told quickly (nothing ``_CONTROL`` or ``_BIDI`` finds can be in it)."""
    return text.isascii() and text.replace("\n", "").replace("\t", "").isprintable()


def text_problems(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """A problem for each line of ``text`` (a Markdown body) holding such a character."""
    if "&#" not in text and (_printable_ascii(text) or not (
            _CONTROL.search(text) or _BIDI.search(text))):
        return []  # the usual case: one scan of the whole text
    found = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        if message := character_problem(line):
            found.append(Problem(path, number, message))
    return found
