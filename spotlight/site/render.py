"""Stage 4: the assembled site -> pages in memory (HTML for the web and for the PDF)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from .. import i18n, markdown, model
from ..content.theme import VisualTheme
from ..errors import Problem, SpotlightError, display_path
from ..incremental import PageRecord, Reuse
from ..incremental.depends import watched
from ..model import PrintSet, Site
from ..parallel import shared_map
from . import library
from .editions import edition_prefix, edition_print_set, editions, site_alternates
from .environment import environment
from .fragment import fragment_page
from .template_errors import attribute_advice, syntax_advice

SEARCH_PAGE = "search/index.html"
#: How many ways a handout is laid out, each tighter than the last, to keep it to one page.
HANDOUT_FITS = 3


@dataclass(frozen=True)
class PdfDocument:
    """The HTML a PDF is made from, where its relative links resolve, and its stylesheets.

    ``fallbacks`` are tighter layouts of the same document, tried in turn while the PDF has
    more than ``max_pages`` pages. ``site_url`` is the site's ``base_url`` ("" for none):
    where the document's relative links lead (see outputs/pdf_links.py).
    """

    path: str
    html: str
    base_url: str
    title: str
    stylesheets: tuple[Path, ...] = ()
    fallbacks: tuple[str, ...] = ()
    max_pages: int | None = None
    site_url: str = ""


@dataclass(frozen=True)
class Rendered:
    """Everything rendered: web pages by output path, and the PDF documents.

    ``records`` says what each page was made from; ``kept`` lists the pages whose inputs are
    unchanged since the previous build, which were not rendered again. ``pdf_records`` and
    ``pdf_kept`` say the same of the PDFs: a kept PDF has no document in ``pdfs``.
    """

    pages: dict[str, str]
    pdfs: tuple[PdfDocument, ...]
    records: dict[str, PageRecord] = field(default_factory=dict)
    kept: tuple[str, ...] = ()
    pdf_records: dict[str, PageRecord] = field(default_factory=dict)
    pdf_kept: tuple[str, ...] = ()


def render(site: Site, theme: VisualTheme, content_root: Path, extra: PrintSet | None = None,
           modified: dt.datetime | None = None, search: bool = True,
           reuse: Reuse | None = None, pdf: bool = True, pages: bool = True,
           pdf_labels: Mapping[str, str] | None = None, fragments: bool = False,
           pdf_links: bool = True) -> Rendered:
    """Render every page and PDF document of ``site`` with the visual ``theme``.

    With ``pdf``, PDF documents are rendered for the reports and, given ``extra``, for its
    practice-theme collections and handouts. ``modified`` is the PDFs' modification date;
    without it, each PDF's own publication date. ``search`` says whether the site has a search
    page (the index is built after writing). With ``reuse``, a page whose inputs are unchanged
    is not rendered again. Without ``pages``, only the PDF documents are rendered: a build
    renders them first, then the pages, whose links to the PDFs say ``pdf_labels``. With
    ``fragments``, each report is also rendered as a stand-alone HTML fragment. Without
    ``pdf_links`` (a build without PDFs), pages do not link to the reports' PDFs (``pdfs``
    is false in every page's context).
    """
    env = _environment(theme)
    env.watched = watched((model, library))
    env.pdf_labels = pdf_labels or {}
    jobs: list[tuple[str, str, dict[str, Any]]] = []  # (path, template, context) of each page
    # (path, template, title, publication date, layouts, context) of each PDF document
    pdf_jobs: list[tuple[str, str, str, dt.date, int, dict[str, Any]]] = []
    document = _PdfRenderer(env, site, theme, content_root, modified)

    alternates = site_alternates(site, ("index.html", "about/accessibility.html",
                                        *((SEARCH_PAGE,) if search else ())))

    def page(path: str, template: str, **context: Any) -> None:
        if not pages:
            return  # the PDF documents alone
        context.setdefault("root", "../" * path.count("/"))
        context.setdefault("lang", site.language)
        context.setdefault("canonical", site.url(path))
        context.setdefault("alternates", alternates.get(path, ()))
        context.setdefault("pdfs", pdf_links)
        jobs.append((path, template, context))

    def run(job: tuple[str, str, dict[str, Any]]) -> tuple[str, tuple[str, ...]]:
        path, template, context = job
        env.seen = set()
        with _located(theme):
            html = env.get_template(template).render(
                **{"site": site, "path": path, "search": search, **context})
        return markdown.at_page(html, context["root"]), tuple(sorted(env.seen))

    def run_pdf(job: tuple[str, str, str, dt.date, int, dict[str, Any]]
                ) -> tuple[PdfDocument, tuple[str, ...]]:
        path, template, title, published, fits, context = job
        env.seen = set()
        with _located(theme):
            made = document(template, path, title, published, fits=fits, **context)
        return made, tuple(sorted(env.seen))

    # Each language the site publishes has its own pages (see editions.py): its home page,
    # reports, examples, listings, search page, accessibility statement and feed, the main
    # language's at the top of the site and each other's in its own folder ("cy/").
    fragment_paths: set[str] = set()  # with ``fragments``: in no sitemap
    for edition in editions(site):
        here = {"site": edition, "lang": edition.language, "prefix": edition_prefix(edition),
                "main_lang": site.language}
        prefix = here["prefix"]
        page(f"{prefix}index.html", "index.html", **here)
        for report in edition.reports:
            page(report.page, "report.html", report=report, **here)
            if fragments:
                fragment_paths.add(f"{prefix}{fragment_page(report.slug)}")
                page(f"{prefix}{fragment_page(report.slug)}", "fragment.html", report=report,
                     canonical=None, alternates=alternates.get(report.page, ()),
                     root="../" * report.page.count("/"), **here)  # links as the report's
            if pdf:
                pdf_jobs.append((report.pdf, "pdf/report.html", report.title, report.published,
                                 1, {"report": report, **here}))
        print_set = edition_print_set(edition, extra, site)
        for collection in print_set.collections if print_set and pdf else ():
            title = i18n.gettext(edition.language,
                                 "%(practice_theme)s: examples of effective practice")
            pdf_jobs.append((collection.pdf, "pdf/practice_theme.html",
                             title % {"practice_theme": collection.title},
                             collection.published, 1,
                             {"collection": collection, **here}))
        for handout in print_set.handouts if print_set and pdf else ():
            pdf_jobs.append((handout.pdf, "pdf/handout.html", handout.example.title,
                             handout.published, HANDOUT_FITS,
                             {"handout": handout, **here}))
        for example in edition.library.examples:
            page(example.path, "example.html", example=example, **here)
        for listing in edition.library.listings:
            page(listing.path, "listing.html", listing=listing, **here)
        if search:
            page(f"{prefix}{SEARCH_PAGE}", "search.html", **here)
        page(f"{prefix}about/accessibility.html", "accessibility.html", **here)
        if edition.reports:  # a feed has at least one entry
            page(f"{prefix}feed.xml", "feed.xml", **here)
    page("404.html", "404.html", root=_not_found_root(site), canonical=None)
    listed = tuple(sorted(path for path, _, _ in jobs
                          if path != "404.html" and not path.endswith("feed.xml")
                          and path not in fragment_paths))
    page("robots.txt", "robots.txt")
    if site.base_url:
        page("sitemap.xml", "sitemap.xml", paths=listed, alternates_of=alternates)

    if not pages:
        jobs.clear()
    records = {path: before for path, _, _ in jobs if reuse and (before := reuse.page(path))}
    pdf_records = {job[0]: before for job in pdf_jobs
                   if reuse and (before := reuse.page(job[0], pdf=True))}
    kept, pdf_kept = tuple(records), tuple(pdf_records)
    todo = [job for job in jobs if job[0] not in records]
    pdf_todo = [job for job in pdf_jobs if job[0] not in pdf_records]
    with _located(theme):
        for template in sorted({job[1] for job in todo} | {job[1] for job in pdf_todo}):
            env.get_template(template)  # compiled once, here, not again by every worker
    if todo:  # Babel's dates: loaded here, once, not again by every worker
        i18n.load_dates(edition.language for edition in editions(site))
    if todo or pdf_todo:
        env.partials.preload()
    # On every core: pages and PDF documents are independent of each other.
    done = shared_map(run, todo)
    made = shared_map(run_pdf, pdf_todo)
    made_pages = {path: html for (path, _, _), (html, _) in zip(todo, done, strict=True)}
    if reuse is not None and reuse.records is not None:
        records |= {path: reuse.record(deps)
                    for (path, _, _), (_, deps) in zip(todo, done, strict=True)}
        pdf_records |= {doc.path: reuse.record(deps) for doc, deps in made}
    return Rendered(dict(sorted(made_pages.items())), tuple(doc for doc, _ in made), records,
                    kept,
                    pdf_records, pdf_kept)


#: The last theme rendered with, and its environment.
_LAST: list[tuple[VisualTheme, Any]] = []


def _environment(theme: VisualTheme) -> Any:
    """``environment(theme)``, made once for the same theme: a build renders twice with it
    (PDF documents, then pages), the preview at every save that leaves the theme as it was;
    its templates are then compiled once."""
    if not _LAST or _LAST[0][0] is not theme:
        _LAST[:] = [(theme, environment(theme))]
    return _LAST[0][1]


def _not_found_root(site: Site) -> str:
    """A server shows the 404 page at any depth: its links start from the site's own path."""
    if not site.base_url:
        return ""
    return urlsplit(site.base_url).path or "/"


