"""What ``load`` read of each file, kept by the preview between saves (``FileMemo``): a file
whose stat data are unchanged is not read or checked again. With it, the checks of the
content's pictures, which it spares."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import Problem, Problems
from .images import RASTER, picture_problem


class FileMemo:
    """What ``load`` read of each file, by the file's stat data: kept by the preview between
    saves, so that a save reads again only the files that changed."""

    def __init__(self) -> None:
        self.known: dict[Path, tuple[tuple[int, ...], Any, tuple[Problem, ...]]] = {}
        self.read = 0  # how many files were read (not taken from the memo) by the last load


def check_asset(memo: FileMemo | None, path: Path, problems: Problems) -> None:
    """Check a picture of the content folder (an SVG, or a raster picture), unless ``memo``
    holds its findings for the same file; other assets need no check."""
    if path.suffix.lower() == ".svg":
        remembered(memo, path, problems, check_svg)
    elif path.suffix.lower() in RASTER:
        remembered(memo, path, problems, _check_picture)


def remembered(memo: FileMemo | None, path: Path, problems: Problems,
               reader: Callable[..., Any], *args: Any) -> Any:
    """``reader(path, *args, problems)``, or what it gave last time while the file's stat data
    are unchanged. A file changed within a second is read again: file system clocks tick
    coarsely, so its times might not show a second change."""
    if memo is None:
        return reader(path, *args, problems)
    key: tuple[int, ...]
    try:
        info = os.stat(path)
        key = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    except OSError:
        key = ()
    found = memo.known.get(path)
    if key and found is not None and found[0] == key:
        problems.extend(found[2])
        return found[1]
    mine = Problems()
    value = reader(path, *args, mine)
    memo.read += 1
    if key and time.time_ns() - max(key[2], key[3]) > _RACY_NS:
        memo.known[path] = (key, value, mine.items)
    else:
        memo.known.pop(path, None)
    problems.extend(mine.items)
    return value


#: A file changed this close to now could change again without its times showing it.
_RACY_NS = 1_000_000_000


def check_svg(path: Path, problems: Problems) -> None:
    """Report what is wrong with an SVG file (scripts, outside addresses...)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add(path, None, f"cannot be read: {error.strerror or error}")
        return
    from .svg_check import svg_problems  # imported only when there is an SVG to check

    for line, message in svg_problems(data):
        problems.add(path, line, message)


def _check_picture(path: Path, problems: Problems) -> None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add(path, None, f"cannot be read: {error.strerror or error}")
        return
    if message := picture_problem(data, path.suffix):
        problems.add(path, None, message)
