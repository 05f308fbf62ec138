"""``spotlight serve``: listen on 127.0.0.1, build, serve, watch, rebuild, reload.

The port is listened on first, so that one already in use is said before a long build.

The site is built once and kept in memory (warm.py); on every change to the content or the
visual theme (watched with watchfiles) it is brought up to date there, re-reading only the
files the watcher saw change and rendering only the pages that depend on them, and served at
once; open pages reload by themselves. Once saves pause, every file is looked at once, in case
the watcher missed a change (``_settle``). The build folder and its search index catch up in
the background (indexer.py); the search page says so meanwhile. When the content is broken
(or the publish gate finds something), nothing changes (the last good build keeps being
served) and pages show the problems, ``path:line`` each. PDFs take seconds, so they are
rebuilt in the background by a separate ``spotlight build`` process into a folder of their
own, and served from there once ready (pdf_worker.py).
"""

from __future__ import annotations

import gc
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

import watchfiles

from ..build import BuildOptions
from ..content.theme import load_theme
from ..errors import Problem, SpotlightError
from ..incremental import Reuse
from ..incremental.signatures import theme_folders
from ..outputs.search import BUNDLE
from ..outputs.write import check_apart, check_output
from .http import PreviewServer
from .indexer import Indexer
from .options import Log, ServeOptions
from .pdf_worker import PdfWorker
from .state import PreviewState
from .warm import Snapshot, WarmSite

if TYPE_CHECKING:
    from ..editor.web import Editor


def serve(options: ServeOptions, log: Log) -> None:
    """Listen, build, then serve and rebuild on every change until interrupted (Ctrl+C).

    The port is taken before anything else: one already in use is said at once, not after
    building the whole site."""
    if not options.content.is_dir():
        raise SpotlightError([Problem(str(options.content), None,
                                      "the content folder does not exist")])
    if options.edit:
        _editor_host(options)
    state = PreviewState()
    served: list[Snapshot] = [Snapshot()]  # what the server serves: the latest good build
    server = _listen(options, state, served, log)
    try:
        _build_and_serve(options, log, server, state, served)
    finally:
        server.server_close()


def _listen(options: ServeOptions, state: PreviewState, served: list[Snapshot],
            log: Log) -> PreviewServer:
    """The preview's server, listening (not answering until it is started); a clear message
    when the address cannot be listened on."""
    try:
        return PreviewServer((options.host, options.port), lambda url_path: (), state,
                             log if options.log_requests else None,
                             site=lambda relative: served[0].find(relative))
    except OSError as error:
        reason = f"cannot listen there: {error.strerror or error}; try another --port"
        where = f"{options.host}:{options.port}"
        raise SpotlightError([Problem(where, None, reason)]) from None


