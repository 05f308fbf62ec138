"""The one Markdown configuration: markdown-it with raw HTML off, safe link addresses only,
and spotlight's plugins (citations, figures) and renderer, which leaves markers (markers.py)
for what depends on the page the HTML lands on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from . import links
from .checks import MAX_NESTING, guard_nesting
from .markers import MARK

_CITATION_RE = re.compile(r"\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")
_SAFE_SCHEMES = ("http", "https", "mailto")
#: The addresses the parser refused while ``parse`` (parsed.py) reads a field.
REFUSED: ContextVar[list[str] | None] = ContextVar("refused_addresses", default=None)


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
    if (refused := REFUSED.get()) is not None:
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


def _heading_levels_rule(state: Any) -> None:
    """Headings go down one level at a time: a heading that skips a level ('###' straight
    after the title) is shown one level below the heading before it, so that every page's
    outline is whole for screen readers. The level written is kept in ``meta["written"]``
    (``spotlight check`` points it out)."""
    tokens = state.tokens
    previous = 1  # the title, or the heading the field is shown under
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        written = int(token.tag[1])
        level = min(written, previous + 1)
        if level != written:
            token.meta["written"] = written
            token.tag = f"h{level}"
            for closing in tokens[index + 1:]:
                if closing.type == "heading_close":
                    closing.tag = token.tag
                    break
        previous = level


def _plain_text(tokens: Sequence[Token]) -> str:
    """The words of inline tokens as a reader hears them: text, code, pictures' alt text."""
    words = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type == "image":
            words.append(_plain_text(token.children or []))
        elif token.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return "".join(words)


class _Renderer(RendererHTML):
    """HTML renderer that knows about headings levels, figures, citations and image roots."""

    def heading_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"<h{MARK}{tokens[idx].tag}{MARK}>"

    def heading_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"</h{MARK}{tokens[idx].tag}{MARK}>\n"

    def paragraph_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        if tokens[idx].meta.get("figure"):
            return '<figure class="figure">'
        return self.renderToken(tokens, idx, options, env)

    def paragraph_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        if tokens[idx].meta.get("figure"):
            return "</figure>\n"
        return self.renderToken(tokens, idx, options, env)

    def table_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        """A table in a box that scrolls sideways on a narrow screen: a region named after
        its column headings, which a keyboard can reach and scroll (WCAG 2.1.1)."""
        headings = []
        for token in tokens[idx + 1:]:
            if token.type == "thead_close":
                break
            if token.type == "inline":
                headings.append(_plain_text(token.children or []))
        name = ", ".join(" ".join(h.split()) for h in headings if h.strip())
        named = f' role="region" aria-label="{escapeHtml(name)}"' if name else ""
        return f'<div class="table-scroll" tabindex="0"{named}>\n<table>\n'

    def table_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return "</table>\n</div>\n"

    def image(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        src = str(token.attrGet("src") or "")
        if url_scheme(src) == "":
            src = f"{MARK}r{MARK}" + src.lstrip("/")
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
        if token.markup in ("autolink", "linkify"):  # <https://...>: the text is the address
            token.attrJoin("class", "address")
        elif (to_example := links.marker(MARK, str(token.attrGet("href") or ""))) is not None:
            token = token.copy(attrs={**token.attrs, "href": to_example})
            return self.renderToken([token], 0, options, env)
        return self.renderToken(tokens, idx, options, env)

    def citation(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"{MARK}c{tokens[idx].meta['key']}{MARK}"


#: A bullet pasted from a word processor at the start of a line ("•", Word's Symbol-font
#: bullet U+F0B7, "▪", "o" and a tab for the second level...), followed by a space or a tab.
_PASTED_BULLET = re.compile(
    "^([ \t]*)(?:[\u2022\u25e6\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u2023\u2043\u2219"
    "\u00b7\uf0a7\uf0b7](?=[ \t])|o(?=\t))", re.MULTILINE)


#: Any of those bullets anywhere: a text without one (most) is not searched line by line.
_ANY_BULLET = re.compile("[\u2022\u25e6\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u2023\u2043"
                         "\u2219\u00b7\uf0a7\uf0b7]|o\t")


def pasted_bullets(text: str) -> str:
    """``text`` with each bullet pasted from a word processor written as Markdown's '-',
    character for character, so that positions in it stay those of the source: the points
    become a list, not one run-on paragraph."""
    if (text.isascii() and "o\t" not in text) or not _ANY_BULLET.search(text) \
            or not _PASTED_BULLET.search(text):
        return text
    fenced = _fenced(text) if "```" in text or "~~~" in text else ()
    return _PASTED_BULLET.sub(
        lambda match: match.group() if any(start <= match.start() < end for start, end in fenced)
        else match.group(1) + "-", text)


#: A code fence's opening line: up to three spaces, then three or more '`' or '~'.
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)


def _fenced(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` inside code fences (kept as written: a bullet there is code)."""
    spans = []
    at = 0
    while opening := _FENCE.search(text, at):
        fence = opening.group(1)
        closing = re.compile(rf"^ {{0,3}}{fence[0]}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
        line_end = text.find("\n", opening.end())
        found = closing.search(text, line_end) if line_end >= 0 else None
        end = found.end() if found else len(text)
        spans.append((opening.start(), end))
        at = end if end > opening.end() else len(text)
    return spans


def make_parser() -> MarkdownIt:
    """The one Markdown configuration: CommonMark plus tables, raw HTML disabled."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": True, "linkify": True,
                                   "maxNesting": MAX_NESTING}, renderer_cls=_Renderer)
    md.enable(["table", "smartquotes", "linkify"])
    # A web address typed in the text (https://...) is a link, as readers expect; only one
    # written with its scheme: "GOV.UK" or "nacro.org.uk" in a sentence stays text.
    assert md.linkify is not None  # linkify-it-py, a dependency
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
    # The inline rule finds an address at its "://" as the text is read; the core rule, which
    # would look for addresses without a scheme too, tests every paragraph with a pattern of
    # linkify-it's that costs more than the rest of the parse: left out.
    md.core.ruler.disable("linkify")
    # With raw HTML off, these rules find nothing (checks.py finds raw HTML): left out, the
    # parser does not call them on every line and at every '<'.
    md.disable(["html_block", "html_inline"])
    guard_nesting(md)
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.core.ruler.push("figure", _figure_rule)
    md.core.ruler.push("heading_levels", _heading_levels_rule)
    return md


#: The parser every field is read with.
PARSER = make_parser()
