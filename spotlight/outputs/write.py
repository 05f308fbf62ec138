"""Stage 5: write the build beside the output folder, then swap it in when complete.

What a reader or an author can count on:

- the output folder always holds a complete build: the new one is written into a hidden
  ``.<name>.new-*`` folder beside it and swapped in with two renames, during which SIGINT and
  SIGTERM are held back; an interrupted build removes its temporary folder, and whatever a
  killed build left (``.<name>.new-*``, ``.<name>.old-*``) is tidied away by the next build,
  which also brings back the previous build if the kill fell between the two renames;
- nothing is written outside the output folder, except those hidden folders and the lock file
  beside it while a build writes (see ``lock.py``), and the build records (see
  ``incremental/records.py``): the output folder holds exactly the site;
- spotlight replaces only folders it built (as its build records say).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath

from ..errors import Problem, SpotlightError, display_path
from ..incremental import Manifest, digest
from ..incremental.records import LEGACY, folder_id
from .lock import output_lock

_RETIRED = "build"  # the previous build's name inside its .old-* folder


def check_output(out_dir: Path, content_dir: Path, ours: Callable[[], bool]) -> None:
    """Refuse output folders that would overwrite content, that spotlight did not make or that
    cannot be written; and tidy away what an interrupted build left beside the output folder.

    ``ours`` tells whether the output folder holds a build of spotlight's."""
    out, content = _absolute(out_dir).resolve(), content_dir.resolve()
    name = display_path(out_dir)

    def refuse(message: str) -> SpotlightError:
        return SpotlightError([Problem(name, None, message)])

    if out.parent == out:
        raise refuse("the output folder cannot be the root of the file system")
    if _absolute(out_dir).is_symlink():
        raise refuse(f"is a link to {display_path(out)}; spotlight replaces the output folder "
                     "as a whole and does not write through links: give that folder as the "
                     "output folder instead, or delete the link")
    if out == content or out.is_relative_to(content) or content.is_relative_to(out):
        raise refuse("the output folder must not be inside the content folder, contain it, "
                     "or be it")
    _check_writable(out, refuse)
    if out.parent.is_dir():
        with suppress(SpotlightError, OSError), output_lock(_absolute(out_dir), wait=0):
            _tidy(_absolute(out_dir))
    if out.exists() and not out.is_dir():
        raise refuse("is a file, not a folder; choose another output folder")
    if out.exists() and any(out.iterdir()) and not ours():
        raise refuse("refusing to replace a folder that spotlight did not build; "
                     "choose another output folder")


def check_apart(out_dir: Path, theme_folders: Iterable[Path]) -> None:
    """Refuse an output folder inside a folder of the visual theme, or holding one: each build
    would copy the last one into itself."""
    out = _absolute(out_dir).resolve()
    for folder in theme_folders:
        theme = folder.resolve()
        if out.is_relative_to(theme) or theme.is_relative_to(out):
            raise SpotlightError([Problem(display_path(out_dir), None, (
                f"the output folder must not be inside the visual theme's folder "
                f"{display_path(folder)}, or hold it: each build would copy the last one "
                "into itself; choose another output folder"))])


def write(out_dir: Path, files: Mapping[str, bytes], copies: Mapping[str, Path],
          finish: Callable[[Path], None] | None = None, previous: Manifest | None = None,
          kept: Mapping[str, str] | None = None,
          record: Callable[[dict[str, str], tuple[int, int] | None], None] | None = None,
          listed: Iterable[str] | None = None) -> list[str]:
    """Write ``files`` (path -> bytes) and ``copies`` (path -> source file) as ``out_dir``.

    Everything goes into a temporary folder beside ``out_dir`` first; the previous build is
    replaced only once the new one is complete, so a failure or an interruption never leaves a
    half-written site. Only one build writes a given output folder at a time. ``finish``, if
    given, runs on that folder once everything is written and before the swap (the search
    indexer reads the written pages); if it raises, nothing is replaced.

    A file whose bytes the ``previous`` build's manifest already records is linked from the
    previous build instead of written again, and so are the ``kept`` files (path -> digest),
    which the caller did not make again. ``record``, if given, is told the digest of every
    file (path -> SHA-256) and which folder the output folder is about to become (see
    ``records.folder_id``), just before the swap.

    Returns the files of the previous build's folder that no build made (a CNAME someone put
    there, say: those not ``listed`` in its records): the new build does not have them, and
    the caller says so.
    """
    out = _absolute(out_dir)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _unwritable(out_dir, error) from None
    with output_lock(out):
        try:
            _tidy(out)
            staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        except OSError as error:
            raise _unwritable(out_dir, error) from None
        known = previous.files if previous is not None else {}
        written: dict[str, str] = dict(kept or {})
        folders: set[tuple[str, ...]] = set()  # made in the staging folder already
        try:
            for relative in sorted(written):
                _link(out, staging, relative, folders)
            sources = {relative: source.read_bytes() for relative, source in copies.items()}
            for relative, data in sorted({**files, **sources}.items()):
                written[relative] = sha = digest(data)
                if known.get(relative) != sha or not _link(out, staging, relative, folders,
                                                            fallback=True):
                    _target(staging, relative, folders).write_bytes(data)
            if finish is not None:
                finish(staging)
            if record is not None:
                record(written, folder_id(staging))
            removed = _foreign(out, listed)
            _swap(staging, out)
        except OSError as error:
            raise _unwritable(out_dir, error) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return removed


