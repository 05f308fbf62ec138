"""A Markdown field parsed and rendered once (``parse``): its HTML, with markers for
``render`` (markers.py), and what it refers to, each with its line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from markdown_it.token import Token

from .checks import Finding
from .checks import find as find_hidden_text
from .syntax import PARSER, REFUSED, pasted_bullets, safe_url

_OUTCOME_RE = re.compile(r"^(?:outcome|canlyniad):?$", re.IGNORECASE)  # English, Welsh


@dataclass(frozen=True)
class Located:
    """A value found in Markdown, with the line it is on (1-based, in the source file)."""

    value: str
    line: int


@dataclass(frozen=True)
class Image(Located):
    """An image reference: ``value`` is its source, ``alt`` its alternative text."""

    alt: str = ""


@dataclass(frozen=True)
class Parsed:
    """One Markdown field, parsed and rendered once: its HTML (with markers for ``render`` to
    fill in), the HTML after a ``## Outcome`` heading, and what it refers to."""

    html: str
    outcome_html: str | None
    citations: tuple[Located, ...]
    images: tuple[Image, ...]
    links: tuple[Located, ...]
    top_headings: tuple[Located, ...]
    text: str = field(repr=False, default="")
    #: Raw HTML, refused addresses and over-deep nesting, which would reach readers as text.
    findings: tuple[Finding, ...] = ()
    #: The text of the first paragraph that is not a figure, without citations.
    first_paragraph: str = ""
    first_line: int = 1
    split_outcome: bool = False

    @property
    def empty(self) -> bool:
        """True when the field holds no content at all."""
        return not self.html and not self.outcome_html

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens before any Outcome (parsed again on demand: only lints need them)."""
        tokens = PARSER.parse(pasted_bullets(self.text), {})
        return tuple(_split_outcome(tokens)[0] if self.split_outcome else tokens)


def parse(text: str, first_line: int, split_outcome: bool = False,
          keep_tokens: bool = False) -> Parsed:
    """Parse ``text`` that starts on line ``first_line`` of its file; with ``keep_tokens``,
    its ``tokens`` are kept rather than parsed again when asked for (``spotlight check``
    reads them all; a build keeps none, to keep its memory small)."""
    env: dict[str, Any] = {}
    refused: list[str] = []
    reset = REFUSED.set(refused)
    try:
        tokens = PARSER.parse(pasted_bullets(text), env)
    finally:
        REFUSED.reset(reset)
    findings = find_hidden_text(text, first_line, env, bool(refused), safe_url)
    offset = first_line - 1
    citations: list[Located] = []
    images: list[Image] = []
    links: list[Located] = []
    top: list[Located] = []
    broken: list[Finding] = []  # a link or picture that reaches readers as its Markdown
    line = first_line
    outcome_at = None  # the index of the Outcome heading, if any
    for index, token in enumerate(tokens):
        if token.map:
            line = token.map[0] + 1 + offset
        kind = token.type
        if kind == "inline":
            content = token.content
            # Only a '[' (links, images, citations), a '<' (autolinks) or a '://' (an address
            # typed in the text) makes what is looked for here: the other paragraphs' parts
            # are not walked.
            if "[" not in content and "<" not in content and "://" not in content:
                continue
            child_line = line  # a paragraph's lines are counted by its line breaks
            # Text as readers see it, across an address made a link where it was typed (the
            # rest of "[the guide](https://..." left open): looked at for unread links.
            seen: list[str] = []
            for child in token.children or ():
                if child.type == "text" or child.markup == "linkify":
                    seen.append(child.content)
                    if child.type == "link_open":
                        links.append(Located(str(child.attrGet("href") or ""), child_line))
                    continue
                if seen:
                    broken.extend(_unread_in(seen, child_line))
                if child.type in ("softbreak", "hardbreak"):
                    child_line += 1
                elif child.type == "citation":
                    citations.append(Located(child.meta["key"], child_line))
                elif child.type == "image":
                    alt = "".join(c.content for c in child.children or ())
                    images.append(Image(str(child.attrGet("src") or ""), child_line,
                                        alt.strip()))
                elif child.type == "link_open":
                    links.append(Located(str(child.attrGet("href") or ""), child_line))
            if seen:
                broken.extend(_unread_in(seen, child_line))
        elif kind == "heading_open":
            if token.tag == "h1":
                top.append(Located(token.markup, line))
            elif split_outcome and outcome_at is None and _is_outcome(tokens, index):
                outcome_at = index
    outcome: list[Token] | None = None
    if outcome_at is not None:
        tokens, outcome = tokens[:outcome_at], tokens[outcome_at + 3:]
    renderer = PARSER.renderer
    html = renderer.render(tokens, PARSER.options, {})
    outcome_html = None if outcome is None else renderer.render(outcome, PARSER.options, {})
    parsed = Parsed(html, outcome_html, tuple(citations), tuple(images), tuple(links),
                    tuple(top), text, findings + tuple(broken), _first_paragraph(tokens),
                    first_line, split_outcome)
    if keep_tokens:
        parsed.__dict__["tokens"] = tuple(tokens)  # what the cached property would parse
    return parsed


#: A link or picture written in Markdown that the parser left as text: its address has a
#: space (a file named as Windows names them) or is not closed.
_UNREAD = re.compile(r"(!?)\[([^\]\n]*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)?")


def _unread_in(seen: list[str], line: int) -> list[Finding]:
    """What ``_unread`` finds in the run of text ``seen`` (emptied), on ``line``."""
    text = "".join(seen)
    seen.clear()
    return _unread(text, line) if "](" in text else []


def _unread(text: str, line: int) -> list[Finding]:
    found = []
    for match in _UNREAD.finditer(text):
        picture, address = match.group(1), match.group(3).strip()
        if address and not safe_url(address.split()[0]):
            continue  # a refused address: said by checks.find
        written = " ".join(match.group().split())
        if len(written) > 70:
            written = written[:67] + "..."
        what = "picture" if picture else "link"
        if not match.group().endswith(")"):
            fix = "close its address with ')'"
        elif any(c.isspace() for c in address):
            fix = (f"an address with spaces goes between < and >: (<{address}>)"
                   + ("; or rename the file without spaces" if picture else ""))
        else:
            fix = "check its brackets"
        found.append(Finding(line, f"'{written}' is not read as a {what}: readers would see "
                                   f"it as typed; {fix}"))
    return found


def _first_paragraph(tokens: Sequence[Token]) -> str:
    for index, token in enumerate(tokens[1:], start=1):
        opening = tokens[index - 1]
        if (token.type == "inline" and opening.type == "paragraph_open"
                and not opening.meta.get("figure")):
            return "".join(" " if c.type in ("softbreak", "hardbreak") else c.content
                           for c in token.children or () if c.type != "citation")
    return ""


def _split_outcome(tokens: list[Token]) -> tuple[list[Token], list[Token] | None]:
    for index in range(len(tokens) - 1):
        if tokens[index].type == "heading_open" and _is_outcome(tokens, index):
            return tokens[:index], tokens[index + 3 :]
    return tokens, None


def _is_outcome(tokens: Sequence[Token], index: int) -> bool:
    """True when the heading opened at ``index`` is an Outcome heading (## or ###)."""
    return (tokens[index].tag in ("h2", "h3") and index + 1 < len(tokens)
            and _OUTCOME_RE.match(tokens[index + 1].content.strip()) is not None)
