"""Stage 1: read the content folder into memory. The only stage besides write and pdf
that touches the disk."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem, Problems, display_path
from .images import RASTER, picture_problem, published_picture
from .incremental import MARKER, STAT_RECORD, Manifest, StatRecord, digest
from .theme import DEFAULT_THEME, ThemeLayer, VisualTheme, themes_root

if TYPE_CHECKING:
    from .parse_cache import ParseCache

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


def load(root: Path) -> tuple[RawContent, list[Problem]]:
    """Read every content file below ``root``; return them with every problem met reading."""
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
    for path in files:
        relative = path.relative_to(root).as_posix()
        if not _inside(path, real_root, problems):
            continue
        if relative == SITE_FILE:
            site = _read(path, relative, problems)
        elif relative.startswith(f"{REPORTS_DIR}/") and path.suffix in (".yml", ".yaml"):
            if (source := _read(path, relative, problems)) is not None:
                reports.append(source)
        elif relative.startswith(f"{EXAMPLES_DIR}/") and path.suffix == ".md":
            if (source := _read(path, relative, problems)) is not None:
                examples.append(source)
        elif (message := _left_out(relative, path.suffix)) is not None:
            problems.add(path, None, message)
        else:
            assets.add(relative)
            if path.suffix.lower() == ".svg":
                _check_svg(path, problems)
            elif path.suffix.lower() in RASTER:
                _check_picture(path, problems)
    if site is None and not (root / SITE_FILE).exists():
        problems.add(root / SITE_FILE, None,
                     "no site file: every content folder needs a site.yml (try 'spotlight init')")
    raw = RawContent(root, site, tuple(reports), tuple(examples), frozenset(assets),
                     _static(root, real_root, problems))
    return raw, list(problems.items)


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
        yield from (Path(folder) / name for name in sorted(names) if not name.startswith(skip))


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
            known = ", ".join(sorted(p.name for p in root.iterdir() if p.is_dir()))
            problems.add(str(name), None, f"unknown visual theme '{name}'; known: {known}")
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


def load_digests(raw: RawContent, theme: VisualTheme) -> dict[str, str]:
    """The digest of every input a build reads: content files, assets, templates, static files.

    Names are prefixed by where they come from (``content/``, ``theme<N>/``), so a file moved
    from one folder to another changes the fingerprint.
    """
    texts = [f for f in (raw.site, *raw.reports, *raw.examples) if f is not None]
    found = {f"content/{f.path.relative_to(raw.root).as_posix()}": digest(f.text) for f in texts}
    for name in raw.assets:
        found[f"content/{name}"] = _file_digest(raw.root / name)
    for name in raw.static:
        found[f"content/{STATIC_DIR}/{name}"] = _file_digest(raw.root / STATIC_DIR / name)
    for number, layer in enumerate(theme.layers):
        for name, (source, _) in layer.templates.items():
            found[f"theme{number}/templates/{name}"] = digest(source)
        for name, path in layer.static.items():
            found[f"theme{number}/static/{name}"] = _file_digest(path)
    return found


def _file_digest(path: Path) -> str:
    try:
        return digest(path.read_bytes())
    except OSError:
        return "unreadable"  # reported, if it matters, where the file is used


def load_parse_cache(out: Path) -> ParseCache:
    """The example bodies parsed by the build in ``out`` (see parse_cache.py), if it kept any."""
    from .parse_cache import CACHE, decode  # only a build with something to do needs it

    try:
        return decode((out / CACHE).read_bytes())
    except OSError:
        return decode(b"")


def theme_folders(name: str, override: Path | None) -> list[Path]:
    """The folders of a visual theme's lookup chain that exist, as ``load_theme`` reads them."""
    root = themes_root()
    chosen = [root / name] if name != DEFAULT_THEME else []
    return [f for f in ([override] if override else []) + chosen + [root / DEFAULT_THEME]
            if f.is_dir()]


def load_signature(folder: Path) -> tuple[str, int]:
    """One digest of where every file below ``folder`` is and of its inode, size and times;
    with the newest time among them (in ns), to tell whether the digest can be trusted."""
    parts: list[str] = [str(folder)]
    newest = 0
    for where, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        parts.append("\0".join((where, *dirs)))  # a new folder, or a link to one, counts too
        for name in sorted(names):
            path = os.path.join(where, name)
            try:
                found = [os.lstat(path)]
                if stat.S_ISLNK(found[0].st_mode):
                    found.append(os.stat(path))  # a link's target may change on its own
            except OSError:
                parts.append(f"{path}\0unreadable")
                continue
            for info in found:
                parts.append(f"{path}\0{info.st_ino}\0{info.st_size}\0{info.st_mtime_ns}"
                             f"\0{info.st_ctime_ns}")
                newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
    return digest(*parts), newest


def load_stat_record(out: Path) -> StatRecord | None:
    """The stat record of the build in ``out``, if it has one."""
    try:
        return StatRecord.loads((out / STAT_RECORD).read_bytes())
    except OSError:
        return None


def load_manifest(out: Path) -> Manifest | None:
    """The manifest of the build in ``out``, or None when there is none to trust."""
    try:
        manifest = Manifest.loads((out / MARKER).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    if manifest is None or not all((out / path).is_file() for path in manifest.files):
        return None  # a file of it went missing: build everything again
    if not _unaltered(out, manifest):
        return None  # a file of it was changed after the build: build everything again
    return manifest


def _unaltered(out: Path, manifest: Manifest) -> bool:
    """True when every file of the build in ``out`` still has the bytes its manifest records.

    A file changed since the build has a newer change time (ctime, which no program sets
    back) than the marker file written last: only those are read and compared. The build's
    own records (hidden files such as the parse cache) are not published and are checked
    where they are read."""
    try:
        written = os.stat(out / MARKER).st_ctime_ns
        for path, sha in manifest.files.items():
            info = os.lstat(out / path)
            if not stat.S_ISREG(info.st_mode):
                return False  # replaced by a link (which a build would link onwards) or a folder
            if not path.startswith(".") and info.st_ctime_ns > written and \
                    digest((out / path).read_bytes()) != sha:
                return False
    except OSError:
        return False
    return True
