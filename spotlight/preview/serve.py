"""``spotlight serve``: build, serve on 127.0.0.1, watch, rebuild, reload.

On every change to the content or the visual theme (watched with watchfiles) the HTML is
rebuilt with the ordinary build into the preview's build folder; open pages reload by
themselves. When the content is broken, the build changes nothing on disk (the last good
build stays in place and keeps being served) and pages show the problems, ``path:line``
each. PDFs take seconds, so they are rebuilt in the background by a separate
``spotlight build`` process into a folder of their own, and served from there once ready.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import watchfiles

from ..build import BuildOptions, build
from ..content.load import load_theme
from ..errors import Problem, SpotlightError
from .http import PreviewServer, PreviewState

if TYPE_CHECKING:
    from ..editor.web import Editor

Log = Callable[[str], None]


@dataclass(frozen=True)
class ServeOptions:
    """Where the content is, where to build the preview, and where to listen."""

    content: Path = Path("content")
    out: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    visual_theme: str = "default"
    theme_override: Path | None = None
    pdf: bool = True
    log_requests: bool = False
    #: Serve the editor at /admin/ (``--edit``): on 127.0.0.1 only.
    edit: bool = False


class _PdfWorker:
    """Rebuilds the whole site with PDFs in a child process, one build at a time; a request
    made during a build is served by one more build after it."""

    def __init__(self, options: ServeOptions, out: Path, log: Log) -> None:
        self._options, self._out, self._log = options, out, log
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="pdf-builds")
        self._thread.start()

    def request(self) -> None:
        self._wanted.set()

    def stop(self) -> None:
        self._stop.set()
        self._wanted.set()

    def _run(self) -> None:
        options = self._options
        command = [sys.executable, "-m", "spotlight", "build", "-q", "--content",
                   str(options.content), "--out", str(self._out),
                   "--visual-theme", options.visual_theme]
        if options.theme_override is not None:
            command += ["--theme-override", str(options.theme_override)]
        while True:
            self._wanted.wait()
            if self._stop.is_set():
                return
            self._wanted.clear()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode == 0:
                self._log("PDFs rebuilt")


def serve(options: ServeOptions, log: Log) -> None:
    """Build, then serve and rebuild on every change until interrupted (Ctrl+C)."""
    if not options.content.is_dir():
        raise SpotlightError([Problem(str(options.content), None,
                                      "the content folder does not exist")])
    editor = _editor(options, log) if options.edit else None
    made: list[Path] = []

    def folder(given: Path | None, prefix: str) -> Path:
        if given is not None:
            return given
        made.append(Path(tempfile.mkdtemp(prefix=prefix)))
        return made[-1]

    out = folder(options.out, "spotlight-preview-")
    pdf_out = folder(None, "spotlight-preview-pdf-") / "build" if options.pdf else None
    state = PreviewState()
    pdfs = _PdfWorker(options, pdf_out, log) if pdf_out is not None else None

    def rebuild() -> None:
        with state.writing:  # no page is served between the new pages and their problems
            built = build_and_publish()
        if built and pdfs is not None:
            pdfs.request()

    def build_and_publish() -> bool:
        started = time.perf_counter()
        try:
            result = build(BuildOptions(content=options.content, out=out,
                                        visual_theme=options.visual_theme,
                                        theme_override=options.theme_override, pdf=False))
        except SpotlightError as error:
            state.publish(tuple(str(p) for p in error.problems))
            log(f"The content has {len(error.problems)} problem(s); still serving the last "
                "good build:")
            for problem in error.problems:
                log(f"  {problem}")
            return False
        state.publish(())
        log(f"Built {len(result.pages)} page(s) in {time.perf_counter() - started:.2f} s")
        return True

    def roots(url_path: str) -> tuple[Path, ...]:
        if pdf_out is not None and url_path.endswith(".pdf"):
            return (pdf_out, out)
        return (out,)

    try:
        # Watch first, then build: an edit made while the first build runs is not missed.
        changes = watchfiles.watch(*_watched(options), debounce=400, step=50,
                                   rust_timeout=100, yield_on_timeout=True)
        next(changes)  # the first time-out: the watcher is in place
        rebuild()
        try:
            server = PreviewServer((options.host, options.port), roots, state,
                                   log if options.log_requests else None)
        except OSError as error:
            reason = f"cannot listen there: {error.strerror or error}; try another --port"
            where = f"{options.host}:{options.port}"
            raise SpotlightError([Problem(where, None, reason)]) from None
        host, port = str(server.server_address[0]), server.server_address[1]
        server.editor = editor
        log(f"Serving the preview at http://{host}:{port}/ (press Ctrl+C to stop)")
        if editor is not None:
            log(f"Editing at {editor.address(f'http://{host}:{port}/')} (for you alone: the "
                "address holds this session's key)")
        threading.Thread(target=server.serve_forever, daemon=True, name="http").start()
        try:
            for changed in changes:
                if changed:
                    rebuild()
        finally:
            server.stopping.set()
            server.shutdown()
            server.server_close()
    finally:
        if pdfs is not None:
            pdfs.stop()
        for path in made:
            shutil.rmtree(path, ignore_errors=True)


def _editor(options: ServeOptions, log: Log) -> Editor:
    """The editor of ``--edit``, with Decap's files fetched (once) if need be."""
    if options.host not in ("127.0.0.1", "localhost"):
        raise SpotlightError([Problem(options.host, None, "the editor (--edit) listens on "
                                      "127.0.0.1 only, for this computer alone; leave out --host")])
    from ..editor.bundle import VERSION, fetch, installed
    from ..editor.web import Editor

    if installed() is None:
        log(f"Fetching the form editor (Decap CMS {VERSION}, about 16 MB) from the npm "
            "registry; this happens once")
    return Editor(options.content, fetch())


def _watched(options: ServeOptions) -> list[Path]:
    """The content folder and every folder of the visual theme chain that exists."""
    theme, _ = load_theme(options.visual_theme, options.theme_override)
    folders = [options.content, *(theme.folders if theme is not None else ())]
    return [f for f in dict.fromkeys(folders) if f.is_dir()]
