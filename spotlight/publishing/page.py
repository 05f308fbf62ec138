"""A report's fragment made into the body of its WordPress page.

The fragment (fragment.py) is the report's body with its title as the first heading. The page
body is the same, less that heading (WordPress shows the page title), with every link working
inside WordPress: in-page anchors stay; the report's PDF and its pictures point at their
uploaded copies in the media library; links to pages of the static site (an example's own page,
a practice theme's) point at the site's ``base_url``, or are left out (their text kept) when the
site has none. Never a relative ``.html`` path.

The body is wrapped in one Custom HTML block, so that WordPress shows it as it is (no
paragraphs added where lines break) and its editor keeps it as written.
"""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..site.fragment import fragment_page, rewrite

_TITLE = re.compile(r"\s*<h1[^>]*>(.*?)</h1>\s*", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")
#: Stands for the website's own address while links are resolved, when it has none.
_HOME = "https://website.invalid/"


@dataclass(frozen=True)
class Parts:
    """What a report's fragment holds: its title, and the output paths of the files it links
    (the PDF) and shows (pictures, with their alt text)."""

    title: str
    links: tuple[str, ...]
    pictures: dict[str, str]


def read_fragment(text: str, slug: str, base_url: str | None) -> Parts:
    """The title of a fragment and the files of the website it links to and shows."""
    import html

    found = _TITLE.search(text)
    title = html.unescape(_TAGS.sub("", found.group(1))).strip() if found else slug
    links: list[str] = []
    pictures: dict[str, str] = {}

    def note(tag: str, attrs: dict[str, str | None]) -> dict[str, str | None]:
        if tag == "a" and (path := _output_path(attrs.get("href"), slug, base_url)):
            links.append(path)
        if tag == "img" and (path := _output_path(attrs.get("src"), slug, base_url)):
            pictures.setdefault(path, attrs.get("alt") or "")
        return attrs

    rewrite(text, note)
    return Parts(title, tuple(dict.fromkeys(links)), pictures)


def page_body(text: str, slug: str, base_url: str | None, media: Mapping[str, str]) -> str:
    """The WordPress page body of the fragment ``text`` of report ``slug``: ``media`` maps the
    output paths of uploaded files to their addresses in the media library."""
    text = _TITLE.sub("\n", text, count=1)
    own = fragment_page(slug)

    def link(tag: str, attrs: dict[str, str | None]) -> dict[str, str | None] | None:
        name = {"a": "href", "img": "src"}.get(tag)
        value = attrs.get(name) if name else None
        if name is None or value is None or value.startswith("#"):
            return attrs
        path = _output_path(value, slug, base_url)
        if path is None:
            return attrs  # another website's address: it works anywhere
        address, _, anchor = path.partition("#")
        if address in media:
            attrs[name] = media[address] + (f"#{anchor}" if anchor else "")
        elif address == own and anchor:
            attrs[name] = f"#{anchor}"
        elif base_url:
            attrs[name] = base_url + path
        elif tag == "a":
            return None  # a page only the static website has, which has no address: text only
        return attrs

    body = rewrite(text, link).strip()
    return f"<!-- wp:html -->\n{body}\n<!-- /wp:html -->"


def static_site(content: Path) -> str | None:
    """The static website's address (``base_url``), from the site file of ``content``, which
    the build has checked; None when it has none."""
    import yaml

    try:
        found = yaml.safe_load((content / "site.yml").read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return None
    url = found.get("base_url") if isinstance(found, dict) else None
    if not isinstance(url, str) or not url.strip():
        return None
    return url.strip() if url.strip().endswith("/") else url.strip() + "/"


def inline_picture(path: str, data: bytes) -> str:
    """A picture as an address that holds it (a data: URL), for a page to show it without
    the media library."""
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def _output_path(value: str | None, slug: str, base_url: str | None) -> str | None:
    """The output path (with its #anchor) that a link of the fragment of ``slug`` names, or
    None for an address outside the website (or a mere anchor)."""
    if not value or value.startswith("#"):
        return None
    home = base_url or _HOME
    address = urljoin(home + fragment_page(slug), value)
    if not address.startswith(home):
        return None
    parts = urlsplit(address)
    path = posixpath.normpath(parts.path[len(urlsplit(home).path):] or ".")
    if path in (".", "/"):
        path = "index.html"
    return path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")
