"""spotlight serve in a real subprocess: pages, edits, reloads, broken content, traversal."""

from __future__ import annotations

import http.client
import importlib.util
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from spotlight.preview.access import locate, safe_parts
from spotlight.preview.options import ServeOptions
from spotlight.preview.pdf_worker import PdfWorker
from spotlight.preview.state import PreviewState

from .conftest import REPO, copy_site, overlay

PATIENCE = 60.0  # generous: the machine may be busy; nothing here measures speed


@dataclass
class Preview:
    host: str
    port: int
    content: Path
    out: Path
    log: queue.Queue[str]

    def get(self, path: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=PATIENCE)
        connection.request("GET", path)  # sent as written: no client-side normalising
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        connection.close()
        return response.status, body

    def until(self, path: str, test: Callable[[str], bool]) -> str:
        deadline = time.monotonic() + PATIENCE
        while True:
            status, body = self.get(path)
            if status == 200 and test(body):
                return body
            assert time.monotonic() < deadline, f"gave up waiting for {path}:\n{body[-2000:]}"
            time.sleep(0.1)


def _start(tmp_path: Path, *options: str,
           prepare: Callable[[Path], None] | None = None) -> Iterator[Preview]:
    content = copy_site("minimal", tmp_path / "site")
    if prepare is not None:
        prepare(content)
    out = tmp_path / "preview"
    command = [sys.executable, "-m", "spotlight", "serve", "--content", "site", "--out",
               "preview", "--port", "0", *options]
    process = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True,
                               env=os.environ | {"PYTHONPATH": str(REPO)})
    log: queue.Queue[str] = queue.Queue()
    assert process.stderr is not None
    threading.Thread(target=lambda: [log.put(line) for line in process.stderr],  # type: ignore[union-attr]
                     daemon=True).start()
    try:
        while True:
            line = log.get(timeout=PATIENCE)
            if match := re.search(r"Serving the preview at (http://\S+)", line):
                break
        url = urlsplit(match.group(1))
        assert url.hostname and url.port
        yield Preview(url.hostname, url.port, content, out, log)
    finally:
        process.terminate()
        process.wait(timeout=PATIENCE)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    yield from _start(tmp_path, "--no-pdf")


def test_listens_on_localhost_and_serves_pages_with_the_reload_script(preview: Preview) -> None:
    assert preview.host == "127.0.0.1"
    status, page = preview.get("/reports/north-2025.html")
    assert status == 200
    assert "Ann completed her order." in page
    assert '<script>' in page and "/__spotlight__/events" in page
    on_disk = (preview.out / "reports" / "north-2025.html").read_text()
    assert "Ann completed her order." in on_disk
    assert "<script>" not in on_disk and "/__spotlight__/" not in on_disk, (
        "the reload script is never written into the build")
    assert preview.get("/")[0] == 200
    assert preview.get("/static/site.css")[0] == 200


def test_an_edit_shows_up_and_the_reload_signal_reaches_the_page(preview: Preview) -> None:
    page = preview.until("/reports/north-2025.html", lambda body: "Ann completed" in body)
    seen = re.search(r'var seen = "(\d+)"', page)
    assert seen is not None
    events = http.client.HTTPConnection(preview.host, preview.port, timeout=PATIENCE)
    events.request("GET", f"/__spotlight__/events?since={seen.group(1)}")
    stream = events.getresponse()
    assert stream.getheader("Content-Type") == "text/event-stream"
    first = preview.content / "examples" / "first-case.md"
    first.write_text(first.read_text().replace("Ann completed her order.",
                                               "Ann completed her order early."))
    while not (line := stream.readline().decode()).startswith("data:"):
        pass  # keep-alive comments until the rebuild
    assert int(line.removeprefix("data:").strip()) > int(seen.group(1))
    events.close()
    preview.until("/reports/north-2025.html", lambda body: "completed her order early" in body)


@pytest.mark.parametrize("path", [
    "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
    "/..%2f..%2f..%2fetc%2fpasswd", "/%252e%252e/%252e%252e/etc/passwd",
    "/%252e%252e%252f%252e%252e%252fetc%252fpasswd", "/reports/../../../etc/passwd",
    "/reports/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%5c..%5cetc%5cpasswd", "/.spotlight-build",
    "/%00/etc/passwd",
])
def test_traversal_is_refused(preview: Preview, path: str) -> None:
    status, body = preview.get(path)
    assert status == 400
    assert "root:" not in body


