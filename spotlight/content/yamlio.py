"""Safe YAML that remembers where every value came from, and front-matter splitting."""

from __future__ import annotations

import re
from bisect import bisect
from typing import TYPE_CHECKING, Any

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem
from . import yaml_errors


class YMap(dict):  # type: ignore[type-arg]
    """A YAML mapping that knows its own line and the line of each key (1-based)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        """The line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class YList(list):  # type: ignore[type-arg]
    """A YAML sequence that knows its own line and the line of each item (1-based)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.line = 0
        self.item_lines: list[int] = []


_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
#: Every line break YAML counts.
_BREAKS = "\r\n\x85\u2028\u2029"
#: Line breaks YAML counts but spotlight (and every editor) does not: NEL, LS and PS.
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


#: Deeper than any content file needs; keeps PyYAML's recursive composer far from Python's limit.
MAX_DEPTH = 50


if TYPE_CHECKING:
    _Constructor = yaml.constructor.SafeConstructor
else:
    _Constructor = object


class _Constructing(_Constructor):
    """What both loaders share: line numbers kept, duplicate keys and odd scalars refused."""

    _offset = 0
    #: Where the text has line breaks that YAML counts and editors do not.
    _odd: tuple[int, ...] | list[int] = ()

    def _line(self, node: Node) -> int:
        mark = node.start_mark
        return mark.line + 1 + self._offset - bisect(self._odd, mark.index - 1)

    def construct_yaml_map(self, node: MappingNode):  # type: ignore[override]
        data = YMap()
        data.line = self._line(node)
        data.key_lines = {}
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from None
            if key in data:
                raise _DuplicateKey(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = self._line(key_node)

    def construct_yaml_seq(self, node: SequenceNode):  # type: ignore[override]
        data = YList()
        data.line = self._line(node)
        data.item_lines = [self._line(item) for item in node.value]
        yield data
        data.extend(self.construct_object(item, deep=True) for item in node.value)

    def construct_yaml_timestamp(self, node: ScalarNode):  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2025-02-30: kept as written, for the field to say what is wrong
            return str(node.value)

    def construct_yaml_float(self, node: ScalarNode) -> str:  # type: ignore[override]
        """No field is a fraction: ``2.20`` (a standard's code, say) stays as written, rather
        than becoming the number 2.2."""
        return str(node.value)

    def construct_yaml_int(self, node: ScalarNode):  # type: ignore[override]
        if not _PLAIN_INT.fullmatch(node.value):  # 010 (octal), 0x1A, 1_000, 1:30 (base 60)
            return str(node.value)
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts
            raise yaml.constructor.ConstructorError(
                None, None, f"the number on this line is too long ({len(node.value)} digits)",
                node.start_mark) from None


class _Loader(_Constructing, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, keeping line numbers and refusing duplicate keys,
    aliases (whose expansion can grow exponentially) and nesting deeper than ``MAX_DEPTH``.
    Its messages are the ones authors see.

    It reads tabs as libyaml does: a tab separates a value from its key (``theme:<tab>x``),
    words of a value, or a value from its comment; a tab in the indentation, or after a
    list's ``-``, is refused. (PyYAML alone refuses every tab outside quotes: a file the fast
    loader read would be refused for a tab, not for its real mistake, once it had one.)"""

    def __init__(self, stream: str, line_offset: int) -> None:
        super().__init__(stream)
        self._offset = line_offset
        self._depth = 0
        self._odd = [m.start() for m in _ODD_BREAKS.finditer(stream)]

    def scan_to_next_token(self) -> None:
        """Skip spaces, comments and line breaks, and tabs where libyaml skips them: inside
        ``[...]`` and ``{...}``, and where no key can start (after a key's ``:``)."""
        if self.index == 0 and self.peek() == "\uFEFF":
            self.forward()
        while True:
            while self.peek() == " " or (self.peek() == "\t" and (
                    self.flow_level or not self.allow_simple_key)):
                self.forward()
            if self.peek() == "#":
                while self.peek() not in "\0" + _BREAKS:
                    self.forward()
            if not self.scan_line_break():
                return
            if not self.flow_level:
                self.allow_simple_key = True

    def scan_plain_spaces(self, indent: int, start_mark: yaml.Mark) -> list[str] | None:
        """PyYAML's, with tabs read as libyaml reads them: between the words of a plain value
        and before its comment, and on a line that continues it, once past its indentation
        (``indent``). None when a document marker ends the value."""
        chunks: list[str] = []
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespace = self.prefix(length)
        self.forward(length)
        if self.peek() not in _BREAKS:
            return [whitespace] if whitespace else chunks
        line_break = self.scan_line_break()
        self.allow_simple_key = True
        if self._document_marker():
            return None
        breaks = []
        while (ch := self.peek()) in _BREAKS or ch == " " or (
                ch == "\t" and self.column >= indent):  # a tab past the indentation
            if ch in " \t":
                self.forward()
                continue
            breaks.append(self.scan_line_break())
            if self._document_marker():
                return None
        if line_break != "\n":
            chunks.append(line_break)
        elif not breaks:
            chunks.append(" ")
        chunks.extend(breaks)
        return chunks

    def _document_marker(self) -> bool:
        """Whether a line starts with ``---`` or ``...`` here, which ends any value."""
        return self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t" + _BREAKS

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.get_event()
            raise yaml.composer.ComposerError(
                None, None, f"'*{event.anchor}' is read as a YAML alias, which spotlight does not "
                "use; if it is text, put the whole value in quotes", event.start_mark)
        event = self.peek_event()
        if isinstance(event, NodeEvent) and _explicit(event):
            tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")  # type: ignore[attr-defined]
            raise yaml.composer.ComposerError(
                None, None, f"the tag '{tag}' changes what the value means, and spotlight uses "
                "no tags; delete it (put the value in quotes if it is text)",
                event.start_mark)  # type: ignore[arg-type]
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep",
                    self.peek_event().start_mark)
            return super().compose_node(parent, index)  # type: ignore[arg-type, return-value]
        finally:
            self._depth -= 1


