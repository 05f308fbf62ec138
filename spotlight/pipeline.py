"""The stage runner that every command calls: load -> validate -> assemble -> gate ->
render the PDF documents -> make the PDFs -> render the pages.

``build`` (and ``serve``, which builds) runs it, with the publish gate and the PDFs, and then
writes; ``check`` runs it with writing turned off (``Reuse.off``, no gate, no PDFs made) and
lints what it made. So the commands cannot disagree about what the content is or how it
renders.

Everything stays in memory: only load reads the disk, and the PDF stage the previous PDFs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .content.load import RawContent, load
from .content.theme import load_theme
from .errors import Problem, SpotlightError
from .incremental import NOT_OUTPUT, Reuse

if TYPE_CHECKING:
    from .content.theme import VisualTheme
    from .incremental.parse_cache import ParseCache
    from .incremental.records import PdfRecord
    from .model import Content, Site
    from .site.render import Rendered


@dataclass(frozen=True)
class BuildOptions:
    """How to build: where from, where to, with which visual theme, and what to make.

    ``handouts`` None follows the site file's ``pdf.handouts``; ``modified`` is the PDFs'
    modification date (from SOURCE_DATE_EPOCH), None for each PDF's publication date.

    Every option changes what a build writes unless declared ``NOT_OUTPUT``: a build whose
    output-changing options differ from the previous build's makes its pages again.
    """

    content: Path = field(default=Path("content"), metadata=NOT_OUTPUT)
    out: Path = field(default=Path("build"), metadata=NOT_OUTPUT)
    visual_theme: str = "default"
    theme_override: Path | None = None
    pdf: bool = True
    search: bool = True
    strict: bool = field(default=False, metadata=NOT_OUTPUT)
    #: Told (done, total) as each PDF is rendered, for a progress bar.
    progress: Callable[[int, int], None] | None = field(default=None, metadata=NOT_OUTPUT)
    handouts: bool | None = None
    modified: dt.datetime | None = None
    #: Build everything again, ignoring what the previous build in ``out`` recorded.
    clean: bool = field(default=False, metadata=NOT_OUTPUT)
    #: Also write each report as a stand-alone HTML fragment (fragments/<slug>.html).
    fragments: bool = False


class Passed(Protocol):
    """What a gate stage says of content it lets through."""

    @property
    def warnings(self) -> Sequence[Problem]: ...

    @property
    def waived(self) -> Sequence[object]: ...


#: A stage that may stop the build once everything is rendered, before anything is written:
#: given the content as read and as validated, the parse cache and the assembled site, it
#: raises SpotlightError or says what it let through (and its warnings).
Gate = Callable[[RawContent, "Content", "ParseCache | None", "Site"], Passed]


@dataclass(frozen=True)
class Pdfs:
    """The PDF stage: the PDFs made (path -> bytes), every PDF's record, made or kept, and
    their warnings."""

    made: dict[str, bytes] = field(default_factory=dict)
    records: dict[str, PdfRecord] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Made:
    """Everything the stages made, in memory: the content as read and as validated, the
    visual theme, the assembled site, its rendered pages and PDF documents, and the PDFs."""

    raw: RawContent
    content: Content
    theme: VisualTheme
    site: Site
    rendered: Rendered
    search: bool  # whether the site has a search page (and gets an index once written)
    pdfs: Pdfs = field(default_factory=Pdfs)
    #: The gate's warnings (with the drafts left out, and the fragments' that say that they
    #: need a base_url), and how many of its findings waivers set aside.
    gate_warnings: tuple[Problem, ...] = ()
    waived: int = 0
    #: The draft reports left out, said as warnings but not failing ``--strict``: a draft is
    #: unfinished on purpose (content/drafts.py).
    left_out: tuple[Problem, ...] = ()

    @property
    def files(self) -> dict[str, bytes]:
        """The rendered pages and the PDFs made, as the files to write."""
        pages = {path: html.encode() for path, html in self.rendered.pages.items()}
        return pages | self.pdfs.made

    @property
    def copies(self) -> dict[str, Path]:
        """The files copied as they are: the visual theme's static files."""
        return {f"static/{name}": path for name, path in self.theme.static.items()}

    @property
    def warnings(self) -> list[Problem]:
        """Every warning of the stages: the theme's, the unfinished translations' (where the
        site file says ``translations: warning``), the site file's names a translated
        report shows untranslated, the gate's, the PDFs'."""
        from .content.translations import translation_warnings
        from .site.untranslated import untranslated_warnings

        content = self.content
        unfinished = translation_warnings(content.settings, content.reports, content.examples)
        unfinished += untranslated_warnings(content.settings, content.reports, content.examples)
        return [*self.theme.warnings, *unfinished, *self.gate_warnings, *self.pdfs.warnings]


