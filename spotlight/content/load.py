"""Stage 1: read the content folder into memory. The only stage besides write and pdf
that touches the disk (with walk.py, which finds the files, memo.py, which the preview keeps
between saves, and theme.py, which reads the visual theme)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, Problems, display_path
from .images import published_picture
from .memo import check_asset, remembered
from .walk import inside, walk

if TYPE_CHECKING:
    from .memo import FileMemo

SITE_FILE = "site.yml"
REPORTS_DIR = "reports"
EXAMPLES_DIR = "examples"
STATIC_DIR = "static"


@dataclass(frozen=True)
class SourceFile:
    """A content file's text, with the path it came from (as the author would name it)."""

    path: Path
    name: str
    text: str


@dataclass(frozen=True)
class RawContent:
    """The content folder as read: files not yet validated, and the other files it holds."""

    root: Path
    site: SourceFile | None
    reports: tuple[SourceFile, ...]
    examples: tuple[SourceFile, ...]
    assets: frozenset[str]
    #: Files of the ``static/`` folder (relative to it), copied as they are to the output
    #: folder's top: a CNAME, an .htaccess, a search engine's verification page.
    static: frozenset[str] = frozenset()
    #: The names (without suffix) of report files that could not be read: what names them is
    #: not also said to name no report, since the file's own problem says why.
    unread_reports: frozenset[str] = frozenset()


def load(root: Path, memo: FileMemo | None = None) -> tuple[RawContent, list[Problem]]:
    """Read every content file below ``root``; return them with every problem met reading.

    With a ``memo`` (the preview keeps one between saves), a file whose stat data are as when
    it was last read is not read or checked again.
    """
    problems = Problems()
    if not root.is_dir():
        problems.add(root, None, "the content folder does not exist")
        return RawContent(root, None, (), (), frozenset()), list(problems.items)
    real_root = root.resolve()
    files = list(walk(root, (".", "_"), problems))
    if (root / SITE_FILE).is_dir():
        problems.add(root / SITE_FILE, None, "is a folder; the site file must be a file")

    site: SourceFile | None = None
    reports: list[SourceFile] = []
    examples: list[SourceFile] = []
    assets: set[str] = set()
    unread: set[str] = set()
    prefix = f"{root}{os.sep}"
    for path in files:
        name = str(path)
        relative = name[len(prefix):].replace(os.sep, "/") if name.startswith(prefix) \
            else path.relative_to(root).as_posix()
        if not inside(path, real_root, problems):
            continue
        if relative == SITE_FILE:
            site = remembered(memo, path, problems, read_source, relative)
        elif relative.startswith(f"{REPORTS_DIR}/") and path.suffix in (".yml", ".yaml"):
            if (source := remembered(memo, path, problems, read_source, relative)) is not None:
                reports.append(source)
            else:
                unread.add(path.stem)
        elif relative.startswith(f"{EXAMPLES_DIR}/") and path.suffix == ".md":
            if (source := remembered(memo, path, problems, read_source, relative)) is not None:
                examples.append(source)
        elif (message := _left_out(relative, path.suffix)) is not None:
            problems.add(path, None, message)
        else:
            assets.add(relative)
            check_asset(memo, path, problems)
    if site is None and not (root / SITE_FILE).exists():
        problems.add(root / SITE_FILE, None,
                     "no site file: every content folder needs a site.yml (try 'spotlight init')")
    raw = RawContent(root, site, tuple(reports), tuple(examples), frozenset(assets),
                     _static(root, real_root, problems), frozenset(unread))
    return raw, list(problems.items)


