"""The only module that imports WeasyPrint: HTML documents -> PDF bytes.

Resources are fetched by a fetcher that serves files inside the allowed folders (the content
folder and the visual theme's folders) and ``data:`` URIs, and nothing else: no network, no
other ``file://``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from .errors import Problem
from .render import PdfDocument

PDF_VARIANT = "pdf/ua-1"


def render_pdfs(documents: Iterable[PdfDocument], allowed: Iterable[Path],
                progress: Callable[[int, int], None] | None = None,
                ) -> tuple[dict[str, bytes], list[Problem]]:
    """Render each document; return PDFs by output path and WeasyPrint's warnings.

    ``progress`` is told (done, total) after each document.
    """
    documents = tuple(documents)
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _restricted_fetcher(weasyprint.urls.URLFetcher, tuple(p.resolve() for p in allowed))
    fonts = FontConfiguration()
    results: dict[str, bytes] = {}
    warnings: list[Problem] = []
    for document in documents:
        with _captured(warnings, document.path):
            html = weasyprint.HTML(string=document.html, base_url=document.base_url,
                                   url_fetcher=fetcher)
            results[document.path] = html.write_pdf(
                font_config=fonts, pdf_variant=PDF_VARIANT, pdf_identifier=_identifier(document),
                uncompressed_pdf=False)
        if progress is not None:
            progress(len(results), len(documents))
    return results, warnings


def _identifier(document: PdfDocument) -> bytes:
    import hashlib
    return hashlib.md5(document.html.encode(), usedforsecurity=False).hexdigest().encode()


def _restricted_fetcher(base: type, allowed: tuple[Path, ...]):  # type: ignore[no-untyped-def]
    class RestrictedFetcher(base):  # type: ignore[misc, valid-type]
        """Serves files inside the allowed folders; refuses everything else."""

        def fetch(self, url: str, headers=None):  # type: ignore[no-untyped-def]
            parts = urlsplit(url)
            if parts.scheme == "data":  # inline: no file, no network
                return super().fetch(url, headers)
            if parts.scheme != "file":
                raise ValueError(f"refusing to fetch {url}: only project files are used")
            path = Path(url2pathname(unquote(parts.path))).resolve()
            if not any(path.is_relative_to(root) for root in allowed):
                raise ValueError(f"refusing to fetch {url}: outside the project")
            return super().fetch(path.as_uri(), headers)

    return RestrictedFetcher(allowed_protocols=("file", "data"), timeout=1)


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
