"""The prose of the content files, located: every text or Markdown field, with the way back
from any character of its value to the line and column of the file where it was written.

Values from YAML (a report's introduction, a practice theme's intro, an example's title) are
aligned with the YAML source character by character, so that a finding inside a folded or
literal block still points at the right line and column of the file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import markdown
from ..markdown import Parsed
from ..markdown.syntax import PARSER

Key = str | int


class FileText:
    """A content file's text, turning character offsets into 1-based lines and columns."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text

    @cached_property
    def _starts(self) -> list[int]:
        """Where each line starts: found once a position is asked for (most files of a build
        have no finding to locate)."""
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of the character at ``offset``."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> tuple[int, int]:
        """The position of the first non-blank character of ``line`` (1-based)."""
        if not 1 <= line <= len(self._starts):
            return line, 1
        start = self._starts[line - 1]
        end = self.text.find("\n", start)
        content = self.text[start:end if end >= 0 else len(self.text)]
        return line, len(content) - len(content.lstrip()) + 1


@dataclass(frozen=True)
class Text:
    """One field's value and, for each of its characters, its offset in the file."""

    file: FileText
    where: tuple[Key, ...]
    value: str
    markdown: bool
    offsets: Sequence[int] = field(repr=False)
    start: int = 0

    @property
    def path(self) -> str:
        """The file the text was written in."""
        return self.file.path

    def position(self, index: int) -> tuple[int, int]:
        """The file (line, column) of the value's character at ``index``."""
        if not self.offsets:
            return self.file.position(self.start)
        return self.file.position(self.offsets[max(0, min(index, len(self.offsets) - 1))])

    @cached_property
    def prose(self) -> str:
        """The value with non-prose blanked out (link targets, web addresses, citation keys),
        the same length as ``value`` so that indexes still match."""
        return blank_non_prose(self.value) if self.markdown else self.value

    @cached_property
    def parsed(self) -> Parsed:
        """The value parsed as Markdown (lines counted from 1 at the value's first line)."""
        return markdown.parse(self.value if self.markdown else "", 1, keep_tokens=True)

    @cached_property
    def heading_lines(self) -> frozenset[int]:
        """Lines of the value (0-based) that are Markdown headings."""
        return frozenset(line for t in self.parsed.tokens if t.type == "heading_open" and t.map
                         for line in range(t.map[0], t.map[1]))

    def line_offset(self, line: int) -> int:
        """The index in the value where its ``line`` (1-based) starts."""
        index = 0
        for _ in range(line - 1):
            found = self.value.find("\n", index)
            if found < 0:
                break
            index = found + 1
        return index

    def in_heading(self, index: int) -> bool:
        """True when the character at ``index`` is part of a heading."""
        return self.value.count("\n", 0, index) in self.heading_lines


_NON_PROSE = re.compile(
    r"(?<=\]\()\s*(?:<[^>\n]*>|[^)\s]+)"          # inline link and image destinations
    r"|<[a-z][a-z0-9+.-]*://[^>\s]*>"             # autolinks
    r"|\b(?:https?|ftp)://[^\s)<>\]]+"             # bare web addresses
    r"|\[@[a-z0-9-]+\]",                          # citations
    re.IGNORECASE)
#: What may be a link reference definition: ``[label]: destination`` at a line's start (after
#: a YAML block's indentation too), the destination maybe on the next line.
_DEFINITION = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*(?:\n[ \t]*)?(?:<[^>\n]*>|[^\s<]+)",
                         re.MULTILINE)
_BLOCK_INDICATOR = re.compile(r"[|>][+-]?[0-9]?[+-]?[ \t]*(?:#[^\n]*)?")


