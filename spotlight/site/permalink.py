"""An example's permalink page: its own page in the library, with its tags as links to the
listing pages, its neighbours in its practice theme, and its body rendered for the page."""

from __future__ import annotations

import datetime as dt
import functools

from markupsafe import Markup

from .. import markdown
from ..content.fields import ExampleFront
from ..markdown import Parsed, RenderContext
from ..model import (
    Appearance,
    ExamplePage,
    ExampleSource,
    Link,
    Reference,
    ReportSource,
    example_page,
)
from .foreign import Foreign
from .glossary import spell_out
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
    body, outcome, references = _body(source, newest, settings.glossary)
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
        tags=source.tags, body=body, outcome=outcome, references=references,
        appearances=tuple(appearances),
        previous=_link(same_theme[index - 1]) if index > 0 else None,
        next=_link(same_theme[index + 1]) if index + 1 < len(same_theme) else None,
        front=ExampleFront.of(source),
    )


def _link(source: ExampleSource) -> Link:
    return Link(example_page(source.slug), source.title)


def _body(source: ExampleSource, report_source: ReportSource,
          glossary: tuple[tuple[str, str], ...]
          ) -> tuple[Markup, Markup | None, tuple[Reference, ...]]:
    """The example's body on its own page, and the references it cites (from its newest
    report), numbered afresh in reading order, as its handout numbers them: a citation leads
    to the list at the end of the page, not away to the report's. Each abbreviation of the
    ``glossary`` is spelled out at its first use on the page (a reader may come straight to
    it, not through the report that spelled it out earlier)."""
    listed = {r.key: r for r in report_source.references}
    cited = tuple((listed[key].key, listed[key].text.html, listed[key].url, listed[key].accessed)
                  for key in dict.fromkeys(c.value for c in source.body.citations)
                  if key in listed)
    body, outcome = source.body.html, source.body.outcome_html or ""
    used = tuple((term, expansion) for term, expansion in glossary  # a quick look first
                 if (term in body or term in outcome) and not isinstance(expansion, Foreign))
    return _rendered_body(source.body.html, source.body.outcome_html, cited, used)


#: A cited reference, as the page needs it: key, text (rendered Markdown), address, accessed.
_Cited = tuple[str, str, str | None, dt.date | None]


@functools.lru_cache(maxsize=1 << 14)  # the preview's saves: most bodies are as they were
def _rendered_body(html: str, outcome_html: str | None, cited: tuple[_Cited, ...],
                   glossary: tuple[tuple[str, str], ...]
                   ) -> tuple[Markup, Markup | None, tuple[Reference, ...]]:
    context = RenderContext(
        heading_base=PAGE_HEADING, root=PAGE_ROOT, reference_href="",
        citation_numbers={key: n for n, (key, *_) in enumerate(cited, start=1)})
    body = markdown.render(html, context)
    outcome = None
    if outcome_html is not None:
        context.heading_base = PAGE_HEADING + 1
        outcome = markdown.render(outcome_html, context)
    body, *rest = (Markup(text) for text in spell_out(
        [body] if outcome is None else [body, outcome], glossary))
    outcome = rest[0] if rest else None
    in_list = RenderContext(heading_base=PAGE_HEADING + 1, root=PAGE_ROOT)
    references = tuple(
        Reference(number=n, anchor=f"ref-{key}", text=markdown.render(text, in_list), url=url,
                  accessed=accessed, backlinks=tuple(context.citation_ids.get(key, ())))
        for n, (key, text, url, accessed) in enumerate(cited, start=1))
    return body, outcome, references


def _description(parsed: Parsed) -> str:
    """The first paragraph as plain text, cut at a word to fit a page description."""
    text = " ".join(parsed.first_paragraph.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
