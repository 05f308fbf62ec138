"""What WeasyPrint may read while it renders a PDF: files inside the allowed folders (the
content folder and the visual theme's folders) and ``data:`` URIs, and nothing else: no
network, no other ``file://``. A file a stylesheet names under ``static/`` is looked up as the
web pages' is; a raster picture is served as published, without its metadata; an SVG's text is
set in the document's typeface."""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ..content.images import RASTER, published_picture
from ..content.theme import VisualTheme

# The text of an SVG figure is set in the document's typeface (the font-family the theme's
# pdf.css gives ``html``), not in whatever sans-serif the build machine has: an SVG drawn for
# the web names a generic family, which WeasyPrint would otherwise look up in the system's fonts.
DEFAULT_FONT = ('"Atkinson Hyperlegible Next", "Atkinson Hyperlegible Next Ext", '
                '"Liberation Sans", sans-serif')
_SVG_START = re.compile(rb"<svg\b[^>]*>")


def restricted_fetcher(base: type, folders: tuple[Path, ...],  # type: ignore[no-untyped-def]
                       theme: VisualTheme):
    """A WeasyPrint URL fetcher (``base`` is its class) that serves files inside ``folders``
    and ``data:`` URIs, and refuses everything else."""
    allowed = tuple(folder.resolve() for folder in folders)
    static_roots = tuple((folder / "static").resolve() for folder in theme.folders)
    static = theme.static
    style = (f"<style>text, tspan, textPath {{ font-family: {_document_font(theme)}; }}"
             "</style>").encode()

    class RestrictedFetcher(base):  # type: ignore[misc, valid-type]
        """Serves files inside the allowed folders; refuses everything else."""

        def fetch(self, url: str, headers=None):  # type: ignore[no-untyped-def]
            parts = urlsplit(url)
            if parts.scheme == "data":  # inline: no file, no network
                return super().fetch(url, headers)
            if parts.scheme != "file":
                raise ValueError(f"refusing to fetch {url}: only project files are used")
            path = Path(url2pathname(unquote(parts.path))).resolve()
            for root in static_roots:  # the first layer's copy wins, as on the web
                if path.is_relative_to(root):
                    found = static.get(path.relative_to(root).as_posix())
                    path = found.resolve() if found else path
                    break
            if not any(path.is_relative_to(root) for root in allowed):
                raise ValueError(f"refusing to fetch {url}: outside the project")
            if path.suffix.lower() in RASTER:  # as published: without its metadata
                from weasyprint.urls import URLFetcherResponse

                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                # Not a file: address, or WeasyPrint would embed the file itself.
                return URLFetcherResponse(f"published:{path.name}",
                                          published_picture(path.read_bytes()),
                                          {"Content-Type": kind})
            if path.suffix.lower() == ".svg":
                return _with_font(super().fetch(path.as_uri(), headers), style)
            return super().fetch(path.as_uri(), headers)

    return RestrictedFetcher(allowed_protocols=("file", "data"), timeout=1)


def _document_font(theme: VisualTheme) -> str:
    """The font-family of the ``html`` rule of the theme's pdf.css (``DEFAULT_FONT`` if none)."""
    import tinycss2

    path = theme.static.get("pdf.css")
    if path is None:
        return DEFAULT_FONT
    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8", errors="replace"),
                                      skip_comments=True, skip_whitespace=True)
    found = DEFAULT_FONT
    for rule in rules:
        if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() != "html":
            continue
        for declaration in tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                         skip_whitespace=True):
            if declaration.type == "declaration" and declaration.lower_name == "font-family":
                value = tinycss2.serialize(declaration.value).strip()
                if value and not any(c in value for c in "<>&{};"):
                    found = value
    return found


def _with_font(response, style: bytes):  # type: ignore[no-untyped-def]
    """The fetched SVG with ``style``, a rule setting its text in the document's typeface."""
    from weasyprint.urls import URLFetcherResponse

    try:
        data = response.read()
    finally:
        response.close()
    start = _SVG_START.search(data)
    if start is not None:
        data = data[:start.end()] + style + data[start.end():]
    return URLFetcherResponse(response.url, data, response.headers, response.status)
