"""Full-text search: Pagefind indexes the example pages of a built site.

Pagefind (the ``pagefind`` package with its ``pagefind_bin`` binary) reads the written HTML, so
it runs on the staging folder after the pages are written and before the build is swapped in:
a failure leaves the previous build untouched. Only example pages are indexed (they carry
``data-pagefind-body``); ``data-pagefind-filter`` marks their practice themes and region.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

from ..content.language import language_problem
from ..errors import Problem, SpotlightError

BUNDLE = "pagefind"
INDEXED = "examples/*.html"
_LANG = re.compile(r"<html[^>]*?\slang=[\"']?([^\"'>\s]*)", re.IGNORECASE)
TIMEOUT = 600  # seconds: a very large site indexes in well under a minute


def index_site(folder: Path) -> None:
    """Write Pagefind's search index and scripts into ``folder``/pagefind/.

    Pagefind names its files after each page's language: every indexed page's ``lang`` is
    checked first, so that no name from the content decides where a file is written.
    """
    for page in sorted(folder.glob(INDEXED)):
        with page.open("rb") as stream:
            head = stream.read(4096).decode("utf-8", "replace")
        found = _LANG.search(head)
        if found and (wrong := language_problem(html.unescape(found.group(1)))):
            raise _failed(f"{page.relative_to(folder).as_posix()}: {wrong}")
    command = [str(_executable()), "--site", str(folder), "--glob", INDEXED,
               "--output-subdir", BUNDLE, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise _failed(str(error)) from None
    if done.returncode != 0 or not (folder / BUNDLE / "pagefind.js").is_file():
        raise _failed((done.stderr or done.stdout).strip() or f"exit status {done.returncode}")


def _executable() -> Path:
    """The Pagefind binary: PAGEFIND_BINARY_PATH, the pagefind_bin package, or the PATH."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        found = None
    else:
        found = get_executable()
    if found is None:
        raise SpotlightError([Problem("search", None, "Pagefind is not installed: install it "
                                      "with pip install 'pagefind[bin]', or build without "
                                      "search (--no-search)")])
    return found


def _failed(reason: str) -> SpotlightError:
    return SpotlightError([Problem("search", None, f"Pagefind could not index the site: "
                                   f"{reason}")])
