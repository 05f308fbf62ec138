"""The output lock never writes into another file through a name beside the output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from spotlight.errors import SpotlightError
from spotlight.outputs.lock import lock_path, output_lock


def test_a_hard_link_named_like_the_lock_is_refused(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("irreplaceable")
    os.link(precious, lock_path(tmp_path / "out"))
    with pytest.raises(SpotlightError) as refused, output_lock(tmp_path / "out", wait=0):
        pass
    assert "is another name of some other file (a hard link); delete it" in str(
        refused.value.problems[0])
    assert precious.read_text() == "irreplaceable"


def test_an_ordinary_lock_is_taken_and_removed(tmp_path: Path) -> None:
    with output_lock(tmp_path / "out", wait=0):
        assert lock_path(tmp_path / "out").read_text().strip() == str(os.getpid())
    assert not lock_path(tmp_path / "out").exists()
