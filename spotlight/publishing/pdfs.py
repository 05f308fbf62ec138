"""Each report's PDF in the WordPress media library, at an address that stays the same when
the PDF changes, as far as WordPress allows.

WordPress cannot replace the file of a media item: a new PDF is a new media item, and its file
is named like the old one only once the old one is gone (``x.pdf``, else ``x-1.pdf``), in the
uploads folder of the month it is sent (``uploads/2026/12/``, unless the site files all its
uploads in one folder: Settings → Media). So a changed PDF is put in place in steps, each
recorded, so that the page always links a PDF and a publication cut short is finished by the
next one: the new PDF is uploaded (under a name of its own while the old one holds the
address); the page links it; the old one is deleted; the new PDF is uploaded again, now under
the old name, at the old address; the page links that; the first copy is deleted. When the
month's folder is not the old address's, the old address cannot be kept: the PDF has a new one,
and the command says so. A draft page shows no PDF: a file in the media library can be read by
anyone who has its address."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from ..incremental.digests import digest
from .media import MediaRun
from .page import Parts
from .plan import KEPT, MOVED, REPLACE, UPLOAD, Action
from .state import Media, Page


class PdfRun(MediaRun):
    """A publication's run, with each report's PDF at its public address."""

    def pdf(self, slug: str, parts: Parts, path: str, known: Page | None) -> Media | None:
        """The report's PDF in the media library, uploaded when its bytes are new there (None
        for a draft, or in a dry run); the copy it replaces retired."""
        file = self.options.out / path
        old = known.pdf if known is not None else None
        if path not in parts.links or not file.is_file() or self.draft:
            if old is not None:
                self.retire(f"{slug}.pdf", old)
            return None
        data = file.read_bytes()
        kind = REPLACE if old is not None and old.digest != digest(data) else UPLOAD
        media = self.upload(data, f"{slug}.pdf", f"{slug}-pdf", parts.title, None, old, kind)
        if media is not None and old is not None and old.id != media.id:
            self.retire(f"{slug}.pdf", old)
        return media

    def settle(self, slug: str, parts: Parts, path: str, pdf: Media | None) -> Media | None:
        """Once the report's page links ``pdf``: delete the copy it replaced, then put it at
        the PDF's public address (which the page then links) when it is elsewhere and WordPress
        allows; the PDF the page links in the end."""
        name = f"{slug}.pdf"
        self.delete_retired(name)
        page = self.state.pages.get(slug)
        if self.options.dry_run or page is None or pdf is None:
            return pdf
        address = page.address or pdf.url
        if pdf.url != address and _folder(pdf.url) != _folder(address):
            self.note(Action(MOVED, name, f"was {address}, now {pdf.url}"))
            address = pdf.url
        elif pdf.url != address:
            placed = self._place(name, f"{slug}-pdf", parts.title,
                                 (self.options.out / path).read_bytes(), address, pdf)
            if placed is None:
                self.note(Action(MOVED, name, f"was {address}, now {pdf.url}"))
                address = pdf.url
            else:
                self.relink_pdf(slug, path, placed)
                self.retire(name, pdf)
                self.delete_retired(name, quiet=True)  # the copy made for the while
                self.note(Action(KEPT, name, f"{address} now answers the new PDF"))
                pdf = placed
        page = self.state.pages[slug]
        page.address = address
        self.save()
        return pdf

    def _place(self, name: str, stem: str, title: str, data: bytes, address: str,
               copy: Media) -> Media | None:
        """The PDF uploaded again at ``address``, now free (or the copy already there, from a
        publication cut short); None when WordPress put it elsewhere (then deleted)."""
        sha = digest(data)
        for found in self.copies(name, stem, sha):
            if found.url == address and found.id != copy.id:
                return found
        placed = self.send(data, name, f"{stem}-{sha[:12]}", title, None,
                           f"putting {name} back at its address")
        if placed.url == address:
            return placed
        self.delete(placed, name)  # the name is someone else's now
        return None

    def relink_pdf(self, slug: str, path: str, pdf: Media) -> None:
        """Update the report's page to link ``pdf`` instead of the PDF it linked (reports.py)."""
        raise NotImplementedError


def _folder(address: str) -> tuple[str, str]:
    """The site and folder of a file's address."""
    parts = urlsplit(address)
    return parts.netloc, posixpath.dirname(parts.path)
