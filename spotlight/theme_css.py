"""What a visual theme's stylesheet would fetch: every ``@import`` and ``url()``, checked.

A stylesheet may use files of its own theme's ``static/`` folder and ``data:`` URIs. Anything
else is reported as a warning (an error under ``--strict``): a remote address would make every
reader's browser contact another site, and the PDF renderer refuses it; a path outside the
theme's ``static/`` folder is not part of the site and is refused by the PDF renderer too.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from urllib.parse import unquote, urlsplit

import tinycss2
from tinycss2 import ast

_REMOTE = ("http", "https", "ftp", "ws", "wss")
_BLOCKS = (ast.ParenthesesBlock, ast.SquareBracketsBlock, ast.CurlyBracketsBlock)


def css_warnings(css: str, relative: str) -> list[tuple[int, str]]:
    """Warnings as (line, message) for the stylesheet ``css`` found at ``static/<relative>``."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    found = []
    for line, address in _addresses(rules):
        message = _problem(address, relative)
        if message:
            found.append((line, message))
    return found


def _addresses(nodes: Iterable[ast.Node]) -> Iterator[tuple[int, str]]:
    for node in nodes:
        if isinstance(node, ast.AtRule | ast.QualifiedRule):
            if isinstance(node, ast.AtRule) and node.lower_at_keyword == "import":
                first = next((t for t in node.prelude if t.type != "whitespace"), None)
                if isinstance(first, ast.StringToken):
                    yield first.source_line, first.value
            yield from _addresses(node.prelude)
            yield from _addresses(node.content or ())
        elif isinstance(node, ast.URLToken):
            yield node.source_line, node.value
        elif isinstance(node, ast.FunctionBlock):
            if node.lower_name in ("url", "src"):
                yield from ((t.source_line, t.value) for t in node.arguments
                            if isinstance(t, ast.StringToken))
            yield from _addresses(node.arguments)
        elif isinstance(node, _BLOCKS):
            yield from _addresses(node.content)


def _problem(address: str, relative: str) -> str | None:
    address = address.strip()
    if not address or address.startswith("#"):
        return None
    try:
        parts = urlsplit(address)
    except ValueError:
        return f"'{address}' is not a valid address"
    scheme = parts.scheme.lower()
    if scheme == "data":
        return None
    if scheme in _REMOTE or address.startswith("//"):
        return (f"'{address}' is on another site: readers' browsers would fetch it, and the "
                "PDF never does; copy the file into the theme's static/ folder")
    if scheme:
        return f"'{address}' is not allowed: use a file of the theme's static/ folder"
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), path))
    if path.startswith("/") or target == ".." or target.startswith("../"):
        return (f"'{address}' is outside the theme's static/ folder: the site does not include "
                "it and the PDF never reads it")
    return None
