"""Links between examples: a link of the text to another example's file leads to that example.

An author links to another example the way a Markdown editor does, by its file:
``[Kyle's case](kyle.md)``, or with its folder, ``../examples/kyle.md``, or to a part of it,
``kyle.md#outcome``. The link is left as a marker when the Markdown is rendered, and filled in
for each page it lands on (see ``render``): on a page or in a PDF that shows the example, it
leads to the example's place there (``#example-kyle``); anywhere else, to the example's own
page (``examples/kyle.html``); a link to a part of it always leads to its own page. That the
file names an example is checked with the other cross-references (content/cross_check.py).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

#: An example's slug: what a marker can hold.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def example_target(href: str) -> tuple[str, str] | None:
    """(the example's slug, the part named after '#') when ``href`` links to an example's
    file (a relative path ending in ``.md``); None for any other link."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    if parts.scheme or parts.netloc or parts.query or href.startswith(("/", "#")):
        return None
    name = posixpath.basename(unquote(parts.path))
    if not name.endswith(".md") or len(name) == 3:
        return None
    return name[:-3], unquote(parts.fragment)


def marker(mark: str, href: str) -> str | None:
    """What the renderer writes for ``href``, a link to an example, with ``mark`` (the
    character that starts a marker); None for any other link. The marker's code is ``e``
    and the slug (its place on the page when the page shows it, else its own page), or ``E``
    and the slug (always its own page: a link to a part of it, the part following)."""
    found = example_target(href)
    if found is None or not _SLUG.fullmatch(found[0]):
        return None
    slug, part = found
    if part:
        return f"{mark}E{slug}{mark}#{part}"
    return f"{mark}e{slug}{mark}"


def fill(code: str, root: str, here: frozenset[str]) -> str:
    """The address a marker's ``code`` (``e<slug>`` or ``E<slug>``) stands for on a page
    whose root is ``root`` and which shows the examples ``here``."""
    slug = code[1:]
    if code[0] == "e" and slug in here:
        return f"#example-{slug}"
    return f"{root}examples/{slug}.html"