#: Reads a visual theme's chain (``load_theme``): its name and override folder.
ThemeLoader = Callable[[str, "Path | None"], "tuple[VisualTheme | None, list[Problem]]"]


def run(options: BuildOptions, reuse: Reuse, *, print_set: bool = True,
        gate: Gate | None = None, make_pdfs: bool = False,
        loaded: tuple[RawContent, list[Problem]] | None = None,
        themes: ThemeLoader = load_theme, drafts: bool = False) -> Made | None:
    """Run the stages on the content of ``options``; raise SpotlightError with every problem.

    load -> validate -> assemble -> ``gate`` -> render the PDF documents -> make the PDFs
    (with ``make_pdfs``) -> render the pages (whose links to the PDFs give their size and
    pages). Returns None when ``reuse`` finds every input as the previous build read it
    (nothing to do). ``print_set`` makes, with ``options.pdf``, the practice-theme
    collections and the handouts besides the reports' PDF documents. ``loaded`` is the
    content folder if the caller has read it already; ``themes`` reads the visual theme
    (the preview keeps it while its files are unchanged). Draft reports are left out, with
    a warning each (content/drafts.py), unless ``drafts`` says to keep them.
    """
    raw, problems = loaded or load(options.content)
    theme, theme_problems = themes(options.visual_theme, options.theme_override)
    if reuse.unchanged(raw, theme, problems):
        return None
    # Imported here, so that a build with nothing to do starts quickly.
    from .content.validate import validate
    from .site.editions import assemble_print_set, assemble_site
    from .site.render import render

    content = validate(raw, [*problems, *theme_problems], reuse.cache)
    theme = _override(options, raw, content, theme, reuse, themes)
    left_out: list[Problem] = []
    draft_links: list[Problem] = []
    if not drafts:  # a draft report is not built (content/drafts.py); ``check`` reads it
        from .content.drafts import without_drafts

        raw, content, left_out, draft_links = without_drafts(raw, content)
    # Each language's edition, when the site has several.
    site = assemble_site(content, reuse.assembled)
    search = options.search and bool(site.library.examples)  # nothing to search, no search
    handouts = content.settings.handouts if options.handouts is None else options.handouts
    extra = assemble_print_set(content, site, handouts) if options.pdf and print_set else None
    # Here, before anything is rendered, made or written: the publish gate.
    passed = gate(raw, content, reuse.cache, site) if gate is not None else None
    reuse.content(content)
    documents = render(site, theme, options.content, extra, options.modified, search=search,
                       reuse=reuse, pdf=options.pdf, pages=False)
    pdfs = _pdfs(options, theme, documents, reuse) if make_pdfs and options.pdf else Pdfs()
    labels = _labels(options, pdfs)
    reuse.labels(labels)
    rendered = replace(render(site, theme, options.content, extra, options.modified,
                              search=search, reuse=reuse, pdf=False, pdf_labels=labels,
                              fragments=options.fragments, pdf_links=options.pdf),
                       pdfs=documents.pdfs, pdf_records=documents.pdf_records,
                       pdf_kept=documents.pdf_kept)
    # A theme's link to a file under static/ that nothing publishes: a broken page. (The
    # built-in theme's links are checked by the tests, not at every build.)
    if len(theme.layers) > 1:
        from .site.static_links import missing_static

        if broken := missing_static(rendered.pages, theme, raw.static, site.base_url):
            raise SpotlightError(broken)
    return Made(raw, content, theme, site, rendered, search, pdfs,
                (*left_out, *draft_links, *_fragment_warnings(options, raw, content),
                 *(passed.warnings if passed else ())),
                len(passed.waived) if passed else 0, tuple(left_out))