def _static(root: Path, real_root: Path, problems: Problems) -> frozenset[str]:
    """The files of ``static/``, hidden ones included (``.htaccess``, ``.well-known/``)."""
    from .static_files import static_problem

    base = root / STATIC_DIR
    if not base.is_dir():
        return frozenset()
    found = set()
    for path in walk(base, (".git", ".DS_Store"), problems):
        if inside(path, real_root, problems):
            relative = path.relative_to(base).as_posix()
            try:
                message = static_problem(relative, path.read_bytes())
            except OSError as error:
                message = f"cannot be read: {error.strerror or error}"
            if message:
                problems.add(path, None, message)
            else:
                found.add(relative)
    return frozenset(found)


#: Suffixes of files that look like examples or reports but would not be read as them.
_LOOKS_LIKE = {EXAMPLES_DIR: ((".md", ".markdown", ".mdown", ".mkd", ".mkdn"), ".md"),
               REPORTS_DIR: ((".yml", ".yaml"), ".yml or .yaml")}
#: Text saved by an editor that adds its own ending (Notepad's "x.md.txt").
_PLAIN_TEXT = (".txt", ".text")
#: Word processors' documents, which a content folder cannot hold as examples or reports.
_DOCUMENTS = (".docx", ".doc", ".odt", ".rtf", ".pages")


def _left_out(relative: str, suffix: str) -> str | None:
    """A message for a file that looks like an example or a report but would be left out."""
    folder = relative.split("/", 1)[0]
    if folder not in _LOOKS_LIKE:
        return None
    what = "an example" if folder == EXAMPLES_DIR else "a report"
    wanted = _LOOKS_LIKE[folder][1]
    if suffix.lower() in _LOOKS_LIKE[folder][0]:
        return (f"is not read as {what}: only files ending in {wanted} are (in small "
                f"letters); rename it")
    if suffix.lower() in _PLAIN_TEXT:
        name = relative.rsplit("/", 1)[-1][:-len(suffix)]
        ending = wanted.split()[0]
        if not name.lower().endswith(_LOOKS_LIKE[folder][0]):
            name += ending
        return (f"is not read as {what}: only files ending in {wanted} are; rename it "
                f"'{name}' (an editor may hide the ending it added)")
    if suffix.lower() in _DOCUMENTS:
        return (f"is a word processor's document, which is not read as {what}: save its text "
                f"in a file ending in {wanted}, or turn a whole draft into content files with "
                "'spotlight import'")
    return None


def load_published(root: Path, names: Iterable[str]) -> tuple[dict[str, bytes], list[Problem]]:
    """The published copies of the content's pictures ``names``: without their metadata (see
    images.py and svg_check.py)."""
    found: dict[str, bytes] = {}
    problems = Problems()
    for name in names:
        path = root / name
        try:
            data = path.read_bytes()
            if name.lower().endswith(".svg"):
                from .svg_check import clean_svg  # tinycss2: only when there is an SVG

                found[name] = clean_svg(data)
            else:
                found[name] = published_picture(data)
        except OSError as error:
            problems.add(path, None, f"cannot be read: {error.strerror or error}")
        except ValueError as error:
            problems.add(path, None, f"is a damaged picture ({error}): open it and save it "
                         "again")
    return found, list(problems.items)


def read_source(path: Path, relative: str, problems: Problems) -> SourceFile | None:
    """A text file as UTF-8 (``relative`` its name in its folder), or None when it cannot be
    read or is not UTF-8 text: each problem is reported."""
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add(path, None, f"cannot be read: {error.strerror or error}")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(path, None, "is saved as UTF-16 text; save it as UTF-8")
        return None
    if b"\x00" in data:
        problems.add(path, None, "is a binary file, not text")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        character = data[error.start:error.start + 1].decode("cp1252", errors="replace")
        seen = f"'{character}', " if character.isprintable() and character != "\ufffd" else ""
        problems.add(path, line, f"this file is not saved as UTF-8 text, so its character at "
                                 f"column {column} ({seen}probably saved by Windows in its own "
                                 "encoding) cannot be read: save the file again as UTF-8 (in "
                                 "Notepad: File > Save as, Encoding: UTF-8)")
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(path, display_path(path), text)
