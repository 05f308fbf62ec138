"""The content folder's ``static/`` folder: files published as they are, at the top of the
output folder (``static/CNAME`` becomes ``CNAME``), for what a web host asks for: a CNAME, an
``.htaccess``, a search engine's verification page, ``.well-known/security.txt``.

They are not made by spotlight, so they are checked for what could run in a reader's browser:
no scripts; a web page, SVG or XML file with no script, event handler or script address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ..errors import Problem, display_path

_SCRIPTS = (".js", ".mjs", ".cjs", ".wasm", ".php", ".phtml", ".cgi", ".pl", ".py", ".sh",
            ".asp", ".aspx", ".jsp", ".swf")
_MARKUP = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".xml", ".xsl", ".xslt")
_ACTIVE = re.compile(rb"<\s*script|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|<\s*iframe"
                     rb"|<\s*object|<\s*embed|<\s*foreignobject|<\s*base\b|<!ENTITY",
                     re.IGNORECASE)


def static_problem(relative: str, data: bytes) -> str | None:
    """Why the file ``static/<relative>`` cannot be published as it is, or None."""
    name = relative.lower()
    if name.endswith(_SCRIPTS):
        return ("is a script or program: the static/ folder is for files a web host asks for, "
                "such as CNAME or a verification page, and spotlight publishes no scripts")
    if name.endswith(_MARKUP) and _ACTIVE.search(data):
        return ("holds a script, an event handler or an embedded document, which spotlight "
                "does not publish: remove it")
    return None


def static_clashes(static: Iterable[str], folder: Path, made: Iterable[str]) -> list[Problem]:
    """A problem for each static file whose place a file spotlight makes already takes."""
    taken = set(made)
    folders = {str(PurePosixPath(p).parent) for p in taken}
    return [Problem(display_path(folder / name), None,
                    f"would replace {name}, which spotlight makes: rename or remove it")
            for name in sorted(static) if name in taken or name in folders
            or name.split("/", 1)[0] in ("pagefind", ".spotlight-build")]


def removed_warnings(out: Path, removed: Iterable[str]) -> list[Problem]:
    """A warning for each file of the output folder that spotlight did not make, and that the
    new build therefore does not hold."""
    return [Problem(display_path(out / name), None,
                    "was not made by spotlight, so the new build does not have it; to publish "
                    "it with the site, put it in the content folder's static/ folder")
            for name in removed]
