"""One build writes an output folder at a time: an advisory lock on a file beside the folder.

The lock is held only while a build writes (a second or so): a second build of the same output
folder waits for it, up to ``LOCK_WAIT`` seconds, then stops with a message naming the process
that holds it. The lock file ``.<name>.lock`` is removed when the lock is released.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import Problem, SpotlightError, display_path

try:
    import fcntl
except ImportError:  # not POSIX: builds are not serialised
    fcntl = None  # type: ignore[assignment]

#: How long a build waits for another build to finish writing the same output folder.
LOCK_WAIT = 30.0
_RETRY = 0.1


def lock_path(out: Path) -> Path:
    """The lock file of output folder ``out``: a hidden file beside it."""
    return out.parent / f".{out.name}.lock"


@contextmanager
def output_lock(out: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of output folder ``out`` for the ``with`` block.

    Waits up to ``wait`` seconds (``LOCK_WAIT`` when None) for another build to release it, then
    raises SpotlightError. The parent of ``out`` must exist.
    """
    if fcntl is None:
        yield
        return
    path = lock_path(out)
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    while True:
        fd = _open(path, out)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                raise SpotlightError([Problem(
                    display_path(out), None,
                    f"another spotlight build{holder} is writing this output folder; "
                    "try again when it has finished, or choose another output folder")]) from None
            _pause(_RETRY)
            continue
        if _still_there(fd, path):
            break
        os.close(fd)  # the holder before us removed the file as it released it: start again
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        # Removed while still locked, so a waiting build notices and locks a fresh file.
        with suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _open(path: Path, out: Path) -> int:
    """Open (or create) the lock file, never through a link: a link named like the lock could
    point at any file, which the lock would then overwrite."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as error:
        if os.path.islink(path):
            raise SpotlightError([Problem(
                display_path(out), None,
                f"the lock file {path.name} beside the output folder is a link to another "
                "file; spotlight does not write through it: delete the link")]) from None
        raise SpotlightError([Problem(
            display_path(out), None, f"cannot create the lock file {path.name} beside the "
            f"output folder: {error.strerror or error}")]) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        what = "is not an ordinary file" if not stat.S_ISREG(info.st_mode) else \
            "is another name of some other file (a hard link)"
        raise SpotlightError([Problem(
            display_path(out), None,
            f"the lock file {path.name} beside the output folder {what}; delete it")])
    return fd


def _still_there(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


def _holder(fd: int) -> str:
    with suppress(OSError, ValueError):
        pid = int(os.pread(fd, 32, 0).decode().strip())
        return f" (process {pid})"
    return ""


def _pause(seconds: float) -> None:
    time.sleep(seconds)
