"""A site in more than one language: one edition per language, and which pages translate which.

The site file names the languages the site publishes (``languages``); the first is the main
language. Each edition is the site as a reader of one language sees it: that language's
reports, examples and listing pages, home page, search page, accessibility statement and feed.
The main language's edition is the site itself, at the top of the output folder; each other
language's pages that are not a report or an example live in a folder named after it
(``cy/index.html``, ``cy/practice-themes/...``). Reports and examples keep their own file names
(``reports/westvale-2026-cy.html``).

``alternates`` pairs every page with its translations (a report and the report it translates,
an example and its translation, the home pages, the search pages...): the pages link to each
other (``hreflang`` and a visible language switch) and the sitemap lists them together.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import PrintSet, Site

#: (language, output path) of each version of a page, the page itself included.
Alternates = tuple[tuple[str, str], ...]


def editions(site: Site) -> tuple[Site, ...]:
    """Every edition of ``site``: the site itself, then its other languages'."""
    return (site, *getattr(site, "editions", ()))


def edition_prefix(edition: Site) -> str:
    """The folder of an edition's own pages: "" for the main language, "cy/" for Welsh."""
    return str(getattr(edition, "prefix", ""))


def site_alternates(site: Site) -> Mapping[str, Alternates]:
    """By output path, the versions of each page that has a translation."""
    return getattr(site, "alternates", {})


def edition_print_set(edition: Site, extra: PrintSet | None, site: Site) -> PrintSet | None:
    """The practice-theme collections and handouts of ``extra`` that belong to ``edition``:
    its examples' handouts, and the collections in its folder."""
    if extra is None:
        return None
    mine = {e.slug for e in edition.library.examples}
    prefix = edition_prefix(edition)
    others = tuple(edition_prefix(e) for e in editions(site) if e is not edition)
    return PrintSet(
        collections=tuple(
            c for c in extra.collections if c.pdf.startswith(prefix)
            and not any(p and p != prefix and c.pdf.startswith(p) for p in others)),
        handouts=tuple(h for h in extra.handouts if h.example.slug in mine))
