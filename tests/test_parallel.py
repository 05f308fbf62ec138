"""Work shared with forked workers gives exactly what the same work done here gives."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from spotlight import parallel
from spotlight.build import BuildOptions, build

from .conftest import copy_site

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or parallel.cores() < 2,
                                reason="work is shared on Linux, with two cores or more")


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the workers forked (and lets tests share even a few items)."""
    started: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            started.append(pid)
        return pid

    monkeypatch.setattr(parallel.os, "fork", counted)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    # Threads other tests left behind (a browser driver's, a local server's) would stop the
    # sharing; the rule itself is tested below.
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    return started


def _square(n: int) -> tuple[int, int]:
    return n, n * n


def test_results_come_back_in_order(forks: list[int]) -> None:
    items = list(range(101))
    assert parallel.shared_map(_square, items) == [_square(n) for n in items]
    assert forks, "the work was shared"


def _fails_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


def test_an_error_in_a_worker_is_raised_here(forks: list[int]) -> None:
    with pytest.raises(ValueError, match="seven"):
        parallel.shared_map(_fails_on_seven, list(range(10)))
    assert forks


def test_a_process_with_other_threads_does_not_fork(forks: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)  # say, a preview server
    items = list(range(50))
    assert parallel.shared_map(_square, items) == [_square(n) for n in items]
    assert not forks


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_shared_build_equals_a_build_done_in_one_process(
        forks: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = copy_site("sample", tmp_path / "content")
    options = {"content": content, "pdf": False, "search": False}
    build(BuildOptions(out=tmp_path / "shared", **options))
    assert len(forks) >= 2, "examples were read and pages rendered by workers"
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    forks.clear()
    build(BuildOptions(out=tmp_path / "alone", **options))
    assert not forks
    assert _digests(tmp_path / "shared") == _digests(tmp_path / "alone")
