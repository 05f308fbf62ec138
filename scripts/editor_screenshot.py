"""Take the README's screenshot of the form editor: docs/editor.png.

Run from the repository: ``python3 scripts/editor_screenshot.py``. It serves a copy of the
sample content with ``spotlight serve --edit``, opens an example in Debian's chromium (driven
by playwright, as the browser tests are) and saves the picture.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
TITLE = "Adjourning for a fuller picture"


def main() -> None:
    """Serve, open the example, take the picture."""
    with tempfile.TemporaryDirectory(prefix="spotlight-editor-shot-") as scratch:
        content = Path(scratch) / "content"
        shutil.copytree(REPO / "content", content)
        process = subprocess.Popen(
            [sys.executable, "-m", "spotlight", "serve", "--content", str(content), "--port",
             "0", "--no-pdf", "--edit"], stderr=subprocess.PIPE, text=True,
            env=os.environ | {"PYTHONPATH": str(REPO)})
        try:
            assert process.stderr is not None
            for line in process.stderr:
                if found := re.search(r"Editing at (http://\S+)", line):
                    break
            else:
                raise SystemExit("spotlight serve --edit did not start")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
                page = browser.new_page(viewport={"width": 1200, "height": 820})
                page.goto(found.group(1))
                page.get_by_text(TITLE).click()
                page.get_by_role("textbox", name="Title").wait_for()
                page.wait_for_timeout(500)
                page.screenshot(path=str(REPO / "docs" / "editor.png"))
                browser.close()
        finally:
            process.terminate()
            process.wait()
    print("Saved docs/editor.png")


if __name__ == "__main__":
    main()
