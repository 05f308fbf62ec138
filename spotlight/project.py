"""The project folder: what ``spotlight init NAME`` makes, and how the commands find it.

A project is a folder holding ``content/`` (the content folder, with its ``site.yml``) and a
``.gitignore``; the website is built into ``build/`` beside ``content/``. Like Hugo and MkDocs,
``build``, ``check`` and ``serve`` need no flags from inside the project, from inside the
content folder itself (found by its ``site.yml``), or from any folder below either.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .content.load import SITE_FILE
from .errors import Problem, SpotlightError, display_path

CONTENT = Path("content")
OUT = Path("build")
GITIGNORE = """\
# What spotlight makes: the website and PDFs, and its own working files.
/build/
.spotlight/
.spotlight-*
"""


@dataclass(frozen=True)
class Located:
    """Where a command found the content, where the project's output goes, and, when the
    content folder is not ``./content``, a sentence saying which folder was used."""

    content: Path
    out: Path
    message: str | None = None


def locate(content: Path | None, cwd: Path | None = None) -> Located:
    """The content folder a command uses: ``content`` when given, else the nearest of
    ``./content`` or a folder holding ``site.yml``, here or in a folder above."""
    if content is not None:
        return _given(content)
    here = (cwd or Path.cwd()).absolute()
    if (here / CONTENT).is_dir():
        return Located(CONTENT, OUT)
    for folder in (here, *here.parents):
        if (folder / CONTENT / SITE_FILE).is_file():
            found, root = folder / CONTENT, folder
        elif (folder / SITE_FILE).is_file():
            found, root = folder, folder.parent
        else:
            continue
        out = root / OUT
        return Located(Path(_relative(found, here)), Path(_relative(out, here)),
                       f"Using the content folder {found} (found by its {SITE_FILE})")
    raise SpotlightError([Problem(
        "content", None, "there is no content folder here or in a folder above: go into the "
        "folder that 'spotlight init' made (cd NAME), or name that folder after the command, "
        "as in 'spotlight build NAME'")])


def _given(content: Path) -> Located:
    """The folder named on the command line: a content folder, or a project folder holding
    ``content/`` (what ``spotlight init NAME`` made); the output goes beside the content."""
    if not (content / SITE_FILE).is_file() and (content / CONTENT / SITE_FILE).is_file():
        found = content / CONTENT
        return Located(found, content / OUT,
                       f"Using the content folder {found} (the project's {CONTENT}/)")
    beside = Path(os.path.abspath(content)).parent / OUT  # "." and ".." named as folders
    return Located(content, beside if content.is_absolute() else Path(os.path.relpath(beside)))


def _relative(path: Path, here: Path) -> str:
    return os.path.relpath(path, here)


def init_project(folder: Path | None) -> tuple[Path, list[Path]]:
    """Make a project: ``folder`` (or the current folder) with ``content/`` and a
    ``.gitignore``. Return the content folder and every file written. Never overwrites."""
    from .content.scaffold import init

    root = folder if folder is not None else Path(".")
    if folder is not None and folder.exists() and (not folder.is_dir()
                                                   or any(folder.iterdir())):
        raise SpotlightError([Problem(display_path(folder), None, "already exists and is not "
                                      "empty: choose a new name for the project")])
    content = root / CONTENT if folder is not None else CONTENT
    written = init(content)
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text(GITIGNORE, encoding="utf-8")
        written.append(ignore)
    elif ignore.is_file():
        # A project already under Git: what spotlight makes is added to what it leaves out.
        text = ignore.read_text(encoding="utf-8", errors="replace")
        missing = [line for line in GITIGNORE.splitlines()[1:] if line not in text.splitlines()]
        if missing:
            ending = "" if not text or text.endswith("\n") else "\n"
            ignore.write_text(text + ending + GITIGNORE.splitlines()[0] + "\n"
                              + "".join(f"{line}\n" for line in missing), encoding="utf-8")
            written.append(ignore)
    return content, written
