"""The build records: what one build of an output folder made, read back by the next.

They are kept out of the website, in ``.spotlight/`` beside the content folder (in the project
folder, as Hugo and Eleventy keep theirs): one folder per output folder, named after it, so
that building the same content into two places keeps two sets of records. Each holds

- ``manifest.json``: the fingerprint of every input, the SHA-256 of every file written, what
  each page and PDF was made from (see depends.py) and each PDF's warnings; and which folder
  the build became (its device and inode), so that records never describe another folder;
- ``parse-cache``: every example's front matter and body as read (see parse_cache.py);
- ``stat``: what the input files looked like on this machine (see ``StatRecord``).

``.spotlight/`` holds a ``.gitignore`` of its own, so git never sees it, and may be deleted at
any time: the next build then does everything again. Records of an output folder that no longer
exists are removed by the next build. Records that older versions kept inside the output folder
(``.spotlight-build``, ``.spotlight-cache``, ``.spotlight-stat``) are left out of the next build
of that folder, which replaces it.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import stat
import tempfile
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, SaidProblem
from .digests import digest

#: 5: the build's warnings, said again when nothing changed; 6: each as it was printed.
MANIFEST_VERSION = 6
#: The project's records folder, beside the content folder.
RECORDS = ".spotlight"
#: The files a build kept in its output folder before version 4.
LEGACY = (".spotlight-build", ".spotlight-cache", ".spotlight-stat")
MANIFEST, CACHE, STAT = "manifest.json", "parse-cache", "stat"
#: A file changed this close to a build's start could change again without its times showing
#: it (file system clocks tick coarsely): the stat record is then not trusted.
RACY_NS = 1_000_000_000
_ABOUT = ("spotlight keeps its build records here, so that a rebuild makes again only what "
          "changed.\nNothing here is published. Deleting this folder is safe: the next build "
          "then makes everything again.\n")


def folder_id(path: Path) -> tuple[int, int] | None:
    """Which folder ``path`` is (device and inode): a new build is a new folder."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


