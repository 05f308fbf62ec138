"""Shared fixtures: small sample sites copied into a scratch folder, and built sites."""

from __future__ import annotations

import shutil
import socket
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


# --- no network, ever ----------------------------------------------------------------------


_LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}


def _loopback(address) -> bool:  # type: ignore[no-untyped-def]
    """Tests' own servers (the preview, a served build) listen on this machine only; the
    Listener below checks that no build connects even there."""
    return isinstance(address, tuple) and str(address[0]).startswith(("127.", "::1"))


class NetworkGuard:
    """Records, and refuses, every attempt to reach the network from this process."""

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self.loopback = True  # tests may reach servers they started on this machine

    def strict(self) -> None:
        """From now on, refuse this machine's addresses too (for tests of a build)."""
        self.loopback = False

    def refuse(self, what: str) -> OSError:
        self.attempts.append(what)
        return OSError(f"network access attempted during a test: {what}")


@pytest.fixture(autouse=True)
def network_guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[NetworkGuard]:
    """Every test runs with the network refused; a test fails if anything tried to use it."""
    guard = NetworkGuard()
    inet = (socket.AF_INET, socket.AF_INET6)
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    real_getaddrinfo = socket.getaddrinfo

    def connect(sock: socket.socket, address) -> None:  # type: ignore[no-untyped-def]
        if sock.family in inet and not (guard.loopback and _loopback(address)):
            raise guard.refuse(f"connect to {address}")
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address) -> int:  # type: ignore[no-untyped-def]
        if sock.family in inet and not (guard.loopback and _loopback(address)):
            raise guard.refuse(f"connect to {address}")
        return real_connect_ex(sock, address)

    def sendto(sock: socket.socket, *args) -> int:  # type: ignore[no-untyped-def]
        raise guard.refuse(f"send to {args[-1]}")

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not guard.loopback or host not in _LOOPBACK_NAMES:
            raise guard.refuse(f"look up {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", sendto)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield guard
    assert not guard.attempts, f"the network was used: {guard.attempts}"


class Listener:
    """A local TCP server that must receive nothing: its address stands for a remote site."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self) -> int:
        """Stop listening; return how many connections arrived."""
        self._stop.set()
        self._thread.join()
        self._server.close()
        return self.connections


@pytest.fixture(scope="session")
def listener() -> Iterator[Listener]:
    """A local address that no build may connect to (checked by each test that uses it)."""
    server = Listener()
    yield server
    server.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Show the publish gate's recall and false alarms (tests/test_gate_corpus.py)."""
    from .test_gate_corpus import SCORES

    for score in SCORES:
        terminalreporter.write_line(score)
