"""The preview's build folder and its search index, catching up in the background with the
site kept in memory; the search page says so meanwhile."""

from __future__ import annotations

import threading
from pathlib import Path

from ..errors import SpotlightError
from ..incremental import Manifest
from .options import Log
from .state import PreviewState
from .warm import Snapshot

#: How long (in seconds) after a save the build folder and its search index start to catch up.
WRITE_AFTER = 0.2


class Indexer:
    """Writes the latest snapshot into the preview's build folder and indexes it for search,
    in the background, one at a time: a snapshot given during a run is written after it, and
    only the latest. The search page says so while the index is behind (``PreviewState``)."""

    def __init__(self, out: Path, state: PreviewState, log: Log) -> None:
        self._out, self._state, self._log = out, state, log
        self._latest: Snapshot | None = None
        self._written: Manifest | None = None  # what the last write wrote (path -> digest)
        self._lock = threading.Lock()
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="search-index")

    def start(self) -> None:
        """Start the background thread."""
        self._thread.start()

    def request(self, snapshot: Snapshot) -> None:
        """Write and index ``snapshot`` in the background, after the run under way."""
        with self._lock:
            self._latest = snapshot
            self._state.index(True)
        self._wanted.set()

    def stop(self) -> None:
        """Stop, and stop Pagefind if it is indexing: nothing is left running."""
        from ..outputs.search import stop_indexing

        self._stop.set()
        self._wanted.set()
        stop_indexing()

    def write(self, snapshot: Snapshot) -> None:
        """Write ``snapshot`` as the build folder, with its search index; raise SpotlightError
        if Pagefind fails (the folder then keeps the previous one)."""
        from ..incremental.records import folder_id
        from ..outputs.search import index_site
        from ..outputs.write import write

        previous = self._written
        if previous is not None and previous.folder != folder_id(self._out):
            previous = None  # another folder now: nothing of it is known

        def remember(written: dict[str, str], folder: tuple[int, int] | None) -> None:
            self._written = Manifest("", dict(written), folder=folder)

        # Files whose bytes are unchanged are linked from the previous write, not written.
        write(self._out, snapshot.files, snapshot.copies, previous=previous, record=remember,
              finish=index_site if snapshot.search else None)

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            # The pages first: the browser reloading the edited page, and fetching what it
            # shows, is not kept waiting by the writing of every file (Python runs one thread
            # at a time). A save made meanwhile is written instead.
            if self._stop.wait(WRITE_AFTER):
                return
            self._wanted.clear()
            with self._lock:
                snapshot, self._latest = self._latest, None
            if snapshot is None:
                continue
            try:
                self.write(snapshot)
            except SpotlightError as error:  # Pagefind failed: shown as a build's problems are
                if self._stop.is_set():  # stopped by the preview's end: nothing to report
                    return
                with self._state.writing:
                    self._state.publish(tuple(str(p) for p in error.problems))
                self._log(f"The search index could not be made; {len(error.problems)} "
                          "problem(s):")
                for problem in error.problems:
                    self._log(f"  {problem}")
            with self._lock:
                if self._latest is None:  # no newer snapshot waits: the index is up to date
                    self._state.index(False)