#: Made by the search indexer in every build, and not listed in the manifest.
_INDEXER = "pagefind"


def _foreign(out: Path, listed: Iterable[str] | None) -> list[str]:
    """The files in the build folder ``out`` that its records do not list (none without
    records: then nothing is known of them)."""
    if listed is None or not out.is_dir():
        return []
    made = {*listed, *LEGACY}
    found = []
    root = os.fspath(out)
    for folder, dirs, names in os.walk(root):
        if folder == root:
            prefix = ""
            if _INDEXER in dirs:
                dirs.remove(_INDEXER)  # the search index: a thousand files, none listed
        else:
            prefix = folder[len(root) + 1:].replace(os.sep, "/") + "/"
        dirs.sort()
        found += [prefix + name for name in sorted(names) if prefix + name not in made]
    return found


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _check_writable(out: Path, refuse) -> None:  # type: ignore[no-untyped-def]
    """The output folder's nearest existing ancestor must be a folder we may write in."""
    ancestor = out.parent
    while not ancestor.exists() and ancestor.parent != ancestor:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise refuse(f"cannot create the output folder: {display_path(ancestor)} is a file, "
                     "not a folder")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise refuse(f"cannot create the output folder: no permission to write in "
                     f"{display_path(ancestor)}")


def _link(out_dir: Path, staging: Path, relative: str, folders: set[tuple[str, ...]],
          fallback: bool = False) -> bool:
    """Link a file of the previous build into the new one: unchanged, it is not written again.

    Returns False, with ``fallback``, when it cannot be linked (the caller writes it instead).
    """
    target = _target(staging, relative, folders)
    try:
        os.link(out_dir / relative, target)
    except OSError:
        if fallback:
            return False
        shutil.copyfile(out_dir / relative, target)  # a file system without hard links
    return True


def _target(root: Path, relative: str, folders: set[tuple[str, ...]]) -> Path:
    """Where ``relative`` goes in ``root``, its folder made (unless in ``folders``, the folders
    made already: a thousand pages share a few folders)."""
    path = PurePosixPath(relative)
    parts = path.parts
    if not parts or path.is_absolute() or ".." in parts:
        raise ValueError(f"refusing to write outside the output folder: {relative}")
    target = root.joinpath(*parts)
    if parts[:-1] not in folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        folders.add(parts[:-1])
    return target


def _swap(staging: Path, out: Path) -> None:
    os.chmod(staging, 0o755)
    with _signals_held():
        if not out.exists():
            os.rename(staging, out)
            return
        retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        try:
            os.rename(out, retired / _RETIRED)
            try:
                os.rename(staging, out)
            except BaseException:
                if not out.exists():
                    os.rename(retired / _RETIRED, out)
                raise
        finally:
            shutil.rmtree(retired, ignore_errors=True)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP for the block: a swap is never cut in half."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _tidy(out: Path) -> None:
    """Remove the temporary folders an interrupted or killed build left beside ``out``.

    If the output folder is missing but a retired build is there (a kill between the two
    renames of a swap), the retired build is put back first. Call only with the lock held.
    """
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(new|old)-[A-Za-z0-9_]+")
    leftovers = sorted((p for p in out.parent.iterdir() if pattern.fullmatch(p.name)
                        and stat.S_ISDIR(p.lstat().st_mode)), key=lambda p: p.lstat().st_mtime)
    if not os.path.lexists(out):
        retired = [p / _RETIRED for p in leftovers
                   if p.name.startswith(f".{out.name}.old-") and (p / _RETIRED).is_dir()]
        if retired:
            os.rename(retired[-1], out)
    for leftover in leftovers:
        shutil.rmtree(leftover, ignore_errors=True)


def _unwritable(out_dir: Path, error: OSError) -> SpotlightError:
    reason = error.strerror or str(error)
    return SpotlightError([Problem(display_path(out_dir), None,
                                   f"cannot write the output folder: {reason}")])
