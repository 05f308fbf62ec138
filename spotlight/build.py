"""The pipeline, in one function: load -> validate -> assemble -> render -> gate -> pdf -> write."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem, SpotlightError, display_path
from .file_names import output_name_problems
from .incremental import (
    RACY_NS,
    STAT_RECORD,
    Manifest,
    PageRecord,
    PdfRecord,
    StatRecord,
    digest,
    fingerprint,
    is_example_file,
    page_inputs,
    stat_key,
)
from .load import (
    STATIC_DIR,
    load,
    load_digests,
    load_manifest,
    load_parse_cache,
    load_published,
    load_signature,
    load_stat_record,
    load_theme,
    theme_folders,
)
from .static_files import removed_warnings, static_clashes
from .write import check_apart, check_output, write

if TYPE_CHECKING:
    from .render import Rendered
    from .theme import VisualTheme


#: Changes whenever what the publish gate (checks/gate.py) looks for changes, so that a build
#: that passed an older gate is not taken as up to date.
_GATE_VERSION = "gate-1"


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
    #: Build everything again, ignoring what the previous build in ``out`` recorded.
    clean: bool = False


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and the warnings it met."""

    out: Path
    pages: tuple[str, ...]  # the HTML pages
    pdfs: tuple[str, ...]
    reports: int
    examples: int
    warnings: tuple[Problem, ...]
    up_to_date: bool = False  # nothing changed since the previous build: nothing was done
    #: Pages and PDFs whose inputs were unchanged: kept from the previous build, not made again.
    kept: tuple[str, ...] = ()
    #: How many findings of the publish gate waivers set aside.
    waived: int = 0


