"""Where the publishable text of a content file is, found straight from its source text.

The publish gate and ``spotlight check`` look at every value a reader could meet: each YAML
value of the site file, the report files and the examples' front matter (titles, tags,
glossary entries, captions, alt text, labels...), and each example's Markdown body. A value
is taken as the stretch of source text it was written as, so a finding's offset is its place
in the file: no alignment is needed, and a folded or quoted value keeps its real line.

The YAML is read with libyaml's scanner, which is fast and needs no valid schema; front
matter as most of it is written (a key and a one-line value on each line) is read more quickly
still by one pattern, with the very spans the scanner gives. Keys and comments are not
published, so they are left out; so are the ``waivers`` (they quote the findings they waive).
A file the scanner cannot read to its end still has its readable part scanned as YAML, and
the rest as plain text: a broken file hides nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.tokens import (
    BlockEndToken,
    BlockMappingStartToken,
    BlockSequenceStartToken,
    FlowMappingEndToken,
    FlowMappingStartToken,
    FlowSequenceEndToken,
    FlowSequenceStartToken,
    KeyToken,
    ScalarToken,
    ValueToken,
)

from .sources import FileText

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = (BlockMappingStartToken, BlockSequenceStartToken, FlowMappingStartToken,
         FlowSequenceStartToken)
_CLOSE = (BlockEndToken, FlowMappingEndToken, FlowSequenceEndToken)
#: What the span finder does with each kind of token (told by its class: one look-up each).
_KINDS: dict[type, str] = {ScalarToken: "scalar", KeyToken: "key", ValueToken: "value",
                           **dict.fromkeys(_OPEN, "open"), **dict.fromkeys(_CLOSE, "close")}
#: Top-level keys whose values are never published as text.
_UNPUBLISHED = frozenset({"waivers"})
_PLACEHOLDER_COMMENT = re.compile(r"#[ \t]*PLACEHOLDER\b[^\n]*")


@dataclass(frozen=True)
class Span:
    """A stretch ``[start, end)`` of a file's text that is published; ``markdown`` when it is
    Markdown (an example's body), ``key`` the top-level key it belongs to in a YAML file."""

    start: int
    end: int
    markdown: bool
    key: str = ""


@dataclass(frozen=True)
class SourceProse:
    """A content file with the spans of it that are published, and its placeholder marks."""

    file: FileText
    spans: tuple[Span, ...]
    placeholders: tuple[int, ...]  # offsets of '# PLACEHOLDER' comments
    kind: str  # an example's kind ('person' when not given); '' for other files

    @property
    def path(self) -> str:
        """The file's name, as findings show it."""
        return self.file.path


def yaml_spans(text: str, start: int = 0) -> tuple[list[Span], list[int], dict[str, str]]:
    """The value spans of YAML ``text`` (offsets shifted by ``start``), the offsets of its
    '# PLACEHOLDER' comments, and its top-level plain values (for ``kind``)."""
    simple = _simple_spans(text, start)
    return simple if simple is not None else _scanned_spans(text, start)


def _scanned_spans(text: str, start: int) -> tuple[list[Span], list[int], dict[str, str]]:
    """``yaml_spans`` as libyaml's scanner finds them."""
    spans: list[Span] = []
    covered: list[tuple[int, int]] = []
    top: dict[str, str] = {}
    depth, is_key, key, token = 0, False, "", None
    kinds = _KINDS
    try:
        for token in yaml.scan(text, Loader=_LOADER):
            kind = kinds.get(type(token))
            if kind == "scalar":
                begin, end = token.start_mark.index, token.end_mark.index
                covered.append((begin, end))
                if is_key:
                    if depth == 1:
                        key = token.value  # type: ignore[attr-defined]
                    is_key = False
                    continue
                if depth == 1:
                    top[key] = token.value  # type: ignore[attr-defined]
                if key not in _UNPUBLISHED:
                    spans.append(Span(start + begin, start + end, False, key))
            elif kind == "key":
                is_key = True
            elif kind == "value":
                is_key = False
            elif kind == "open":
                depth += 1
            elif kind == "close":
                depth -= 1
    except yaml.YAMLError:
        # The rest cannot be read as YAML: every character of it counts as published.
        reached = token.end_mark.index if token is not None else 0  # the last token read
        spans.append(Span(start + reached, start + len(text), False, ""))
        covered.append((reached, len(text)))
    placeholders = [start + m.start() for m in _PLACEHOLDER_COMMENT.finditer(text)
                    if not any(b <= m.start() < e for b, e in covered)]
    return spans, placeholders, top


#: What no simple front matter holds: tabs, carriage returns, controls, and what YAML refuses
#: or reads apart (surrogates, a byte-order mark, the planes above the first).
_UNSIMPLE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe"
                       r"\uffff\U00010000-\U0010ffff]")
