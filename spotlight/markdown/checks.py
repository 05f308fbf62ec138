"""What the safe Markdown parser quietly turns into plain text, found so the author can fix it.

spotlight's parser has raw HTML off and accepts only safe link addresses, so nothing harmful
reaches a reader. But the text would still show: a tag pasted from Word or an e-mail, an HTML
comment holding an editor's note (perhaps a real name), a ``javascript:`` link. Each of these is
reported with its line, so it is fixed rather than published. Markdown nested so deeply that the
parser would drop the rest is reported too.

Raw HTML is found by markdown-it itself: a second parser with HTML on reads the field only when
it could hold some (a ``<``) or when the safe parser refused an address.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

#: Each list level takes two nesting levels, so lists up to 49 deep and quotes up to 99 deep
#: render; deeper content would be dropped by markdown-it, so it is reported instead.
MAX_NESTING = 100
_TOO_DEEP = "spotlight_too_deep"


@dataclass(frozen=True)
class Finding:
    """Something in a Markdown field that would reach readers as stray text."""

    line: int
    message: str


def guard_nesting(md: MarkdownIt) -> None:
    """Make ``md`` note in ``env`` the first line it would drop for being nested too deeply."""
    tokenize = md.block.tokenize

    def guarded(state: StateBlock, start: int, end: int) -> None:
        if state.level >= state.md.options["maxNesting"]:
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:
                state.env.setdefault(_TOO_DEEP, line)
        tokenize(state, start, end)

    md.block.tokenize = guarded  # type: ignore[method-assign, assignment]


def _probe_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    md.enable(["table"])
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


_PROBE = _probe_parser()


def find(text: str, first_line: int, env: MutableMapping[str, Any], refused_address: bool,
         safe_url: Callable[[str], bool]) -> tuple[Finding, ...]:
    """What in ``text`` (starting on ``first_line``) the safe parse turned into plain text.

    ``env`` is the safe parse's environment; ``refused_address`` says whether the safe parser
    refused a link or image address; ``safe_url`` is its test for an allowed address.
    """
    found: list[Finding] = []
    if (deep := env.get(_TOO_DEEP)) is not None:
        found.append(Finding(deep + first_line, "lists or quotes are nested too deeply here: "
                             "readers would lose the rest; use fewer levels"))
    if "<" in text or refused_address:
        found.extend(_probe(text, first_line, safe_url))
    return tuple(found)


def _probe(text: str, first_line: int, safe_url: Callable[[str], bool]) -> list[Finding]:
    found: list[Finding] = []
    html_lines: set[int] = set()  # one message per line: "<b>bold</b>" is one mistake

    def html(content: str) -> None:
        if line not in html_lines:
            html_lines.add(line)
            found.append(Finding(line, _html_message(content)))

    line = first_line
    for token in _PROBE.parse(text):
        if token.map:
            line = token.map[0] + first_line
        if token.type == "html_block":
            html(token.content)
        for child in token.children or ():
            if child.type == "html_inline":
                html(child.content)
            elif child.type == "link_open" and not safe_url(href := str(child.attrGet("href"))):
                found.append(Finding(line, f"link '{_short(href)}' is not allowed: links may be "
                                     "https, http or mailto addresses or relative paths"))
            elif child.type == "image" and not safe_url(src := str(child.attrGet("src"))):
                found.append(Finding(line, f"image '{_short(src)}' is not a file of the content "
                                     "folder: copy it into images/"))
    return found


def _html_message(html: str) -> str:
    if html.lstrip().startswith("<!--"):
        return ("an HTML comment is not hidden here: readers would see it as text; delete it "
                f"('{_short(html.strip())}')")
    return (f"raw HTML '{_short(html.strip())}' is not allowed: readers would see it as text; "
            "write Markdown instead, or put it in `backticks` to show it as code")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
