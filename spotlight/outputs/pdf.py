"""HTML documents -> PDF bytes, with WeasyPrint: the documents rendered in parallel, one
process per core, WeasyPrint's warnings collected, and each PDF's structure tree tidied for
screen readers (pdf_tags.py) before it is written. Only the PDF modules (this one, pdf_fetch.py
and pdf_identity.py) import WeasyPrint, and only when a PDF is rendered.

Resources are fetched by a fetcher that serves files inside the allowed folders (the content
folder and the visual theme's folders) and ``data:`` URIs, and nothing else: no network, no
other ``file://`` (pdf_fetch.py).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pydyf

from ..content.theme import VisualTheme
from ..errors import Problem, display_path
from ..site.render import PdfDocument
from . import pdf_tags
from .pdf_fetch import restricted_fetcher
from .pdf_identity import record_box_identity
from .pdf_links import site_links
from .pdf_objects import encode_once

PDF_VARIANT = "pdf/ua-1"

# A date ("2 June 2025") is never broken over two lines.
_DATE = re.compile(r"\b(\d{1,2}) ([^\W\d_]{3,}) (\d{4})\b")


def render_pdfs(documents: Iterable[PdfDocument], content: Path, theme: VisualTheme,
                progress: Callable[[int, int], None] | None = None,
                workers: int | None = None) -> tuple[dict[str, bytes], list[Problem]]:
    """Render each document; return PDFs by output path and WeasyPrint's warnings.

    Documents render in parallel, one process per core (``workers`` to choose). Files are
    fetched from the content folder and the visual theme's folders only. A file a stylesheet
    names under ``static/`` is looked up as the web pages' is: in the override folder, then the
    chosen theme, then the default theme. ``progress`` is told (done, total) after each document.
    """
    # Longest first, so that no worker is left with a long document at the end.
    documents = tuple(sorted(documents, key=lambda d: (-len(d.html), d.path)))
    count = min(len(documents), workers or os.cpu_count() or 1)
    results: dict[str, bytes] = {}
    warnings: list[Problem] = []
    if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        _start_worker(content, theme)
        rendered: Iterable[tuple[str, bytes, list[Problem]]] = map(_render_one, documents)
        pool = None
    else:  # forked workers inherit the documents and the theme: nothing big is pickled
        pool = multiprocessing.get_context("fork").Pool(
            count, initializer=_start_worker, initargs=(content, theme))
        rendered = pool.imap_unordered(_render_one, documents)
    try:
        for path, data, found in rendered:
            results[path] = data
            warnings.extend(found)
            if progress is not None:
                progress(len(results), len(documents))
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    # A stylesheet's warnings come once from each process that parsed it: keep one of each.
    return dict(sorted(results.items())), sorted(set(warnings), key=str)


class _Worker:
    """What one process keeps between documents: fetcher, fonts, parsed stylesheets."""

    def __init__(self, content: Path, theme: VisualTheme) -> None:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        self.weasyprint = weasyprint
        record_box_identity(weasyprint)
        self.fetcher = restricted_fetcher(weasyprint.urls.URLFetcher,
                                          (content, *theme.folders), theme)
        self.fonts = FontConfiguration()
        self.stylesheets: dict[Path, object] = {}


_WORKER: _Worker | None = None


def _start_worker(content: Path, theme: VisualTheme) -> None:
    global _WORKER
    _WORKER = _Worker(content, theme)


def _render_one(document: PdfDocument) -> tuple[str, bytes, list[Problem]]:
    """Render one document in this process's worker: (path, PDF bytes, warnings)."""
    worker = _WORKER
    assert worker is not None
    weasyprint = worker.weasyprint
    warnings: list[Problem] = []
    for path in document.stylesheets:
        if path not in worker.stylesheets:  # parsed once per process, shared by its documents
            with _captured(warnings, display_path(path)):
                worker.stylesheets[path] = weasyprint.CSS(
                    filename=path, url_fetcher=worker.fetcher, font_config=worker.fonts)
    css = [worker.stylesheets[path] for path in document.stylesheets]
    with _captured(warnings, document.path):
        for html in (document.html, *document.fallbacks):
            html = _dates_unbroken(html)
            rendered = weasyprint.HTML(
                string=html, base_url=document.base_url, url_fetcher=worker.fetcher,
            ).render(stylesheets=css, font_config=worker.fonts, pdf_variant=PDF_VARIANT)
            if document.max_pages is None or len(rendered.pages) <= document.max_pages:
                break
        else:
            warnings.append(Problem(document.path, None, (
                f"PDF: runs to {len(rendered.pages)} pages, more than "
                f"{document.max_pages}, even in its tightest layout; shorten it")))
        options = {"pdf_variant": PDF_VARIANT, "uncompressed_pdf": False,
                   "pdf_identifier": _identifier(document, html)}
        links = partial(site_links, content_uri=_content_uri(document),
                        pdf_path=document.path, site_url=document.site_url)
        try:  # the structure tree is tidied before the file is written
            data = rendered.write_pdf(finisher=partial(_tidied, links), **options)
        except pdf_tags.TidyError as error:  # a PDF less accessible beats no PDF at all
            warnings.append(Problem(document.path, None, (
                f"PDF: its structure tree could not be tidied for screen readers ({error})")))
            data = rendered.write_pdf(finisher=partial(_finished, links), **options)
    return document.path, data, warnings


