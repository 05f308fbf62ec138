"""What the preview answers: only requests that name it, for files inside its folders.

Every request path is decoded once, as a browser sends it; a path that still holds a ``%``
after that (a double-encoded one), a ``..`` or ``.`` segment, a hidden name, a backslash or a
NUL is refused, and what remains must resolve, links followed, to a file inside the build
folder. A request whose Host header is not a name the preview listens on (127.0.0.1,
localhost, [::1] or the ``--host`` given, with the port) is refused: a web page elsewhere could
otherwise read the drafts through DNS rebinding.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import unquote


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


def is_ip(name: str) -> bool:
    """Whether a Host header's name is an IP address (which no other site can take over)."""
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True
