"""What a visual theme's stylesheet would fetch: every address (see css_addresses.py), checked.

A stylesheet may use files of its own theme's ``static/`` folder and ``data:`` URIs. Anything
else is reported as a warning (an error under ``--strict``): a remote address would make every
reader's browser contact another site, and the PDF renderer refuses it; a path outside the
theme's ``static/`` folder is not part of the site and is refused by the PDF renderer too.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from .css_addresses import stylesheet_addresses

_REMOTE = ("http", "https", "ftp", "ws", "wss")


def css_warnings(css: str, relative: str) -> list[tuple[int, str]]:
    """Warnings as (line, message) for the stylesheet ``css`` found at ``static/<relative>``."""
    found = []
    for line, address in stylesheet_addresses(css):
        message = _problem(address, relative)
        if message:
            found.append((line, message))
    return found


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
