"""Full-text search: Pagefind indexes the example pages of a built site.

Pagefind (the ``pagefind`` package with its ``pagefind_bin`` binary) reads the written HTML, so
it runs on the staging folder after the pages are written and before the build is swapped in:
a failure leaves the previous build untouched. Only example pages are indexed (they carry
``data-pagefind-body``); ``data-pagefind-filter`` marks their practice themes and region.

Pagefind matches word beginnings only, so a spelling slip finds nothing useful. Beside the index,
``pagefind/words.json`` lists the words the index holds, with how often each occurs, so that the
search page can correct a slip ("acommodation" -> "accommodation") and leave out words too
short to search for.
"""

from __future__ import annotations

import html
import importlib
import json
import os
import re
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from pathlib import Path

from ..content.language import language_problem
from ..errors import Problem, SpotlightError

BUNDLE = "pagefind"
INDEXED = "examples/*.html"
_LANG = re.compile(r"<html[^>]*?\slang=[\"']?([^\"'>\s]*)", re.IGNORECASE)
TIMEOUT = 600  # seconds: a very large site indexes in well under a minute
WORDS = "pagefind/words.json"
#: The words of the pages in one language (``lang``), for that language's search page.
LANGUAGE_WORDS = "pagefind/words-{lang}.json"
#: Words shorter than this are searched for only when the text writes them in capitals (DA).
SHORTEST = 3
_WORD = re.compile(r"[^\W_]+")


def index_site(folder: Path, pages: Mapping[str, bytes] | None = None) -> None:
    """Write Pagefind's search index and scripts into ``folder``/pagefind/.

    Pagefind names its files after each page's language: every indexed page's ``lang`` is
    checked first, so that no name from the content decides where a file is written.
    ``pages`` (path -> bytes), if given, holds pages just written into ``folder``: they are
    not read back from it. While Pagefind indexes, the vocabulary beside its index is counted
    here, on the other core, and written once Pagefind is done.
    """
    indexed = [page.relative_to(folder).as_posix() for page in sorted(folder.glob(INDEXED))]
    known = pages or {}
    for relative in indexed:
        data = known.get(relative)
        if data is None:
            with (folder / relative).open("rb") as stream:
                data = stream.read(4096)
        found = _LANG.search(data[:4096].decode("utf-8", "replace"))
        if found and (wrong := language_problem(html.unescape(found.group(1)))):
            raise _failed(f"{relative}: {wrong}")
    command = [str(_executable()), "--site", str(folder), "--glob", INDEXED,
               "--output-subdir", BUNDLE, "--silent"]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
    except OSError as error:
        raise _failed(str(error)) from None
    with _RUNNING_LOCK:
        _RUNNING.add(process)
    with process:
        try:
            words = vocabulary(_texts(folder, indexed, known))
            out, err = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired as error:
            process.kill()
            process.communicate()
            raise _failed(str(error)) from None
        except BaseException:
            process.kill()
            raise
        finally:
            with _RUNNING_LOCK:
                _RUNNING.discard(process)
    if process.returncode != 0 or not (folder / BUNDLE / "pagefind.js").is_file():
        raise _failed((err or out).strip() or f"exit status {process.returncode}")
    for name, data in words.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


#: The Pagefind runs of this process still going (the preview indexes in a background thread).
_RUNNING: set[subprocess.Popen[str]] = set()
_RUNNING_LOCK = threading.Lock()


def stop_indexing() -> None:
    """Stop every Pagefind run this process started that is still going: a preview that stops
    leaves no Pagefind behind it, indexing a folder that is about to be removed."""
    with _RUNNING_LOCK:
        for process in _RUNNING:
            with suppress(OSError):
                process.kill()


def _texts(folder: Path, indexed: list[str], known: Mapping[str, bytes]) -> Iterator[str]:
    """The text of each indexed page: as given, or read from ``folder``."""
    for relative in indexed:
        data = known.get(relative)
        yield (folder / relative).read_text(encoding="utf-8") if data is None else \
            data.decode("utf-8")


