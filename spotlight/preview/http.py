"""The preview's web server: serves files of the build folder and nothing else.

Every request path is decoded once, as a browser sends it; a path that still holds a ``%``
after that (a double-encoded one), a ``..`` or ``.`` segment, a hidden name, a backslash or a
NUL is refused, and what remains must resolve, links followed, to a file inside the build
folder. A request whose Host header is not a name the preview listens on (127.0.0.1,
localhost, [::1] or the ``--host`` given, with the port) is refused: a web page elsewhere could
otherwise read the drafts through DNS rebinding. HTML pages get a small script that reloads
them when the preview rebuilds (and, while the content is broken, a list of its problems;
on the search page, while the search index catches up, a status saying so); the files
served are never changed.

The site's pages and files are served from memory (``PreviewServer.site``, see warm.py);
what is made on disk (the search index, the PDFs) from the folders ``roots`` names.
"""

from __future__ import annotations

import html
import ipaddress
import mimetypes
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

if TYPE_CHECKING:
    from ..editor.web import Editor, Response

EVENTS = "/__spotlight__/events"
_KEEP_ALIVE = 15.0
#: The search page (site/render.py's SEARCH_PAGE), whose results come from the index that
#: catches up in the background.
SEARCH_PAGE = "search/index.html"


@dataclass
class PreviewState:
    """What the preview has built: a generation number that grows with every build, and the
    problems of the latest one (none when it succeeded); whether the search index is being
    brought up to date, and how many times it has been (``indexed``)."""

    generation: int = 0
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # of the latest good build
    has_good_build: bool = False
    indexing: bool = False
    indexed: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)
    #: Held while a build replaces the pages and its problems are published, and while a page
    #: is read and given the problems: a page is never served with another build's problems.
    writing: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, problems: tuple[str, ...],
                warnings: tuple[str, ...] | None = None) -> None:
        """Record a finished build (its ``warnings``, when it is a good one) and wake every
        page waiting for a reload."""
        with self.changed:
            self.generation += 1
            self.problems = problems
            if warnings is not None:
                self.warnings = warnings
            self.has_good_build = self.has_good_build or not problems
            self.changed.notify_all()

    def index(self, indexing: bool) -> None:
        """Record that the search index is being brought up to date, or (False) that it is."""
        with self.changed:
            if self.indexing and not indexing:
                self.indexed += 1
            self.indexing = indexing
            self.changed.notify_all()

    def wait(self, seen: str, timeout: float, search: bool = False) -> str:
        """The current generation (with ``search``, and the search index's count: "3:2"),
        once it differs from ``seen`` or ``timeout`` has passed."""
        def now() -> str:
            return f"{self.generation}:{self.indexed}" if search else str(self.generation)

        with self.changed:
            self.changed.wait_for(lambda: now() != seen, timeout)
            return now()


def safe_parts(url_path: str) -> list[str] | None:
    """The segments of a request path, or None when the path must be refused."""
    decoded = unquote(url_path)
    if any(bad in decoded for bad in ("%", "\\", "\x00")):
        return None
    parts = [part for part in decoded.split("/") if part]
    if any(part.startswith(".") for part in parts):
        return None
    return parts


def locate(roots: tuple[Path, ...], parts: list[str]) -> Path | None:
    """The first file that ``parts`` names inside one of ``roots`` (index.html for a folder)."""
    for root in roots:
        real_root = root.resolve()
        candidate = root.joinpath(*parts)
        if candidate.is_dir():
            candidate = candidate / "index.html"
        try:
            real = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            continue
        if real.is_relative_to(real_root) and real.is_file():
            return real
    return None


def host_names(host: str, port: int) -> frozenset[str]:
    """The Host headers a preview listening on ``host`` and ``port`` answers to."""
    names = {"127.0.0.1", "localhost", "[::1]", host.lower()}
    names = {f"[{n}]" if ":" in n and not n.startswith("[") else n for n in names if n}
    return frozenset({f"{n}:{port}" for n in names} | (names if port == 80 else set()))


def _ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def _script(generation: int, indexed: int | None = None) -> str:
    seen, search = (generation, "") if indexed is None else (f"{generation}:{indexed}",
                                                             "&search=1")
    return (f'<script>(function () {{ var seen = "{seen}"; '
            f'var events = new EventSource("{EVENTS}?since=" + seen + "{search}"); '
            'events.onmessage = function (event) { if (event.data !== seen) { '
            'events.close(); window.location.reload(); } }; }());</script>\n')


def _problems(problems: tuple[str, ...], good: bool) -> str:
    items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    shown = "showing the last good build" if good else "there is no good build to show yet"
    return ('<div role="alert" style="position:fixed;inset:auto 0 0 0;max-height:50vh;'
            'overflow:auto;z-index:9999;margin:0;padding:1em;background:#fff;color:#0b0c0c;'
            'border-top:5px solid #d4351c;font:16px/1.4 sans-serif">'
            f'<p><strong>The content has {len(problems)} problem(s); {shown}.</strong></p>'
            f'<ul>{items}</ul></div>\n')


def _warnings(warnings: tuple[str, ...]) -> str:
    items = "".join(f"<li><code>{html.escape(w)}</code></li>" for w in warnings)
    return ('<div role="status" style="position:fixed;inset:auto 0 0 0;max-height:30vh;'
            'overflow:auto;z-index:9999;margin:0;padding:1em;background:#fff;color:#0b0c0c;'
            'border-top:5px solid #f47738;font:16px/1.4 sans-serif">'
            f'<p><strong>The build has {len(warnings)} warning(s) to review.</strong></p>'
            f'<ul>{items}</ul></div>\n')


