"""Invalid content, as data: each case's exact messages, exit status 1, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .conftest import TESTS, overlay, run

CASES = yaml.safe_load((TESTS / "invalid_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_invalid_content_is_reported_with_file_and_line(case, site, tmp_path: Path) -> None:
    content = site(case["base"])
    overlay(content, case["files"])
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[:-1] == case["expected"]
    assert lines[-1].startswith("Build failed:")
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
