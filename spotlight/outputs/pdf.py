"""The only module that imports WeasyPrint: HTML documents -> PDF bytes.

Resources are fetched by a fetcher that serves files inside the allowed folders (the content
folder and the visual theme's folders) and ``data:`` URIs, and nothing else: no network, no
other ``file://``.
"""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import mimetypes
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pydyf

from ..content.images import RASTER, published_picture
from ..content.theme import VisualTheme
from ..errors import Problem, display_path
from ..site.render import PdfDocument
from . import pdf_tags
from .pdf_links import site_links
from .pdf_objects import PageReferencesOnce, encode_once
from .pdf_tree import IDENTITY

PDF_VARIANT = "pdf/ua-1"

# The text of an SVG figure is set in the document's typeface (the font-family the theme's
# pdf.css gives ``html``), not in whatever sans-serif the build machine has: an SVG drawn for
# the web names a generic family, which WeasyPrint would otherwise look up in the system's fonts.
DEFAULT_FONT = '"Atkinson Hyperlegible Next", "Liberation Sans", sans-serif'
_SVG_START = re.compile(rb"<svg\b[^>]*>")
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
        _record_box_identity(weasyprint)
        self.fetcher = _restricted_fetcher(weasyprint.urls.URLFetcher,
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
    depth = document.path.count("/") + 1
    return document.base_url.rsplit("/", depth)[0] + "/"


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


def pdf_label(data: bytes) -> str:
    """What a link to this PDF says of it, as GOV.UK links a document: "PDF, 1.2 MB, 30 pages"
    (sizes in KB under one megabyte; 1 KB = 1,024 bytes)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        count = len(pdf.pages)
    size = len(data)
    shown = (f"{size / 1024 ** 2:.1f} MB" if size >= 1024 ** 2
             else f"{max(1, round(size / 1024))} KB")
    return f"PDF, {shown}, {count} page{'s' if count != 1 else ''}"


def read_previous(out: Path, path: str) -> bytes | None:
    """The PDF the previous build wrote at ``path`` in the output folder, if it is there."""
    try:
        return (out / path).read_bytes()
    except OSError:
        return None


def _record_box_identity(weasyprint) -> None:  # type: ignore[no-untyped-def]
    """Mark each structure element WeasyPrint makes with the HTML element it comes from.

    WeasyPrint 70 builds the structure tree page by page, one element per box: an element cut
    by a page break becomes two, and nothing in the PDF says they were one (its issues 2902,
    1836, 2482). This wraps its box-tree walker (a private function of the pinned major
    version) to record on each element, as a Python attribute that is never written to the
    file (``pdf_tree.IDENTITY``), the HTML element's number (the same for every box of one
    element), its tag (``a::after`` for a pseudo-element) and, on links, the text the link
    shows; ``pdf_tags.tidy`` reads them to merge the fragments and to pair definition lists.
    An element with a ``lang`` of its own (the licence, an English title in a Welsh report)
    gets the standard ``/Lang``. The PDF it builds in becomes a ``PageReferencesOnce``.
    """
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.absolute import AbsolutePlaceholder
    from weasyprint.pdf import tags

    if not hasattr(tags, "_build_box_tree"):  # another WeasyPrint: tidy() merges nothing
        return
    original = getattr(tags._build_box_tree, "__wrapped__", tags._build_box_tree)

    def build(box, parent, pdf, *rest):  # type: ignore[no-untyped-def]
        if pdf.__class__ is pydyf.PDF:  # its page references formatted once, not per element
            pdf.__class__ = PageReferencesOnce
        source = box._box if isinstance(box, AbsolutePlaceholder) else box
        keys = pdf.__dict__.setdefault("spotlight_keys", {})
        for element in original(box, parent, pdf, *rest):
            if source.element is not None and not hasattr(element, IDENTITY):
                text = None
                if source.link_annotation and isinstance(source, boxes.ParentBox):
                    pseudo = "::" in source.element_tag  # else its pseudo-elements' text apart
                    text = "".join(b.text for b in source.descendants()
                                   if isinstance(b, boxes.TextBox)
                                   and (pseudo or "::" not in b.element_tag))
                setattr(element, IDENTITY, (keys.setdefault(source.element, len(keys) + 1),
                                            source.element_tag, text))
                if lang := source.element.get("lang"):  # English inside a Welsh PDF
                    element["Lang"] = pydyf.String(lang)
            yield element

    build.__wrapped__ = original  # type: ignore[attr-defined]
    tags._build_box_tree = build


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


def _restricted_fetcher(base: type, folders: tuple[Path, ...],  # type: ignore[no-untyped-def]
                        theme: VisualTheme):
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
