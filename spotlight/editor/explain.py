"""A refused save in the form's words: each problem of the example on a line of its own, named
by the field of the form it is in (Title, Tags, Text...) rather than by a line and column of a
file the author has not seen, in the checker's plain words without its rule code; a heading
that is true of an example not yet written; and one line for the terminal.

The field is found from the would-be file's text: a line of the front matter belongs to the key
whose value it is, a line after it to the Text. A new example's file is named from its title,
so what the checker finds in that name is for the title to change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..content.front_matter import split_front_matter
from ..errors import Problem
from .config import LABELS
from .frontmatter import KEY

_FILE_NAME = "in the file name, which names the example's page and PDF, "
_SLUG = "in the example's 'slug', which names the example's page and PDF, "
_FIX_FILE_NAME = "; rename the file (links to it change with it)"
_MISSING = re.compile(r"missing required key '([^']+)' in .*")


def heading(new: bool) -> str:
    """What a refused save did to the file: nothing, or (for a new example) made none."""
    return ("Not saved: this new example is not written yet" if new
            else "Not saved: the example's file is as it was")


def explain(problems: Sequence[Problem], text: str, name: str, file: str, *,
            new: bool) -> list[str]:
    """Each of ``problems`` as a line of the form. ``text`` is the would-be file, which the
    problems name ``name`` and the author knows as ``file`` (examples/<name>.md); problems
    of other files keep their file and line, for a text editor."""
    fields = _fields(text)
    lines: list[str] = []
    # What is found in a new example's file name comes last, after what is found in its title.
    for problem in sorted(problems, key=lambda p: p.message.startswith(_FILE_NAME)):
        if problem.path != name:
            where = problem.path if problem.line is None else \
                f"{problem.path}, line {problem.line}"
            lines.append(f"{where}: {problem.message}")
            continue
        message = problem.message
        label = _field(problem.line, fields)
        if missing := _MISSING.fullmatch(message):
            label, message = _label(missing.group(1)), "this field must be filled in"
        elif message.startswith(_FILE_NAME):
            said = message[len(_FILE_NAME):]
            if new:
                label = LABELS["title"]
                said = said.replace(_FIX_FILE_NAME, "; change the title")
                if f"{label}: {said.split('; change the title')[0]}" in lines:
                    continue  # said of the title already: changing it mends both
                message = "the new example's file is named from the title, which names its " \
                    f"page and PDF, and {said}"
            else:
                label = "File name"
                message = f"'{file}' names the example's page and PDF, and " + said.replace(
                    _FIX_FILE_NAME, "; rename the file, outside the editor (links to it "
                    "change with it)")
        elif message.startswith(_SLUG):
            message = "it names the example's page and PDF, and " + message[len(_SLUG):] \
                .replace("; change 'slug'", "; change it")
        line = f"{label}: {message}" if label else message
        if line not in lines:
            lines.append(line)
    return lines


def summary(file: str, lines: Sequence[str], *, new: bool) -> str:
    """The one line the terminal prints for a refused save."""
    what = f"{file} (a new example, not written)" if new else file
    return f"Not saved: {what}: " + " ".join(
        line if line.endswith((".", ")")) else f"{line}." for line in lines)


def _label(key: str) -> str:
    return LABELS.get(key, f"'{key}'")


def _fields(text: str) -> tuple[dict[int, str], int]:
    """The key of each line of the front matter that starts one, and the body's first line."""
    front, _ = split_front_matter(text, "")
    if front is None:
        return {}, 0
    keys = {number: found.group(1) for number, line in enumerate(
        front.yaml_text.split("\n"), start=front.yaml_first_line) if (found := KEY.match(line))}
    return keys, front.body_first_line


def _field(line: int | None, fields: tuple[dict[int, str], int]) -> str:
    """The form's name for what is at ``line``: the key whose value it is, or the text."""
    keys, body = fields
    if line is None:
        return ""
    if body and line >= body:
        return LABELS["body"]
    starts = [number for number in keys if number <= line]
    return _label(keys[max(starts)]) if starts else ""
