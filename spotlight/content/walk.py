"""Finding the files below a folder safely: in name order, without following links to
folders, and keeping only ordinary files inside the folder (a link out, a broken link, a pipe
or a device is reported instead)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import Problems


def walk(root: Path, skip: tuple[str, ...], problems: Problems) -> Iterator[Path]:
    """Every file below ``root`` in name order, leaving out names starting with ``skip``.

    Links to folders are not followed (they could lead outside, or round in a loop): each is
    reported instead.
    """
    for folder, dirs, names in os.walk(root, followlinks=False):
        for name in sorted(dirs):
            if not name.startswith(skip) and (Path(folder) / name).is_symlink():
                problems.add(Path(folder) / name, None, "is a link to a folder, which spotlight "
                             "does not follow; move the files into this folder instead")
        dirs[:] = sorted(d for d in dirs if not d.startswith(skip))
        base = Path(folder)
        yield from (base / name for name in sorted(names) if not name.startswith(skip))


def inside(path: Path, real_root: Path, problems: Problems,
            folder: str = "the content folder") -> bool:
    """True for a regular file inside ``real_root`` (``folder``); anything else is reported.

    ``path`` comes from ``walk``, which never enters a linked folder: unless it is a link
    itself, it is inside.
    """
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISREG(mode):
            return True
        real = path.resolve(strict=True)
        mode = real.stat().st_mode
    except (OSError, RuntimeError):
        problems.add(path, None, "cannot be read: a broken link or a link loop")
        return False
    if not real.is_relative_to(real_root):
        problems.add(path, None, f"is a link to a file outside {folder}; "
                                 f"copy the file into {folder} instead")
        return False
    if not stat.S_ISREG(mode):
        problems.add(path, None, "is not an ordinary file (a pipe, socket or device); "
                                 "spotlight reads only ordinary files")
        return False
    return True
