"""A report as a stand-alone HTML fragment, for a website that is not this one.

The fragment template (fragment.html) renders the report's body with the same partials as the
report page; ``fragment()`` (a template filter) then makes it fit any website: the site's own
CSS classes and ``tabindex`` are left out (the other site has not got the stylesheet), text
hidden for screen readers keeps WordPress's ``screen-reader-text`` class (which every WordPress
theme styles), and every link is made absolute under the site's ``base_url``.

``rewrite()`` is the general tool: it passes the HTML through unchanged except for the
attributes a function changes; publishing uses it to point the links at uploaded media.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urljoin

from markupsafe import Markup

#: The class of visually hidden text in the themes, and what WordPress themes call it.
HIDDEN, SCREEN_READER = "visually-hidden", "screen-reader-text"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_URLS = {("a", "href"), ("img", "src"), ("source", "src"), ("link", "href")}

#: What a build of fragments says, once, when the site file has no ``base_url``: without it,
#: a fragment's links and pictures stay relative to the website's own folders.
NO_BASE_URL = (
    "no base_url: the pictures and links of the fragments (fragments/) lead to this website's "
    "files by relative addresses, such as ../images/picture.png, which break once a fragment "
    "is pasted into another website. Set base_url in site.yml to the address this website "
    "will be published at, for example base_url: \"https://www.example.org/spotlights/\"")

#: Told (tag, attributes) of every start tag; returns the attributes to write, or None to leave
#: the element's tags out (its content stays).
Change = Callable[[str, dict[str, str | None]], dict[str, str | None] | None]


def fragment(text: str, page_url: str | None) -> Markup:
    """The report body ``text`` for another website: no classes, no ``tabindex``, and every
    relative link made absolute against ``page_url`` (the fragment's address; links stay as
    they are without one)."""
    def change(tag: str, attrs: dict[str, str | None]) -> dict[str, str | None]:
        classes = (attrs.pop("class", None) or "").split()
        attrs.pop("tabindex", None)
        if HIDDEN in classes:
            attrs["class"] = SCREEN_READER
        if page_url:
            for name in ("href", "src"):
                value = attrs.get(name)
                if (tag, name) in _URLS and value is not None and not value.startswith("#"):
                    attrs[name] = urljoin(page_url, value)
        return attrs

    return Markup(rewrite(text, change).strip() + "\n")


def rewrite(text: str, change: Change) -> str:
    """``text`` with every start tag's attributes as ``change`` makes them (see ``Change``);
    everything else (text, comments, end tags) exactly as it was."""
    writer = _Rewriter(change)
    writer.feed(text)
    writer.close()
    return "".join(writer.out)


class _Rewriter(HTMLParser):
    def __init__(self, change: Change) -> None:
        super().__init__(convert_charrefs=False)
        self._change = change
        self.out: list[str] = []
        self._dropped: list[str] = []  # the tags of open elements whose tags were left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, ">")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, "/>", closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], end: str,
               closed: bool = False) -> None:
        changed = self._change(tag, dict(attrs))
        if not closed and tag not in _VOID:
            self._dropped.append(tag if changed is None else "")
        if changed is None:
            return
        written = "".join(f" {name}" if value is None else
                          f' {name}="{html.escape(value, quote=True)}"'
                          for name, value in changed.items())
        self.out.append(f"<{tag}{written}{end}")

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self._dropped and self._dropped.pop() == tag:
            return  # the end of an element whose tags were left out
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def fragment_page(slug: str) -> str:
    """The output path of the fragment of the report with this slug (``build --fragments``):
    one folder down, as the report page is, so that the body's relative links resolve alike."""
    return f"fragments/{slug}.html"
