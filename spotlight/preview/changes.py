"""The content folder as read, brought up to date from the files the watcher saw change.

``load`` walks the content folder and looks at every file's stat data: at 1,000 examples that
is a tenth of a save's update. The preview's watcher already names the files that changed, so
``patched`` reads again only those, and takes every other file as the previous read left it.
It gives up (None: ``load`` the whole folder instead) whenever the changes say less than a
walk would: a folder added, removed, moved or replaced, a link, a changed path it cannot place,
the ``static/`` folder, or a file with a problem (``load`` then reports every problem, in its
order). The result is what ``load`` would read, in the same order (tests/test_warm.py).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..content.load import (
    EXAMPLES_DIR,
    REPORTS_DIR,
    SITE_FILE,
    STATIC_DIR,
    RawContent,
    SourceFile,
    _left_out,
    read_source,
)
from ..content.memo import FileMemo, check_asset, remembered
from ..errors import Problems

#: Names ``load`` leaves out, as its walk does: hidden files and folders, and "_drafts".
_SKIPPED = (".", "_")


def patched(raw: RawContent, changed: Iterable[Path], memo: FileMemo,
            theme: Iterable[Path] = ()) -> RawContent | None:
    """``raw`` (read by ``load``, without problems) with the files of ``changed`` read again;
    or None when only a walk of the whole folder can tell (see the module's docstring).
    ``theme``: the visual theme's folders, whose files are not content (``load_theme`` reads
    them)."""
    roots = folder_forms(raw.root)
    elsewhere = [form for folder in theme for form in folder_forms(folder)]
    site = raw.site
    texts = {REPORTS_DIR: list(raw.reports), EXAMPLES_DIR: list(raw.examples)}
    assets = set(raw.assets)
    moved = False  # whether a file came or went: the order of the walk is found again
    for path in changed:
        relative = relative_to(path, roots)
        if relative is None:
            if any(relative_to(path, [folder]) is not None for folder in elsewhere):
                continue  # the visual theme's, read again by every build
            return None
        if not relative or relative == STATIC_DIR or relative.startswith(f"{STATIC_DIR}/"):
            return None  # the content folder itself; the static/ folder, checked as a whole
        if any(part.startswith(_SKIPPED) for part in relative.split("/")):
            continue  # left out by load too
        full = raw.root / relative
        try:
            mode: int | None = os.lstat(full).st_mode
        except FileNotFoundError:
            mode = None
        except OSError:
            return None
        kind = relative.split("/", 1)[0] if relative.endswith((".md", ".yml", ".yaml")) else ""
        mine = texts.get(kind, [])
        at = next((n for n, f in enumerate(mine) if f.path == full), None)
        known = at is not None or relative in assets
        assets.discard(relative)
        if mode is None:  # gone: a file the previous read had, or nothing it knew
            if relative == SITE_FILE or (not known and _holds(raw, full)):
                return None  # the site file (a problem); a folder of files, moved or removed
            if at is not None:
                del mine[at]
            moved |= known
            continue
        if not stat.S_ISREG(mode):
            return None  # a folder or a link: only a walk can tell what it holds
        problems = Problems()
        if relative == SITE_FILE:
            site = remembered(memo, full, problems, read_source, relative)
        elif (kind == REPORTS_DIR and full.suffix in (".yml", ".yaml")) or (
                kind == EXAMPLES_DIR and full.suffix == ".md"):
            if (source := remembered(memo, full, problems, read_source, relative)) is not None:
                if at is not None:
                    mine[at] = source  # in its place
                else:
                    mine.append(source)
                    moved = True
        elif _left_out(relative, full.suffix) is not None:
            return None
        else:
            assets.add(relative)
            check_asset(memo, full, problems)
        if problems:
            return None
    reports, examples = texts[REPORTS_DIR], texts[EXAMPLES_DIR]
    if moved:
        reports.sort(key=_walked)
        examples.sort(key=_walked)
    return RawContent(raw.root, site, tuple(reports), tuple(examples), frozenset(assets),
                      raw.static)


def folder_forms(folder: Path) -> list[str]:
    """A folder as an absolute path, and as the real path it is (a link to it, resolved)."""
    return list(dict.fromkeys((os.path.abspath(folder), os.path.realpath(folder))))


def relative_to(path: Path, roots: list[str]) -> str | None:
    """``path`` relative to the first of ``roots`` it is in ("/"-separated; "" for the root
    itself), or None."""
    for form in (os.path.abspath(path), os.path.realpath(path)):
        for root in roots:
            if form == root:
                return ""
            if form.startswith(root + os.sep):
                return form[len(root) + 1:].replace(os.sep, "/")
    return None


def _holds(raw: RawContent, folder: Path) -> bool:
    """Whether the previous read had files inside ``folder``."""
    inside = f"{folder}{os.sep}"
    return any(str(f.path).startswith(inside) for f in (*raw.reports, *raw.examples)) or any(
        str(raw.root / name).startswith(inside) for name in raw.assets)


def _walked(source: SourceFile) -> tuple[tuple[int, str], ...]:
    """The order of ``load``'s walk (os.walk, names sorted): in each folder, its files, then
    its folders."""
    *folders, name = source.path.parts
    return (*((1, folder) for folder in folders), (0, name))
