"""The minimal site's HTML, compared with a golden copy.

When an intended change alters the output, refresh the golden copy and review its diff:

    SPOTLIGHT_UPDATE_GOLDEN=1 python3 -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .conftest import TESTS, run

GOLDEN = TESTS / "golden" / "minimal"
GOLDEN_SUFFIXES = (".html", ".xml", ".txt")  # pages, feed, sitemap, robots.txt


def test_minimal_site_matches_golden_html(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    built = {p.relative_to(tmp_path / "out").as_posix(): p.read_text()
             for p in sorted((tmp_path / "out").rglob("*")) if p.suffix in GOLDEN_SUFFIXES}
    if os.environ.get("SPOTLIGHT_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for relative, text in built.items():
            (GOLDEN / relative).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / relative).write_text(text)
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text()
              for p in sorted(GOLDEN.rglob("*")) if p.suffix in GOLDEN_SUFFIXES}
    assert sorted(built) == sorted(golden)
    for relative, text in built.items():
        assert text == golden[relative], f"{relative} differs from tests/golden/minimal"
