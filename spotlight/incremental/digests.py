"""Digests: of bytes and texts, of every input file a build reads, and of the build options
that change what a build writes."""

from __future__ import annotations

import dataclasses
import hashlib
import os
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


def input_digests(raw: RawContent, theme: VisualTheme) -> dict[str, str]:
    """The digest of every input a build reads: content files, assets, templates, static files.

    Names are prefixed by where they come from (``content/``, ``theme<N>/``), so a file moved
    from one folder to another changes the fingerprint.
    """
    found = {text_name(raw, f.path): digest(f.text) for f in texts(raw)}
    for name in raw.assets:
        found[f"content/{name}"] = file_digest(raw.root / name)
    for name in raw.static:
        found[f"content/{STATIC_DIR}/{name}"] = file_digest(raw.root / STATIC_DIR / name)
    for number, layer in enumerate(theme.layers):
        for name, (source, _) in layer.templates.items():
            found[f"theme{number}/templates/{name}"] = digest(source)
        for name, path in layer.static.items():
            found[f"theme{number}/static/{name}"] = file_digest(path)
    return found


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