def _build_and_serve(options: ServeOptions, log: Log, server: PreviewServer,
                     state: PreviewState, served: list[Snapshot]) -> None:
    """Build the site, then answer on ``server`` and rebuild on every change."""
    editor = _editor(options, log) if options.edit else None
    made: list[Path] = []

    def folder(given: Path | None, prefix: str) -> Path:
        if given is not None:
            return given
        made.append(Path(tempfile.mkdtemp(prefix=prefix)))
        return made[-1]

    out = folder(options.out, "spotlight-preview-")
    build_options = BuildOptions(content=options.content, out=out,
                                 visual_theme=options.visual_theme,
                                 theme_override=options.theme_override, pdf=False)
    check_output(out, options.content, Reuse(build_options).built_here)
    check_apart(out, theme_folders(options.visual_theme, options.theme_override))
    pdf_out = folder(None, "spotlight-preview-pdf-") / "build" if options.pdf else None
    site = WarmSite(build_options)
    indexer = Indexer(out, state, log)
    pdfs = PdfWorker(options, pdf_out, log, state) if pdf_out is not None else None

    def rebuild(first: bool = False, changed: set[Path] | None = None) -> None:
        started = time.perf_counter()
        try:
            snapshot = site.update(changed)
            if first and snapshot is not None:
                indexer.write(snapshot)  # the build folder is complete before serving
        except SpotlightError as error:
            with state.writing:
                state.publish(tuple(str(p) for p in error.problems))
            shown = "still serving the last good build" if served[0].files else \
                "there is no good build to show yet: the pages say so until they are fixed"
            log(f"The content has {len(error.problems)} problem(s); {shown}:")
            for problem in error.problems:
                log(f"  {problem}")
            return
        if snapshot is None:  # nothing the site is made from changed
            if state.problems:  # ...since the last good build: put right again
                with state.writing:
                    state.publish(())
                log("The problems are fixed: the site is as it was at the last good build")
            return
        with state.writing:  # no page is served between the new pages and their problems
            served[0] = snapshot
            state.publish((), snapshot.warnings)
        if not first:
            indexer.request(snapshot)
        verb = "Built" if first else "Updated"  # after the first build, the pages made again
        log(f"{verb} {len(snapshot.rendered)} page(s) in {time.perf_counter() - started:.2f} s")
        for warning in snapshot.warnings:
            log(f"  {warning}" if ": warning: " in warning else f"  {warning} (warning)")
        if pdfs is not None:
            pdfs.request()

    def roots(url_path: str) -> tuple[Path, ...]:
        if pdf_out is not None and url_path.endswith(".pdf"):
            return (pdf_out,)
        if url_path.startswith(f"/{BUNDLE}/"):
            return (out,)  # the search index, made on disk by Pagefind
        return ()

    try:
        # Watch first, then build: an edit made while the first build runs is not missed.
        watching = base = _watched(options)
        followed: tuple[Path, ...] = ()  # the theme's folders as built, once looked at
        changes = _watch(watching)
        rebuild(first=True)
        gc.freeze()  # the site as built lives on: the collector need not look at it again
        # A save makes tens of thousands of short-lived objects: collected in fewer, larger
        # passes (cycles left are collected once saves pause, see _settle).
        gc.set_threshold(10_000, 10, 10)
        indexer.start()
        host, port = str(server.server_address[0]), server.server_address[1]
        server.roots, server.editor = roots, editor
        log(f"Serving the preview at http://{host}:{port}/ (press Ctrl+C to stop)")
        if editor is not None:
            log(f"Editing at {editor.address(f'http://{host}:{port}/')} (for you alone: the "
                "address holds this session's key)")
        threading.Thread(target=server.serve_forever, daemon=True, name="http").start()
        try:
            settled = True  # whether the site was checked against the disk since the last save
            last = time.monotonic()
            while True:
                # The site file may name an override folder outside the content folder (or
                # stop naming it): the folders watched follow the visual theme as built.
                if site.theme_folders != followed:
                    followed = site.theme_folders
                    if (wanted := _with_built(base, followed)) != watching:
                        changes.close()
                        watching, changes = wanted, _watch(wanted)
                        rebuild()  # what changed while no watcher was in place
                changed = next(changes)
                if changed:  # only the files the watcher saw change are read again
                    rebuild(changed={Path(path) for _, path in changed})
                    settled, last = False, time.monotonic()
                elif not settled and time.monotonic() - last > SETTLE:
                    _settle(rebuild, state)
                    settled = True
        finally:
            changes.close()
            server.stopping.set()
            server.shutdown()
    finally:
        indexer.stop()
        if pdfs is not None:
            pdfs.stop()
        for path in made:
            shutil.rmtree(path, ignore_errors=True)


#: How long after the last save (in seconds) the preview checks every file against what it
#: read, and collects its garbage: while the author reads the page.
SETTLE = 1.0


def _settle(rebuild: Callable[..., None], state: PreviewState) -> None:
    """Once saves pause: look at every file's stat data, in case the watcher missed a change
    (the update then catches up), and collect the cycles of objects the saves left."""
    if not state.problems:  # with problems, the next save reads again; nothing to repeat
        rebuild()
    gc.unfreeze()
    gc.collect()
    gc.freeze()  # what lives now is not looked at again by the collections of the next save


def _editor_host(options: ServeOptions) -> None:
    """Refuse ``--edit`` with a ``--host`` other than this computer."""
    if options.host not in ("127.0.0.1", "localhost"):
        raise SpotlightError([Problem(options.host, None, "the editor (--edit) listens on "
                                      "127.0.0.1 only, for this computer alone; leave out --host")])


def _editor(options: ServeOptions, log: Log) -> Editor:
    """The editor of ``--edit``, with Decap's files fetched (once) if need be."""
    from ..editor.bundle import VERSION, fetch, installed
    from ..editor.web import Editor

    if installed() is None:
        log(f"Fetching the form editor (Decap CMS {VERSION}, about 16 MB) from the npm "
            "registry; this happens once")
    return Editor(options.content, fetch(), log=log)


def _watched(options: ServeOptions) -> list[Path]:
    """The content folder and every folder of the visual theme chain that exists."""
    theme, _ = load_theme(options.visual_theme, options.theme_override)
    folders = [options.content, *(theme.folders if theme is not None else ())]
    return [f for f in dict.fromkeys(folders) if f.is_dir()]


def _with_built(watched: list[Path], built: tuple[Path, ...]) -> list[Path]:
    """``watched``, and each folder of the visual theme as built (with an override named in
    the site file) that is not inside one of them."""
    known = [folder.resolve() for folder in watched]
    return [*watched, *(folder for folder in dict.fromkeys(built) if folder.is_dir() and not any(
        folder.resolve().is_relative_to(other) for other in known))]


def _watch(folders: list[Path]) -> Generator[set[tuple[watchfiles.Change, str]], None, None]:
    """Every change in ``folders`` (no filter: the site is brought up to date from them),
    or an empty set every 0.1 s without any; returned once the watcher is in place."""
    changes = watchfiles.watch(*folders, debounce=400, step=20, rust_timeout=100,
                               yield_on_timeout=True, watch_filter=None)
    next(changes)  # the first time-out: the watcher is in place
    return changes
