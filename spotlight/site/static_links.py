"""Links of the rendered pages to files under ``static/`` that the build does not publish: a
stylesheet, script or picture a visual theme's template names (``{{ root }}static/brand.css``)
without the file being in any ``static/`` folder of the theme's lookup chain, nor in the
content folder's ``static/`` folder. Each is a broken page, so the build stops, naming the
template and line that write the link."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..content import suggest
from ..content.theme import VisualTheme
from ..errors import Problem, display_path

_LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"'<>]*static/[^"'<>]*)["']""")


def missing_static(pages: Mapping[str, str], theme: VisualTheme,
                   content_static: Iterable[str], base_url: str | None) -> list[Problem]:
    """A problem for each file under ``static/`` that a page links to and no folder has.

    ``pages`` are the web pages by output path; ``content_static`` the files of the content
    folder's ``static/`` folder, which are published at the top of the output folder. A link
    from the site's own path (``/static/...``, as the 404 page's are) starts from the path of
    ``base_url``."""
    top = (urlsplit(base_url).path or "/") if base_url else "/"
    provided = {f"static/{name}" for name in theme.static} | set(content_static)
    missing: dict[str, list[str]] = {}
    targets: dict[tuple[str, str], str | None] = {}
    for page, text in pages.items():
        if not page.endswith(".html"):
            continue
        folder = posixpath.dirname(page)
        for link in set(_LINK.findall(text)):
            key = (folder, link)
            if key not in targets:
                targets[key] = _target(folder, link, top)
            target = targets[key]
            if target is not None and target not in provided:
                missing.setdefault(target, []).append(page)
    return [problem for target in sorted(missing)
            for problem in _problems(target, sorted(missing[target]), theme, provided)]


def _target(folder: str, link: str, top: str) -> str | None:
    """The output path a link of a page in ``folder`` leads to, when it is under ``static/``;
    ``top`` is the site's own path, where a link starting with "/" leads."""
    try:
        parts = urlsplit(html.unescape(link))
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):
        if not parts.path.startswith(top):
            return None
        folder, parts = "", parts._replace(path=parts.path[len(top):])
    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    return target if target.startswith("static/") and not parts.path.endswith("/") else None


def _problems(target: str, pages: list[str], theme: VisualTheme,
              provided: set[str]) -> list[Problem]:
    """The problem of one missing file, at each line of a template that names it."""
    override = theme.layers[0].folder if theme.layers[0].label == "override" else None
    rest = target.removeprefix("static/")
    where = (f"add the file as {display_path(override / 'static' / rest)}"
             if override is not None else "add the file to the visual theme's static/ folder")
    hint = suggest.did_you_mean(target, sorted(p for p in provided if p.startswith("static/")))
    shown = ", ".join(pages[:3]) + (", ..." if len(pages) > 3 else "")
    count = f"{len(pages)} page{'s' if len(pages) != 1 else ''}"
    message = (f"links to '{target}', which no static/ folder has (neither the visual "
               f"theme's nor the content folder's): {count} would have a broken link "
               f"({shown}); {where}, or correct the name{hint}")
    places = _places(target, theme)
    if not places:
        folder = override or theme.layers[0].folder
        return [Problem(display_path(folder / "templates"), None,
                        f"a template {message}")]
    return [Problem(display_path(path), line, message) for path, line in places]


def _places(target: str, theme: VisualTheme) -> list[tuple[Path, int]]:
    """Where the templates name ``target``: every line of the first layer that does."""
    for layer in theme.layers:
        found = [(path, number) for _, (source, path) in sorted(layer.templates.items())
                 for number, line in enumerate(source.splitlines(), 1) if target in line]
        if found:
            return found
    return []
