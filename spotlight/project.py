"""The project folder: what ``spotlight init NAME`` makes, and how the commands find it.

A project is a folder holding ``content/`` (the content folder, with its ``site.yml``) and a
``.gitignore``; the website is built into ``build/`` beside ``content/``. Like Hugo and MkDocs,
``build``, ``check`` and ``serve`` need no flags from inside the project, from inside the
content folder itself (found by its ``site.yml``), or from any folder below either.
"""

from __future__ import annotations

import os
import shlex
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


@dataclass(frozen=True)
class Naming:
    """How the command being run names a content folder, for the messages that suggest one:
    ``spotlight check FOLDER``, or (``option``) ``spotlight new example --content FOLDER``."""

    command: str = "spotlight build"
    option: bool = False

    def suggest(self, folder: Path, here: Path, given: Path | None = None) -> str:
        """The command naming ``folder``: as a path relative to ``here`` unless ``given`` (what
        the author typed) was absolute; the bare command when ``here`` is inside ``folder``,
        where the command finds it unnamed."""
        if here == folder or here.is_relative_to(folder):
            return self.command
        shown = str(folder) if given is not None and given.is_absolute() else \
            os.path.relpath(folder, here)
        return f"{self.command} {'--content ' if self.option else ''}{shlex.quote(shown)}"


#: How many folders a message lists before saying how many more there are.
_LISTED = 3


def locate(content: Path | None, cwd: Path | None = None, naming: Naming = Naming()) -> Located:
    """The content folder a command uses: ``content`` when given, else the nearest of
    ``./content`` or a folder holding ``site.yml``, here or in a folder above. ``naming``
    says how the command names a folder, for a message that suggests one."""
    here = (cwd or Path.cwd()).absolute()
    if content is not None:
        return _given(content, here, naming)
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
    inside = _inside(here, here, naming, "here")
    raise SpotlightError([Problem(
        "content", None, "there is no content folder here or in a folder above" + (
            f"; {inside}" if inside else ": go into the folder that 'spotlight init' made "
            f"(cd NAME), or name that folder after the command, as in "
            f"'{naming.command} {'--content ' if naming.option else ''}NAME'"))])


def _given(content: Path, here: Path, naming: Naming) -> Located:
    """The folder named on the command line: a content folder, or a project folder holding
    ``content/`` (what ``spotlight init NAME`` made); the output goes beside the content.

    A file, or a folder that is neither (the ``examples`` folder, a folder holding projects),
    is refused, with the folder to name instead where there is one."""
    if (content / SITE_FILE).is_file():
        pass
    elif (content / CONTENT).is_dir() and not (content / SITE_FILE).exists():
        found = content / CONTENT
        return Located(found, content / OUT,
                       f"Using the content folder {found} (the project's {CONTENT}/)")
    elif content.exists() and not content.is_dir():
        raise _refused(content, "is a file, not a folder: name the content folder (the folder "
                       f"with {SITE_FILE}) or the project folder that holds it", here, naming)
    elif content.is_dir() and not any((content / name).exists() for name in _CONTENT_PARTS):
        raise _refused(content, f"is not a content folder: it has no {SITE_FILE}; name the "
                       f"content folder (the folder with {SITE_FILE}) or the project folder "
                       "that holds it, or start a project with 'spotlight init NAME'", here,
                       naming)
    beside = Path(os.path.abspath(content)).parent / OUT  # "." and ".." named as folders
    return Located(content, beside if content.is_absolute() else Path(os.path.relpath(beside)))


#: What only a content folder holds: with any of them, a folder is one that lacks its site
#: file (which loading it says), not a folder named by mistake.
_CONTENT_PARTS = (SITE_FILE, "examples", "reports")


def _refused(given: Path, problem: str, here: Path, naming: Naming) -> SpotlightError:
    """``problem`` with the project or content folder that holds ``given``, or else the ones
    inside it, to name instead."""
    folder = Path(os.path.abspath(given))
    holder = _holder(folder)
    if holder is not None:
        kind, found = holder
        what = "file" if not folder.is_dir() else "folder"
        command = naming.suggest(found, here, given)
        advice = f"so name that folder instead: {command}" if command != naming.command else \
            f"which the command finds from here without a name: {command}"
        return SpotlightError([Problem(display_path(given), None, (
            f"{problem.split(':')[0]}: this {what} is inside the {kind} {found.name}, "
            f"{advice}"))])
    inside = _inside(folder, here, naming, "in it", given) if folder.is_dir() else ""
    if inside:
        problem = f"{problem.split(';')[0]}; {inside}"
    return SpotlightError([Problem(display_path(given), None, problem)])


def _holder(path: Path) -> tuple[str, Path] | None:
    """The project or content folder that ``path`` is inside, if any: ("project", folder)
    or ("content folder", folder)."""
    for folder in path.parents:
        if (folder / CONTENT / SITE_FILE).is_file():
            return "project", folder
        if (folder / SITE_FILE).is_file():
            if folder.name == CONTENT.name and (folder.parent / CONTENT) == folder:
                return "project", folder.parent
            return "content folder", folder
    return None


def _inside(folder: Path, here: Path, naming: Naming, where: str,
            given: Path | None = None) -> str:
    """Which folders directly inside ``folder`` are projects or content folders, with the
    command naming the first: "the folder north-west here is a project: spotlight build
    north-west"; "" when there is none."""
    found: list[tuple[str, Path]] = []
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return ""
    for child in children:
        if child.name.startswith(".") or not child.is_dir():
            continue
        if (child / CONTENT / SITE_FILE).is_file():
            found.append(("a project", child))
        elif (child / SITE_FILE).is_file():
            found.append(("a content folder", child))
    if not found:
        return ""
    first = naming.suggest(found[0][1], here, given and given / found[0][1].name)
    if len(found) == 1:
        kind, child = found[0]
        return f"the folder {child.name} {where} is {kind}: {first}"
    names = [child.name for _, child in found[:_LISTED]]
    more = len(found) - len(names)
    listed = ", ".join(names[:-1]) + (f", {names[-1]} and {more} more" if more
                                      else f" and {names[-1]}")
    kinds = {kind for kind, _ in found}
    what = "projects" if kinds == {"a project"} else "content folders" \
        if kinds == {"a content folder"} else "projects or content folders"
    return f"the folders {listed} {where} are {what}: name one, as in '{first}'"


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
