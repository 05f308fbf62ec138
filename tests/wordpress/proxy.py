"""A faulty network between spotlight and the tests' real WordPress: a proxy on 127.0.0.1
that passes every request on to WordPress (rewriting WordPress's address into its own in the
answers, so that the API found through it is reached through it), and can be told to break:

- ``stall``: a request that matches is passed on (WordPress does the work), but its answer
  never comes back in time, as when a connection dies midway;
- ``html``: a request that matches gets a web page (as from a firewall or a maintenance
  page) instead of WordPress's answer.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

#: Told the method and the path with its query; True to break that request.
Match = Callable[[str, str], bool]


class Proxy:
    """A proxy in front of the WordPress at ``target``; ``url`` is its own address."""

    def __init__(self, target: str) -> None:
        self.target = urlsplit(target)
        self.stall: Match | None = None
        self.html: Match | None = None
        self.released = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                proxy.handle(self)

            do_GET = do_POST = do_DELETE = do_PUT = _any

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else None
        if self.html and self.html(request.command, request.path):
            page = b"<!DOCTYPE html><title>Down for maintenance</title><p>Back soon.</p>"
            request.send_response(503)
            request.send_header("Content-Type", "text/html; charset=utf-8")
            request.send_header("Content-Length", str(len(page)))
            request.end_headers()
            request.wfile.write(page)
            return
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() not in ("host", "connection", "accept-encoding")}
        connection = http.client.HTTPConnection(self.target.hostname or "", self.target.port,
                                                timeout=60)
        connection.request(request.command, request.path, body=body, headers=headers)
        answer = connection.getresponse()
        data = self._mine(answer.read())
        if self.stall and self.stall(request.command, request.path):
            self.released.wait(30)  # WordPress did the work; its answer is lost
            return
        request.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                request.send_header(name, self._mine(value.encode("latin-1")).decode("latin-1"))
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)
        connection.close()

    def _mine(self, data: bytes) -> bytes:
        """WordPress's own address, made the proxy's."""
        mine = urlsplit(self.url).netloc.encode()
        return data.replace(self.target.netloc.encode(), mine)

    def close(self) -> None:
        self.released.set()
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def proxy_to(target: str) -> Iterator[Proxy]:
    """A proxy in front of ``target`` for the block."""
    proxy = Proxy(target)
    try:
        yield proxy
    finally:
        proxy.close()
