"""Markdown for spotlight: markdown-it-py with raw HTML off and three small plugins.

- citations: ``[@key]`` becomes a numbered link to the report's reference list;
- figures: an image alone in its paragraph becomes ``<figure>`` with its title as caption;
- outcomes: a ``## Outcome`` (Welsh: ``## Canlyniad``) heading splits an example body into
  narrative and Outcome;
- links to examples: ``[Kyle's case](kyle.md)`` leads to that example (links.py).

Each Markdown field is parsed and rendered to HTML once (``parse``). What depends on the page
the HTML lands on (heading levels, the path back to the site's root, citation numbers) is left
as markers, which ``render`` fills in for each page: once per report, again for the example's
own page, without parsing or rendering the Markdown again.

Owns: the markdown-it setup and spotlight's plugins (this module) and what they find that
would reach readers as text: raw HTML, refused addresses, over-deep nesting (checks.py).

May import: the foundation (errors, file_names, parallel) only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markupsafe import Markup

from . import links
from .checks import MAX_NESTING, Finding, guard_nesting
from .checks import find as find_hidden_text
from .links import example_target as example_target

_CITATION_RE = re.compile(r"\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")
_OUTCOME_RE = re.compile(r"^(?:outcome|canlyniad):?$", re.IGNORECASE)  # English, Welsh
_SAFE_SCHEMES = ("http", "https", "mailto")
_REFUSED: ContextVar[list[str] | None] = ContextVar("refused_addresses", default=None)
#: Marks what ``render`` fills in per page. markdown-it turns NUL in the source into U+FFFD,
#: so a marker can only come from the renderer, never from content.
_MARK = "\x00"
_MARKER_RE = re.compile("\x00(h[1-6]|r|c[a-z0-9-]+|[eE][a-z0-9-]+)\x00")


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
        tokens = _PARSER.parse(self.text, {})
        return tuple(_split_outcome(tokens)[0] if self.split_outcome else tokens)


@dataclass
class RenderContext:
    """What rendering needs to know about the page the Markdown lands on.

    ``citation_numbers`` maps reference keys to their numbers; ``citation_ids`` collects, per
    key, the ids given to each citation so the reference list can link back to them.
    ``citation_targets`` renames keys where a document gathers references from several
    reports (a key then names the ``ref-`` anchor and the ``citation_ids`` entry).
    """

    heading_base: int = 3
    root: str = "../"
    citation_numbers: dict[str, int] = field(default_factory=dict)
    citation_ids: dict[str, list[str]] = field(default_factory=dict)
    reference_href: str = ""
    citation_targets: dict[str, str] = field(default_factory=dict)
    #: The examples the page shows, each at ``#example-<slug>``: links to them lead there.
    examples_here: frozenset[str] = frozenset()


def url_scheme(url: str) -> str | None:
    """The lower-case scheme of ``url`` ("" for a relative path), or None if it cannot be read."""
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None


def safe_url(url: str) -> bool:
    """True for what a link may point to: http, https, mailto, or a relative path."""
    scheme = url_scheme(url)
    return scheme in _SAFE_SCHEMES or (scheme == "" and not url.strip().startswith("//"))


def _validate_link(url: str) -> bool:
    if safe_url(url):
        return True
    if (refused := _REFUSED.get()) is not None:
        refused.append(url)
    return False


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[" or state.src[state.pos + 1 : state.pos + 2] != "@":
        return False
    match = _CITATION_RE.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"key": match.group(1)}
    state.pos = match.end()
    return True


def _figure_rule(state: Any) -> None:
    tokens = state.tokens
    for index in range(len(tokens) - 2):
        if tokens[index].type != "paragraph_open":
            continue
        opening, inline, closing = tokens[index : index + 3]
        if (closing.type == "paragraph_close"
                and inline.type == "inline" and inline.children
                and len(inline.children) == 1 and inline.children[0].type == "image"
                and inline.children[0].attrGet("title")):
            opening.meta["figure"] = closing.meta["figure"] = True
            inline.children[0].meta["figure"] = True


class _Renderer(RendererHTML):
    """HTML renderer that knows about headings levels, figures, citations and image roots."""

    def heading_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"<h{_MARK}{tokens[idx].tag}{_MARK}>"

    def heading_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"</h{_MARK}{tokens[idx].tag}{_MARK}>\n"

    def paragraph_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        if tokens[idx].meta.get("figure"):
            return '<figure class="figure">'
        return self.renderToken(tokens, idx, options, env)

    def paragraph_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        if tokens[idx].meta.get("figure"):
            return "</figure>\n"
        return self.renderToken(tokens, idx, options, env)

    def image(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        src = str(token.attrGet("src") or "")
        if url_scheme(src) == "":
            src = f"{_MARK}r{_MARK}" + src.lstrip("/")
        alt = self.renderInlineAsText(token.children or [], options, env)
        title = token.attrGet("title")
        img = f'<img src="{escapeHtml(src)}" alt="{escapeHtml(alt)}">'
        if token.meta.get("figure"):
            return f"{img}<figcaption>{escapeHtml(str(title))}</figcaption>"
        if title:
            img = img[:-1] + f' title="{escapeHtml(str(title))}">'
        return img

    def link_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if token.markup == "autolink":  # <https://...>: the text is the address
            token.attrJoin("class", "address")
        elif (to_example := links.marker(_MARK, str(token.attrGet("href") or ""))) is not None:
            token = token.copy(attrs={**token.attrs, "href": to_example})
            return self.renderToken([token], 0, options, env)
        return self.renderToken(tokens, idx, options, env)

    def citation(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"{_MARK}c{tokens[idx].meta['key']}{_MARK}"


def make_parser() -> MarkdownIt:
    """The one Markdown configuration: CommonMark plus tables, raw HTML disabled."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": True, "maxNesting": MAX_NESTING},
                    renderer_cls=_Renderer)
    md.enable(["table", "smartquotes"])
    # With raw HTML off, these rules find nothing (checks.py finds raw HTML): left out, the
    # parser does not call them on every line and at every '<'.
    md.disable(["html_block", "html_inline"])
    guard_nesting(md)
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.core.ruler.push("figure", _figure_rule)
    return md