def _explicit(event: NodeEvent) -> bool:
    """True for a node given an explicit tag such as ``!!binary`` (``!!str`` changes nothing)."""
    tag = getattr(event, "tag", None)
    return tag not in (None, "!", "tag:yaml.org,2002:str")


_LOADERS: list[type] = [_Loader]
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(_Constructing, yaml.CSafeLoader):  # type: ignore[misc]
        """The same constructors over libyaml's parser, used only for text already scanned
        (see ``_scanned``): libyaml composes recursively, in C, with no depth limit."""

        def __init__(self, stream: str, line_offset: int) -> None:
            super().__init__(stream)
            self._offset = line_offset

        def _line(self, node: Node) -> int:
            return node.start_mark.line + 1 + self._offset  # no odd line break (``_scanned``)

    _LOADERS.append(_FastLoader)
for _class in _LOADERS:
    for _tag, _method in (("timestamp", _Constructing.construct_yaml_timestamp),
                          ("float", _Constructing.construct_yaml_float),
                          ("int", _Constructing.construct_yaml_int),
                          ("map", _Constructing.construct_yaml_map),
                          ("seq", _Constructing.construct_yaml_seq)):
        _class.add_constructor(f"tag:yaml.org,2002:{_tag}", _method)  # type: ignore[attr-defined]


def _scanned(text: str) -> bool:
    """True when libyaml reads ``text`` cleanly, with no alias and no nesting deeper than
    ``MAX_DEPTH``: only then may the fast loader compose it. libyaml's parser is not recursive,
    so this scan is safe on any input."""
    if len(_LOADERS) == 1 or _ODD_BREAKS.search(text):
        return False  # the pure-Python loader tells lines as an editor does
    if "*" not in text and "!" not in text and sum(map(text.count, ":-?[{")) <= MAX_DEPTH:
        # No alias without '*'; and each level of nesting takes one of these indicators (a
        # key's ':' or '?', an item's '-', a '[' or '{'): typical front matter needs no scan.
        return True
    parser = yaml.CSafeLoader(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, NodeEvent) and _explicit(event):
                return False
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return False
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, AliasEvent):
                return False
    except yaml.YAMLError:
        return False
    finally:
        parser.dispose()
    return True


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse ``text`` safely; return the data and any problem, located in ``path``.

    Text values are checked as decoded: an escape such as ``"\\x1b"`` is refused as a pasted
    control character is (see characters.py).
    """
    data, problems = _parse_yaml(text, path, line_offset)
    if problems:
        return None, problems
    from .characters import value_problems

    problems = value_problems(data, path, line_offset + 1, source=text)
    return (None if problems else data), problems


def _parse_yaml(text: str, path: str, line_offset: int) -> tuple[Any, list[Problem]]:
    """Parse ``text``: the data, or the problem that stopped it.

    Text that libyaml reads cleanly is loaded through it, several times faster; anything else
    goes through the pure-Python loader, whose messages say what is wrong and where.
    """
    if _scanned(text):
        fast = _LOADERS[1](text, line_offset)
        try:
            return fast.get_single_data(), []
        except yaml.YAMLError:
            pass  # a duplicate key or an odd scalar: the pure-Python loader explains it
        finally:
            fast.dispose()
    try:
        loader = _Loader(text, line_offset)
    except yaml.reader.ReaderError as error:  # the reader refuses control characters at once
        line = text.count("\n", 0, error.position) + 1 + line_offset
        return None, [Problem(path, line, f"a control character (#x{error.character:02x}) "
                              "that YAML does not allow, perhaps pasted from another program; "
                              "delete it")]
    try:
        return loader.get_single_data(), []
    except yaml.MarkedYAMLError as error:
        where, message = yaml_errors.explain(error, text, line_offset, loader._odd)
        return None, [Problem(path, where, message)]
    except yaml.YAMLError as error:
        return None, [Problem(path, None, f"invalid YAML: {error}")]
    finally:
        loader.dispose()