def build(options: BuildOptions) -> BuildResult:
    """Build the site and its PDFs; raise SpotlightError with every problem, writing nothing.

    What the previous build in the output folder recorded (see incremental.py) is reused: with
    nothing changed, nothing is done; otherwise only changed bodies are parsed, only the pages
    and PDFs whose inputs changed are rendered, and only changed files are written.
    """
    check_output(options.out, options.content)
    check_apart(options.out, theme_folders(options.visual_theme, options.theme_override))
    words = _option_words(options)
    previous = None if options.clean else load_manifest(options.out)
    # The files' stat data, taken before they are read (see incremental.StatRecord).
    started = time.time_ns()
    signatures: dict[Path, tuple[str, int]] = {}
    if previous is not None and _stats_unchanged(options, words, signatures):
        return _up_to_date(options, previous)
    folders = [options.content.resolve(), *(f.resolve() for f in theme_folders(
        options.visual_theme, options.theme_override))]
    for folder in folders:
        if folder not in signatures:
            signatures[folder] = load_signature(folder)
    raw, problems = load(options.content)
    theme, theme_problems = load_theme(options.visual_theme, options.theme_override)
    inputs = load_digests(raw, theme) if theme is not None else {}
    key = fingerprint(inputs, words)
    if previous is not None and previous.fingerprint == key and not problems:
        return _up_to_date(options, previous)
    # Imported here, so that a build with nothing to do starts quickly.
    from .assemble import assemble
    from .assemble_print import assemble_print
    from .checks.gate import gate
    from .parse_cache import CACHE, ParseCache, encode
    from .render import Reuse, render
    from .search import index_site
    from .validate import validate

    cache = load_parse_cache(options.out) if previous is not None else ParseCache()
    content = validate(raw, [*problems, *theme_problems], cache)
    if options.theme_override is None and content.settings.theme_override is not None:
        # The override folder named in site.yml is known only once site.yml is valid.
        override = options.content / content.settings.theme_override
        check_apart(options.out, [override])
        if override.is_dir():
            signatures[override.resolve()] = load_signature(override.resolve())
        theme, theme_problems = load_theme(options.visual_theme, override)
        if theme_problems:
            raise SpotlightError(theme_problems)
        # Its files are inputs too: without them in the fingerprint, never skip a build.
        inputs = load_digests(raw, theme)
        key = digest("override", fingerprint(inputs, words))
    assert theme is not None  # validate raised if the theme could not be loaded
    site = assemble(content)
    search = options.search and bool(site.library.examples)  # nothing to search, no search
    handouts = content.settings.handouts if options.handouts is None else options.handouts
    extra = assemble_print(content, site, handouts) if options.pdf else None
    shared, texts = page_inputs(inputs, words, content)
    reuse = Reuse(shared, texts, *_previous_records(previous))
    # The publish gate: nothing personal or unfinished is written (raises with every finding).
    passed = gate(raw, content, cache)
    # The PDFs first: the pages' links to them give their size and page count.
    documents = render(site, theme, options.content, extra, options.modified, search=search,
                       reuse=reuse, pdf=options.pdf, pages=False)
    pdfs, records, warnings = _pdfs(options, theme, inputs, documents, previous)
    labels = _pdf_labels(options, pdfs, records)
    reuse = replace(reuse, texts={**texts, **{f"pdf:{p}": label for p, label in labels.items()}})
    rendered = replace(render(site, theme, options.content, extra, options.modified,
                              search=search, reuse=reuse, pdf=False, pdf_labels=labels),
                       pdfs=documents.pdfs, pdf_records=documents.pdf_records,
                       pdf_kept=documents.pdf_kept)
    warnings[:0] = [*theme.warnings, *passed.warnings]
    # The pages and PDFs not made again: linked from the previous build.
    kept = {path: previous.files[path] for path in (*rendered.kept, *(
        path for path in records if path not in pdfs))} if previous else {}
    if options.strict and warnings:
        raise SpotlightError(warnings)
    files = {path: html.encode() for path, html in rendered.pages.items()} | pdfs
    files[CACHE] = encode(cache)
    copies = {f"static/{name}": path for name, path in theme.static.items()}
    pictures, unpublishable = load_published(options.content, site.images)  # no metadata
    files |= pictures
    unpublishable += static_clashes(raw.static, options.content / STATIC_DIR, [*files, *copies])
    copies |= {name: options.content / STATIC_DIR / name for name in raw.static}
    sources = {**{p: options.content / p for p in pictures}, **copies}  # to name the file
    unpublishable += [Problem(display_path(sources.get(path, path)), None, message)
                      for path, message in output_name_problems({*files, *copies})]
    if unpublishable:
        raise SpotlightError(unpublishable)
    folders = [folders[0], *(f.resolve() for f in theme.folders)]
    trusted = all(f in signatures and signatures[f][1] < started - RACY_NS for f in folders)
    stats = StatRecord(
        content.settings.theme_override if options.theme_override is None else None,
        stat_key(((f, signatures[f][0]) for f in folders), words) if trusted else "")
    removed = write(options.out, files, copies, finish=index_site if search else None,
                    record=Manifest(key, {}, records, rendered.records), previous=previous,
                    kept=kept, local={STAT_RECORD: stats.dumps()})
    warnings += removed_warnings(options.out, removed)
    pages = tuple(sorted(p for p in (*rendered.pages, *rendered.kept) if p.endswith(".html")))
    made = tuple(sorted(p for p in (*pdfs, *kept) if p.endswith(".pdf")))
    examples = len({e.slug for r in site.reports for e in r.examples})
    return BuildResult(options.out, pages, made, len(site.reports), examples,
                       tuple(sorted(set(warnings), key=str)),
                       kept=tuple(sorted(set(kept) & {*pages, *made})), waived=len(passed.waived))


def _previous_records(previous: Manifest | None
                      ) -> tuple[dict[str, PageRecord], dict[str, PageRecord]]:
    """The previous build's records of the pages and PDFs it still has."""
    if previous is None:
        return {}, {}
    pages = {path: r for path, r in previous.pages.items() if path in previous.files}
    pdfs = {path: PageRecord(r.key, r.deps) for path, r in previous.pdfs.items()
            if r.key and path in previous.files}
    return pages, pdfs


