"""What makes a rebuild cheap: the fingerprint of a build's inputs and the manifest of its
output.

A build's manifest, kept in the output folder's marker file, records the fingerprint of every
input (content files, visual theme files, options, spotlight's version), the SHA-256 of every
file written, and for each PDF the digest of what went into it with the warnings it raised.
The next build

- does nothing at all when the fingerprint is unchanged (a no-op rebuild);
- re-renders only the PDFs whose inputs changed;
- renders only the pages whose inputs changed (see ``page_inputs``);
- writes only the files whose bytes changed, linking the others from the previous build.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .model import Content

MANIFEST_VERSION = 3
MARKER = ".spotlight-build"  # the marker file that holds the manifest
#: What the inputs' files looked like on this machine (inode, size, times): kept apart from the
#: manifest, which is the same wherever the build runs, and never listed in it.
STAT_RECORD = ".spotlight-stat"
#: A file changed this close to a build's start could change again without its times showing
#: it (file system clocks tick coarsely): the stat record is then not trusted.
RACY_NS = 1_000_000_000


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


@dataclass(frozen=True)
class StatRecord:
    """One digest of the stat data of every file a build read (the content folder's and the
    visual theme's), with the folders, the options and the version: while it still matches, a
    rebuild has nothing to do, found without reading a single file.

    ``override`` is the theme override folder named in the site file (as written there), if
    the build used one: which folders to look at depends on it. No other path is kept, so the
    record says nothing of where the files are on this machine.
    """

    override: str | None
    key: str

    def dumps(self) -> bytes:
        """The record file's bytes."""
        return json.dumps({"version": MANIFEST_VERSION, "override": self.override,
                           "key": self.key}).encode()

    @classmethod
    def loads(cls, data: bytes) -> StatRecord | None:
        """Read a record file; None when it cannot be used."""
        try:
            found = json.loads(data)
            if found.get("version") != MANIFEST_VERSION:
                return None
            override = found["override"]
            return cls(None if override is None else str(override), str(found["key"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def stat_key(signatures: Iterable[tuple[Path, str]], options: Iterable[str]) -> str:
    """The key of a stat record: each folder with its signature, the options, the version."""
    return digest(__version__, *options, *(f"{folder}\0{signature}"
                                           for folder, signature in signatures))


@dataclass(frozen=True)
class PdfRecord:
    """What went into one PDF: the digest of its HTML and files (``inputs``), and like a
    page's record, its ``key`` and the texts it read (``deps``); and the warnings it raised."""

    inputs: str
    warnings: tuple[str, ...] = ()
    key: str = ""
    deps: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageRecord:
    """What one page was made from: the example and report texts it read (``deps``), and the
    digest of those texts with everything else every page may read (``key``)."""

    key: str
    deps: tuple[str, ...] = ()


def page_inputs(inputs: Mapping[str, str], options: Iterable[str],
                content: Content) -> tuple[str, dict[str, str]]:
    """What pages are made from, split in two: (``shared``, ``texts``).

    ``texts`` digests, by name, the texts that only some pages show: ``example:<slug>`` an
    example's narrative and Outcome. Rendering notes which of these a page or PDF reads (see
    render.py and environment.py). ``shared`` digests
    everything else: the other inputs, the options, and of each example its front matter and
    what its text gives other pages (description, citations, images). A page needs rendering
    again only when ``shared`` or one of the texts it read has changed.
    """
    texts: dict[str, str] = {}
    parts = [__version__, *options,
             *(f"{name}\0{value}" for name, value in sorted(inputs.items())
               if not is_example_file(name))]
    for example in sorted(content.examples, key=lambda e: e.name):
        body = example.body
        texts[f"example:{example.slug}"] = digest(body.text)
        parts.append(digest(repr(_front(example)), body.first_paragraph,
                            repr(body.citations), repr(body.images)))
    return digest(*parts), texts


def is_example_file(name: str) -> bool:
    """Whether an input (as named by ``load_digests``) is an example's Markdown file; an image
    kept beside the examples is not."""
    return name.startswith("content/examples/") and name.endswith(".md")


def _front(example: object) -> tuple[object, ...]:
    """An example's fields other than its body and where its file is, in a stable order."""
    return tuple(getattr(example, name) for name in sorted(vars(example))
                 if name not in ("body", "path", "name"))


def page_key(shared: str, texts: Mapping[str, str], deps: Iterable[str]) -> str:
    """The key of a page that read the texts ``deps``."""
    return digest(shared, *(f"{dep}\0{texts.get(dep, '-')}" for dep in deps))


@dataclass(frozen=True)
class Manifest:
    """The record of one build, read back by the next."""

    fingerprint: str
    files: dict[str, str] = field(default_factory=dict)  # output path -> SHA-256 of its bytes
    pdfs: dict[str, PdfRecord] = field(default_factory=dict)
    pages: dict[str, PageRecord] = field(default_factory=dict)

    def dumps(self) -> str:
        """The manifest as the marker file's text."""
        return json.dumps({
            "spotlight": "This folder is written by spotlight build.",
            "version": MANIFEST_VERSION,
            "fingerprint": self.fingerprint,
            "files": dict(sorted(self.files.items())),
            "pdfs": {path: {"inputs": r.inputs, "warnings": list(r.warnings), "key": r.key,
                            "deps": list(r.deps)} for path, r in sorted(self.pdfs.items())},
            "pages": {path: [r.key, list(r.deps)] for path, r in sorted(self.pages.items())},
        }, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def loads(cls, text: str) -> Manifest | None:
        """Read a marker file; None when it holds no manifest this version understands."""
        try:
            data = json.loads(text)
            if data.get("version") != MANIFEST_VERSION:
                return None
            pdfs = {path: PdfRecord(str(r["inputs"]), tuple(map(str, r["warnings"])),
                                    str(r["key"]), tuple(map(str, r["deps"])))
                    for path, r in data["pdfs"].items()}
            pages = {str(path): PageRecord(str(key), tuple(map(str, deps)))
                     for path, (key, deps) in data["pages"].items()}
            return cls(str(data["fingerprint"]), {str(k): str(v) for k, v in
                                                   data["files"].items()}, pdfs, pages)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