def definitions(value: str) -> list[tuple[int, int]]:
    """The spans (label and destination) of the link reference definitions the Markdown
    parser reads in ``value``: not what only looks like one ("[^1]: Karen is the victim.",
    "[note]: see below", a "[1]: ..." line inside a paragraph), which is published as text.
    ``value`` may be a YAML block as written (its indicator line and indentation)."""
    candidates = list(_DEFINITION.finditer(value))
    if not candidates:
        return []
    lines = value.split("\n")
    first = 1 if _BLOCK_INDICATOR.fullmatch(lines[0].strip()) else 0
    body = lines[first:]
    indent = min((len(line) - len(line.lstrip(" ")) for line in body if line.strip()), default=0)
    env: dict[str, Any] = {}
    PARSER.parse("\n".join(line[indent:] for line in body), env)
    read = {first + line for definition in env.get("references", {}).values()
            for line in range(*definition.get("map", (0, 0)))}
    return [match.span() for match in candidates if value.count("\n", 0, match.start()) in read]


def blank_non_prose(value: str) -> str:
    """Replace link targets, web addresses, citation keys and link reference definitions by
    spaces, keeping offsets."""
    blanked = _NON_PROSE.sub(lambda m: " " * len(m.group()), value)
    if "]:" not in value:
        return blanked
    for begin, end in definitions(value):
        blanked = blanked[:begin] + re.sub(r"[^\n]", " ", blanked[begin:end]) + blanked[end:]
    return blanked


#: libyaml's composer, where PyYAML has it: the same nodes and positions as PyYAML's own
#: (compared on every content, test and synthetic file), some twenty times faster. The text
#: composed here was validated already, with the safe loader's guards.
_FAST = getattr(yaml, "CSafeLoader", None)


def _compose(yaml_text: str) -> Node | None:
    """The YAML nodes of a text, or None when it is no YAML. A byte-order mark, which libyaml
    leaves out of its positions, or anything libyaml refuses, goes PyYAML's own way."""
    if _FAST is not None and not yaml_text.startswith("\ufeff"):
        try:
            return yaml.compose(yaml_text, Loader=_FAST)
        except yaml.YAMLError:
            pass
    try:
        return yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None


class YamlFile:
    """The YAML nodes of a file (or of an example's front matter), with their positions."""

    def __init__(self, file: FileText, yaml_text: str, start: int = 0) -> None:
        self.file = file
        self._start = start
        self._root: Node | None = _compose(yaml_text)

    def _find(self, where: Sequence[Key]) -> tuple[Node | None, Node | None]:
        node, key_node = self._root, None
        for key in where:
            if isinstance(node, MappingNode) and isinstance(key, str):
                pair = next(((k, v) for k, v in node.value if k.value == key), None)
                node, key_node = (pair[1], pair[0]) if pair else (None, None)
            elif isinstance(node, SequenceNode) and isinstance(key, int) \
                    and key < len(node.value):
                node, key_node = node.value[key], node.value[key]
            else:
                return None, None
        return node, key_node

    def position(self, *where: Key) -> tuple[int, int]:
        """The (line, column) of the key ``where`` names (of the item, for a list index)."""
        _, key_node = self._find(where)
        if key_node is None:
            return self.file.position(self._start)
        return self.file.position(self._start + key_node.start_mark.index)

    def text(self, where: Sequence[Key], is_markdown: bool) -> Text | None:
        """The scalar at ``where``, aligned with its source; None when there is none."""
        node, _ = self._find(where)
        if not isinstance(node, ScalarNode) or not isinstance(node.value, str):
            return None
        return Text(self.file, tuple(where), node.value, is_markdown,
                    self._align(node), self._start + node.start_mark.index)

    def _align(self, node: ScalarNode) -> tuple[int, ...]:
        """Map each character of a scalar's value to its offset in the file.

        Every character other than white space appears in the source in the same order (folding
        and indentation only change white space), so a forward scan finds each one; a character
        the source spells differently (an escape in a double-quoted string) keeps the position
        of the one before.
        """
        source = self.file.text
        begin = self._start + node.start_mark.index
        end = self._start + node.end_mark.index
        if node.style in ("|", ">"):
            begin = source.find("\n", begin, end) + 1 or begin
        elif node.style in ("'", '"'):
            begin += 1
        offsets: list[int] = []
        cursor = begin
        for char in node.value:
            if not char.isspace():
                found = source.find(char, cursor, end)
                if found >= 0:
                    cursor = found
                offsets.append(cursor)
                cursor = found + 1 if found >= 0 else cursor
            else:
                offsets.append(min(cursor, max(begin, end - 1)))
        return tuple(offsets)
