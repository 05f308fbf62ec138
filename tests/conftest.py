"""Shared fixtures: small sample sites copied into a scratch folder, and built sites."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from spotlight.cli import main

TESTS = Path(__file__).parent
SITES = TESTS / "sites"
REPO = TESTS.parent
SAMPLE = REPO / "content"
REFERENCE = REPO.parent / "shared" / "reference" / "east-midlands-spotlight-2025.txt"


def copy_site(name: str, target: Path) -> Path:
    """Copy tests/sites/<name> (or the sample content, for "sample") to ``target``."""
    shutil.copytree(SAMPLE if name == "sample" else SITES / name, target)
    return target


def overlay(site: Path, files: dict[str, str | bytes | None]) -> None:
    """Write files over a site; None deletes one."""
    for relative, data in files.items():
        path = site / relative
        if data is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


def run(*args: str) -> Result:
    """Run the CLI in-process, as a user would from a shell."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Copy a named test site to ./site inside a scratch working folder."""
    monkeypatch.chdir(tmp_path)

    def make(name: str = "minimal") -> Path:
        return copy_site(name, tmp_path / "site")

    return make


def _build(name: str, target: Path, *extra: str) -> Path:
    content = copy_site(name, target / "content")
    out = target / "build"
    result = run("build", "--content", str(content), "--out", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content, built once with its PDFs."""
    return _build("sample", tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def elements_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture that holds every element of the reference spotlight, built once."""
    return _build("reference-elements", tmp_path_factory.mktemp("elements"))


# --- The built sample in a real browser ----------------------------------------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def served(sample_build: Path) -> Iterator[str]:
    """The sample build served over HTTP on 127.0.0.1, as a web host would serve it: missing
    pages get the site's 404 page. Returns the site's address, ending in a slash."""
    not_found = (sample_build / "404.html").read_bytes()

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(sample_build), **kwargs)

        def send_error(self, code: int, message: str | None = None,
                       explain: str | None = None) -> None:
            if code != 404:
                super().send_error(code, message, explain)
                return
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(not_found)))
            self.end_headers()
            self.wfile.write(not_found)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless chromium, driven by playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def tab(browser: Any) -> Iterator[Any]:
    """One browser tab, reused by every browser test (each sets the viewport it needs)."""
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