class _PdfRenderer:
    """Renders the HTML of one PDF document from a template of the visual theme."""

    def __init__(self, env: jinja2.Environment, site: Site, theme: VisualTheme,
                 content_root: Path, modified: dt.datetime | None) -> None:
        self._env, self._site, self._modified = env, site, modified
        self._root = content_root.resolve()
        self._stylesheets = tuple(theme.static[name] for name in ("pdf.css",)
                                  if name in theme.static)

    def __call__(self, template: str, path: str, title: str, published: dt.date,
                 fits: int = 1, **context: Any) -> PdfDocument:
        created = dt.datetime.combine(published, dt.time(), dt.UTC)
        dates = {"created": created.isoformat(),
                 "modified": (self._modified or created).isoformat()}
        html = [markdown.at_page(self._env.get_template(template).render(
            **{"site": self._site, "root": "../", "dates": dates, "fit": fit,
               "lang": self._site.language, **context}), "../")
            for fit in range(fits)]
        # The PDF's HTML "lives" one folder down inside the content folder, where its web
        # page would be in the main language's edition: its root is "../" whatever the
        # edition (cy/practice-themes/...), so that the same relative paths resolve to the
        # content's files.
        folder, _, name = path.rpartition("/")
        base_url = (self._root / (folder.rsplit("/", 1)[-1] or "pdf") / name
                    ).with_suffix(".html").as_uri()
        return PdfDocument(path, html[0], base_url, title, self._stylesheets,
                           tuple(html[1:]), 1 if fits > 1 else None, self._site.base_url or "")


