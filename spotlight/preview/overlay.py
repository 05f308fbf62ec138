"""What the preview adds to the HTML pages it serves: a small script that reloads them when
the preview rebuilds; while the content is broken, a list of its problems (else the latest
build's warnings); on the search page, while the search index catches up, a status saying so.
The files served are never changed.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .state import PreviewState

#: Where a page listens for the preview's builds (server-sent events, see http.py).
EVENTS = "/__spotlight__/events"


def _script(generation: int, indexed: int | None = None) -> str:
    seen, search = (generation, "") if indexed is None else (f"{generation}:{indexed}",
                                                             "&search=1")
    return (f'<script>(function () {{ var seen = "{seen}"; '
            f'var events = new EventSource("{EVENTS}?since=" + seen + "{search}"); '
            'events.onmessage = function (event) { if (event.data !== seen) { '
            'events.close(); window.location.reload(); } }; }());</script>\n')


def _problems(problems: tuple[str, ...], good: bool) -> str:
    items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    shown = "showing the last good build" if good else "there is no good build to show yet"
    return ('<div role="alert" style="position:fixed;inset:auto 0 0 0;max-height:50vh;'
            'overflow:auto;z-index:9999;margin:0;padding:1em;background:#fff;color:#0b0c0c;'
            'border-top:5px solid #d4351c;font:16px/1.4 sans-serif">'
            f'<p><strong>The content has {len(problems)} problem(s); {shown}.</strong></p>'
            f'<ul>{items}</ul></div>\n')


def _warnings(warnings: tuple[str, ...]) -> str:
    items = "".join(f"<li><code>{html.escape(w)}</code></li>" for w in warnings)
    return ('<div role="status" style="position:fixed;inset:auto 0 0 0;max-height:30vh;'
            'overflow:auto;z-index:9999;margin:0;padding:1em;background:#fff;color:#0b0c0c;'
            'border-top:5px solid #f47738;font:16px/1.4 sans-serif">'
            f'<p><strong>The build has {len(warnings)} warning(s) to review.</strong></p>'
            f'<ul>{items}</ul></div>\n')


#: Shown at the top of the search page, in the flow of the page (nothing is covered), while
#: the search index catches up with the latest save; a status region, which screen readers
#: announce without moving focus.
INDEXING = ('<div role="status" style="margin:0;padding:0.5em 1em;background:#fff;'
            'color:#0b0c0c;border-bottom:5px solid #1d70b8;font:16px/1.4 sans-serif">'
            '<p style="margin:0">Search results are being updated to include your latest '
            'changes. This page reloads when they are ready.</p></div>\n')


def page(state: PreviewState, data: bytes, search: bool = False) -> bytes:
    """An HTML page (``data``; empty: a blank page) as the preview serves it, given what the
    preview has built (``state``); ``search`` for the search page."""
    extra = _script(state.generation, state.indexed if search else None)
    if state.problems:
        extra = _problems(state.problems, state.has_good_build) + extra
    elif state.warnings:
        extra = _warnings(state.warnings) + extra
    if not data:
        data = (b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                b"<title>spotlight preview</title></head><body></body></html>")
    text = data.decode("utf-8", "replace")
    at = text.rfind("</body>")
    text = text[:at] + extra + text[at:] if at >= 0 else text + extra
    if search and state.indexing:
        body = text.find("<body")
        at = text.find(">", body) + 1 if body >= 0 else 0
        text = text[:at] + INDEXING + text[at:]
    return text.encode("utf-8")
