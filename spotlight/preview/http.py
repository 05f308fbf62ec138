"""The preview's web server: serves files of the build folder and nothing else.

Only requests that name the preview, for files inside its folders, are answered (access.py).
HTML pages get a small script that reloads them when the preview rebuilds, and the problems or
warnings of the latest build (overlay.py); the files served are never changed.

The site's pages and files are served from memory (``PreviewServer.site``, see warm.py);
what is made on disk (the search index, the PDFs) from the folders ``roots`` names.
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from .access import host_names, is_ip, locate, safe_parts
from .overlay import EVENTS, page
from .state import PreviewState

if TYPE_CHECKING:
    from ..editor.web import Editor, Response

_KEEP_ALIVE = 15.0
#: The search page (site/render.py's SEARCH_PAGE), whose results come from the index that
#: catches up in the background.
SEARCH_PAGE = "search/index.html"


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
        return self._any_address and port == str(self.server_address[1]) and is_ip(name)


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
            self._send(503, "text/html; charset=utf-8", page(state, b""), send_body)
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
            self._send(200, "text/html; charset=utf-8", page(state, data, search), send_body)
        else:
            self._send(200, kind, data, send_body)

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
