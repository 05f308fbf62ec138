"""Builds stopped part-way, killed, or run two at a time never break the output folder.

Each test runs a real build in another process, paused at a known point by
tests/pausing_build.py, and signals it there: no sleeps, no timing assumptions.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from spotlight.incremental import RECORDS, Records
from spotlight.outputs import lock

from .conftest import REPO, TESTS, overlay, run

PATIENCE = 240  # seconds: only a safety net against a hung process, never an assertion


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Paused:
    """A build in another process, paused at ``point`` until released or signalled."""

    def __init__(self, work: Path, point: str, *args: str) -> None:
        self.flags = work / "flags"
        self.flags.mkdir()
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(
            [sys.executable, str(TESTS / "pausing_build.py"), point, str(self.flags),
             "build", "--content", "site", "--out", "out", *args],
            cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + PATIENCE
        while not (self.flags / "paused").exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                out, err = self.process.communicate()
                pytest.fail(f"the build never paused at {point}:\n{out}\n{err}")
            time.sleep(0.01)

    def release(self) -> None:
        (self.flags / "go").touch()

    def finish(self) -> tuple[int, str]:
        _, err = self.process.communicate(timeout=PATIENCE)
        return self.process.returncode, err


@pytest.fixture
def built(site, tmp_path: Path) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """The minimal site built once into ./out; the second example's title then changes."""
    content = site("minimal")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    overlay(content, {"examples/second-case.md": (
        "---\ntitle: Second case, revised\nreports: [north-2025]\n"
        "practice_theme: resettlement\nregion: north\n---\nBen was released on licence.\n")})
    yield tmp_path / "out"


def _only_out_and_site(work: Path) -> list[str]:
    """What is in the work folder, but the test's flags and the build records."""
    return sorted(p.name for p in work.iterdir() if p.name not in ("flags", RECORDS))


@pytest.mark.parametrize(("point", "stop", "args"), [
    ("write", signal.SIGINT, ("--no-pdf",)),
    ("write", signal.SIGTERM, ("--no-pdf",)),
    ("pdf", signal.SIGINT, ()),
    ("pdf", signal.SIGTERM, ()),
], ids=["Ctrl-C while writing", "SIGTERM while writing", "Ctrl-C while rendering PDFs",
        "SIGTERM while rendering PDFs"])
def test_a_stopped_build_leaves_the_previous_build_and_no_temporary_folder(
        built: Path, tmp_path: Path, point: str, stop: signal.Signals,
        args: tuple[str, ...]) -> None:
    before = _snapshot(built)
    build = Paused(tmp_path, point, *args)
    if point == "write":
        assert any(p.name.startswith(".out.new-") for p in tmp_path.iterdir()), \
            "the build was stopped while its temporary folder existed"
    build.process.send_signal(stop)
    status, err = build.finish()
    assert status == 128 + stop
    assert err.strip() == (f"Build stopped ({stop.name}): the output folder holds the last "
                           "complete build.")
    assert "Traceback" not in err
    assert _snapshot(built) == before, "the previous build is intact, byte for byte"
    assert _only_out_and_site(tmp_path) == ["out", "site"], "no temporary folder or lock left"


def test_a_stop_during_the_swap_waits_for_the_swap_to_finish(built: Path,
                                                             tmp_path: Path) -> None:
    build = Paused(tmp_path, "swap", "--no-pdf")
    assert not built.exists(), "paused between the two renames: the old build is retired"
    build.process.send_signal(signal.SIGTERM)  # held back until the swap is complete
    build.release()
    status, err = build.finish()
    assert status == 128 + signal.SIGTERM
    assert "the output folder holds the last complete build" in err
    assert "Second case, revised" in (built / "reports" / "north-2025.html").read_text()
    assert Records(tmp_path / "site", built).manifest() is not None, "recorded as built"
    assert _only_out_and_site(tmp_path) == ["out", "site"]


def test_the_next_build_tidies_up_after_a_build_killed_while_writing(
        built: Path, tmp_path: Path, site) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(built)
    build = Paused(tmp_path, "write", "--no-pdf")
    build.process.kill()
    build.finish()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.new-")], \
        "a killed build cannot clean up after itself"
    assert _snapshot(built) == before
    overlay(tmp_path / "site", {"examples/first-case.md": "---\ntitle: [broken\n---\nAnn.\n"})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1, "even a build that fails tidies up first"
    assert _snapshot(built) == before
    assert _only_out_and_site(tmp_path) == ["out", "site"]


def test_the_next_build_restores_the_previous_build_after_a_kill_during_the_swap(
        built: Path, tmp_path: Path) -> None:
    before = _snapshot(built)
    build = Paused(tmp_path, "swap", "--no-pdf")
    build.process.kill()
    build.finish()
    assert not built.exists(), "killed between the two renames, the output folder is missing"
    overlay(tmp_path / "site", {"examples/first-case.md": "---\ntitle: [broken\n---\nAnn.\n"})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1
    assert _snapshot(built) == before, "the retired build is back, byte for byte"
    assert _only_out_and_site(tmp_path) == ["out", "site"]


def test_a_second_build_stops_with_a_clear_message_while_another_writes(
        built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _snapshot(built)
    first = Paused(tmp_path, "write", "--no-pdf")
    monkeypatch.setattr(lock, "LOCK_WAIT", 0)
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"out: another spotlight build (process {first.process.pid}) is writing this output "
        "folder; try again when it has finished, or choose another output folder")
    first.release()
    status, _ = first.finish()
    assert status == 0
    assert _snapshot(built) != before, "the first build finished its work"
    assert _only_out_and_site(tmp_path) == ["out", "site"]


def test_a_second_build_waits_for_the_first_to_finish_writing(
        built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Paused(tmp_path, "write", "--no-pdf")
    overlay(tmp_path / "site", {"examples/first-case.md": (
        "---\ntitle: First case, from the second build\nreports: [north-2025]\n"
        "practice_theme: court-work\nregion: north\n---\nAnn.\n")})
    waits: list[float] = []

    def pause(seconds: float) -> None:  # the first build may go on once we are waiting
        waits.append(seconds)
        first.release()
        time.sleep(seconds)

    monkeypatch.setattr(lock, "_pause", pause)
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert waits, "the second build waited for the lock"
    assert first.finish()[0] == 0
    html = (built / "reports" / "north-2025.html").read_text()
    assert "First case, from the second build" in html, "the second build wrote last"
    assert _only_out_and_site(tmp_path) == ["out", "site"]
