"""A publication's files in the WordPress media library: each report's PDF and pictures,
uploaded only when no media item has their bytes (each upload's slug carries the digest of its
bytes, so that an upload whose answer was lost is found again, not repeated); a picture of a
type the site refuses is written into the page instead; a copy that a new upload replaced is
deleted."""

from __future__ import annotations

import mimetypes
import posixpath
import re

from ..incremental.digests import digest
from .page import Parts, inline_picture
from .plan import DELETE, INLINE, REPLACE, UPLOAD, Action
from .run import Run
from .state import Media

#: The media id recorded for a picture whose type the site refuses: it is in the page itself.
REFUSED = 0
#: What WordPress answers an upload of a type it does not take.
_TYPE_REFUSED = ("rest_upload_sideload_error", "rest_upload_file_type")


class MediaRun(Run):
    """A publication's run, with its files: PDFs and pictures uploaded, old copies deleted."""

    def pdf(self, slug: str, parts: Parts, path: str, old: Media | None) -> Media | None:
        """The report's PDF in the media library, uploaded when its bytes are new there."""
        file = self.options.out / path
        if path not in parts.links or not file.is_file():
            return None
        data = file.read_bytes()
        kind = REPLACE if old is not None and old.digest != digest(data) else UPLOAD
        return self.upload(data, f"{slug}.pdf", f"{slug}-pdf", parts.title, None, old, kind)

    def picture(self, path: str, alt: str) -> str:
        """The address of a picture of the page: its copy in the media library, or, for a
        type the site refuses (WordPress takes no SVG unless a plugin lets it), the picture
        written into the page itself."""
        data = (self.options.out / path).read_bytes()
        known, sha = self.state.images.get(path), digest(data)
        if known is not None and known.id == REFUSED and known.digest == sha:
            return inline_picture(path, data)
        name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
        kind = REPLACE if known is not None and known.id != REFUSED and \
            known.digest != sha else UPLOAD
        media = self.upload(data, posixpath.basename(path), f"spotlight-{name}",
                            alt or posixpath.basename(path), alt, known, kind, refusable=True)
        if media is None:
            return f"https://media.invalid/{path}"  # a dry run: not uploaded
        if known is not None and known.id not in (media.id, REFUSED):
            self.retired.append((known, path))  # deleted once every page shows the new one
        self.state.images[path] = media
        self.save()
        return inline_picture(path, data) if media.id == REFUSED else media.url

    def upload(self, data: bytes, name: str, stem: str, title: str, alt: str | None,
               known: Media | None, kind: str, refusable: bool = False) -> Media | None:
        """The media item holding ``data``: the one recorded, else the one whose slug names
        its digest, else a new upload (None in a dry run). With ``refusable``, a file type the
        site refuses gives a media item whose id is ``REFUSED``."""
        sha = digest(data)
        slug = f"{stem}-{sha[:12]}"
        if known is not None and known.digest == sha and known.id != REFUSED:
            answer = self.client.call("GET", f"/wp/v2/media/{known.id}",
                                      f"reading the media item of {name}", missing_ok=True)
            if answer is not None:
                return Media(known.id, str(answer.data.get("source_url", known.url)), sha)
        answer = self.client.call("GET", "/wp/v2/media", f"looking for the media item of {name}",
                                  query={"slug": slug})
        found = answer.data if answer is not None else []
        if isinstance(found, list) and found:
            return Media(int(found[0]["id"]), str(found[0]["source_url"]), sha)
        if self.options.dry_run:
            self.note(Action(kind, name))
            return None
        query = {"slug": slug, "title": title, **({"alt_text": alt} if alt else {})}
        type_ = mimetypes.guess_type(name)[0] or "application/octet-stream"
        answer = self.client.call(
            "POST", "/wp/v2/media", f"uploading {name}", query=query, data=data,
            headers={"Content-Type": type_,
                     "Content-Disposition": f'attachment; filename="{name}"'},
            tolerate=_TYPE_REFUSED if refusable else ())
        assert answer is not None
        if answer.status >= 400:
            self.note(Action(INLINE, name, "the site takes no such file"))
            return Media(REFUSED, "", sha)
        self.note(Action(kind, name, str(answer.data["source_url"])))
        return Media(int(answer.data["id"]), str(answer.data["source_url"]), sha)

    def delete(self, media: Media, name: str) -> None:
        """Remove a media item that a new upload replaced."""
        if self.options.dry_run:
            self.note(Action(DELETE, name, media.url))
            return
        self.client.call("DELETE", f"/wp/v2/media/{media.id}", f"deleting the old copy of {name}",
                         query={"force": "true"}, missing_ok=True)
        self.note(Action(DELETE, name, media.url))