def test_broken_content_shows_its_problems_over_the_last_good_build(preview: Preview) -> None:
    preview.until("/reports/north-2025.html", lambda body: "Ann completed" in body)
    overlay(preview.content, {"examples/second-case.md": "---\ntitle: Second case\n"
                              "reports: [north-2025\n---\nBroken.\n"})
    page = preview.until("/reports/north-2025.html", lambda body: 'role="alert"' in body)
    assert "site/examples/second-case.md:3: invalid YAML" in page
    assert "showing the last good build" in page
    assert "Ann completed her order." in page, "the last good build is still served"
    overlay(preview.content, {"examples/second-case.md": "---\ntitle: Second case\n"
                              "reports: [north-2025]\npractice_theme: resettlement\n"
                              "region: north\n---\nBen was mended.\n"})
    # The new pages are in place a moment before the build is announced: wait for both.
    preview.until("/reports/north-2025.html",
                  lambda body: "Ben was mended." in body and 'role="alert"' not in body)


def test_pdfs_are_rebuilt_in_the_background(tmp_path: Path) -> None:
    for preview in _start(tmp_path):
        deadline = time.monotonic() + PATIENCE
        while (status := preview.get("/reports/north-2025.pdf")[0]) != 200:
            assert status == 404 and time.monotonic() < deadline
            time.sleep(0.2)


def test_pdfs_are_not_said_rebuilt_while_the_content_is_broken(tmp_path: Path) -> None:
    """A PDF build asked for by a good rebuild may end after the content was broken again:
    its PDFs (of the last good content) are kept, and not announced after the problems."""
    content = copy_site("minimal", tmp_path / "site")
    state = PreviewState()
    state.publish(("site/examples/second-case.md:3: invalid YAML: ...",))
    said: list[str] = []
    out = tmp_path / "pdf" / "build"
    options = ServeOptions(content=content, visual_theme="default")
    worker = PdfWorker(options, out, said.append, state)
    worker.request()
    deadline = time.monotonic() + PATIENCE
    while not (out / "reports" / "north-2025.pdf").is_file():
        assert time.monotonic() < deadline, "the PDFs of the last good content are made"
        time.sleep(0.2)
    worker.stop()
    worker.join(PATIENCE)
    assert said == []
    state.publish(())  # mended: the next build is announced
    worker = PdfWorker(options, out, said.append, state)
    worker.request()
    deadline = time.monotonic() + PATIENCE
    while not said:
        assert time.monotonic() < deadline, "a build of good content is announced"
        time.sleep(0.2)
    worker.stop()
    worker.join(PATIENCE)
    assert said == ["PDFs rebuilt"]


def test_a_port_in_use_is_said_before_building_anything(tmp_path: Path) -> None:
    copy_site("minimal", tmp_path / "site")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "spotlight", "serve", "--content", "site", "--out", "preview",
             "--port", str(port), "--no-pdf"], cwd=tmp_path, capture_output=True, text=True,
            timeout=PATIENCE, env=os.environ | {"PYTHONPATH": str(REPO)})
    assert result.returncode == 1, result.stderr
    assert result.stderr == (f"127.0.0.1:{port}: cannot listen there: Address already in use; "
                             "try another --port\n1 problem. The preview did not start.\n")
    assert not (tmp_path / "preview").exists(), "nothing is built"


def test_locate_never_follows_a_link_out_of_the_build_folder(tmp_path: Path) -> None:
    root = tmp_path / "build"
    root.mkdir()
    (root / "page.html").write_text("page")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "leak.txt").symlink_to(tmp_path / "secret.txt")
    assert locate((root,), ["page.html"]) == (root / "page.html").resolve()
    assert locate((root,), ["leak.txt"]) is None
    assert safe_parts("/a/./b") is None and safe_parts("/a//b/") == ["a", "b"]


def test_a_personal_detail_is_never_served(preview: Preview) -> None:
    preview.until("/reports/north-2025.html", lambda body: "Ann completed" in body)
    overlay(preview.content, {"examples/second-case.md": "---\ntitle: Second case\n"
                              "reports: [north-2025]\npractice_theme: resettlement\n"
                              "region: north\n---\nBen moved to NG7 2QP.\n"})
    page = preview.until("/reports/north-2025.html", lambda body: 'role="alert"' in body)
    assert ("site/examples/second-case.md:7:14: error: anon-postcode: &#x27;NG7 2QP&#x27; looks "
            "like a postcode") in page, "the gate's finding is shown on the page"
    assert "Ben was released on licence." in page, "the last good build is still served"
    assert "NG7 2QP</" not in page and "moved to NG7" not in page


