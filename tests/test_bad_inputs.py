"""The bad-input catalogue: every case in tests/bad_inputs/*.yml, run as a user would.

The format of a case is described in tests/bad_inputs/README.md. For each case the runner:

1. copies the base site to ./site and builds it into the output folder: the previous build;
2. applies the case (files written, deleted, linked; folders and pipes; files around the
   content folder such as a theme override) and builds again with the case's options;
3. checks the exit status and every line printed (each names a file, and a line where there is
   one), that no traceback appeared, that nothing outside the output folder changed, that no
   network connection was attempted (the socket guard, and a local listener standing for a
   remote site), and then either that the previous build is byte-for-byte unchanged (a failed
   build) or that the new build is complete, carries no active content and that its XML
   files (the feed, the sitemap, SVG images) are well-formed (a good one).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml

from spotlight.incremental import RECORDS, Records

from .conftest import SAMPLE, SITES, TESTS, Listener, NetworkGuard, overlay, run

CATALOGUE = TESTS / "bad_inputs"
CASES: list[dict[str, Any]] = [
    case for path in sorted(CATALOGUE.glob("*.yml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
_KEYS = {"name", "base", "files", "edits", "generate", "links", "fifos", "folders", "around",
         "args", "pdf", "out", "previous", "status", "problems", "warnings", "shows", "lacks"}


def test_the_catalogue_is_large_and_well_formed() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) >= 40
    assert len(set(names)) == len(names), "case names are unique"
    for case in CASES:
        assert set(case) <= _KEYS, f"{case['name']}: unknown keys {set(case) - _KEYS}"
        assert case.get("problems") or case.get("status") == 0, f"{case['name']}: no problems"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                   listener: Listener, network_guard: NetworkGuard) -> None:
    monkeypatch.chdir(tmp_path)
    network_guard.strict()  # a build reaches nothing, not even this computer
    fill = _Placeholders(tmp_path, listener)
    content = _base(case.get("base", "minimal"), tmp_path / "site")
    out = tmp_path / case.get("out", "out")
    theme_made: set[str] = set()  # what the visual theme itself puts in pages
    if case.get("previous", True):
        first = run("build", "--content", "site", "--out", str(out.relative_to(tmp_path)),
                    "--no-pdf")
        assert first.exit_code == 0, first.output
        theme_made = _active_content(out)
    _apply(case, content, tmp_path, fill)
    before = _snapshot(tmp_path)
    connections = listener.connections

    args = ["build", "--content", "site", "--out", case.get("out", "out")]
    args += [] if case.get("pdf") else ["--no-pdf"]
    args += [fill(a) for a in case.get("args", [])]
    result = run(*args)

    status = case.get("status", 1)
    lines = result.stderr.splitlines()
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    if status:
        expected = [fill(line) for line in case["problems"]]
        assert len(lines) == len(expected) + 1, result.stderr
        for line, wanted in zip(lines, expected, strict=False):
            _assert_line(line, wanted)
        kept = "the previous build is unchanged" if case.get("previous", True) else \
            "nothing was written"  # said only where there is a previous build
        assert lines[-1] == (f"Build failed: {len(expected)} problem"
                             f"{'s' if len(expected) != 1 else ''}; {kept}.")
        assert _snapshot(tmp_path) == before, "nothing changed, the previous build included"
    else:
        expected = [f"{fill(line)} (warning)" for line in case.get("warnings", [])]
        assert len(lines) == len(expected), result.stderr
        for line, wanted in zip(lines, expected, strict=True):
            _assert_line(line, wanted)
        records = tmp_path / RECORDS  # the build records, kept beside the content folder
        assert _without(_snapshot(tmp_path, leave_out=out), records, tmp_path) == \
            _without(_without(before, out, tmp_path), records, tmp_path), \
            "nothing was written outside the output folder but the build records"
        assert Records(content, out).manifest() is not None and (out / "index.html").is_file()
        assert not _active_content(out) - theme_made, "no active content came from the case"
        for document in (*out.rglob("*.xml"), *out.rglob("*.svg")):
            ElementTree.parse(document)  # every XML output stays well-formed
        for relative, fragments in case.get("shows", {}).items():
            text = (out / relative).read_text(encoding="utf-8")
            for fragment in fragments:
                assert fill(fragment) in text, f"{relative} lacks {fragment!r}"
        for relative, fragments in case.get("lacks", {}).items():
            data = (out / relative).read_bytes()
            for fragment in fragments:
                assert fill(fragment).encode() not in data, f"{relative} has {fragment!r}"
    assert listener.connections == connections, "the build connected to a remote address"
    assert not network_guard.attempts


# --- setting a case up --------------------------------------------------------------------


class _Placeholders:
    """``{work}`` is the scratch working folder; ``{listener}`` a local address standing for a
    remote site, which must receive nothing."""

    def __init__(self, work: Path, listener: Listener) -> None:
        self._values = {"{work}": str(work), "{listener}": listener.url}

    def __call__(self, text: str) -> str:
        for key, value in self._values.items():
            text = text.replace(key, value)
        return text


def _base(name: str, target: Path) -> Path:
    if name == "empty":
        target.mkdir()
    else:
        shutil.copytree(SAMPLE if name == "sample" else SITES / name, target)
    return target


def _apply(case: dict[str, Any], content: Path, work: Path, fill: _Placeholders) -> None:
    for root, files in ((content, case.get("files", {})), (work, case.get("around", {}))):
        # Text is written as UTF-8 bytes, so a case's own line endings and BOM survive.
        overlay(root, {relative: fill(data).encode("utf-8") if isinstance(data, str) else data
                       for relative, data in files.items()})
    for relative, changes in case.get("edits", {}).items():
        text = (content / relative).read_text(encoding="utf-8")
        for old, new in changes.items():
            assert old in text, f"{relative} has no {old!r} to edit"
            text = text.replace(old, fill(new), 1)
        (content / relative).write_bytes(text.encode("utf-8"))
    for relative, spec in case.get("generate", {}).items():
        body = spec["repeat"] * spec["times"]
        (content / relative).write_text(fill(spec["head"]) + body + spec.get("tail", ""),
                                        encoding="utf-8")
    for relative, target in case.get("links", {}).items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(fill(target))
    for relative in case.get("fifos", []):
        path = content / relative
        if path.exists():
            path.unlink()
        os.mkfifo(path)
    for relative in case.get("folders", []):
        path = content / relative
        if path.is_file():
            path.unlink()
        path.mkdir(parents=True)


# --- checking the result ------------------------------------------------------------------


def _assert_line(line: str, wanted: str) -> None:
    """A printed line equals the expected one; an expected line ending in "…" is a prefix."""
    if wanted.endswith("…"):
        assert line.startswith(wanted[:-1]), f"{line!r} does not start with {wanted[:-1]!r}"
    else:
        assert line == wanted


def _snapshot(root: Path, leave_out: Path | None = None) -> dict[str, str]:
    """Every entry below ``root`` (links and pipes included, never followed or opened)."""
    found: dict[str, str] = {}
    for folder, dirs, names in os.walk(root):
        if leave_out is not None and Path(folder) == leave_out.parent:
            dirs[:] = [d for d in dirs if Path(folder) / d != leave_out]
        for name in dirs + names:
            path = Path(folder) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                kind = f"link to {os.readlink(path)}"
            elif stat.S_ISREG(mode):
                kind = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                kind = stat.filemode(mode)[0]
            found[path.relative_to(root).as_posix()] = kind
    return found


def _without(snapshot: dict[str, str], out: Path, root: Path) -> dict[str, str]:
    prefix = out.relative_to(root).as_posix()
    return {k: v for k, v in snapshot.items() if k != prefix and not k.startswith(prefix + "/")}


def _active_content(out: Path) -> set[str]:
    """Everything in the built pages that could run or fetch in a reader's browser."""
    found: set[str] = set()
    for page in out.rglob("*.html"):
        checker = _ActiveContent()
        checker.feed(page.read_text(encoding="utf-8"))
        found.update(checker.found)
    return found


class _ActiveContent(HTMLParser):
    """Finds what could run or fetch in a reader's browser: scripts, embedded documents, event
    handlers and script, data or file addresses."""

    ACTIVE = frozenset({"script", "iframe", "object", "embed", "frame", "base", "form"})
    SCHEMES = ("javascript:", "vbscript:", "data:", "file:")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.ACTIVE:
            # The theme's script, from a page at any depth (a language's folder is deeper).
            self.found.append(re.sub(r"(?:\.\./)+", "", f"<{tag} {attrs}>"))
        for name, value in attrs:
            address = "".join((value or "").split()).lower()
            if name.startswith("on") or address.startswith(self.SCHEMES):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_comment(self, data: str) -> None:
        self.found.append(f"<!--{data}-->")