#: Shown at the top of the search page, in the flow of the page (nothing is covered), while
#: the search index catches up with the latest save; a status region, which screen readers
#: announce without moving focus.
INDEXING = ('<div role="status" style="margin:0;padding:0.5em 1em;background:#fff;'
            'color:#0b0c0c;border-bottom:5px solid #1d70b8;font:16px/1.4 sans-serif">'
            '<p style="margin:0">Search results are being updated to include your latest '
            'changes. This page reloads when they are ready.</p></div>\n')


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the preview's folders and state."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], roots: Callable[[str], tuple[Path, ...]],
                 state: PreviewState, log: Callable[[str], None] | None,
                 site: Callable[[str], tuple[str, bytes | Path] | None] | None = None) -> None:
        super().__init__(address, _Handler)
        self.roots, self.state, self.log, self.site = roots, state, log, site
        self.stopping = threading.Event()
        self.hosts = host_names(address[0], self.server_address[1])
        self._any_address = address[0] in ("", "0.0.0.0", "::")
        #: ``spotlight serve --edit``: the editor at /admin/ and its API at /api/v1.
        self.editor: Editor | None = None

    def answers_to(self, hosts: list[str]) -> bool:
        """True when a request's Host header names this server (exactly one header)."""
        if len(hosts) != 1:
            return False
        host = hosts[0].strip().lower()
        if host in self.hosts:
            return True
        # Listening on every address: a visitor on the network names it by its IP address,
        # which no other site can take over (rebinding needs a name).
        name, _, port = host.rpartition(":")
        return self._any_address and port == str(self.server_address[1]) and _ip(name)


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "spotlight-preview"

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_POST(self) -> None:
        editor = self.server.editor
        if editor is None:
            self.send_error(405, "The preview takes no POST requests (the editor is off)")
            return
        if not self.server.answers_to(self.headers.get_all("Host") or []):
            self.send_error(421, "Refused: the preview answers only to "
                            + ", ".join(sorted(self.server.hosts)))
            return
        origins = frozenset(f"http://{host}" for host in self.server.hosts)
        headers = {name.lower(): value for name, value in self.headers.items()}
        self._reply(editor.post(urlsplit(self.path).path, headers, origins, self.rfile), True)

    def _reply(self, answer: Response, send_body: bool) -> None:
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", answer.kind)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(answer.body)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")

    def _respond(self, send_body: bool) -> None:
        if not self.server.answers_to(self.headers.get_all("Host") or []):
            # A page elsewhere can make a browser send requests here under its own name (DNS
            # rebinding); only the names the preview listens on may read its drafts.
            self.send_error(421, "Refused: the preview answers only to "
                            + ", ".join(sorted(self.server.hosts)))
            return
        url = urlsplit(self.path)
        if url.path == EVENTS and send_body:
            self._events(url.query)
            return
        if self.server.editor is not None and (answer := self.server.editor.get(url.path)):
            self._reply(answer, send_body)
            return
        parts = safe_parts(url.path)
        if parts is None:
            self.send_error(400, "Refused: that path is not inside the preview")
            return
        with self.server.state.writing:
            self._file(url.path, parts, send_body)

    def _file(self, url_path: str, parts: list[str], send_body: bool) -> None:
        state = self.server.state
        relative = "/".join(parts)
        # The site's own files from memory, then what is made on disk (search index, PDFs).
        found = self.server.site(relative) if self.server.site is not None else None
        if found is None and (target := locate(self.server.roots(url_path), parts)):
            found = (target.name, target)
        if found is None and not state.has_good_build:
            self._send(503, "text/html; charset=utf-8", self._page(b""), send_body)
            return
        if found is None:
            self.send_error(404, "Not found in the build folder")
            return
        name, source = found
        try:
            data = source.read_bytes() if isinstance(source, Path) else source
        except OSError:
            self.send_error(404, "Not found in the build folder")
            return
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if kind == "text/html":
            search = name == SEARCH_PAGE
            self._send(200, "text/html; charset=utf-8", self._page(data, search), send_body)
        else:
            self._send(200, kind, data, send_body)

    def _page(self, data: bytes, search: bool = False) -> bytes:
        state = self.server.state
        extra = _script(state.generation, state.indexed if search else None)
        if state.problems:
            extra = _problems(state.problems, state.has_good_build) + extra
        elif state.warnings:
            extra = _warnings(state.warnings) + extra
        if not data:
            data = (b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                    b"<title>spotlight preview</title></head><body></body></html>")
        text = data.decode("utf-8", "replace")
        at = text.rfind("</body>")
        text = text[:at] + extra + text[at:] if at >= 0 else text + extra
        if search and state.indexing:
            body = text.find("<body")
            at = text.find(">", body) + 1 if body >= 0 else 0
            text = text[:at] + INDEXING + text[at:]
        return text.encode("utf-8")

    def _send(self, status: int, kind: str, data: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def _events(self, query: str) -> None:
        """Server-sent events: the build generation, sent whenever it changes."""
        asked = parse_qs(query)
        seen = asked.get("since", ["-1"])[0]
        search = "search" in asked
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        state = self.server.state
        try:
            while not self.server.stopping.is_set():
                generation = state.wait(seen, _KEEP_ALIVE, search)
                if generation != seen:
                    self.wfile.write(f"data: {generation}\n\n".encode())
                    seen = generation
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
