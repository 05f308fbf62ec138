"""The only module that imports WeasyPrint: HTML documents -> PDF bytes.

Resources are fetched by a fetcher that serves files inside the allowed folders (the content
folder and the visual theme's folders) and nothing else: no network, no other ``file://``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from .errors import Problem, display_path
from .render import PdfDocument
from .theme import VisualTheme

PDF_VARIANT = "pdf/ua-1"


def render_pdfs(documents: Iterable[PdfDocument], content: Path,
                theme: VisualTheme) -> tuple[dict[str, bytes], list[Problem]]:
    """Render each document; return PDFs by output path and WeasyPrint's warnings.

    Files are fetched from the content folder and the visual theme's folders only. A file a
    stylesheet names under ``static/`` is looked up as the web pages' is: in the override
    folder, then the chosen theme, then the default theme.
    """
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _restricted_fetcher(weasyprint.urls.URLFetcher, (content, *theme.folders), theme)
    fonts = FontConfiguration()
    stylesheets: dict[Path, weasyprint.CSS] = {}
    results: dict[str, bytes] = {}
    warnings: list[Problem] = []
    for document in documents:
        for path in document.stylesheets:
            if path not in stylesheets:  # parsed once, shared by every document
                with _captured(warnings, display_path(path)):
                    stylesheets[path] = weasyprint.CSS(filename=path, url_fetcher=fetcher,
                                                       font_config=fonts)
        css = [stylesheets[path] for path in document.stylesheets]
        with _captured(warnings, document.path):
            for html in (document.html, *document.fallbacks):
                rendered = weasyprint.HTML(
                    string=html, base_url=document.base_url, url_fetcher=fetcher,
                ).render(stylesheets=css, font_config=fonts, pdf_variant=PDF_VARIANT)
                if document.max_pages is None or len(rendered.pages) <= document.max_pages:
                    break
            else:
                warnings.append(Problem(document.path, None, (
                    f"PDF: runs to {len(rendered.pages)} pages, more than "
                    f"{document.max_pages}, even in its tightest layout; shorten it")))
            results[document.path] = rendered.write_pdf(
                pdf_variant=PDF_VARIANT, pdf_identifier=_identifier(document, html),
                uncompressed_pdf=False)
    return results, warnings


def _identifier(document: PdfDocument, html: str) -> bytes:
    """The same for the same document and content wherever it is built, unlike a random id."""
    digest = hashlib.md5(document.path.encode(), usedforsecurity=False)
    digest.update(html.encode())
    for path in document.stylesheets:
        digest.update(path.read_bytes())
    return digest.hexdigest().encode()


def _restricted_fetcher(base: type, folders: tuple[Path, ...],  # type: ignore[no-untyped-def]
                        theme: VisualTheme):
    allowed = tuple(folder.resolve() for folder in folders)
    static_roots = tuple((folder / "static").resolve() for folder in theme.folders)
    static = theme.static

    class RestrictedFetcher(base):  # type: ignore[misc, valid-type]
        """Serves files inside the allowed folders; refuses everything else."""

        def fetch(self, url: str, headers=None):  # type: ignore[no-untyped-def]
            parts = urlsplit(url)
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
            return super().fetch(path.as_uri(), headers)

    return RestrictedFetcher(allowed_protocols=("file",), timeout=1)


class _Collect(logging.Handler):
    def __init__(self, warnings: list[Problem], path: str) -> None:
        super().__init__(logging.WARNING)
        self._warnings, self._path = warnings, path

    def emit(self, record: logging.LogRecord) -> None:
        self._warnings.append(Problem(self._path, None, f"PDF: {record.getMessage()}"))


@contextmanager
def _captured(warnings: list[Problem], path: str) -> Iterator[None]:
    logger = logging.getLogger("weasyprint")
    handler = _Collect(warnings, path)
    logger.addHandler(handler)
    propagate = logger.propagate
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
