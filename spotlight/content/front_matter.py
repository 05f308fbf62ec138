"""Front matter: the YAML between the two '---' lines that open an example, split from
its Markdown body, each with the line it starts on; and, when it is never closed, where it
seems to end."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Problem


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its YAML front matter and its body."""

    yaml_text: str
    yaml_first_line: int
    body: str
    body_first_line: int


def split_front_matter(text: str, path: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Split ``---`` delimited front matter from a Markdown body."""
    # Lines end at line feeds only, as editors count them (str.splitlines also splits at
    # U+2028); only the front matter's lines are looked at.
    end = text.find("\n")
    if (text if end < 0 else text[:end]).rstrip() != "---":
        return None, [Problem(path, 1, "no front matter: the file must start with a line '---'")]
    number = 1  # of the line before ``start``, counted from 1
    while end >= 0:
        start = end + 1
        end = text.find("\n", start)
        number += 1
        if (text[start:] if end < 0 else text[start:end]).rstrip() in ("---", "..."):
            return FrontMatter(
                yaml_text=text[text.index("\n") + 1:start],
                yaml_first_line=2,
                body="" if end < 0 else text[end + 1:],
                body_first_line=number + 1,
            ), []
    return None, [_never_closed(text, path)]


#: A line of front matter: a key, a list item, a comment, or the continuation of a value.
_FRONT_LINE = re.compile(r"(?:[ \t]+\S|[A-Za-z_][\w .-]*:|-[ \t]|#)")
#: What a word processor makes of '---': dashes, long or short, perhaps spaced.
_DASHES = re.compile(r"[-\u2010-\u2015\u2212 ]+")


def _never_closed(text: str, path: str) -> Problem:
    """Where front matter that is never closed seems to end, and how to close it."""
    lines = text.split("\n")
    last = 1
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped and _DASHES.fullmatch(stripped) and stripped != "---":
            return Problem(path, number, f"front matter is never closed: this line, "
                           f"'{stripped}', was meant to close it (a word processor may have "
                           "changed it): write '---'")
        if not _FRONT_LINE.match(line):
            break
        last = number
    return Problem(path, last + 1 if last < len(lines) else last,
                   f"front matter is never closed: add a line '---' after line {last}, the "
                   "end of its fields")
