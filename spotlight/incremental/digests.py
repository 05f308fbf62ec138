"""Digests: of bytes and texts, of every input file a build reads, and of the build options
that change what a build writes."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..content.load import STATIC_DIR

if TYPE_CHECKING:
    from ..content.load import RawContent
    from ..content.theme import VisualTheme

#: Declares a build option that does not change what a build writes (where to read and write,
#: how to report): ``field(metadata=NOT_OUTPUT)``. Every other option does.
NOT_OUTPUT = {"changes_output": False}


def digest(*parts: str | bytes) -> str:
    """SHA-256 over ``parts``, each length-prefixed so that no two sequences collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def fingerprint(inputs: Mapping[str, str], options: Iterable[str]) -> str:
    """One digest of every input (name -> digest of its bytes), the options and the version."""
    return digest(__version__, *options, *(f"{name}\0{inputs[name]}" for name in sorted(inputs)))


def option_words(options: Any) -> tuple[str, ...]:
    """The build options that change what a build writes, as words: every field of the options
    dataclass, except those declared with ``NOT_OUTPUT``. A new option counts by itself."""
    return tuple(f"{spec.name}={_word(getattr(options, spec.name))}"
                 for spec in dataclasses.fields(options)
                 if spec.metadata.get("changes_output", True))


def _word(value: object) -> str:
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else str(value)


def input_digests(raw: RawContent, theme: VisualTheme,
                  memo: dict[Path, tuple[tuple[int, ...], str]] | None = None) -> dict[str, str]:
    """The digest of every input a build reads: content files, assets, templates, static files.

    Names are prefixed by where they come from (``content/``, ``theme<N>/``), so a file moved
    from one folder to another changes the fingerprint. With a ``memo`` (the preview keeps one
    between saves), a file whose stat data are unchanged is not read again.
    """
    found = {text_name(raw, f.path): digest(f.text) for f in texts(raw)}
    kept: dict[Path, tuple[tuple[int, ...], str]] = {}

    def read(path: Path) -> str:
        if memo is None:
            return file_digest(path)
        key = stat_key(path)
        known = memo.get(path)
        value = known[1] if key and known is not None and known[0] == key else file_digest(path)
        if key:
            kept[path] = (key, value)
        return value

    for name in raw.assets:
        found[f"content/{name}"] = read(raw.root / name)
    for name in raw.static:
        found[f"content/{STATIC_DIR}/{name}"] = read(raw.root / STATIC_DIR / name)
    for number, layer in enumerate(theme.layers):
        for name, (source, _) in layer.templates.items():
            found[f"theme{number}/templates/{name}"] = digest(source)
        for name, path in layer.static.items():
            found[f"theme{number}/static/{name}"] = read(path)
    if memo is not None:  # only the files read now: memory stays the size of the inputs
        memo.clear()
        memo.update(kept)
    return found


def stat_key(path: Path) -> tuple[int, ...]:
    """A file's stat data; () when they cannot be trusted to show its next change: the file
    changed within the last second (file system clocks tick coarsely)."""
    try:
        info = os.stat(path)
    except OSError:
        return ()
    if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) < 1_000_000_000:
        return ()
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def texts(raw: RawContent) -> list[Any]:
    """The content files read into the model: the site file, reports and examples."""
    return [f for f in (raw.site, *raw.reports, *raw.examples) if f is not None]


def text_name(raw: RawContent, path: Path) -> str:
    """The input name of a content file."""
    text, root = str(path), str(raw.root)
    if text.startswith(root) and text[len(root):len(root) + 1] == os.sep:  # the usual case
        return f"content/{text[len(root) + 1:].replace(os.sep, '/')}"
    return f"content/{path.relative_to(raw.root).as_posix()}"


def file_digest(path: Path) -> str:
    """The digest of a file's bytes; "unreadable" when it cannot be read (reported, if it
    matters, where the file is used)."""
    try:
        return digest(path.read_bytes())
    except OSError:
        return "unreadable"
