"""The pipeline, in one function: load -> validate -> assemble -> render -> pdf -> write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .assemble import assemble
from .assemble_print import assemble_print
from .errors import Problem, SpotlightError
from .load import load, load_theme
from .render import render
from .search import index_site
from .validate import validate
from .write import check_output, write


@dataclass(frozen=True)
class BuildOptions:
    """How to build: where from, where to, with which visual theme, and what to make.

    ``handouts`` None follows the site file's ``pdf.handouts``; ``modified`` is the PDFs'
    modification date (from SOURCE_DATE_EPOCH), None for each PDF's publication date.
    """

    content: Path = Path("content")
    out: Path = Path("build")
    visual_theme: str = "default"
    theme_override: Path | None = None
    pdf: bool = True
    search: bool = True
    strict: bool = False
    #: Told (done, total) as each PDF is rendered, for a progress bar.
    progress: Callable[[int, int], None] | None = None
    handouts: bool | None = None
    modified: dt.datetime | None = None


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and the warnings it met."""

    out: Path
    pages: tuple[str, ...]  # the HTML pages
    pdfs: tuple[str, ...]
    reports: int
    examples: int
    warnings: tuple[Problem, ...]


def build(options: BuildOptions) -> BuildResult:
    """Build the site and its PDFs; raise SpotlightError with every problem, writing nothing."""
    check_output(options.out, options.content)
    raw, problems = load(options.content)
    theme, theme_problems = load_theme(options.visual_theme, options.theme_override)
    content = validate(raw, [*problems, *theme_problems])
    if options.theme_override is None and content.settings.theme_override is not None:
        # The override folder named in site.yml is known only once site.yml is valid.
        override = options.content / content.settings.theme_override
        theme, theme_problems = load_theme(options.visual_theme, override)
        if theme_problems:
            raise SpotlightError(theme_problems)
    assert theme is not None  # validate raised if the theme could not be loaded
    site = assemble(content)
    search = options.search and bool(site.library.examples)  # nothing to search, no search
    handouts = content.settings.handouts if options.handouts is None else options.handouts
    extra = assemble_print(content, site, handouts) if options.pdf else None
    rendered = render(site, theme, options.content, extra, options.modified, search=search)
    pdfs: dict[str, bytes] = {}
    warnings: list[Problem] = []
    if options.pdf:
        from .pdf import render_pdfs  # WeasyPrint is slow to import: only when needed

        pdfs, warnings = render_pdfs(rendered.pdfs, options.content, theme, options.progress)
        if options.strict and warnings:
            raise SpotlightError(warnings)
    files = {path: html.encode() for path, html in rendered.pages.items()} | pdfs
    copies = {f"static/{name}": path for name, path in theme.static.items()}
    copies |= {image: options.content / image for image in site.images}
    write(options.out, files, copies, finish=index_site if search else None)
    pages = tuple(p for p in rendered.pages if p.endswith(".html"))
    return BuildResult(options.out, pages, tuple(pdfs), len(site.reports),
                       len({e.slug for r in site.reports for e in r.examples}), tuple(warnings))
