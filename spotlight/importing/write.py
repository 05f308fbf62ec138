"""The only part of import that writes: the planned files, into the content folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath

from ..errors import Problem, SpotlightError, display_path


def write_plan(out: Path, files: dict[str, str], remove: list[str] | None = None
               ) -> list[Path]:
    """Write ``files`` (relative path -> text) under ``out``, then delete the files
    ``remove`` names (what ``import --replace`` no longer has); return the paths written.

    Each file is written to a temporary file beside it and renamed into place, so an
    interrupted import never leaves a half-written file.
    """
    for link in (out, *out.parents):
        if link.is_symlink() and not link.exists():
            raise SpotlightError([Problem(display_path(link), None, "is a link to a folder "
                                          "that does not exist: delete the link, or choose "
                                          "another folder")])
    written = []
    try:
        for relative, text in sorted(files.items()):
            parts = PurePosixPath(relative).parts
            if PurePosixPath(relative).is_absolute() or ".." in parts:
                raise ValueError(f"refusing to write outside the content folder: {relative}")
            target = out.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
            written.append(target)
        for relative in remove or ():
            out.joinpath(*PurePosixPath(relative).parts).unlink(missing_ok=True)
    except OSError as error:
        raise SpotlightError([Problem(display_path(out), None, "cannot write the content "
                                      f"folder: {error.strerror or error}")]) from None
    return written
