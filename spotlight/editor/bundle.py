"""The editor's browser app: Decap CMS at one pinned version, from its npm package.

The package's browser bundle is about 6 MB of minified JavaScript (16 MB as the npm tarball):
too much to keep in spotlight's git history and in every install of a tool most of whose
users never open the editor. So it is fetched once, from the npm registry itself (never a CDN,
and never while a page is open), verified against the SHA-512 checksum that npm publishes for
that version (pinned here), and its browser files are kept in the user's cache folder
(``~/.cache/spotlight/decap-cms-<version>/``). ``scripts/build.sh`` and ``scripts/test.sh``
fetch it (``python3 -m spotlight.editor.bundle``), so that a fresh machine is ready; ``spotlight
serve --edit`` fetches it too when it is missing, and says plainly what to do when it cannot.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

from ..errors import Problem, SpotlightError

VERSION = "3.16.3"
#: npm's ``dist.integrity`` of decap-cms@3.16.3 (``npm view decap-cms@3.16.3 dist.integrity``).
INTEGRITY = ("sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwU"
             "YhUJDYtYw==")
TARBALL = f"https://registry.npmjs.org/decap-cms/-/decap-cms-{VERSION}.tgz"
#: The files the browser needs: the bundle, the chunks it loads on demand, their WebAssembly,
#: the bundle's licence notices; and the package's own description (its licence: MIT).
_WANTED = re.compile(r"package/(package\.json|README\.md|dist/(\d+\.)?decap-cms\.js"
                     r"|dist/decap-cms\.js\.LICENSE\.txt|dist/[0-9a-f]+\.wasm)")
_MARKER = ".verified"


def cache_folder() -> Path:
    """Where the bundle is kept: $SPOTLIGHT_CACHE, else $XDG_CACHE_HOME/spotlight, else
    ~/.cache/spotlight; in it, one folder per version."""
    given = os.environ.get("SPOTLIGHT_CACHE")
    if given:
        return Path(given) / f"decap-cms-{VERSION}"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "spotlight" / f"decap-cms-{VERSION}"


def installed() -> Path | None:
    """The folder of the bundle's files when they were fetched and verified, else None."""
    folder = cache_folder()
    return folder if (folder / _MARKER).is_file() and (folder / "decap-cms.js").is_file() else None


def verify(data: bytes) -> bool:
    """True when ``data`` is the tarball npm publishes for the pinned version."""
    expected = base64.b64decode(INTEGRITY.removeprefix("sha512-"))
    return hashlib.sha512(data).digest() == expected


def unpack(data: bytes, folder: Path) -> Path:
    """Verify the tarball ``data`` and keep its browser files in ``folder`` (replaced whole,
    never half-written); return the folder."""
    if not verify(data):
        raise SpotlightError([Problem(TARBALL, None, "the download is not the Decap CMS "
                                      f"{VERSION} that npm publishes (its checksum differs); "
                                      "nothing was kept. Try again later")])
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".decap-", dir=folder.parent))
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                if not member.isfile() or not _WANTED.fullmatch(member.name):
                    continue
                source = archive.extractfile(member)
                assert source is not None
                (scratch / Path(member.name).name).write_bytes(source.read())
        (scratch / _MARKER).write_text(f"decap-cms {VERSION} {INTEGRITY}\n", encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        scratch.rename(folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return folder


def fetch(timeout: float = 120.0) -> Path:
    """The bundle's folder, fetched from the npm registry and verified first if need be."""
    folder = installed()
    if folder is not None:
        return folder
    try:
        with urllib.request.urlopen(TARBALL, timeout=timeout) as response:
            data = response.read()
    except OSError as error:
        reason = getattr(error, "reason", None) or error
        raise SpotlightError([Problem(str(cache_folder()), None,
                                      f"the editor (Decap CMS {VERSION}) is not on this "
                                      f"computer yet, and it could not be fetched from the npm "
                                      f"registry ({reason}). Connect to the internet once and "
                                      "run 'spotlight serve --edit' again (or scripts/build.sh); "
                                      "the preview without --edit works offline")]) from None
    return unpack(data, cache_folder())


if __name__ == "__main__":  # python3 -m spotlight.editor.bundle: fetch it now (scripts/*.sh)
    try:
        where = fetch()
    except SpotlightError as failure:
        print(failure, file=sys.stderr)
        raise SystemExit(1) from None
    print(f"The editor (Decap CMS {VERSION}) is ready in {where}")
