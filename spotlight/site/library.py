"""The cross-report library: a permalink page per example, and a page per practice theme,
region, PDU and standard gathering examples across every report.

Part of stage 3 (assembly): ``assemble_library`` turns validated content and the assembled
reports into frozen models that the templates render. Each permalink page is made by
permalink.py, the links to listing pages by library_links.py; what the preview keeps between
saves is a ``LibraryMemo`` (library_memo.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from markupsafe import Markup

from .. import markdown
from ..i18n import N_
from ..markdown import RenderContext
from ..model import (
    Appearance,
    Content,
    ExamplePage,
    ExampleSource,
    Library,
    Link,
    Listing,
    ListingGroup,
    Report,
)
from .foreign import Foreign
from .library_links import ListingLinks
from .library_memo import LibraryMemo
from .permalink import PAGE_HEADING, permalink_page


def assemble_library(content: Content, reports: Sequence[Report], prefix: str = "",
                     memo: LibraryMemo | None = None) -> Library:
    """The library of ``reports`` (newest first): permalink pages and listing pages, the
    listing pages in the folder ``prefix`` (a language's own folder, such as "cy/").

    ``memo`` (the preview keeps one between saves) keeps every permalink page and listing as
    assembled: a page whose inputs are the very objects of last time is not made again, and a
    listing whose examples' pages are all kept is kept (see ``LibraryMemo``).
    """
    settings = content.settings
    memo = memo.at(prefix) if memo is not None else LibraryMemo()
    sources = {e.slug: e for e in content.examples}
    appearances: dict[str, list[Appearance]] = {}
    for report in reports:
        for slug, appearance in memo.appearances(report):
            appearances.setdefault(slug, []).append(appearance)
    # Library order: by the newest report an example is in, then in that report's reading order.
    published = [sources[slug] for slug in appearances]
    links = ListingLinks(settings, published, prefix)
    report_sources = {r.slug: r for r in content.reports}
    by_theme: dict[str, list[ExampleSource]] = {}
    for source in published:
        by_theme.setdefault(source.practice_theme, []).append(source)
    pages: dict[str, ExamplePage] = {}
    # Which listings each example is in: (kind, slug) -> its pages, in library order.
    members: dict[tuple[str, str], list[ExamplePage]] = {}
    for same in by_theme.values():
        for index, source in enumerate(same):
            found = appearances[source.slug]
            newest = report_sources[found[0].report.slug]
            before = same[index - 1] if index > 0 else None
            after = same[index + 1] if index + 1 < len(same) else None
            pages[source.slug] = memo.page(
                (source, newest, settings, before, after), found,
                functools.partial(permalink_page, source, found, same, index, links, newest))
    for source in published:
        page = pages[source.slug]
        for key in memo.listed_in(source):
            members.setdefault(key, []).append(page)
    pages = {source.slug: pages[source.slug] for source in published}  # library order

    def listing(kind: str, label: str, slug: str, link: Link, intro: Callable[[], Markup],
                trail: tuple[Link, ...], children: tuple[Listing, ...] = (),
                member: str | None = None) -> Listing:
        mine = members.get((kind, slug if member is None else member), [])

        def make() -> Listing:
            by_report: dict[int, list[ExamplePage]] = {}
            for page in mine:
                by_report.setdefault(id(page.appearances[0].report), []).append(page)
            groups = [ListingGroup(r, tuple(by_report.get(id(r), ()))) for r in reports]
            return Listing(kind=kind, label=label, slug=slug, path=link.path, title=link.text,
                           intro=intro(), trail=trail,
                           groups=tuple(g for g in groups if g.examples), children=children)

        # Kept while its pages are: the same pages hold the same reports, in the same order.
        return memo.listing((kind, slug), (settings, *children, *mine), make)

    themes = tuple(
        listing("practice-theme", N_("Practice theme"), t.slug, links.theme(t.slug),
                lambda t=t: markdown.render(t.intro.html,  # type: ignore[misc]
                                            RenderContext(PAGE_HEADING, markdown.ANY_PAGE)),
                (Link("index.html#practice-themes", N_("Practice themes")),))
        for t in settings.practice_themes if t.slug in links.themes)
    pdus: list[Listing] = []
    regions: list[Listing] = []
    for region in settings.regions:
        if region.slug not in links.regions:
            continue
        trail = (Link("index.html#regions", N_("Regions")), links.region(region.slug))
        mine = tuple(listing("pdu", N_("Probation Delivery Unit"), p.slug, links.pdu(p.slug),
                             Markup, trail)
                     for p in region.pdus if p.slug in links.pdus)
        pdus.extend(mine)
        regions.append(listing("region", N_("Region"), region.slug, links.region(region.slug),
                               Markup, trail[:1], mine))
    standards = tuple(
        listing("standard", N_("Standard"), links.standard_slugs[s.code], links.standard(s.code),
                lambda s=s: _paragraph(s.text),  # type: ignore[misc]
                (Link("index.html#standards", N_("Standards")),), member=s.code)
        for s in settings.standards if s.code in links.standards)
    memo.forget(reports, pages, {(listing.kind, listing.slug) for listing in (
        *themes, *regions, *pdus, *standards)})
    return Library(examples=tuple(pages.values()), practice_themes=themes,
                   regions=tuple(regions), pdus=tuple(pdus), standards=standards)


def _paragraph(text: str) -> Markup:
    """A standard's text as its listing page's introduction, marked with its language where
    the site file gives it only in another one (``Foreign``)."""
    if isinstance(text, Foreign):
        return Markup('<p lang="%s">%s</p>') % (text.lang, text)
    return Markup("<p>%s</p>") % text