#: What a simple value may not hold besides: what means something to YAML in a scalar or at
#: its end (':', '#', quotes, brackets, indicators, escapes) and line breaks. Everything else,
#: letters and digits of any script included, may be in one.
_NOT = r"\n!\"#$%&*:<=>?@\[\\\]^`{|}~"
_QUOTED = rf"\"[^{_NOT}]*\"|'[^{_NOT}\"']*'"
_ITEM = rf"[A-Za-z0-9](?:[^{_NOT},]*[^{_NOT}, ])?|{_QUOTED}"
#: One line of a simple YAML mapping: ``key: plain value``, ``key: "quoted"``, ``key: [a, b]``.
_SIMPLE_LINE = re.compile(
    rf"(?P<key>[A-Za-z_][A-Za-z0-9_-]{{0,80}}): (?:(?P<flow>\[(?:(?:{_ITEM})(?:, (?:{_ITEM}))*)?\])"
    rf"|(?P<value>[A-Za-z0-9](?:[^{_NOT}]*[^{_NOT} ])?|{_QUOTED}))(?:\n|\Z)"
    r"|\n")
_FLOW_ITEM = re.compile(_ITEM)


def _simple_spans(text: str, start: int) -> tuple[list[Span], list[int], dict[str, str]] | None:
    """``yaml_spans`` of a mapping whose every line is one key with a one-line value (plain,
    quoted without escapes, or a list of such), found without libyaml, with the same spans
    as its scanner's; None for any other text. Most front matter is written so."""
    spans: list[Span] = []
    top: dict[str, str] = {}
    at, end = 0, len(text)
    if not end or _UNSIMPLE.search(text):
        return None
    while at < end:
        line = _SIMPLE_LINE.match(text, at)
        if line is None:
            return None
        at = line.end()
        key = line.group("key")
        if key is None:
            continue  # a blank line
        value = line.group("value")
        if value is not None:
            top[key] = value[1:-1] if value[0] in "'\"" else value
            if key not in _UNPUBLISHED:
                spans.append(Span(start + line.start("value"), start + line.end("value"),
                                  False, key))
            continue
        if key in _UNPUBLISHED:
            continue
        for item in _FLOW_ITEM.finditer(text, line.start("flow") + 1, line.end("flow") - 1):
            spans.append(Span(start + item.start(), start + item.end(), False, key))
    # No comment: a '# PLACEHOLDER' mark can only be in a value, which is not a mark.
    return spans, [], top


def source_prose(path: str, text: str, front_matter: bool) -> SourceProse:
    """The published spans of one content file; ``front_matter`` for an example."""
    file = FileText(path, text)
    if not front_matter:
        spans, marks, _ = yaml_spans(text)
        return SourceProse(file, tuple(spans), tuple(marks), "")
    yaml_start, yaml_end, body_start = _front_matter(text)
    if yaml_start is None:  # no front matter that can be told apart: all of it is prose
        return SourceProse(file, (Span(0, len(text), True, "body"),), (), "person")
    spans, marks, top = yaml_spans(text[yaml_start:yaml_end], yaml_start)
    spans.append(Span(body_start, len(text), True, "body"))
    kind = top.get("kind", "person") or "person"
    return SourceProse(file, tuple(spans), tuple(marks), kind)


_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


def _front_matter(text: str) -> tuple[int | None, int, int]:
    """Where an example's YAML starts and ends, and where its body starts; (None, 0, 0)
    without front matter. Front matter that is never closed runs to the end of the file."""
    first = re.match(r"---[ \t]*\r?\n", text)
    if first is None:
        return None, 0, 0
    found = _CLOSING.search(text, first.end())
    if found is None:
        return first.end(), len(text), len(text)
    return first.end(), found.start(), found.end()


_KIND = re.compile(r"^kind:[ \t]*['\"]?([\w-]+)", re.MULTILINE)


def example_parts(text: str) -> tuple[str, str]:
    """An example's kind ('person' unless its front matter says otherwise) and its body,
    found without reading the YAML."""
    yaml_start, yaml_end, body_start = _front_matter(text)
    if yaml_start is None:
        return "person", text
    kind = _KIND.search(text, yaml_start, yaml_end)
    return (kind.group(1) if kind else "person"), text[body_start:]
