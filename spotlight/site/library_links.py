"""Links to the library's listing pages that exist (those with at least one example): of
a practice theme, a region, a PDU or a standard."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import ExampleSource, Link, Settings
from .foreign import keeping


def standard_slugs(codes: Sequence[str]) -> dict[str, str]:
    """A file-name slug for each standard code ("2.1" -> "2-1"), unique across the catalogue."""
    slugs: dict[str, str] = {}
    for code in codes:
        base = re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-") or "standard"
        slug, n = base, 1
        while slug in slugs.values():
            n += 1
            slug = f"{base}-{n}"
        slugs[code] = slug
    return slugs


class ListingLinks:
    """Links to the listing pages that exist: those with at least one example."""

    def __init__(self, settings: Settings, published: Sequence[ExampleSource],
                 prefix: str = "") -> None:
        self.prefix = prefix
        self.themes = {t for e in published for t in (e.practice_theme, *e.also_practice_themes)}
        self.regions = {e.region for e in published}
        self.pdus = {e.pdu for e in published if e.pdu}
        self.standards = {code for e in published for code in e.standards}
        self.settings = settings
        self.standard_slugs = standard_slugs([s.code for s in settings.standards])
        # Each link made once: every example's page links to its theme, region, PDU and
        # standards, and a link (immutable) can be shared by all of them.
        self._made: dict[tuple[str, str], Link] = {}

    def theme(self, slug: str) -> Link:
        """The link to a practice theme's page."""
        if (link := self._made.get(("theme", slug))) is None:
            link = self._made["theme", slug] = Link(
                f"{self.prefix}practice-themes/{slug}.html",
                self.settings.practice_theme(slug).title)
        return link

    def region(self, slug: str) -> Link:
        """The link to a region's page."""
        if (link := self._made.get(("region", slug))) is None:
            link = self._made["region", slug] = Link(f"{self.prefix}regions/{slug}.html",
                                                     self.settings.region(slug).name)
        return link

    def pdu(self, slug: str) -> Link:
        """The link to a PDU's page."""
        if (link := self._made.get(("pdu", slug))) is None:
            name = next(p.name for r in self.settings.regions for p in r.pdus if p.slug == slug)
            link = self._made["pdu", slug] = Link(f"{self.prefix}pdus/{slug}.html", name)
        return link

    def standard(self, code: str) -> Link:
        """The link to a standard's page, named by its code and title."""
        if (link := self._made.get(("standard", code))) is None:
            standard = next(s for s in self.settings.standards if s.code == code)
            link = self._made["standard", code] = Link(
                f"{self.prefix}standards/{self.standard_slugs[code]}.html",
                keeping(f"{standard.code} {standard.title}", standard.title))
        return link