def _content_uri(document: PdfDocument) -> str:
    """The ``file:`` address of the content folder, in which the document's HTML "lives"
    (see ``PdfDocument.base_url``)."""
    return document.base_url.rsplit("/", 2)[0] + "/"


def _tidied(links: Callable[[pydyf.PDF], object], document: object, pdf: pydyf.PDF) -> None:
    """WeasyPrint's finisher: links made to lead to the website, the structure tree tidied,
    then each object serialised once."""
    with _collector_paused():
        links(pdf)
        pdf_tags.tidy(document, pdf)
        encode_once(pdf)


def _finished(links: Callable[[pydyf.PDF], object], document: object,
              pdf: pydyf.PDF) -> None:
    """The finisher when the tree could not be tidied: links made to lead to the website,
    each object serialised once."""
    with _collector_paused():
        links(pdf)
        encode_once(pdf)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused: the finisher makes tens of thousands of
    small objects (none in a cycle, all freed by their reference counts), and each collection
    they would set off walks all of WeasyPrint's boxes (about 0.2 s of CPU for a
    hundred-example report)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _dates_unbroken(html: str) -> str:
    """The document's body with no-break spaces inside its dates (the head, which becomes
    the PDF's metadata, keeps its plain spaces)."""
    head, mark, body = html.partition("</head>")
    if not mark:
        head, body = "", html
    return head + mark + _DATE.sub("\\1\u00a0\\2\u00a0\\3", body)


def _identifier(document: PdfDocument, html: str) -> bytes:
    """The same for the same document and content wherever it is built, unlike a random id."""
    digest = hashlib.md5(document.path.encode(), usedforsecurity=False)
    digest.update(html.encode())
    for path in document.stylesheets:
        digest.update(path.read_bytes())
    return digest.hexdigest().encode()


class _Collect(logging.Handler):
    def __init__(self, warnings: list[Problem], path: str) -> None:
        super().__init__(logging.WARNING)
        self._warnings, self._path = warnings, path

    def emit(self, record: logging.LogRecord) -> None:
        message = f"PDF: {record.getMessage()}"
        if str(record.msg).startswith(".notdef glyph") and isinstance(record.args, tuple) \
                and len(record.args) == 2:
            character, code = record.args
            message = (f"PDF: no font has the character '{character}' (U+{code:04X}): it prints "
                       "as an empty box; replace it in the text, or add a font that has it to "
                       "the visual theme's pdf.css")
        problem = Problem(self._path, None, message)
        if problem not in self._warnings:  # WeasyPrint says it at every occurrence
            self._warnings.append(problem)


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
