"""An example's permalink page: its own page in the library, with its tags as links to the
listing pages, its neighbours in its practice theme, and its body rendered for the page."""

from __future__ import annotations

import functools

from markupsafe import Markup

from .. import markdown
from ..content.fields import ExampleFront
from ..markdown import Parsed, RenderContext
from ..model import Appearance, ExamplePage, ExampleSource, Link, Report, ReportSource, example_page
from .library_links import ListingLinks

PAGE_ROOT = "../"  # every library page lives one folder down
PAGE_HEADING = 2  # "##" in an example renders as <h2>, under the permalink page's <h1>
DESCRIPTION_LENGTH = 160


def permalink_page(source: ExampleSource, appearances: list[Appearance],
                   same_theme: list[ExampleSource], index: int, links: ListingLinks,
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
