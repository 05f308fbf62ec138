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
import json
import re
import subprocess
from collections import Counter
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
    write_vocabulary(folder)


def write_vocabulary(folder: Path) -> None:
    """Write ``pagefind/words.json``: every word of the indexed text, with its count, and the
    short abbreviations (two letters, written in capitals) that are worth searching for; and
    the same of each language's pages in ``pagefind/words-<lang>.json``, which that
    language's search page reads (Pagefind keeps an index per language, too)."""
    counts: dict[str, Counter[str]] = {}
    short: dict[str, set[str]] = {}
    for page in sorted(folder.glob(INDEXED)):
        text = page.read_text(encoding="utf-8")
        found = _LANG.search(text[:4096])
        lang = html.unescape(found.group(1)) if found else ""
        for key in ("", lang) if lang else ("",):
            counts.setdefault(key, Counter())
            short.setdefault(key, set())
        for word in _WORD.findall(" ".join(indexed_text(text))):
            if word.isdigit():
                continue
            for key in ("", lang) if lang else ("",):
                if len(word) >= SHORTEST:
                    counts[key][word.lower()] += 1
                elif len(word) > 1 and word.isupper():
                    short[key].add(word.lower())
    counts.setdefault("", Counter())
    for key, counted in counts.items():
        data = {"shortest": SHORTEST, "short": sorted(short.get(key, ())),
                "words": dict(sorted(counted.items()))}
        target = folder / (LANGUAGE_WORDS.format(lang=key) if key else WORDS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


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
    stack: list[str] = []  # "body", "ignore" or "" for each open element
    inside = 0  # 1 while a "body" is open, and no "ignore"
    while (tag := _TAG.search(page, at)) is not None:
        if inside and tag.start() > at:
            parts.append(html.unescape(page[at:tag.start()]))
        at = tag.end()
        name = tag.group(2)
        if name is None:  # a comment
            continue
        name = name.lower()
        if tag.group(1):  # an end tag closes the innermost element, whatever its name
            if name not in _VOID and stack:
                stack.pop()
                inside = _inside(stack)
            continue
        attributes = tag.group(3)
        if name in _VOID or attributes.rstrip().endswith("/"):
            continue  # <br>, <div/>: opened and closed at once
        names = {n.lower() for n in _ATTRIBUTE.findall(attributes)} \
            if "data-pagefind" in attributes.lower() else set()
        stack.append("ignore" if "data-pagefind-ignore" in names else
                     "body" if "data-pagefind-body" in names else "")
        inside = _inside(stack)
        if name in _RAW:
            end = re.compile(rf"</{name}\s*>", re.I).search(page, at)
            stop = end.start() if end else len(page)
            if inside and stop > at:
                parts.append(page[at:stop])
            at = stop
    if inside and at < len(page):
        parts.append(html.unescape(page[at:]))
    return parts


def _inside(stack: list[str]) -> int:
    return int("body" in stack and "ignore" not in stack)


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
