"""YAML mistakes in plain words, on the line where the mistake is.

PyYAML reports where it gave up, which is often lines later than the mistake (an unclosed quote
runs on until the next quote mark, or to the end of the front matter), and in the words of a
parser ("expected <block end>, but found '<scalar>'"). This module finds the line an author
must fix and says what to do there.
"""

from __future__ import annotations

import re
from bisect import bisect
from collections.abc import Sequence

import yaml

_QUOTE_START = re.compile(r"""^\s*(?:-\s+)*(?:[^\s#'"][^#]*?:\s+|-\s+)?(?P<quote>["'])""")
_NO_SPACE = re.compile(r"^\s*([A-Za-z_][\w-]*):([^\s/:][^\n]*)$")
_KEY = re.compile(r"^\s*(?:-\s+)?[^\s#'\"][^#]*?:(?:\s|$)")
_BLOCK_START = re.compile(r"""(?:^\s*-|:)\s+[|>][-+0-9]*\s*(?:#.*)?$""")


def explain(error: yaml.MarkedYAMLError, text: str, line_offset: int,
            odd: Sequence[int] = ()) -> tuple[int | None, str]:
    """The line to fix (counted in the file, so with ``line_offset``) and what to do there.

    ``odd`` are the offsets of line breaks that YAML counts and editors do not."""
    def line_of(mark: yaml.Mark) -> int:
        return mark.line + 1 - bisect(odd, mark.index - 1)

    mark = error.problem_mark or error.context_mark
    line = line_of(mark) if mark is not None else None
    problem = error.problem or ""
    context = error.context or ""
    lines = re.split("\r\n|\r|\n", text)  # the line breaks YAML counts, as editors do
    gave_up = line or len(lines)

    def at(number: int | None, message: str) -> tuple[int | None, str]:
        return (number + line_offset if number is not None else None), message

    if "'\\t'" in problem or "\\t" in problem:
        return at(line, _tab(lines, line, mark.column if mark is not None else 0))
    syntax = isinstance(error, yaml.scanner.ScannerError | yaml.parser.ParserError)
    opened = _unclosed_quote(lines, gave_up) if syntax else None
    if opened is not None:
        number, quote, early = opened
        other = "'" if quote == '"' else '"'
        if early:
            inside = "write it twice ('')" if quote == "'" else 'write it as \\"'
            return at(number, f"invalid YAML: the value's closing quote mark ({quote}) comes "
                              f"before the end of the line; where the text itself holds a "
                              f"{quote}, {inside}, or use {other} around the whole value")
        return at(number, f"invalid YAML: the quote mark ({quote}) that starts this value is "
                          f"never closed; end the value with {quote} on this line (if the text "
                          f"itself holds a {quote}, use {other} around the whole value instead)")
    if context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")):
        close = "]" if "sequence" in context else "}"
        start = line_of(error.context_mark) if error.context_mark is not None else line
        return at(start, f"invalid YAML: the list or group that opens on this line is never "
                         f"closed; end it with '{close}' on this line (if the value is text that "
                         "starts with '[' or '{', put the whole value in quotes)")
    if context == "while scanning an alias":
        return at(line, "invalid YAML: a value starting with '*' is read as a YAML alias; "
                        "put the whole value in quotes")
    if "that cannot start any token" in problem:
        character = re.search(r"'(.)'", problem)
        shown = f"'{character[1]}'" if character else "this character"
        return at(line, f"invalid YAML: a value cannot start with {shown}; put the whole value "
                        "in quotes")
    if problem == "mapping values are not allowed here" and line is not None:
        squeezed = next((n for n in range(line - 1, 0, -1) if _NO_SPACE.match(lines[n - 1])),
                        None) if line > 1 and not _KEY.match(lines[line - 2]) else None
        if squeezed is not None:
            key = _NO_SPACE.match(lines[squeezed - 1])
            assert key is not None
            return at(squeezed, f"invalid YAML: a key needs a space after its ':'; write "
                                f"'{key[1]}: {key[2]}'")
    if problem == "mapping values are not allowed here":
        return at(line, "invalid YAML: a ': ' inside a value starts a new key; put the whole "
                        "value in quotes (or, if this line is a key of its own, start it at the "
                        "same column as the keys above it)")
    if context == "while scanning a simple key" and error.context_mark is not None:
        start = line_of(error.context_mark)
        if key := _NO_SPACE.match(lines[start - 1] if 0 < start <= len(lines) else ""):
            return at(start, f"invalid YAML: a key needs a space after its ':'; write "
                             f"'{key[1]}: {key[2]}'")
        return at(start, "invalid YAML: this line has no 'key: value' shape; if it continues "
                         "the value above, indent it like that value's first line, otherwise "
                         "add the missing ':' after its key")
    if problem.startswith("expected <block end>") or "expected <block mapping start>" in problem \
            or problem.startswith("expected '<document start>'"):
        return at(line, "invalid YAML: this line does not line up with the lines around it; "
                        "start it with as many spaces as the other keys at its level (or, if a "
                        "value above it spans several lines, put that value in quotes)")
    if "could not determine a constructor for the tag" in problem:
        tag = re.search(r"'tag:yaml.org,2002:([^']*)'|'(![^']*)'", problem)
        name = f"!!{tag[1]}" if tag and tag[1] else (tag[2] if tag else "a '!' tag")
        return at(line, f"invalid YAML: '{name}' is a YAML tag, which spotlight does not "
                        "read; if it is text, put the whole value in quotes")
    if duplicate := re.match(r"duplicate key '(.*)'$", problem):
        return at(line, f"invalid YAML: '{duplicate[1]}' is given a second time here; keep "
                        "one of the two")
    if not syntax:  # aliases, values YAML cannot read: said in our words already
        return at(line, f"invalid YAML: {problem}")
    words = f"{problem} ({context})" if context else problem
    return at(line, f"invalid YAML: {words or 'YAML cannot read this line'}; check it for a "
                    "missing quote mark, colon or space, and its indentation")


def _tab(lines: list[str], line: int | None, column: int) -> str:
    """What to do about a tab YAML refuses (one it accepts separates a value from its key or
    its comment, or the words of a value): in the indentation, or after a list's '-'."""
    text = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    before = text[:column].rstrip(" \t")
    if not before:
        return "invalid YAML: a tab character is used for indentation; use spaces"
    return (f"invalid YAML: a tab character follows the '{before[-1]}' on this line, where YAML "
            "needs a space; replace the tab with a space")


def _unclosed_quote(lines: list[str], last: int) -> tuple[int, str, bool] | None:
    """The first line up to ``last`` (1-based) whose value opens a quote it does not close, or
    closes before the value ends (True)."""
    block_indent: int | None = None  # inside a block scalar (| or >): text, not YAML
    for number, line in enumerate(lines[:last], start=1):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if _BLOCK_START.search(line):
            block_indent = indent
            continue
        found = _QUOTE_START.match(line)
        if found is None:
            continue
        quote = found["quote"]
        rest = line[found.end():]
        rest = rest.replace("''", "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote not in rest:
            return number, quote, False
        after = rest[rest.index(quote) + 1:].strip()
        if after and not after.startswith(("#", ",", "]", "}", ":")):
            return number, quote, True
    return None
