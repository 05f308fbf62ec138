"""`spotlight init` where a link is in the way: a clear message, no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run


@pytest.mark.parametrize(("target", "named"), [("broken", "broken"),
                                               ("broken/content", "broken")])
def test_init_through_a_broken_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    target: str, named: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("broken").symlink_to("nowhere/deeper")
    result = run("init", target)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{named}: is a link to a folder that does not exist: delete the link, or choose " \
           "a new folder" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken"]
