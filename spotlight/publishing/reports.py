"""A publication, report by report: each report's files (media.py), then its WordPress page,
created, or updated only when its title, body or status differ from what the site holds, and
recorded. A report that links to another report (its translation, say) links that report's
WordPress page: a page made before the page it links to is updated once that one exists
(``relink``)."""

from __future__ import annotations

import re
from typing import Any

from ..incremental.digests import digest
from .page import Parts, page_body, read_fragment
from .pdfs import PdfRun
from .plan import CREATE, UNCHANGED, UNPUBLISH, UPDATE, Action
from .state import Media, Page


class ReportRun(PdfRun):
    """A publication's run, report by report: its files, then its page."""

    def report(self, slug: str, fragment: str) -> None:
        """Publish one report, from its fragment (at output path ``fragment``): its pictures
        and PDF, then its page; then delete the PDF that a new one replaced, which the page no
        longer links."""
        out = self.options.out
        text = (out / fragment).read_text(encoding="utf-8")
        parts = read_fragment(text, _report_page(slug), self.base_url)
        media = {path: self.picture(path, alt) for path, alt in parts.pictures.items()}
        pdf_path = f"reports/{slug}.pdf"
        pdf = self.pdf(slug, parts, pdf_path, self.state.pages.get(slug))
        if pdf is not None:
            media[pdf_path] = pdf.url
        linked = {target: self.page_link(target) for target in _reports_linked(parts)}
        self.made[slug] = (text, _report_page(slug), media, pdf, linked)
        self.page(slug, parts.title, self.body(slug), pdf)
        self.settle(slug, parts, pdf_path, pdf)

    def relink_pdf(self, slug: str, path: str, pdf: Media) -> None:
        """Update the report's page to link ``pdf`` instead of the PDF it linked."""
        text, page, media, _, linked = self.made[slug]
        self.made[slug] = (text, page, {**media, path: pdf.url}, pdf, linked)
        self.page(slug, read_fragment(text, page, self.base_url).title, self.body(slug), pdf,
                  quiet=True)

    def page_link(self, slug: str) -> str | None:
        """The address of a report's WordPress page: made in this run, else recorded, else
        (the records lost) the page the site holds with its slug; None when it has none."""
        known = self.state.pages.get(slug)
        if slug in self.links or known is not None:
            return self.links.get(slug) or (known.link if known is not None else None) or None
        if slug not in self.found:
            held = self.find_page(slug, None) if slug in self.slugs else None
            self.found[slug] = str(held.get("link", "")) or None if held else None
        return self.found[slug]

    def body(self, slug: str) -> str:
        """The page body of a report as made by ``report()``, linking the WordPress pages of
        the reports it links to as they were known then."""
        text, page, media, _, linked = self.made[slug]
        pages = {_report_page(target): link for target, link in linked.items() if link}
        return page_body(text, page, self.base_url, media, pages)

    def relink(self, slug: str) -> None:
        """Update the page of a report made before a page it links to was (or moved): now it
        links that page."""
        if slug not in self.made or slug not in self.links:
            return  # not published (a dry run)
        text, page, media, pdf, linked = self.made[slug]
        now = {target: self.page_link(target) for target in linked}
        if now == linked:
            return
        self.made[slug] = (text, page, media, pdf, now)
        self.page(slug, read_fragment(text, page, self.base_url).title, self.body(slug), pdf)

    def page(self, slug: str, title: str, body: str, pdf: Media | None,
             quiet: bool = False) -> None:
        """Create the report's page, or update it if it differs; record it. A published page
        made a draft is said to be taken off the site, before it is. ``quiet``: the page's
        change was told already."""
        known = self.state.pages.get(slug)
        held = self.find_page(slug, known)
        wanted = {"title": title, "content": body, "status": self.options.status, "slug": slug}
        if held is not None and _same(held, wanted, known, body):
            self.links[slug] = str(held.get("link", ""))
            if not quiet:
                self.note(Action(UNCHANGED, slug, self.links[slug]))
            self.record(slug, held, body, pdf)
            return
        kind = CREATE if held is None else UPDATE
        if held is not None and held.get("status") == "publish" and self.draft:
            self.note(Action(UNPUBLISH, slug, f"{held.get('link', '')} is published now: it "
                             "becomes a draft, which the public cannot see"))
            quiet = True  # said before it is done
        if self.options.dry_run:
            if not quiet:
                self.note(Action(kind, slug, str(held.get("link", "")) if held else title))
            return
        route = "/wp/v2/pages" if held is None else f"/wp/v2/pages/{held['id']}"
        doing = f"{'creating' if held is None else 'updating'} the page of {slug}"
        answer = self.client.call("POST", route, doing, payload=wanted,
                                  query={"context": "edit"})
        assert answer is not None
        self.record(slug, answer.data, body, pdf)
        self.links[slug] = str(answer.data.get("link", ""))
        if not quiet:
            self.note(Action(kind, slug, self.links[slug]))

    def record(self, slug: str, data: dict[str, Any], body: str, pdf: Media | None) -> None:
        """Record the report's page as the site now holds it (and its PDF's address)."""
        known = self.state.pages.get(slug)
        address = known.address or (known.pdf.url if known.pdf else "") if known else ""
        self.state.pages[slug] = Page(int(data["id"]), str(data.get("link", "")), digest(body),
                                      digest(_raw(data, "content")), str(data.get("status")),
                                      pdf, address)
        self.save()

    def keep_shown(self, left: list[str]) -> None:
        """Keep the files retired that a published page of a report no longer in the content
        (``left``, a report renamed, say) still shows: they are not deleted from under it."""
        for slug in left if self.state.retired else []:
            held = self.find_page(slug, self.state.pages[slug])
            if held is None or held.get("status") != "publish":
                continue
            content = _raw(held, "content")
            self.state.retired = [old for old in self.state.retired
                                  if not old.media.url or old.media.url not in content]
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


def _report_page(slug: str) -> str:
    """The output path of a report's page on the static site, against which its fragment's
    links resolve (the fragment template resolves them as on the report's page)."""
    return f"reports/{slug}.html"


def _reports_linked(parts: Parts) -> list[str]:
    """The slugs of the reports whose pages a fragment links to."""
    found = (re.fullmatch(r"reports/([^/#]+)\.html(#.*)?", path) for path in parts.links)
    return sorted({match.group(1) for match in found if match})


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