def test_only_the_names_it_listens_on_are_answered(preview: Preview) -> None:
    """DNS rebinding: a page on another site reaches the preview under that site's name."""
    for good in (f"127.0.0.1:{preview.port}", f"localhost:{preview.port}",
                 f"LOCALHOST:{preview.port}", f"[::1]:{preview.port}"):
        assert _get_as(preview, good, "/reports/north-2025.html")[0] == 200
    for host in ("attacker.example:{port}", "attacker.example", "127.0.0.1.nip.io:{port}",
                 "localhost.attacker.example:{port}", "127.0.0.1:1", "localhost", ""):
        status, body = _get_as(preview, host.format(port=preview.port),
                               "/reports/north-2025.html")
        assert status == 421, host
        assert "Ann" not in body and "answers only to" in body
        assert _get_as(preview, host.format(port=preview.port), "/__spotlight__/events")[0] == 421


def _get_as(preview: Preview, host: str, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(preview.host, preview.port, timeout=PATIENCE)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


def test_unfinished_translations_are_shown_as_warnings_under_the_pages(
        preview: Preview) -> None:
    preview.until("/reports/north-2025.html", lambda body: "Ann completed" in body)
    text = (preview.content / "site.yml").read_text(encoding="utf-8")
    overlay(preview.content, {"site.yml": text + "languages: [en, cy]\ntranslations: warning\n"})
    page = preview.until("/reports/north-2025.html", lambda body: 'role="status"' in body)
    assert "The build has 1 warning(s) to review." in page
    assert ("site/reports/north-2025.yml:1: report &#x27;north-2025&#x27; has no Welsh "
            "translation") in page
    assert 'role="alert"' not in page, "a warning does not stop the build"


def _pagefind_runs(under: Path) -> set[int]:
    """The processes running Pagefind on a folder under ``under``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # gone meanwhile
        if (state != "Z" and words and words[0].endswith(b"pagefind")
                and any(str(under).encode() in word for word in words)):
            found.add(int(entry.name))
    return found


def test_stopping_the_preview_while_it_indexes_leaves_no_pagefind_running(
        tmp_path: Path) -> None:
    """Ctrl+C while the search index catches up in the background stops Pagefind too, instead
    of leaving it indexing a folder the preview removes as it stops."""
    spec = importlib.util.spec_from_file_location("synth", REPO / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    content = synth.generate(tmp_path / "site", 2000, 20)  # pages to index for a second
    command = [sys.executable, "-m", "spotlight", "serve", "--content", str(content), "--out",
               str(tmp_path / "preview"), "--port", "0", "--no-pdf"]
    process = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True,
                               env=os.environ | {"PYTHONPATH": str(REPO)})
    log: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [log.put(line) for line in process.stderr],  # type: ignore[union-attr]
                     daemon=True).start()
    try:
        while "Serving the preview at" not in log.get(timeout=PATIENCE):
            pass
        # A save: the preview serves it at once, then writes the build folder and indexes it
        # for search in the background; Ctrl+C comes while Pagefind runs there.
        target = content / "examples" / "example-00000.md"
        deadline = time.monotonic() + PATIENCE
        saves = 0
        while not (running := _pagefind_runs(tmp_path)):
            assert time.monotonic() < deadline, "Pagefind never ran for the preview"
            assert process.poll() is None, "the preview stopped by itself"
            if time.monotonic() > deadline - PATIENCE + 5 * saves:  # save (again, now and then)
                saves += 1
                target.write_text(target.read_text().replace(
                    "## Outcome", f"## Outcome\n\nSaved {saves}.", 1))
            time.sleep(0.005)
        process.send_signal(signal.SIGINT)  # Ctrl+C
        assert process.wait(timeout=PATIENCE) is not None
        time.sleep(0.2)  # a killed process may take a moment to be gone from /proc
        assert not running & _pagefind_runs(tmp_path), "Pagefind is still running"
    finally:
        process.kill()
        process.wait()
        for pid in _pagefind_runs(tmp_path):
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def test_an_override_folder_named_in_the_site_file_is_watched(tmp_path: Path) -> None:
    # The site file names an override folder outside the content folder: an edit there shows
    # up by itself, as an edit of the content does.
    def prepare(content: Path) -> None:
        site_file = (content / "site.yml").read_text()
        overlay(content, {"site.yml": site_file + "theme_override: ../look\n"})
        overlay(tmp_path / "look", {"templates/base.html": _BASE.format(note="First look")})

    for preview in _start(tmp_path, "--no-pdf", prepare=prepare):
        preview.until("/reports/north-2025.html", lambda page: "First look" in page)
        overlay(tmp_path / "look", {"templates/base.html": _BASE.format(note="Second look")})
        preview.until("/reports/north-2025.html", lambda page: "Second look" in page)


_BASE = ('{{% extends "!default/base.html" %}}'
         '{{% block head %}}{{{{ super() }}}}<meta name="note" content="{note}">{{% endblock %}}')
