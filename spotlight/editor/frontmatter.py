"""Front matter written in the house style: the file as its author left it, with only the
values the editor changed written anew.

The editor sends a whole file as its YAML library writes it (block lists, its own quoting, no
comments). That text is only read, never written: each key whose value is unchanged keeps its
lines byte for byte, comments included; a changed value is written in the style of the value
it replaces (a ``[flow, list]`` stays one, a ``- block`` list stays one, quotes stay quotes, a
comment after it stays after it); a new key is written as the sample content writes it, at its
place in the declared order; an emptied optional key is removed. A save that changes nothing
gives back the file as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..content.front_matter import split_front_matter
from ..content.yamlio import YMap, parse_yaml
from ..errors import Problem
from ..importing.yaml_writer import scalar

#: A line that starts a top-level key, the key its first group.
KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)")


class FrontMatterError(ValueError):
    """The editor sent a file that cannot be read: ``problems`` say why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


def read(text: str, name: str) -> tuple[YMap, str]:
    """The front matter (as a mapping) and the body of a file's ``text``."""
    front, problems = split_front_matter(text, name)
    if front is None:
        raise FrontMatterError(problems)
    data, problems = parse_yaml(front.yaml_text, name, front.yaml_first_line - 1)
    if problems:
        raise FrontMatterError(problems)
    if data is None:
        data = YMap()
    if not isinstance(data, YMap):
        raise FrontMatterError([Problem(name, 2, "the front matter is not 'key: value' lines")])
    return data, front.body


def empty(value: Any) -> bool:
    """True for a value that says nothing: no value, empty text, an empty list."""
    return value is None or value == "" or value == [] or value == {}


def same(old: Any, new: Any) -> bool:
    """True when two values of a key mean the same (a one-item list is its item)."""
    if empty(old) and empty(new):
        return True
    return _plain(old) == _plain(new)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if not empty(v)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    return str(value).strip() if isinstance(value, str) else str(value)


def merge(old_text: str | None, new_text: str, editable: Sequence[str], name: str,
          defaults: Mapping[str, Any] | None = None) -> str:
    """The file to write when the editor saves ``new_text`` over ``old_text`` (None for a new
    file): only the ``editable`` keys (in their declared order) are taken from the editor. A
    key the file leaves out is not added when the editor gives it its ``defaults`` value."""
    new, new_body = read(new_text, name)
    if old_text is not None:
        try:
            read(old_text, name)
        except FrontMatterError:
            old_text = None  # a file too broken to keep anything of: written afresh
    for key, value in (defaults or {}).items():
        if key in new and (old_text is None or key not in read(old_text, name)[0]) \
                and same(new[key], value):
            del new[key]
    if old_text is None:
        lines = [_render(key, new[key], None) for key in editable if not empty(new.get(key))]
        return "---\n" + "".join(lines) + "---\n" + _body(new_body)
    old, old_body = read(old_text, name)
    crlf = "\r\n" in old_text
    text = old_text.replace("\r\n", "\n") if crlf else old_text
    head, yaml_lines, close, _ = _split(text)
    blocks = _blocks(yaml_lines)
    for key in editable:
        if same(old.get(key), new.get(key)):
            continue
        if key in blocks:
            start, end = blocks[key]
            replacement = [] if empty(new.get(key)) else \
                _render(key, new[key], "".join(yaml_lines[start:end])).splitlines(keepends=True)
            yaml_lines[start:end] = replacement
        else:
            at = _insertion_point(key, editable, blocks, len(yaml_lines))
            yaml_lines[at:at] = _render(key, new[key], None).splitlines(keepends=True)
        blocks = _blocks(yaml_lines)
    body = old_body if old_body.rstrip() == new_body.replace("\r\n", "\n").rstrip() \
        else _body(new_body)
    if crlf:
        body = body.replace("\r\n", "\n")
    result = head + "".join(yaml_lines) + close + body
    try:
        written, _ = read(result, name)
    except FrontMatterError:
        written = YMap()
    if any(not same(written.get(key), new.get(key)) for key in editable if key in new):
        # Not what the form says (a layout of the file this merge does not foresee): the
        # front matter is written afresh, which loses its comments but never a change.
        return merge(None, new_text, editable, name, defaults)
    return result.replace("\n", "\r\n") if crlf else result


def _body(body: str) -> str:
    body = body.replace("\r\n", "\n").lstrip("\n")
    return body.rstrip() + "\n" if body.strip() else ""


def _split(text: str) -> tuple[str, list[str], str, int]:
    """The opening line, the YAML lines, the closing line and the body's offset."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    head = lines[0] + "\n"
    yaml_lines = [line + "\n" for line in lines[1:end]]
    close = lines[end] + "\n"
    return head, yaml_lines, close, end


def _blocks(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Each top-level key's lines: from its line to its last line of value (comments and
    blank lines after it belong to what follows)."""
    starts = [(i, m.group(1)) for i, line in enumerate(lines) if (m := KEY.match(line))]
    blocks = {}
    for n, (start, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        while end - 1 > start and (not lines[end - 1].strip()
                                   or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        blocks[key] = (start, end)
    return blocks


def _insertion_point(key: str, order: Sequence[str], blocks: dict[str, tuple[int, int]],
                     length: int) -> int:
    """Where a new key goes: after the nearest key declared before it, else before the first
    key declared after it, else at the end."""
    at = order.index(key)
    for earlier in reversed(order[:at]):
        if earlier in blocks:
            return blocks[earlier][1]
    for later in order[at + 1:]:
        if later in blocks:
            return blocks[later][0]
    return length


def _render(key: str, value: Any, old: str | None) -> str:
    """``key: value`` lines in the house style, following the style of ``old`` lines."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return f"{key}:\n" + "".join(_record(item) for item in value)
    if isinstance(value, list):
        quoted = old is not None and bool(re.search(r"[\"']", old))
        if old is not None and re.search(r"^\s*- ", old, re.MULTILINE) and "[" not in old.split(
                "\n")[0]:
            pad = re.search(r"^(\s*)- ", old, re.MULTILINE).group(1)  # type: ignore[union-attr]
            return f"{key}:\n" + "".join(f"{pad}- {_item(v, quoted)}\n" for v in value)
        return f"{key}: [" + ", ".join(_item(v, quoted) for v in value) + "]" \
            + _comment(old) + "\n"
    return f"{key}: {_scalar(value, old)}{_comment(old)}\n"


def _record(item: dict[str, Any]) -> str:
    lines = []
    for n, (k, v) in enumerate((k, v) for k, v in item.items() if not empty(v)):
        lines.append(("  - " if n == 0 else "    ") + f"{k}: {_scalar(v, None)}\n")
    return "".join(lines)


def _item(value: Any, quoted: bool) -> str:
    text = str(value)
    if quoted or scalar(text) != text or re.search(r"[,\[\]{}#]", text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _scalar(value: Any, old: str | None) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    given = old.split(":", 1)[1].strip() if old is not None and ":" in old else ""
    if given.startswith("'") and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if given.startswith('"'):
        return json.dumps(text, ensure_ascii=False)
    return scalar(text)


def _comment(old: str | None) -> str:
    """The comment after a one-line value, kept when that value is rewritten."""
    if old is None or old.count("\n") > 1:
        return ""
    line = old.rstrip("\n")
    key, _, rest = line.partition(":")
    for match in re.finditer(r"\s+#", rest):
        value, _problems = parse_yaml(f"{key}:{rest[:match.start()]}\n", "")
        if value is not None and not _problems:
            return rest[match.start():]
    return ""
