"""Which files the editor may read and write, decided before any file is touched.

A path comes from the browser, relative to the content folder. It may name only a ``.md``
file directly inside the examples folder, or a picture directly inside the images folder:
never the site file, a report, anything hidden (``.git``), anything outside the content
folder (``..``, an absolute path, a link that leads out), and never a folder.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from ..content.images import RASTER
from ..content.load import EXAMPLES_DIR
from .config import IMAGES_DIR

PICTURES = (*RASTER, ".svg")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ -]*")


class Refused(Exception):
    """A request the editor refuses; its message says why, for the author."""

    def __init__(self, message: str, status: int = 403, problems: tuple[str, ...] = (),
                 heading: str = "", said: str = "") -> None:
        super().__init__(message)
        self.status = status
        #: The checker's problems, one a line, when a save is refused for them...
        self.problems = problems
        #: ...what the refusal did to the file, above them...
        self.heading = heading
        #: ...and the one line the terminal prints for it.
        self.said = said or message


def _relative(path: object) -> PurePosixPath:
    if not isinstance(path, str) or not path or "\\" in path or "\x00" in path:
        raise Refused("that is not a file name of the content folder", 400)
    relative = PurePosixPath(path)
    if path.startswith("/") or any(part in ("", ".", "..") or part.startswith(".")
                                   for part in path.split("/")):
        raise Refused(f"'{path}' is not inside the content folder's examples or images")
    return relative


def _inside(content: Path, relative: PurePosixPath, folder: str) -> Path:
    target = content.joinpath(*relative.parts)
    real_folder = (content / folder).resolve()
    real = target.resolve()
    if real.parent != real_folder or not real.is_relative_to(content.resolve()):
        raise Refused(f"'{relative}' is not inside the content folder's {folder} folder")
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise Refused(f"'{relative}' is not a plain file")
    return target


def example(content: Path, path: object) -> Path:
    """The example file ``path`` names: examples/<name>.md."""
    relative = _relative(path)
    if len(relative.parts) != 2 or relative.parts[0] != EXAMPLES_DIR \
            or relative.suffix != ".md" or not _NAME.fullmatch(relative.name):
        raise Refused(f"'{relative}': the editor writes only the examples ({EXAMPLES_DIR}/"
                      "<name>.md), never the site file, a report or any other file")
    return _inside(content, relative, EXAMPLES_DIR)


def picture(content: Path, path: object) -> Path:
    """The picture ``path`` names: images/<name> with a picture's extension."""
    relative = _relative(path)
    if len(relative.parts) != 2 or relative.parts[0] != IMAGES_DIR \
            or relative.suffix.lower() not in PICTURES or not _NAME.fullmatch(relative.name):
        raise Refused(f"'{relative}': the editor keeps only pictures ({', '.join(PICTURES)}) "
                      f"directly in the {IMAGES_DIR} folder")
    return _inside(content, relative, IMAGES_DIR)


def folder(content: Path, path: object) -> Path:
    """The examples or images folder, as a listing names it."""
    name = str(path).strip("/") if isinstance(path, str) else ""
    if name not in (EXAMPLES_DIR, IMAGES_DIR):
        raise Refused(f"'{path}': the editor lists only the {EXAMPLES_DIR} and {IMAGES_DIR} "
                      "folders")
    return content / name


def relative_name(content: Path, target: Path) -> str:
    """``target`` as the editor names it: relative to the content folder, with slashes."""
    return target.relative_to(content).as_posix()
