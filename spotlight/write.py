"""Stage 5: write the build beside the output folder, then swap it in when complete."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

from .errors import Problem, SpotlightError, display_path
from .incremental import MARKER, Manifest, digest


def check_output(out_dir: Path, content_dir: Path) -> None:
    """Refuse output folders that would overwrite content or a folder spotlight did not make."""
    out, content = out_dir.resolve(), content_dir.resolve()
    name = display_path(out_dir)
    if out == content or out.is_relative_to(content) or content.is_relative_to(out):
        raise SpotlightError([Problem(name, None, "the output folder must not be inside the "
                                      "content folder, contain it, or be it")])
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and
                                              not (out / MARKER).exists())):
        raise SpotlightError([Problem(name, None, "refusing to replace a folder that spotlight "
                                      "did not build; choose another output folder")])


def write(out_dir: Path, files: Mapping[str, bytes], copies: Mapping[str, Path],
          finish: Callable[[Path], None] | None = None, record: Manifest | None = None,
          previous: Manifest | None = None, kept: Mapping[str, str] | None = None) -> None:
    """Write ``files`` (path -> bytes) and ``copies`` (path -> source file) as ``out_dir``.

    Everything goes into a temporary folder beside ``out_dir`` first; the previous build is
    replaced only once the new one is complete, so a failure never leaves a half-written site.
    ``finish``, if given, runs on that folder once everything is written and before the swap
    (the search indexer reads the written pages); if it raises, nothing is replaced.

    A file whose bytes the ``previous`` build's manifest already records is linked from the
    previous build instead of written again, and so are the ``kept`` files (path -> digest),
    which the caller did not make again. ``record`` (fingerprint and PDF records) is completed
    with the digest of every file and written as the marker file.
    """
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=parent))
    except OSError as error:
        raise _unwritable(out_dir, error) from None
    known = previous.files if previous is not None else {}
    written: dict[str, str] = dict(kept or {})
    try:
        for relative in sorted(written):
            _link(out_dir, staging, relative)
        sources = {relative: source.read_bytes() for relative, source in copies.items()}
        for relative, data in sorted((files | sources).items()):
            written[relative] = sha = digest(data)
            if known.get(relative) != sha or not _link(out_dir, staging, relative, fallback=True):
                _target(staging, relative).write_bytes(data)
        if finish is not None:
            finish(staging)
        record = record or Manifest("")
        (staging / MARKER).write_text(Manifest(record.fingerprint, written, record.pdfs).dumps(),
                                      encoding="utf-8")
        _swap(staging, out_dir)
    except OSError as error:
        raise _unwritable(out_dir, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _link(out_dir: Path, staging: Path, relative: str, fallback: bool = False) -> bool:
    """Link a file of the previous build into the new one: unchanged, it is not written again.

    Returns False, with ``fallback``, when it cannot be linked (the caller writes it instead).
    """
    target = _target(staging, relative)
    try:
        os.link(out_dir / relative, target)
    except OSError:
        if fallback:
            return False
        shutil.copyfile(out_dir / relative, target)  # a file system without hard links
    return True


def _target(root: Path, relative: str) -> Path:
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts:
        raise ValueError(f"refusing to write outside the output folder: {relative}")
    target = root.joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _swap(staging: Path, out_dir: Path) -> None:
    os.chmod(staging, 0o755)
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.rename(out_dir, retired / "build")
    try:
        os.rename(staging, out_dir)
    except OSError:
        os.rename(retired / "build", out_dir)
        raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


def _unwritable(out_dir: Path, error: OSError) -> SpotlightError:
    reason = error.strerror or str(error)
    return SpotlightError([Problem(display_path(out_dir), None,
                                   f"cannot write the output folder: {reason}")])
