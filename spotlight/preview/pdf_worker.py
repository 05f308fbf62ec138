"""The preview's PDFs: PDFs take seconds, so they are rebuilt in the background by a separate
``spotlight build`` process into a folder of their own, and served from there once ready.

A build is asked for after each good rebuild of the pages; the content may be broken again
by the time it ends. Its PDFs are then those of the last good content, served until the
content is mended: "PDFs rebuilt" is said only while the content has no problem, so that it
never follows the report of broken content as if the PDFs came from it."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from .options import Log, ServeOptions
from .state import PreviewState


class PdfWorker:
    """Rebuilds the whole site with PDFs in a child process, one build at a time; a request
    made during a build is served by one more build after it."""

    def __init__(self, options: ServeOptions, out: Path, log: Log,
                 state: PreviewState | None = None) -> None:
        self._options, self._out, self._log, self._state = options, out, log, state
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="pdf-builds")
        self._thread.start()

    def request(self) -> None:
        """Ask for a build with PDFs: at once, or after the one running."""
        self._wanted.set()

    def stop(self) -> None:
        """Stop once the build running (if any) ends; none is started after."""
        self._stop.set()
        self._wanted.set()

    def join(self, timeout: float | None = None) -> None:
        """Wait until the worker has stopped (after ``stop``)."""
        self._thread.join(timeout)

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
            broken = self._state is not None and bool(self._state.problems)
            if done.returncode == 0 and not broken:
                self._log("PDFs rebuilt")
