"""Every page of the built sample is valid HTML under the Nu HTML checker (vnu)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .test_browser import PAGE_TYPES

#: scripts/test.sh installs npm's vnu-jar here (see need_test_tools in scripts/lib.sh).
_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
VNU = Path(os.environ.get("SPOTLIGHT_VNU_JAR") or
           _CACHE / "spotlight-test-tools" / "node_modules" / "vnu-jar" / "build" / "dist" /
           "vnu.jar")


def test_every_page_is_valid_html(sample_build: Path, tmp_path: Path) -> None:
    assert VNU.is_file(), f"{VNU} is missing: run bash scripts/test.sh, which installs it"
    pages = sorted(sample_build.rglob("*.html"))
    built = {p.relative_to(sample_build).as_posix() for p in pages}
    for path in PAGE_TYPES.values():
        assert unquote(urlsplit(path).path) in built | {"no/such/page.html"}
    assert "404.html" in built
    # A page we know to be invalid proves the checker is running and reporting.
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></span>")
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                           str(broken), *map(str, pages)],
                          capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(done.stderr)["messages"]
    errors = [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in messages
              if not m["url"].endswith("/broken.html")]
    assert errors == []
    assert any(m["url"].endswith("/broken.html") for m in messages)
