"""``spotlight publish wordpress``, in one function: build, find the site's API, check the
user, then for each report: upload its pictures and PDF, create or update its page, remove what
its PDF replaced; recording each change as it is made (state.py).

The build runs first, through the same stages and publish gate as ``spotlight build`` (with
the fragments on): content the gate refuses fails the build, and nothing is sent. A build with
nothing changed costs nothing.

Idempotent: a page is updated only when its title, body or status differ from what the site
holds; a file is uploaded only when no media item has its bytes (each upload's slug carries the
digest of its bytes, so that an upload whose answer was lost is found again, not repeated).
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build import BuildOptions, BuildResult, build
from ..errors import Problem, SpotlightError
from ..incremental.digests import digest
from .client import Client
from .page import Parts, inline_picture, page_body, read_fragment, static_site
from .plan import CREATE, DELETE, INLINE, LEFT, REPLACE, UNCHANGED, UPDATE, UPLOAD, Action
from .state import Media, Page, State, StateFile

#: What the user must be allowed to do: make and publish pages, and upload files.
CAPABILITIES = {"edit_pages": "edit pages", "edit_published_pages": "edit published pages",
                "publish_pages": "publish pages", "upload_files": "upload files"}
#: The media id recorded for a picture whose type the site refuses: it is in the page itself.
REFUSED = 0
#: What WordPress answers an upload of a type it does not take.
_TYPE_REFUSED = ("rest_upload_sideload_error", "rest_upload_file_type")


class NothingSent(SpotlightError):
    """A failure before anything was sent: the build failed, or the site or the user will
    not do."""


@dataclass(frozen=True)
class PublishOptions:
    """What to publish where: the content and output folders, the site's address, the user
    and their application password, the pages' status, and whether to send anything."""

    content: Path
    out: Path
    site: str
    user: str
    password: str = field(repr=False)
    status: str = "publish"
    dry_run: bool = False
    timeout: float = 60.0
    visual_theme: str = "default"
    theme_override: Path | None = None


@dataclass(frozen=True)
class Published:
    """What a publication did (or, dry, would do), and each report's page address."""

    actions: tuple[Action, ...]
    links: dict[str, str]
    built: BuildResult


def publish(options: PublishOptions,
            log: Callable[[Action], None] = lambda _: None) -> Published:
    """Build, then publish every report to the WordPress site, telling ``log`` each change as
    it is made; SpotlightError on any failure, after recording what was done (the next run
    finishes the job)."""
    try:
        client = Client(options.site, options.user, options.password, options.timeout)
        if not options.password.strip():
            raise SpotlightError([Problem("WORDPRESS_APP_PASSWORD", None, (
                "is not set: create an application password in WordPress (Users → Profile → "
                "Application Passwords), then run: export WORDPRESS_APP_PASSWORD='xxxx xxxx "
                "...'"))])
        built = build(BuildOptions(content=options.content, out=options.out, pdf=True,
                                   fragments=True, visual_theme=options.visual_theme,
                                   theme_override=options.theme_override))
        client.discover()
        _check_user(client, options.status)
    except SpotlightError as error:
        raise NothingSent(error.problems) from None
    slugs = sorted(posixpath.splitext(posixpath.basename(path))[0]
                   for path in built.pages if path.startswith("fragments/"))
    records = StateFile(options.content, client.site)
    run = _Run(client, records, records.read(), options, log, static_site(options.content))
    for slug in slugs:
        run.report(slug)
    for media, name in run.retired:
        run.delete(media, name)
    for slug in sorted(set(run.state.pages) - set(slugs)):
        run.note(Action(LEFT, slug, run.state.pages[slug].link))
    return Published(tuple(run.actions), run.links, built)


def _check_user(client: Client, status: str) -> None:
    """SpotlightError unless the user may make pages and upload files."""
    answer = client.call("GET", "/wp/v2/users/me", "reading who the user is",
                         query={"context": "edit"})
    assert answer is not None
    capabilities = answer.data.get("capabilities") if isinstance(answer.data, dict) else None
    if not isinstance(capabilities, dict):
        return  # the site does not say: its answers to each request will
    needed = {name: words for name, words in CAPABILITIES.items()
              if status == "publish" or name != "publish_pages"}
    lacking = [words for name, words in needed.items() if not capabilities.get(name)]
    if lacking:
        raise SpotlightError([Problem(client.site, None, (
            f"the user '{client.user}' is not allowed to {' or '.join(lacking)}, which "
            "publishing needs. Give this user the Editor role in WordPress (Users → All "
            "Users), or use the application password of a user who has it."))])


