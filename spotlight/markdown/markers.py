"""The markers ``parse`` leaves in a field's HTML for what depends on the page it lands on
(heading levels, the path back to the site's root, citation numbers, links to examples), and
``render``, which fills them in for each page; ``at_page`` fills in, in a whole page, the root
of a text shown on pages at several depths (``ANY_PAGE``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

from . import links

#: Marks what ``render`` fills in per page. markdown-it turns NUL in the source into U+FFFD,
#: so a marker can only come from the renderer, never from content.
MARK = "\x00"
_MARKER_RE = re.compile("\x00(h[1-6]|r|c[a-z0-9-]+|[eE][a-z0-9-]+)\x00")


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


#: Marks ``ANY_PAGE``: a noncharacter, which content cannot hold (content/characters.py
#: refuses it). A whole page is searched for it, quickly: not for NUL, whose zero byte a
#: page's every ASCII character has beside it once the page holds a character such as "–".
_ANY = "\ufdd0"
#: The root of a text shown on pages at several depths (the licence in every page's footer):
#: rendered with this as ``RenderContext.root``, it is filled in for each page by ``at_page``.
ANY_PAGE = f"{_ANY}p{_ANY}"


def at_page(html: str, root: str) -> str:
    """``html`` (a whole page) with the root of each text shown at several depths filled in:
    ``root``, the path from the page back to the site's root."""
    return html.replace(ANY_PAGE, escapeHtml(root)) if _ANY in html else html


def render(html: str, context: RenderContext) -> Markup:
    """Fill in the markers of HTML from ``parse`` for the page described by ``context``."""
    if MARK not in html:
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