def _pdfs(options: BuildOptions, theme: VisualTheme, inputs: dict[str, str],
          rendered: Rendered, previous: Manifest | None
          ) -> tuple[dict[str, bytes], dict[str, PdfRecord], list[Problem]]:
    """Make the PDFs whose inputs changed; keep the others, replaying their warnings.

    Returns the new PDFs' bytes, every PDF's record, and the warnings.
    """
    records: dict[str, PdfRecord] = {}
    warnings: list[Problem] = []
    if not options.pdf:
        return {}, records, warnings
    for path in rendered.pdf_kept:  # nothing it reads changed: not even its HTML was made
        records[path] = before = previous.pdfs[path]  # type: ignore[union-attr]
        warnings.extend(Problem(path, None, text) for text in before.warnings)
    # What goes into a PDF: its HTML, the theme's files, the content's images and fonts.
    in_print = digest(*(f"{name}\0{value}" for name, value in sorted(inputs.items())
                        if not is_example_file(name) and name != "content/site.yml"
                        and not (name.startswith("content/reports/")
                                 and name.endswith((".yml", ".yaml")))))
    todo = []
    for document in rendered.pdfs:
        mark = rendered.pdf_records.get(document.path, PageRecord(""))
        records[document.path] = record = PdfRecord(digest(in_print, document.html, *(
            document.fallbacks)), (), mark.key, mark.deps)
        before = previous.pdfs.get(document.path) if previous else None
        if before and before.inputs == record.inputs:  # the same HTML: the same PDF
            records[document.path] = replace(record, warnings=before.warnings)
            warnings.extend(Problem(document.path, None, text) for text in before.warnings)
        else:
            todo.append(document)
    if not todo:
        return {}, records, warnings
    from .pdf import render_pdfs  # WeasyPrint is slow to import: only when needed

    pdfs, found = render_pdfs(todo, options.content, theme, options.progress)
    for document in todo:  # recorded, so that a PDF kept next time still warns
        mine = [p.message for p in found if p.path in (document.path, *(
            () if p.path in records else (p.path,)))]
        records[document.path] = replace(records[document.path], warnings=tuple(mine))
    warnings.extend(found)
    return pdfs, records, warnings


def _pdf_labels(options: BuildOptions, made: dict[str, bytes],
                records: dict[str, PdfRecord]) -> dict[str, str]:
    """"PDF, 1.2 MB, 30 pages" for each PDF of the build: made now, or kept from the last."""
    if not records:
        return {}
    from .pdf import pdf_label, read_previous

    return {path: pdf_label(data) for path in sorted(records)
            if (data := made.get(path) or read_previous(options.out, path)) is not None}


def _stats_unchanged(options: BuildOptions, words: tuple[str, ...],
                     signatures: dict[Path, tuple[str, int]]) -> bool:
    """True when the files the previous build read all look exactly as they did then.

    The folders' signatures are left in ``signatures``, for the build to reuse.
    """
    record = load_stat_record(options.out)
    if record is None or not record.key:
        return False
    override = options.theme_override or (
        options.content / record.override if record.override is not None else None)
    folders = [options.content.resolve(), *(f.resolve() for f in theme_folders(
        options.visual_theme, override))]
    signatures.update((folder, load_signature(folder)) for folder in folders)
    return stat_key(((f, signatures[f][0]) for f in folders), words) == record.key


def _option_words(options: BuildOptions) -> tuple[str, ...]:
    """The options that change what a build writes (``strict`` and ``clean`` do not)."""
    modified = options.modified.isoformat() if options.modified else ""
    return (_GATE_VERSION, options.visual_theme, str(options.theme_override or ""),
            f"pdf={options.pdf}", f"search={options.search}", f"handouts={options.handouts}",
            f"modified={modified}")


def _up_to_date(options: BuildOptions, previous: Manifest) -> BuildResult:
    """Nothing changed: report the previous build, and its PDF warnings again."""
    warnings = tuple(sorted((Problem(path, None, text) for path, record in
                             previous.pdfs.items() for text in record.warnings), key=str))
    if options.strict and warnings:
        raise SpotlightError(warnings)
    files = tuple(previous.files)
    return BuildResult(options.out, tuple(f for f in files if f.endswith(".html")),
                       tuple(f for f in files if f.endswith(".pdf")), 0, 0, warnings, True)
