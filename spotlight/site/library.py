"""The cross-report library: a permalink page per example, and a page per practice theme,
region, PDU and standard gathering examples across every report.

Part of stage 3 (assembly): ``assemble_library`` turns validated content and the assembled
reports into frozen models that the templates render.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import cast

from markupsafe import Markup

from .. import markdown
from ..content.fields import ExampleFront
from ..i18n import N_
from ..markdown import Parsed, RenderContext
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
    ReportSource,
    Settings,
    example_page,
)
from .foreign import Foreign, keeping

PAGE_ROOT = "../"  # every library page lives one folder down
PAGE_HEADING = 2  # "##" in an example renders as <h2>, under the permalink page's <h1>
DESCRIPTION_LENGTH = 160


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
    links = _Links(settings, published, prefix)
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
                functools.partial(_example_page, source, found, same, index, links, newest))
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


def _listed_in(source: ExampleSource) -> tuple[tuple[str, str], ...]:
    """The listings an example is in, as (kind, slug; a standard's code): its practice
    themes, region, PDU and standards."""
    found: dict[tuple[str, str], None] = {("practice-theme", source.practice_theme): None}
    found.update((("practice-theme", t), None) for t in source.also_practice_themes)
    found[("region", source.region)] = None
    if source.pdu:
        found[("pdu", source.pdu)] = None
    found.update((("standard", code), None) for code in source.standards)
    return tuple(found)


class LibraryMemo:
    """The permalink pages and listings of the previous save, kept by the preview (see
    ``assemble_library``), with what each was made from, as the very objects: the preview
    keeps every unchanged file's validated model, and so its identity.

    A page is kept while its example, its newest report's file, the site settings and its
    neighbours in its practice theme are the very objects of then, and so are its reports as
    assembled; when only its reports were assembled again (an example beside it edited), it
    is kept but for its appearances in them. A listing is kept while its pages are.
    """

    def __init__(self) -> None:
        self.prefix = ""
        self._reports: dict[int, tuple[Report, list[tuple[str, Appearance]]]] = {}
        # slug -> (what the page was made from, its appearances, the page, its listings)
        self._pages: dict[str, tuple[tuple[object, ...], tuple[Appearance, ...], ExamplePage,
                                     tuple[tuple[str, str], ...]]] = {}
        self._listings: dict[tuple[str, str], tuple[tuple[object, ...], Listing]] = {}

    def at(self, prefix: str) -> LibraryMemo:
        """This memo, or a new one if it was kept for another edition's folder."""
        if prefix == self.prefix:
            return self
        made = LibraryMemo()
        made.prefix = prefix
        return made

    def appearances(self, report: Report) -> list[tuple[str, Appearance]]:
        """(slug, appearance) of every example of ``report``, in reading order."""
        known = self._reports.get(id(report))
        if known is not None and known[0] is report:
            return known[1]
        made = [(example.slug, Appearance(report, section.title,
                                          f"{report.page}#{example.anchor}"))
                for section in report.sections for example in section.examples]
        self._reports[id(report)] = (report, made)
        return made

    def page(self, inputs: tuple[object, ...], appearances: list[Appearance],
             make: Callable[[], ExamplePage]) -> ExamplePage:
        """The permalink page of the example ``inputs[0]``, made from ``inputs`` and its
        ``appearances``: kept if made from the very same objects, else made by ``make``."""
        source = cast(ExampleSource, inputs[0])
        shown = tuple(appearances)
        known = self._pages.get(source.slug)
        if known is None or not _identical(known[0], inputs):
            self._pages[source.slug] = (inputs, shown, page := make(), _listed_in(source))
            return page
        page = known[2]
        if not _identical(known[1], shown):
            if not _same(tuple(t for a in known[1] for t in (a.report.page, a.section)),
                         tuple(t for a in shown for t in (a.report.page, a.section))):
                page = make()
            else:
                page = dataclasses.replace(page, appearances=shown)
            self._pages[source.slug] = (inputs, shown, page, known[3])
        return page

    def listed_in(self, source: ExampleSource) -> tuple[tuple[str, str], ...]:
        """The listings the example ``source`` is in (after ``page``)."""
        return self._pages[source.slug][3]

    def listing(self, key: tuple[str, str], inputs: tuple[object, ...],
                make: Callable[[], Listing]) -> Listing:
        """The listing ``key``: kept while ``inputs`` are the very objects, or made."""
        known = self._listings.get(key)
        if known is not None and _identical(known[0], inputs):
            return known[1]
        listing = make()
        self._listings[key] = (inputs, listing)
        return listing

    def forget(self, reports: Sequence[Report], pages: Mapping[str, object],
               listings: set[tuple[str, str]]) -> None:
        """Drop what the library no longer has: memory stays the size of the site."""
        current = {id(r) for r in reports}
        self._reports = {k: v for k, v in self._reports.items() if k in current}
        if len(self._pages) > len(pages):
            self._pages = {k: v for k, v in self._pages.items() if k in pages}
        self._listings = {k: v for k, v in self._listings.items() if k in listings}


def _identical(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """Whether two tuples hold the very same objects."""
    return len(before) == len(now) and all(map(operator.is_, before, now))


def _same(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """Whether two tuples hold the very same objects (plain strings: the same text)."""
    return len(before) == len(now) and all(
        a is b or (type(a) is str and type(b) is str and a == b)
        for a, b in zip(before, now, strict=True))


class _Links:
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

    def theme(self, slug: str) -> Link:
        return Link(f"{self.prefix}practice-themes/{slug}.html",
                    self.settings.practice_theme(slug).title)

    def region(self, slug: str) -> Link:
        return Link(f"{self.prefix}regions/{slug}.html", self.settings.region(slug).name)

    def pdu(self, slug: str) -> Link:
        name = next(p.name for r in self.settings.regions for p in r.pdus if p.slug == slug)
        return Link(f"{self.prefix}pdus/{slug}.html", name)

    def standard(self, code: str) -> Link:
        standard = next(s for s in self.settings.standards if s.code == code)
        return Link(f"{self.prefix}standards/{self.standard_slugs[code]}.html",
                    keeping(f"{standard.code} {standard.title}", standard.title))


def _paragraph(text: str) -> Markup:
    """A standard's text as its listing page's introduction, marked with its language where
    the site file gives it only in another one (``Foreign``)."""
    if isinstance(text, Foreign):
        return Markup('<p lang="%s">%s</p>') % (text.lang, text)
    return Markup("<p>%s</p>") % text


def _example_page(source: ExampleSource, appearances: list[Appearance],
                  same_theme: list[ExampleSource], index: int, links: _Links,
                  newest: ReportSource) -> ExamplePage:
    """The permalink page of one example, at ``index`` in its practice theme's sequence
    ``same_theme``."""
    settings = links.settings
    body, outcome = _body(source, newest, appearances[0].report)
    return ExamplePage(
        slug=source.slug, path=example_page(source.slug), title=source.title, kind=source.kind,
        description=_description(source.body),
        practice_theme=links.theme(source.practice_theme),
        also_practice_themes=tuple(links.theme(t) for t in source.also_practice_themes
                                   if t != source.practice_theme),
        region=links.region(source.region),
        pdu=links.pdu(source.pdu) if source.pdu else None,
        standards=tuple(links.standard(s.code) for s in settings.standards
                        if s.code in source.standards),
        sentence_type=next((s.name for s in settings.sentence_types
                            if s.slug == source.sentence_type), None),
        tags=source.tags, body=body, outcome=outcome, appearances=tuple(appearances),
        previous=_link(same_theme[index - 1]) if index > 0 else None,
        next=_link(same_theme[index + 1]) if index + 1 < len(same_theme) else None,
        front=ExampleFront.of(source),
    )


def _link(source: ExampleSource) -> Link:
    return Link(example_page(source.slug), source.title)


def _body(source: ExampleSource, report_source: ReportSource,
          report: Report) -> tuple[Markup, Markup | None]:
    """The example's body on its own page: citations link to the newest report's references."""
    return _rendered_body(source.body.html, source.body.outcome_html, report.page,
                          tuple(r.key for r in report_source.references))


@functools.lru_cache(maxsize=1 << 14)  # the preview's saves: most bodies are as they were
def _rendered_body(html: str, outcome_html: str | None, page: str,
                   references: tuple[str, ...]) -> tuple[Markup, Markup | None]:
    context = RenderContext(
        heading_base=PAGE_HEADING, root=PAGE_ROOT, reference_href=PAGE_ROOT + page,
        citation_numbers={key: n for n, key in enumerate(references, start=1)})
    body = markdown.render(html, context)
    outcome = None
    if outcome_html is not None:
        context.heading_base = PAGE_HEADING + 1
        outcome = markdown.render(outcome_html, context)
    return body, outcome


def _description(parsed: Parsed) -> str:
    """The first paragraph as plain text, cut at a word to fit a page description."""
    text = " ".join(parsed.first_paragraph.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
