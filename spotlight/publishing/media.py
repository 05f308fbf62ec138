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
from .page import inline_picture
from .plan import DELETE, INLINE, REPLACE, UPLOAD, Action
from .run import Run
from .state import Media

#: The media id recorded for a picture whose type the site refuses: it is in the page itself.
REFUSED = 0
#: What WordPress answers an upload of a type it does not take.
_TYPE_REFUSED = ("rest_upload_sideload_error", "rest_upload_file_type")


class MediaRun(Run):
    """A publication's run, with its files: PDFs and pictures uploaded, old copies deleted."""

    def picture(self, path: str, alt: str) -> str:
        """The address of a picture of the page: its copy in the media library, or, for a
        type the site refuses (WordPress takes no SVG unless a plugin lets it), the picture
        written into the page itself."""
        data = (self.options.out / path).read_bytes()
        known, sha = self.state.images.get(path), digest(data)
        if self.draft:  # not in the media library, where anyone could read it: in the page
            if known is not None and known.id != REFUSED:
                self.retire(path, known)
            self.state.images.pop(path, None)
            return inline_picture(path, data)
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
            self.retire(path, known)  # deleted once every page shows the new one
        self.state.images[path] = media
        self.save()
        return inline_picture(path, data) if media.id == REFUSED else media.url

    def upload(self, data: bytes, name: str, stem: str, title: str, alt: str | None,
               known: Media | None, kind: str, refusable: bool = False) -> Media | None:
        """The media item holding ``data`` (no longer to be deleted, if it was retired): the
        one recorded, else the one whose slug names its digest, else a new upload (None in a
        dry run). With ``refusable``, a file type the site refuses gives a media item whose id
        is ``REFUSED``."""
        media = self._upload(data, name, stem, title, alt, known, kind, refusable)
        if media is not None and any(old.media.id == media.id for old in self.state.retired):
            self.state.retired = [old for old in self.state.retired if old.media.id != media.id]
            self.save()
        return media

    def _upload(self, data: bytes, name: str, stem: str, title: str, alt: str | None,
                known: Media | None, kind: str, refusable: bool) -> Media | None:
        sha = digest(data)
        slug = f"{stem}-{sha[:12]}"
        if known is not None and known.digest == sha and known.id != REFUSED:
            answer = self.client.call("GET", f"/wp/v2/media/{known.id}",
                                      f"reading the media item of {name}", missing_ok=True)
            if answer is not None:
                return Media(known.id, str(answer.data.get("source_url", known.url)), sha)
        found = self.copies(name, stem, sha)
        if found:
            return found[0]
        if self.options.dry_run:
            self.note(Action(kind, name))
            return None
        media = self.send(data, name, slug, title, alt, f"uploading {name}", refusable)
        if media.id == REFUSED:
            self.note(Action(INLINE, name, "the site takes no such file"))
        else:
            self.note(Action(kind, name, media.url))
        return media

    def copies(self, name: str, stem: str, sha: str) -> list[Media]:
        """The media items holding the bytes whose digest is ``sha``: those whose slug names
        it (WordPress adds "-2" to a slug taken)."""
        slugs = ",".join(f"{stem}-{sha[:12]}{end}" for end in ("", "-2", "-3", "-4"))
        answer = self.client.call("GET", "/wp/v2/media", f"looking for the media item of {name}",
                                  query={"slug": slugs})
        found = answer.data if answer is not None and isinstance(answer.data, list) else []
        return [Media(int(item["id"]), str(item["source_url"]), sha) for item in found]

    def send(self, data: bytes, name: str, slug: str, title: str, alt: str | None, doing: str,
             refusable: bool = False) -> Media:
        """Upload ``data`` as a new media item, its file named ``name``. With ``refusable``, a
        file type the site refuses gives a media item whose id is ``REFUSED``."""
        query = {"slug": slug, "title": title, **({"alt_text": alt} if alt else {})}
        type_ = mimetypes.guess_type(name)[0] or "application/octet-stream"
        answer = self.client.call(
            "POST", "/wp/v2/media", doing, query=query, data=data,
            headers={"Content-Type": type_,
                     "Content-Disposition": f'attachment; filename="{name}"'},
            tolerate=_TYPE_REFUSED if refusable else ())
        assert answer is not None
        if answer.status >= 400:
            return Media(REFUSED, "", digest(data))
        return Media(int(answer.data["id"]), str(answer.data["source_url"]), digest(data))

    def delete_retired(self, name: str | None = None, quiet: bool = False) -> None:
        """Delete the media items retired (those of the file ``name``, or all), which no page
        links any more; each taken off the records once deleted. ``quiet``: not told (a copy
        of the file's own making)."""
        for old in [old for old in self.state.retired if name in (None, old.name)]:
            self.delete(old.media, old.name, quiet)
            self.state.retired.remove(old)
            self.save()  # (not in a dry run)

    def delete(self, media: Media, name: str, quiet: bool = False) -> None:
        """Remove a media item that a new upload replaced."""
        if not self.options.dry_run:
            self.client.call("DELETE", f"/wp/v2/media/{media.id}",
                             f"deleting the old copy of {name}", query={"force": "true"},
                             missing_ok=True)
        if not quiet:
            self.note(Action(DELETE, name, media.url))