def vocabulary(pages: Iterable[str]) -> dict[str, bytes]:
    """The files ``pagefind/words.json`` (every word of the indexed text of ``pages``, with
    its count, and the short abbreviations, two letters written in capitals, that are worth
    searching for) and, for each language of the pages, ``pagefind/words-<lang>.json``, which
    that language's search page reads (Pagefind keeps an index per language, too): path ->
    bytes."""
    raw: dict[str, Counter[str]] = {}  # language ("" when none) -> word as written -> count
    for text in pages:
        found = _LANG.search(text[:4096])
        lang = html.unescape(found.group(1)) if found else ""
        raw.setdefault(lang, Counter()).update(_WORD.findall(" ".join(indexed_text(text))))
    files = {}
    for key in sorted({"", *raw}):
        counts: Counter[str] = Counter()
        short: set[str] = set()
        for lang, written in raw.items():
            if key and lang != key:
                continue
            for word, count in written.items():
                if len(word) >= SHORTEST:
                    if not word.isdigit():
                        counts[word.lower()] += count
                elif len(word) > 1 and word.isupper():
                    short.add(word.lower())
        data = {"shortest": SHORTEST, "short": sorted(short), "words": dict(sorted(counts.items()))}
        files[LANGUAGE_WORDS.format(lang=key) if key else WORDS] = json.dumps(
            data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files


#: A comment, or a start or end tag with its attributes (quoted values may hold ">").
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
                  re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_RAW = frozenset({"script", "style"})  # their content is text up to their end tag


def indexed_text(page: str) -> list[str]:
    """The text Pagefind indexes in a page: inside ``data-pagefind-body``, outside
    ``data-pagefind-ignore`` (one pass of a regular expression over the tags: a page's text is
    read as an HTML parser reads it, several times faster)."""
    parts: list[str] = []
    folded = page.lower()
    first = folded.find("data-pagefind-body")
    if first < 0:
        return parts
    # What comes before the first body cannot be indexed: start there, unless something
    # before it may be ignoring it.
    at = page.rfind("<", 0, first)
    opening = _TAG.match(page, at) if at >= 0 else None
    if "data-pagefind-ignore" in folded[:first] or opening is None or opening.end() <= first:
        at = 0
    stack: list[int] = []  # for each open element: BODY, IGNORE or 0
    bodies = ignores = 0  # how many of each are open
    inside = False  # a body is open, and no "ignore"
    search, unescape = _TAG.search, html.unescape
    while (tag := search(page, at)) is not None:
        if inside and tag.start() > at:
            parts.append(unescape(page[at:tag.start()]))
        at = tag.end()
        end, name, attributes = tag.groups()
        if name is None:  # a comment
            continue
        name = name.lower()
        if end:  # an end tag closes the innermost element, whatever its name
            if stack and name not in _VOID and (kind := stack.pop()):
                if kind == _BODY:
                    bodies -= 1
                else:
                    ignores -= 1
                inside = bodies > 0 and not ignores
                if not bodies and not _BODY_NAME.search(page, at):
                    break  # no body open, and none further on: nothing more to index
            continue
        if name in _VOID or (attributes and attributes.rstrip().endswith("/")):
            continue  # <br>, <div/>: opened and closed at once
        kind = 0
        if attributes and "data-pagefind" in attributes.lower():
            names = {n.lower() for n in _ATTRIBUTE.findall(attributes)}
            kind = _IGNORE if "data-pagefind-ignore" in names else \
                _BODY if "data-pagefind-body" in names else 0
            if kind == _BODY:
                bodies += 1
            elif kind:
                ignores += 1
            inside = bodies > 0 and not ignores
        stack.append(kind)
        if name in _RAW:
            close = re.compile(rf"</{name}\s*>", re.I).search(page, at)
            stop = close.start() if close else len(page)
            if inside and stop > at:
                parts.append(page[at:stop])
            at = stop
    if inside and at < len(page):
        parts.append(unescape(page[at:]))
    return parts


_BODY, _IGNORE = 1, 2
#: Any spelling of the attribute that opens a body (a superset of those ``lower()`` finds).
_BODY_NAME = re.compile("data-pagefind-body", re.I)


def _executable() -> Path:
    """The Pagefind binary, looked for where the pagefind package's own ``get_executable``
    looks (PAGEFIND_BINARY_PATH, the pagefind_bin_extended or pagefind_bin package, then the
    PATH), without importing its service module, which imports asyncio: about 25 ms of CPU
    on every build."""
    named = os.getenv("PAGEFIND_BINARY_PATH")
    if named is not None:
        return Path(named)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        with suppress(ImportError):
            return Path(importlib.import_module(package).get_executable())
    external = shutil.which("pagefind_extended") or shutil.which("pagefind")
    if external is None:
        raise SpotlightError([Problem("search", None, "Pagefind is not installed: install it "
                                      "with pip install 'pagefind[bin]', or build without "
                                      "search (--no-search)")])
    return Path(external)


def _failed(reason: str) -> SpotlightError:
    return SpotlightError([Problem("search", None, f"Pagefind could not index the site: "
                                   f"{reason}")])
