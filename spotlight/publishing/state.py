"""What was published to a WordPress site: read back by the next publication, so that it sends
only what changed and replaces, never piles up, what it uploaded.

Kept in the project's records folder beside the content (``.spotlight/publish/``, with the
build records, never in the website folder): one JSON file per site. Saved after every change
made on the site, so that a publication cut short (a timeout, Ctrl-C) is finished by the next
one. Losing it costs nothing but a few extra requests: the next publication finds its pages and
media again by their slugs.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..incremental.digests import digest
from ..incremental.records import RECORDS

VERSION = 1


@dataclass
class Media:
    """One uploaded file: its media id, its address and the digest of its bytes."""

    id: int
    url: str
    digest: str


@dataclass
class Page:
    """One published report: its page id and address, the digest of the body sent, the digest
    of the body WordPress then held (which it may have tidied), and its PDF."""

    id: int
    link: str
    sent: str
    held: str
    status: str
    pdf: Media | None = None
    #: The PDF's public address, which links sent out name: a new PDF is put back there when
    #: WordPress allows (kept while the page is a draft and has no PDF).
    address: str = ""


@dataclass
class Retired:
    """A media item that a new one replaced (or a draft no longer shows), to be deleted once no
    page links it; ``name`` is the file's name or output path, for the messages."""

    name: str
    media: Media


@dataclass
class State:
    """Everything published to one site: pages by report slug, pictures by output path, and
    the media items waiting to be deleted."""

    site: str
    pages: dict[str, Page] = field(default_factory=dict)
    images: dict[str, Media] = field(default_factory=dict)
    retired: list[Retired] = field(default_factory=list)

    def dumps(self) -> str:
        """The state file's text."""
        return json.dumps({"spotlight": "What spotlight publish wordpress sent to 'site'.",
                           "version": VERSION, **asdict(self)}, indent=1,
                          ensure_ascii=False) + "\n"

    @classmethod
    def loads(cls, site: str, text: str) -> State:
        """Read a state file; an empty state when it cannot be used."""
        try:
            data = json.loads(text)
            if data.get("version") != VERSION or data.get("site") != site:
                return cls(site)
            pages = {str(slug): Page(int(p["id"]), str(p["link"]), str(p["sent"]),
                                     str(p["held"]), str(p["status"]),
                                     Media(**p["pdf"]) if p.get("pdf") else None,
                                     str(p.get("address", "")))
                     for slug, p in data["pages"].items()}
            images = {str(path): Media(**m) for path, m in data["images"].items()}
            retired = [Retired(str(r["name"]), Media(**r["media"]))
                       for r in data.get("retired", [])]
            return cls(site, pages, images, retired)
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls(site)


class StateFile:
    """The state file of one site, in the records folder beside ``content``."""

    def __init__(self, content: Path, site: str) -> None:
        self.root = content.resolve().parent / RECORDS
        host = re.sub(r"[^A-Za-z0-9.-]+", "-", urlsplit(site).netloc).strip(".-") or "site"
        self.path = self.root / "publish" / f"wordpress-{host}-{digest(site)[:12]}.json"
        self.site = site

    def read(self) -> State:
        """The state of the last publication to the site (empty when there was none)."""
        try:
            return State.loads(self.site, self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return State(self.site)

    def save(self, state: State) -> None:
        """Write ``state`` whole or not at all (a new file renamed over the old)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not (self.root / ".gitignore").exists():
            (self.root / ".gitignore").write_text(
                "# Build records of spotlight: never commit them.\n*\n", encoding="utf-8")
        handle, name = tempfile.mkstemp(prefix=".saving-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(state.dumps())
            os.replace(name, self.path)
        finally:
            with suppress(OSError):
                os.unlink(name)
