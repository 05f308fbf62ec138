"""``build()``: the pipeline, in one function: run the stages, make the PDFs, write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .content.load import STATIC_DIR, load_published
from .content.static_files import removed_warnings, static_clashes
from .errors import Problem, SpotlightError, display_path
from .file_names import output_name_problems
from .incremental import Manifest, Reuse
from .incremental.signatures import theme_folders
from .outputs.write import check_apart, check_output, write
from .pipeline import BuildOptions, Made, run

if TYPE_CHECKING:
    from .checks.gate import GateResult
    from .content.load import RawContent
    from .incremental.parse_cache import ParseCache
    from .model import Content, Site

__all__ = ["BuildOptions", "BuildResult", "build", "previous_build"]

#: Changes whenever what the publish gate (checks/gate.py) looks for changes, so that a build
#: that passed an older gate is not taken as up to date.
_GATE_VERSION = "gate-17"


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

    What the previous build of the output folder recorded is reused (see incremental/): with
    nothing changed, nothing is done; otherwise only changed bodies are parsed, only the pages
    and PDFs whose inputs changed are made, and only changed files are written.
    """
    reuse = Reuse(options, versions=(_GATE_VERSION,))
    check_output(options.out, options.content, reuse.built_here)  # before reading records
    check_apart(options.out, theme_folders(options.visual_theme, options.theme_override))
    made = None if reuse.nothing_changed() else run(options, reuse, gate=_gate, make_pdfs=True)
    if made is None:
        return _up_to_date(options, reuse.previous)
    check_apart(options.out, made.theme.folders)  # with the override named in site.yml
    warnings = made.warnings
    if options.strict and (failing := [w for w in warnings if w not in made.left_out]):
        raise SpotlightError(failing)  # a draft left out is on purpose: not a failure
    files, copies = _outputs(options, made)
    finish = None
    if made.search:  # imported only for a site with a search page
        from .outputs.search import index_site

        # Pagefind's pages are still in memory: the vocabulary beside its index is not read
        # back.
        finish = partial(index_site, pages=files)
    kept = reuse.kept(made.rendered, made.pdfs.records, files)
    removed = write(options.out, files, copies, finish=finish,
                    previous=reuse.previous, kept=kept, listed=reuse.listed(),
                    record=lambda written, folder: reuse.save(
                        written, folder, made.rendered, made.pdfs.records, made.theme,
                        made.content.settings.theme_override,
                        [w for w in warnings if w not in made.pdfs.warnings
                         and w not in made.left_out], made.left_out))
    warnings += removed_warnings(options.out, removed)
    return _result(options, made, kept, warnings)


def previous_build(content: Path, out: Path) -> bool:
    """Whether the output folder ``out`` holds a build of spotlight's: the one a failed
    build leaves as it was."""
    from .incremental.records import Records, built_by_spotlight

    try:
        return out.is_dir() and built_by_spotlight(out, Records(content, out))
    except OSError:
        return False


def _outputs(options: BuildOptions, made: Made, published: Callable[..., tuple[
        dict[str, bytes], list[Problem]]] = load_published) -> tuple[dict[str, bytes],
                                                                     dict[str, Path]]:
    """The files to write (path -> bytes) and to copy (path -> source file): the pages, the
    PDFs, the content's pictures without their metadata (read by ``published``), the visual
    theme's static files and the content's own ``static/`` folder. Raises SpotlightError for
    what cannot be published."""
    files = made.files
    copies = made.copies
    pictures, unpublishable = published(options.content, made.site.images)
    files |= pictures
    static = made.raw.static
    unpublishable += static_clashes(static, options.content / STATIC_DIR, [*files, *copies])
    copies |= {name: options.content / STATIC_DIR / name for name in static}
    sources = {**{p: options.content / p for p in pictures}, **copies}  # to name the file
    unpublishable += [Problem(display_path(sources.get(path, path)), None, message)
                      for path, message in output_name_problems({*files, *copies})]
    if unpublishable:
        raise SpotlightError(unpublishable)
    return files, copies


def _gate(raw: RawContent, content: Content, cache: ParseCache | None,
          site: Site) -> GateResult:
    """The publish gate (see checks/gate.py): nothing personal or unfinished is written; and
    the errors of ``check`` that need no page, as warnings (checks/build_lints.py)."""
    from .checks.gate import gate  # imported only when a build has work to do

    return gate(raw, content, cache, site)


def _result(options: BuildOptions, made: Made, kept: dict[str, str],
            warnings: list[Problem]) -> BuildResult:
    rendered, site = made.rendered, made.site
    pages = tuple(sorted(p for p in (*rendered.pages, *rendered.kept) if p.endswith(".html")))
    made_pdfs = tuple(sorted(p for p in made.pdfs.records if p.endswith(".pdf")))
    reports = [r for edition in (site, *getattr(site, "editions", ())) for r in edition.reports]
    examples = len({e.slug for r in reports for e in r.examples})
    return BuildResult(options.out, pages, made_pdfs, len(reports), examples,
                       tuple(sorted(set(warnings), key=str)),
                       kept=tuple(sorted(set(kept) & {*pages, *made_pdfs})), waived=made.waived)


def _up_to_date(options: BuildOptions, previous: Manifest | None) -> BuildResult:
    """Nothing changed: report the previous build, and its warnings again."""
    assert previous is not None
    failing = {*previous.warnings, *(Problem(path, None, text) for path, record in
                                     previous.pdfs.items() for text in record.warnings)}
    if options.strict and failing:
        raise SpotlightError(failing)
    warnings = tuple(sorted({*failing, *previous.notices}, key=str))
    files = tuple(previous.files)
    return BuildResult(options.out, tuple(f for f in files if f.endswith(".html")),
                       tuple(f for f in files if f.endswith(".pdf")), 0, 0, warnings, True)
