"""Stage 1: read the content folder into memory. The only stage besides write and pdf
that touches the disk."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem, Problems, display_path
from . import suggest
from .images import RASTER, picture_problem, published_picture
from .theme import DEFAULT_THEME, ThemeLayer, VisualTheme, themes_root

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
    files = list(_walk(root, (".", "_"), problems))
    if (root / SITE_FILE).is_dir():
        problems.add(root / SITE_FILE, None, "is a folder; the site file must be a file")

    site: SourceFile | None = None
    reports: list[SourceFile] = []
    examples: list[SourceFile] = []
    assets: set[str] = set()
    prefix = f"{root}{os.sep}"
    for path in files:
        name = str(path)
        relative = name[len(prefix):].replace(os.sep, "/") if name.startswith(prefix) \
            else path.relative_to(root).as_posix()
        if not _inside(path, real_root, problems):
            continue
        if relative == SITE_FILE:
            site = _remembered(memo, path, problems, _read, relative)
        elif relative.startswith(f"{REPORTS_DIR}/") and path.suffix in (".yml", ".yaml"):
            if (source := _remembered(memo, path, problems, _read, relative)) is not None:
                reports.append(source)
        elif relative.startswith(f"{EXAMPLES_DIR}/") and path.suffix == ".md":
            if (source := _remembered(memo, path, problems, _read, relative)) is not None:
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
                     _static(root, real_root, problems))
    return raw, list(problems.items)


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
        _remembered(memo, path, problems, _check_svg)
    elif path.suffix.lower() in RASTER:
        _remembered(memo, path, problems, _check_picture)


def _remembered(memo: FileMemo | None, path: Path, problems: Problems,
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


def _static(root: Path, real_root: Path, problems: Problems) -> frozenset[str]:
    """The files of ``static/``, hidden ones included (``.htaccess``, ``.well-known/``)."""
    from .static_files import static_problem

    base = root / STATIC_DIR
    if not base.is_dir():
        return frozenset()
    found = set()
    for path in _walk(base, (".git", ".DS_Store"), problems):
        if _inside(path, real_root, problems):
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


def _left_out(relative: str, suffix: str) -> str | None:
    """A message for a file that looks like an example or a report but would be left out."""
    folder = relative.split("/", 1)[0]
    if folder in _LOOKS_LIKE and suffix.lower() in _LOOKS_LIKE[folder][0]:
        wanted = _LOOKS_LIKE[folder][1]
        what = "an example" if folder == EXAMPLES_DIR else "a report"
        return (f"is not read as {what}: only files ending in {wanted} are (in small "
                f"letters); rename it")
    return None


def _walk(root: Path, skip: tuple[str, ...], problems: Problems) -> Iterator[Path]:
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


def _inside(path: Path, real_root: Path, problems: Problems,
            folder: str = "the content folder") -> bool:
    """True for a regular file inside ``real_root`` (``folder``); anything else is reported.

    ``path`` comes from ``_walk``, which never enters a linked folder: unless it is a link
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


def _check_svg(path: Path, problems: Problems) -> None:
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


def load_published(root: Path, names: Iterable[str]) -> tuple[dict[str, bytes], list[Problem]]:
    """The published copies of the content's pictures ``names``: without their metadata (see
    images.py and svg_check.py)."""
    from .svg_check import clean_svg

    found: dict[str, bytes] = {}
    problems = Problems()
    for name in names:
        path = root / name
        try:
            data = path.read_bytes()
            found[name] = clean_svg(data) if name.lower().endswith(".svg") else \
                published_picture(data)
        except OSError as error:
            problems.add(path, None, f"cannot be read: {error.strerror or error}")
        except ValueError as error:
            problems.add(path, None, f"is a damaged picture ({error}): open it and save it "
                         "again")
    return found, list(problems.items)


def _read(path: Path, relative: str, problems: Problems) -> SourceFile | None:
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
        problems.add(path, line, f"is not valid UTF-8 text (at column {column}); "
                                 "save it as UTF-8")
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(path, display_path(path), text)


def load_theme(name: str, override: Path | None) -> tuple[VisualTheme | None, list[Problem]]:
    """Read the visual theme chain: the override folder, the chosen theme, the default.

    Each folder holds ``templates/`` (Jinja) and ``static/`` (CSS, fonts, images).
    """
    problems = Problems()
    root = themes_root()
    folders: list[tuple[str, Path]] = []
    if override is not None:
        if override.is_dir():
            folders.append(("override", override))
        else:
            problems.add(override, None, "the theme override folder does not exist")
    if name != DEFAULT_THEME:
        chosen = root / name
        if not chosen.is_dir():
            known = sorted(p.name for p in root.iterdir() if p.is_dir())
            problems.add(str(name), None,
                         f"unknown visual theme '{name}'{suggest.unknown(name, known)}")
        else:
            folders.append(("theme", chosen))
    folders.append(("default", root / DEFAULT_THEME))
    warnings = Problems()
    layers = tuple(_layer(label, folder, problems, warnings) for label, folder in folders)
    if problems:
        return None, list(problems.items)
    return VisualTheme(layers, warnings.items), []


def _layer(label: str, folder: Path, problems: Problems, warnings: Problems) -> ThemeLayer:
    templates: dict[str, tuple[str, Path]] = {}
    static: dict[str, Path] = {}
    real_root = folder.resolve()
    for kind in ("templates", "static"):
        base = folder / kind
        for path in _walk(base, (".",), problems):
            if not _inside(path, real_root, problems, "the visual theme's folder"):
                continue
            relative = path.relative_to(base).as_posix()
            if kind == "templates":
                if (source := _read(path, relative, problems)) is not None:
                    templates[relative] = (source.text, path)
                continue
            static[relative] = path
            # The built-in themes' stylesheets are checked by the tests, not at every build.
            if label == "override" and path.suffix.lower() == ".css" and \
                    (css := _read(path, relative, problems)):
                from .theme_css import css_warnings  # only for a theme override

                for line, message in css_warnings(css.text, relative):
                    warnings.add(path, line, message)
            elif label == "override" and path.suffix.lower() == ".svg":
                _check_svg(path, problems)  # served from the site, as content SVGs are
    return ThemeLayer(label, folder, templates, static)