class _Run:
    """One publication: the client, the state as recorded, and what was done."""

    def __init__(self, client: Client, records: StateFile, state: State,
                 options: PublishOptions, log: Callable[[Action], None],
                 base_url: str | None) -> None:
        self.client, self.records, self.state = client, records, state
        self.options, self.log, self.base_url = options, log, base_url
        self.actions: list[Action] = []
        self.links: dict[str, str] = {}
        #: Media items replaced by new uploads, deleted once every page links the new ones.
        self.retired: list[tuple[Media, str]] = []

    def note(self, action: Action) -> None:
        self.actions.append(action)
        self.log(action)

    def save(self) -> None:
        if not self.options.dry_run:
            self.records.save(self.state)

    # --- one report --------------------------------------------------------------------

    def report(self, slug: str) -> None:
        """Publish one report: its pictures and PDF, then its page; then delete the PDF that
        a new one replaced, which the page no longer links."""
        out = self.options.out
        text = (out / "fragments" / f"{slug}.html").read_text(encoding="utf-8")
        parts = read_fragment(text, slug, self.base_url)
        media = {path: self.picture(path, alt) for path, alt in parts.pictures.items()}
        pdf_path = f"reports/{slug}.pdf"
        old_pdf = self.state.pages[slug].pdf if slug in self.state.pages else None
        pdf = self.pdf(slug, parts, pdf_path, old_pdf)
        if pdf is not None:
            media[pdf_path] = pdf.url
        body = page_body(text, slug, self.base_url, media)
        self.page(slug, parts.title, body, pdf)
        if old_pdf is not None and pdf is not None and old_pdf.id != pdf.id:
            self.delete(old_pdf, f"{slug}.pdf")

    def page(self, slug: str, title: str, body: str, pdf: Media | None) -> None:
        """Create the report's page, or update it if it differs; record it."""
        known = self.state.pages.get(slug)
        held = self.find_page(slug, known)
        wanted = {"title": title, "content": body, "status": self.options.status, "slug": slug}
        if held is not None and _same(held, wanted, known, body):
            self.links[slug] = str(held.get("link", ""))
            self.note(Action(UNCHANGED, slug, self.links[slug]))
            self.record(slug, held, body, pdf)
            return
        kind = CREATE if held is None else UPDATE
        if self.options.dry_run:
            self.note(Action(kind, slug, str(held.get("link", "")) if held else title))
            return
        route = "/wp/v2/pages" if held is None else f"/wp/v2/pages/{held['id']}"
        doing = f"{'creating' if held is None else 'updating'} the page of {slug}"
        answer = self.client.call("POST", route, doing, payload=wanted,
                                  query={"context": "edit"})
        assert answer is not None
        self.record(slug, answer.data, body, pdf)
        self.links[slug] = str(answer.data.get("link", ""))
        self.note(Action(kind, slug, self.links[slug]))

    def record(self, slug: str, data: dict[str, Any], body: str, pdf: Media | None) -> None:
        """Record the report's page as the site now holds it."""
        self.state.pages[slug] = Page(int(data["id"]), str(data.get("link", "")), digest(body),
                                      digest(_raw(data, "content")), str(data.get("status")),
                                      pdf)
        self.save()

    def find_page(self, slug: str, known: Page | None) -> dict[str, Any] | None:
        """The report's page as the site holds it: the one recorded, else the one with its
        slug; None when there is none (or only one in the bin)."""
        if known is not None:
            answer = self.client.call("GET", f"/wp/v2/pages/{known.id}",
                                      f"reading the page of {slug}",
                                      query={"context": "edit"}, missing_ok=True)
            if answer is not None and isinstance(answer.data, dict) and \
                    answer.data.get("status") != "trash":
                return answer.data
        answer = self.client.call("GET", "/wp/v2/pages", f"looking for the page of {slug}",
                                  query={"slug": slug, "context": "edit",
                                         "status": "publish,future,draft,pending,private"})
        found = answer.data if answer is not None else []
        return found[0] if isinstance(found, list) and found else None

    # --- files ---------------------------------------------------------------------------

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


def _raw(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return str(value.get("raw", "")) if isinstance(value, dict) else str(value or "")


def _same(held: dict[str, Any], wanted: dict[str, str], known: Page | None, body: str) -> bool:
    """Whether the page the site holds is the one wanted: same title, status and slug, and the
    body sent last time, untouched since (or, unrecorded, the same body)."""
    if _raw(held, "title") != wanted["title"] or held.get("status") != wanted["status"] or \
            held.get("slug") != wanted["slug"]:
        return False
    content = _raw(held, "content")
    if known is not None and known.id == held.get("id") and known.sent == digest(body) and \
            known.held == digest(content):
        return True
    return content.strip() == body.strip()