_PARSER = make_parser()


def parse(text: str, first_line: int, split_outcome: bool = False) -> Parsed:
    """Parse ``text`` that starts on line ``first_line`` of its file."""
    env: dict[str, Any] = {}
    refused: list[str] = []
    reset = _REFUSED.set(refused)
    try:
        tokens = _PARSER.parse(text, env)
    finally:
        _REFUSED.reset(reset)
    findings = find_hidden_text(text, first_line, env, bool(refused), safe_url)
    offset = first_line - 1
    citations: list[Located] = []
    images: list[Image] = []
    links: list[Located] = []
    top: list[Located] = []
    line = first_line
    outcome_at = None  # the index of the Outcome heading, if any
    for index, token in enumerate(tokens):
        if token.map:
            line = token.map[0] + 1 + offset
        kind = token.type
        if kind == "inline":
            content = token.content
            # Only a '[' (links, images, citations) or a '<' (autolinks) makes what is
            # looked for here: the other paragraphs' parts are not walked.
            if "[" not in content and "<" not in content:
                continue
            child_line = line  # a paragraph's lines are counted by its line breaks
            for child in token.children or ():
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
        elif kind == "heading_open":
            if token.tag == "h1":
                top.append(Located(token.markup, line))
            elif split_outcome and outcome_at is None and _is_outcome(tokens, index):
                outcome_at = index
    outcome: list[Token] | None = None
    if outcome_at is not None:
        tokens, outcome = tokens[:outcome_at], tokens[outcome_at + 3:]
    renderer = _PARSER.renderer
    html = renderer.render(tokens, _PARSER.options, {})
    outcome_html = None if outcome is None else renderer.render(outcome, _PARSER.options, {})
    return Parsed(html, outcome_html, tuple(citations), tuple(images), tuple(links),
                  tuple(top), text, findings, _first_paragraph(tokens), first_line,
                  split_outcome)


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


#: The root of a text shown on pages at several depths (the licence in every page's footer):
#: rendered with this as ``RenderContext.root``, it is filled in for each page by ``at_page``.
ANY_PAGE = "\x00p\x00"


def at_page(html: str, root: str) -> str:
    """``html`` (a whole page) with the root of each text shown at several depths filled in:
    ``root``, the path from the page back to the site's root."""
    return html.replace(ANY_PAGE, escapeHtml(root)) if _MARK in html else html


def render(html: str, context: RenderContext) -> Markup:
    """Fill in the markers of HTML from ``parse`` for the page described by ``context``."""
    if _MARK not in html:
        return Markup(html)

    def fill(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] == "h":
            return str(min(6, context.heading_base + max(0, int(code[1]) - 2)))
        if code == "r":
            return escapeHtml(context.root)
        if code[0] in "eE":
            return escapeHtml(links.fill(code, context.root, context.examples_here))
        return _citation(code[1:], context)

    return Markup(_MARKER_RE.sub(fill, html))


def _citation(key: str, context: RenderContext) -> str:
    number = context.citation_numbers.get(key)
    if number is None:
        return escapeHtml(f"[@{key}]")
    target = context.citation_targets.get(key, key)
    ids = context.citation_ids.setdefault(target, [])
    cite_id = f"cite-{target}-{len(ids) + 1}"
    ids.append(cite_id)
    return (f'<a class="citation" id="{cite_id}" '
            f'href="{escapeHtml(context.reference_href)}#ref-{target}">[{number}]</a>')
