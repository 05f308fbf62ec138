"""The one error type of spotlight: problems that name a file and a line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located in a file (and a line where there is one)."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, order=True)
class SaidProblem(Problem):
    """A problem as a build printed it (``said``: with its column, severity and rule's code,
    where it had them), kept in the build records to be said again word for word."""

    said: str = ""

    def __str__(self) -> str:
        return self.said or super().__str__()


class SpotlightError(Exception):
    """Raised with every problem found, so the author can fix them all in one go."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems), key=_sort_key))
        super().__init__("\n".join(str(p) for p in self.problems))


def _sort_key(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line or 0, problem.message)


class Problems:
    """A collector: stages add problems as they go and raise them all at the end."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, path: Path | str, line: int | None, message: str) -> None:
        """Record one problem; ``path`` is shown relative to the working folder when it can be."""
        self._items.append(Problem(display_path(path), line, message))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record problems found elsewhere."""
        self._items.extend(problems)

    @property
    def items(self) -> tuple[Problem, ...]:
        """Every problem recorded so far."""
        return tuple(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def raise_if_any(self) -> None:
        """Raise one SpotlightError carrying every problem recorded so far."""
        if self._items:
            raise SpotlightError(self._items)


def display_path(path: Path | str) -> str:
    """Show a path as the author would type it: relative to the working folder when inside it."""
    from .file_names import shown  # what cannot be seen is written as an escape

    if isinstance(path, str):
        return shown(path)
    if not path.is_absolute():  # as the author typed it (never inside the working folder's
        return shown(str(path))  # absolute path, so relative_to would refuse it)
    try:
        return shown(str(path.relative_to(Path.cwd())))
    except ValueError:
        return shown(str(path))