@dataclass(frozen=True)
class StatRecord:
    """One digest of the stat data of every file a build read (the content folder's and the
    visual theme's), with the folders, the options and the version: while it still matches, a
    rebuild has nothing to do, found without reading a single file.

    ``override`` is the theme override folder named in the site file (as written there), if
    the build used one: which folders to look at depends on it.
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


@dataclass(frozen=True)
class Manifest:
    """The record of one build, read back by the next."""

    fingerprint: str
    files: dict[str, str] = field(default_factory=dict)  # output path -> SHA-256 of its bytes
    pdfs: dict[str, PdfRecord] = field(default_factory=dict)
    pages: dict[str, PageRecord] = field(default_factory=dict)
    #: The output folder, and which folder the build became there (see ``folder_id``).
    out: str = ""
    folder: tuple[int, int] | None = None
    #: The build's warnings, but for the PDFs' (kept with each PDF): said again by a build
    #: that finds nothing changed. ``notices``: those that do not fail ``--strict`` (a draft
    #: report left out, on purpose).
    warnings: tuple[Problem, ...] = ()
    notices: tuple[Problem, ...] = ()

    def dumps(self) -> str:
        """The manifest as its file's text."""
        return json.dumps({
            "spotlight": "What spotlight build wrote in the output folder 'out'.",
            "version": MANIFEST_VERSION,
            "out": self.out,
            "folder": list(self.folder) if self.folder else None,
            "fingerprint": self.fingerprint,
            "files": dict(sorted(self.files.items())),
            "pdfs": {path: {"inputs": r.inputs, "warnings": list(r.warnings), "key": r.key,
                            "deps": list(r.deps)} for path, r in sorted(self.pdfs.items())},
            "pages": {path: [r.key, list(r.deps)] for path, r in sorted(self.pages.items())},
            "warnings": [[p.path, p.line, p.message, str(p)] for p in self.warnings],
            "notices": [[p.path, p.line, p.message, str(p)] for p in self.notices],
        }, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def loads(cls, text: str) -> Manifest | None:
        """Read a manifest file; None when it holds no manifest this version understands."""
        try:
            data = json.loads(text)
            if data.get("version") != MANIFEST_VERSION:
                return None
            pdfs = {path: PdfRecord(str(r["inputs"]), tuple(map(str, r["warnings"])),
                                    str(r["key"]), tuple(map(str, r["deps"])))
                    for path, r in data["pdfs"].items()}
            pages = {str(path): PageRecord(str(key), tuple(map(str, deps)))
                     for path, (key, deps) in data["pages"].items()}
            folder = data["folder"]
            said = {kind: tuple(SaidProblem(str(path), None if line is None else int(line),
                                            str(message), str(printed))
                                for path, line, message, printed in data[kind])
                    for kind in ("warnings", "notices")}
            return cls(str(data["fingerprint"]), {str(k): str(v) for k, v in
                                                   data["files"].items()}, pdfs, pages,
                       str(data["out"]), (int(folder[0]), int(folder[1])) if folder else None,
                       said["warnings"], said["notices"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


class Records:
    """The records folder of one output folder (see the module's docstring)."""

    def __init__(self, content: Path, out: Path) -> None:
        self.out = Path(os.path.abspath(out))
        self.root = content.resolve().parent / RECORDS
        name = re.sub(r"[^A-Za-z0-9._-]+", "-", self.out.name).strip(".-") or "out"
        self.folder = self.root / "builds" / f"{name}-{digest(str(self.out))[:12]}"

    def manifest(self, complete: bool = True) -> Manifest | None:
        """The manifest of the build now in the output folder, or None when there is none to
        trust: no records, records of another folder, or (with ``complete``) a file of it
        gone missing."""
        manifest = self._read_manifest()
        if manifest is None or manifest.folder is None or \
                manifest.folder != folder_id(self.out):
            return None
        if complete and not self._unaltered(manifest):
            return None  # a file of it is missing or was changed: build everything again
        return manifest

    def _unaltered(self, manifest: Manifest) -> bool:
        """True when every file of the build in the output folder is still there, a file (not
        a link, which a build would link on, nor a folder), with the bytes its manifest
        records.

        A file changed since the build has a newer change time (ctime, which no program sets
        back) than the manifest, written once every file was: only those are read and
        compared. One lstat per file: a no-op build makes a thousand of them."""
        out = str(self.out)
        try:
            written = os.stat(self.folder / MANIFEST).st_ctime_ns
            for path, sha in manifest.files.items():
                name = os.path.join(out, path)
                info = os.lstat(name)
                if not stat.S_ISREG(info.st_mode):
                    return False
                if info.st_ctime_ns > written and digest(Path(name).read_bytes()) != sha:
                    return False
        except OSError:
            return False
        return True

    @functools.cache  # noqa: B019 (one Records per build)
    def _read_manifest(self) -> Manifest | None:
        try:
            return Manifest.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    def read(self, name: str) -> bytes:
        """The bytes of one record file (``CACHE``, ``STAT``); empty when there is none."""
        try:
            return (self.folder / name).read_bytes()
        except OSError:
            return b""

    def save(self, manifest: Manifest, files: dict[str, bytes]) -> None:
        """Keep ``manifest`` and the other record files (name -> bytes) for the next build, and
        remove the records of output folders that are gone. Records that cannot be written
        are left out: the next build then does everything again."""
        with suppress(OSError):
            self._start()
            staging = Path(tempfile.mkdtemp(prefix=".saving-", dir=self.folder.parent))
            try:
                for name, data in files.items():
                    (staging / name).write_bytes(data)
                (staging / MANIFEST).write_text(manifest.dumps(), encoding="utf-8")
                retired = self.folder.with_name(staging.name.replace(".saving-", ".retired-"))
                if self.folder.exists():
                    os.rename(self.folder, retired)
                os.rename(staging, self.folder)
                shutil.rmtree(retired, ignore_errors=True)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            self._prune()

    def _start(self) -> None:
        """Make the records folder, with a ``.gitignore`` that hides it from git."""
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# Build records of spotlight: never commit them.\n*\n"),
                           ("README.txt", _ABOUT)):
            if not (self.root / name).exists():
                (self.root / name).write_text(text, encoding="utf-8")

    def _prune(self) -> None:
        """Remove the records of output folders that no longer exist, and leftovers."""
        for records in self.folder.parent.iterdir():
            if records == self.folder:
                continue
            if records.name.startswith((".saving-", ".retired-")):
                if records.stat().st_mtime < self.folder.stat().st_mtime - 3600:
                    shutil.rmtree(records, ignore_errors=True)  # left by a killed build
                continue
            try:
                out = json.loads((records / MANIFEST).read_text(encoding="utf-8"))["out"]
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if isinstance(out, str) and out and not os.path.lexists(out):
                shutil.rmtree(records, ignore_errors=True)


def built_by_spotlight(out: Path, records: Records) -> bool:
    """Whether the folder ``out`` holds a build of spotlight's, which a build may replace: its
    records say so, an older version's records are inside it, or (the records deleted) its
    feed names spotlight as its generator."""
    if records.manifest(complete=False) is not None:
        return True
    if any((out / name).is_file() for name in LEGACY):
        return True
    try:
        with (out / "feed.xml").open("rb") as feed:
            return b"<generator>spotlight</generator>" in feed.read(4096)
    except OSError:
        return False
