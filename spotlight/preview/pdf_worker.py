"""The preview's PDFs: PDFs take seconds, so they are rebuilt in the background by a separate
``spotlight build`` process into a folder of their own, and served from there once ready."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from .options import Log, ServeOptions


class PdfWorker:
    """Rebuilds the whole site with PDFs in a child process, one build at a time; a request
    made during a build is served by one more build after it."""

    def __init__(self, options: ServeOptions, out: Path, log: Log) -> None:
        self._options, self._out, self._log = options, out, log
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