class _located:
    """Turns template errors into SpotlightErrors naming the template file and line."""

    def __init__(self, theme: VisualTheme) -> None:
        self._theme = theme

    def __enter__(self) -> None:
        return None

    def _line(self, path: str, line: int | None) -> str | None:
        """The text of a template file's line, as the theme read it."""
        for layer in self._theme.layers:
            for source, file in layer.templates.values():
                if str(file) == path and line:
                    lines = source.splitlines()
                    return lines[line - 1] if line <= len(lines) else None
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: Any) -> None:
        if error is None or not isinstance(error, Exception):
            return None
        if not isinstance(error, jinja2.TemplateError):
            # Anything else raised while a template runs (a filter given the wrong value, a
            # division by zero...) is the template's mistake: name it, if a template ran.
            if (frame := _template_frame(tb)) is None:
                return None
            problem = Problem(display_path(Path(frame[0])), frame[1],
                              f"template error: {type(error).__name__}: {error}")
            raise SpotlightError([problem]) from None
        if isinstance(error, jinja2.TemplateSyntaxError):
            path = error.filename or (str(p) if (p := self._theme.template_path(
                error.name or "")) else error.name or "template")
            line: int | None = error.lineno
            message = f"template syntax error: {syntax_advice(error.message or '')}"
        elif isinstance(error, jinja2.TemplateNotFound):
            path, line = _template_frame(tb) or ("templates", None)
            message = f"template not found: {error.name}"
        else:
            path, line = _template_frame(tb) or ("template", None)
            message = f"template error: {attribute_advice(str(error), self._line(path, line))}"
        raise SpotlightError([Problem(display_path(Path(path)), line, message)]) from None


def _template_frame(tb: Any) -> tuple[str, int] | None:
    """The innermost traceback frame that runs template code, as (file, line)."""
    found = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".html", ".xml", ".txt")) and not name.startswith(sys.prefix):
            found = (name, tb.tb_lineno)
        tb = tb.tb_next
    return found
