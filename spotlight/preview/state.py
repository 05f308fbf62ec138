"""What the preview has built, shared by the thread that builds and the threads that serve:
a generation number that grows with every build, the latest build's problems and warnings,
and whether the search index is catching up."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class PreviewState:
    """What the preview has built: a generation number that grows with every build, and the
    problems of the latest one (none when it succeeded); whether the search index is being
    brought up to date, and how many times it has been (``indexed``)."""

    generation: int = 0
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # of the latest good build
    has_good_build: bool = False
    indexing: bool = False
    indexed: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)
    #: Held while a build replaces the pages and its problems are published, and while a page
    #: is read and given the problems: a page is never served with another build's problems.
    writing: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, problems: tuple[str, ...],
                warnings: tuple[str, ...] | None = None) -> None:
        """Record a finished build (its ``warnings``, when it is a good one) and wake every
        page waiting for a reload."""
        with self.changed:
            self.generation += 1
            self.problems = problems
            if warnings is not None:
                self.warnings = warnings
            self.has_good_build = self.has_good_build or not problems
            self.changed.notify_all()

    def index(self, indexing: bool) -> None:
        """Record that the search index is being brought up to date, or (False) that it is."""
        with self.changed:
            if self.indexing and not indexing:
                self.indexed += 1
            self.indexing = indexing
            self.changed.notify_all()

    def wait(self, seen: str, timeout: float, search: bool = False) -> str:
        """The current generation (with ``search``, and the search index's count: "3:2"),
        once it differs from ``seen`` or ``timeout`` has passed."""
        def now() -> str:
            return f"{self.generation}:{self.indexed}" if search else str(self.generation)

        with self.changed:
            self.changed.wait_for(lambda: now() != seen, timeout)
            return now()
