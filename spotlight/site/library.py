"""The cross-report library: a permalink page per example, and a page per practice theme,
region, PDU and standard gathering examples across every report.

Part of stage 3 (assembly): ``assemble_library`` turns validated content and the assembled
reports into frozen models that the templates render.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

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


def assemble_library(content: Content, reports: Sequence[Report],
                     prefix: str = "") -> Library:
    """The library of ``reports`` (newest first): permalink pages and listing pages, the
    listing pages in the folder ``prefix`` (a language's own folder, such as "cy/")."""
    settings = content.settings
    sources = {e.slug: e for e in content.examples}
    appearances: dict[str, list[Appearance]] = {}
    for report in reports:
        for section in report.sections:
            for example in section.examples:
                appearances.setdefault(example.slug, []).append(
                    Appearance(report, section.title, f"{report.page}#{example.anchor}"))
    # Library order: by the newest report an example is in, then in that report's reading order.
    published = [sources[slug] for slug in appearances]
    links = _Links(settings, published, prefix)
    report_sources = {r.slug: r for r in content.reports}
    by_theme: dict[str, list[ExampleSource]] = {}
    for source in published:
        by_theme.setdefault(source.practice_theme, []).append(source)

    position = {s.slug: i for same in by_theme.values() for i, s in enumerate(same)}
    pages = {source.slug: _example_page(source, appearances[source.slug],
                                        by_theme[source.practice_theme],
                                        position[source.slug], links,
                                        report_sources[appearances[source.slug][0].report.slug])
             for source in published}

    def listing(kind: str, label: str, slug: str, link: Link,
                match: Callable[[ExampleSource], bool], intro: Markup, trail: tuple[Link, ...],
                children: tuple[Listing, ...] = ()) -> Listing:
        by_report: dict[int, list[ExamplePage]] = {}
        for page in (pages[e.slug] for e in published if match(e)):
            by_report.setdefault(id(page.appearances[0].report), []).append(page)
        groups = [ListingGroup(r, tuple(by_report.get(id(r), ()))) for r in reports]
        return Listing(kind=kind, label=label, slug=slug, path=link.path, title=link.text,
                       intro=intro, trail=trail, groups=tuple(g for g in groups if g.examples),
                       children=children)

    themes = tuple(
        listing("practice-theme", N_("Practice theme"), t.slug, links.theme(t.slug),
                lambda e, t=t.slug: t in (e.practice_theme, *e.also_practice_themes),  # type: ignore[misc]
                markdown.render(t.intro.html, RenderContext(PAGE_HEADING, PAGE_ROOT)),
                (Link("index.html#practice-themes", N_("Practice themes")),))
        for t in settings.practice_themes if t.slug in links.themes)
    pdus: list[Listing] = []
    regions: list[Listing] = []
    for region in settings.regions:
        if region.slug not in links.regions:
            continue
        trail = (Link("index.html#regions", N_("Regions")), links.region(region.slug))
        mine = tuple(listing("pdu", N_("Probation Delivery Unit"), p.slug, links.pdu(p.slug),
                             lambda e, p=p.slug: e.pdu == p, Markup(""), trail)  # type: ignore[misc]
                     for p in region.pdus if p.slug in links.pdus)
        pdus.extend(mine)
        regions.append(listing("region", N_("Region"), region.slug, links.region(region.slug),
                               lambda e, r=region.slug: e.region == r, Markup(""), trail[:1],  # type: ignore[misc]
                               mine))
    standards = tuple(
        listing("standard", N_("Standard"), links.standard_slugs[s.code], links.standard(s.code),
                lambda e, c=s.code: c in e.standards, Markup("<p>%s</p>") % s.text,  # type: ignore[misc]
                (Link("index.html#standards", N_("Standards")),))
        for s in settings.standards if s.code in links.standards)
    return Library(examples=tuple(pages.values()), practice_themes=themes,
                   regions=tuple(regions), pdus=tuple(pdus), standards=standards)


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
                    f"{standard.code} {standard.title}")


def _example_page(source: ExampleSource, appearances: list[Appearance],
                  same_theme: list[ExampleSource], index: int, links: _Links,
                  newest: ReportSource) -> ExamplePage:
    """The permalink page of one example, at ``index`` in its practice theme's sequence
    ``same_theme``."""
    settings = links.settings
    body, outcome = _body(source, newest, appearances[0].report)
    return ExamplePage(
        slug=source.slug, path=example_page(source.slug), title=source.title, kind=source.kind,
        description=_description(source.body) or f"Example of effectiveness: {source.title}",
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