def _fragment_warnings(options: BuildOptions, raw: RawContent,
                       content: Content) -> tuple[Problem, ...]:
    """The fragments' links and pictures lead nowhere once pasted elsewhere without a
    ``base_url``: said once."""
    if not options.fragments or content.settings.base_url:
        return ()
    from .site.fragment import NO_BASE_URL

    return (Problem(raw.site.name if raw.site else "site.yml", None, NO_BASE_URL),)


def _pdfs(options: BuildOptions, theme: VisualTheme, documents: Rendered,
          reuse: Reuse) -> Pdfs:
    """Make the PDFs whose inputs changed; keep the others, with their warnings."""
    plan = reuse.plan_pdfs(documents)
    made: dict[str, bytes] = {}
    warnings = plan.warnings
    if plan.todo:
        from .outputs.pdf import render_pdfs  # WeasyPrint is slow to import: only when needed

        made, found = render_pdfs(plan.todo, options.content, theme, options.progress)
        reuse.pdfs_made(plan, found)
        warnings.extend(found)
    return Pdfs(made, dict(plan.records), tuple(warnings))


def _labels(options: BuildOptions, pdfs: Pdfs) -> dict[str, str]:
    """"PDF, 1.2 MB, 30 pages" for each PDF of the build: made now, or kept from the last."""
    if not pdfs.records:
        return {}
    from .outputs.pdf_files import pdf_label, read_previous

    return {path: pdf_label(data) for path in sorted(pdfs.records)
            if (data := pdfs.made.get(path) or read_previous(options.out, path)) is not None}


def _override(options: BuildOptions, raw: RawContent, content: Content,
              theme: VisualTheme | None, reuse: Reuse,
              themes: ThemeLoader = load_theme) -> VisualTheme:
    """The visual theme with the override folder named in the site file, when the command
    names none: known only once the site file is valid."""
    named = content.settings.theme_override
    if options.theme_override is None and named is not None:
        folder = _as_written(options.content, named)
        theme, problems = themes(options.visual_theme, folder)
        if problems:
            raise SpotlightError(problems if folder.is_dir() or raw.site is None else [Problem(
                raw.site.name, _line_of(raw.site.text, "theme_override"),
                f"theme_override: there is no folder '{named}' (it is looked for from the "
                "content folder); correct the name, or create the folder")])
        assert theme is not None
        reuse.overridden(raw, theme, folder, named)
    assert theme is not None  # validate raised if the theme could not be loaded
    return theme


def _as_written(content: Path, named: str) -> Path:
    """The override folder the site file names, relative to the content folder, as a person
    would write it from the working folder (``my-look``, not ``content/../my-look``), where
    that is the same folder (a linked content folder can make it another)."""
    folder = content / named
    shorter = Path(os.path.normpath(folder))
    try:
        same = shorter.resolve() == folder.resolve()
    except (OSError, RuntimeError):
        same = False
    return shorter if same else folder


def _line_of(text: str, key: str) -> int | None:
    """The line of the top-level ``key:`` in a YAML file's ``text``."""
    at = text.find(f"\n{key}:")
    return None if at < 0 and not text.startswith(f"{key}:") else text.count("\n", 0, at + 1) + 1
