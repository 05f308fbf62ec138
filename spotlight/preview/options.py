"""What ``spotlight serve`` is asked to do (``ServeOptions``), and how it reports (``Log``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Log = Callable[[str], None]


@dataclass(frozen=True)
class ServeOptions:
    """Where the content is, where to build the preview, and where to listen."""

    content: Path = Path("content")
    out: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    visual_theme: str = "default"
    theme_override: Path | None = None
    pdf: bool = True
    log_requests: bool = False
    #: Serve the editor at /admin/ (``--edit``): on 127.0.0.1 only.
    edit: bool = False
