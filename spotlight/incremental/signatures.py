"""What the input folders look like on this machine, without reading a file: the stat record's
signatures."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .. import __version__
from ..content.theme import DEFAULT_THEME, themes_root
from .digests import digest


def theme_folders(name: str, override: Path | None) -> list[Path]:
    """The folders of a visual theme's lookup chain that exist, as ``load_theme`` reads them."""
    root = themes_root()
    chosen = [root / name] if name != DEFAULT_THEME else []
    return [f for f in ([override] if override else []) + chosen + [root / DEFAULT_THEME]
            if f.is_dir()]


def signature(folder: Path) -> tuple[str, int]:
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


def stat_key(signatures: Iterable[tuple[Path, str]], options: Iterable[str]) -> str:
    """The key of a stat record: each folder with its signature, the options, the version."""
    return digest(__version__, *options, *(f"{folder}\0{signature}"
                                           for folder, signature in signatures))
