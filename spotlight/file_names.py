"""File names as readers' computers will store them, and as messages show them.

- ``shown``: a name with what cannot be seen written as an escape (a zero-width space as
  ``\\u200b``, a combining accent as ``\\u0301``), so that two names that look the same
  (``café.md`` typed, and ``cafe\\u0301.md`` from a Mac) can be told apart in a message;
- ``output_name_problems``: names of the output folder that Windows cannot store (``con``,
  ``aux``, ``nul``...), that are too long for a file system, or that only differ in case or
  accents from another one (a Mac or Windows file system keeps just one of them).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: Longer slugs make page, PDF and search-index names longer than file systems allow (255).
MAX_SLUG = 150
_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?", re.IGNORECASE)
_WINDOWS_UNSAFE = re.compile(r'[<>:"|?*\\\x00-\x1f]')
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Mn", "Me"}


def shown(name: str) -> str:
    """``name`` with every character that cannot be seen (or that changes the one before it)
    written as a ``\\uXXXX`` escape; spaces other than the plain one too."""
    if name.isascii() and name.isprintable():
        return name  # the usual case: every character is seen
    return "".join(_escape(c) if unicodedata.category(c) in _HIDDEN_CATEGORIES
                   or (unicodedata.category(c) == "Zs" and c != " ") else c for c in name)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def lookalike(name: str, names: Iterable[str]) -> str | None:
    """The name among ``names`` that looks like ``name`` but is not it: the same once what cannot
    be seen is taken out and accents are composed alike, or with other capitals."""
    wanted = _plain(name)
    return next((n for n in sorted(names) if n != name and _plain(n) == wanted), None)


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFC", name)
    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc")).casefold()


def windows_reserved(name: str) -> bool:
    """True for a name Windows cannot store as a file: CON, AUX, NUL, COM1... with any
    extension."""
    return bool(_RESERVED.fullmatch(name))


def slug_problem(slug: str) -> str | None:
    """Why a well-formed slug cannot name published files, or None."""
    if windows_reserved(slug):
        return (f"gives its pages the name '{slug}', which Windows keeps for itself: a "
                "Windows computer could not store them; rename the file")
    if len(slug) > MAX_SLUG:
        return (f"is {len(slug)} characters long, too long for the names of its pages and "
                f"PDFs: keep it under {MAX_SLUG}")
    return None


def output_name_problems(paths: Iterable[str]) -> list[tuple[str, str]]:
    """(path, message) for each output path a reader's or publisher's computer cannot store
    (``path`` as given: show it with ``shown``)."""
    found: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for path in sorted(paths):
        for part in path.split("/"):
            if windows_reserved(part):
                found.append((path, f"'{part}' is a name Windows keeps for itself, so a Windows "
                              "computer cannot store this file: rename what it is made from"))
            elif _WINDOWS_UNSAFE.search(part) or part.endswith((".", " ")):
                found.append((path, f"'{shown(part)}' holds a character Windows does not allow "
                              "in file names (< > : \" | ? * \\, or a dot or space at the end): "
                              "rename it"))
            elif len(part.encode("utf-8")) > 255:
                found.append((path, "the name is longer than file systems allow (255 bytes): "
                              "shorten what it is made from"))
        key = unicodedata.normalize("NFC", path).casefold()
        if key in seen:
            found.append((path, f"differs from {shown(seen[key])} only in capitals or accents: "
                          "Windows and Mac computers would keep only one of them; rename one"))
        seen.setdefault(key, path)
    return found
