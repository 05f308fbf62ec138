"""Assembly of the PDFs made besides the reports: one collection per practice theme, gathering
its examples across every report, and a one-page handout per example.

Examples are written once but cite the references of the reports they belong to, so each of
these documents numbers the references it cites afresh, in reading order, and lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import markdown
from ..markdown import Parsed, RenderContext
from ..model import (
    Collection,
    CollectionPart,
    Content,
    Example,
    ExampleSource,
    Handout,
    PracticeTheme,
    PrintSet,
    Reference,
    ReferenceSource,
    Report,
    ReportSource,
    Site,
)
from .assemble import EXAMPLE_HEADING, PAGE_ROOT, SECTION_HEADING, assemble_example, example_texts
from .glossary import keywords, used_terms

HANDOUT_HEADING = 2  # "##" in a handout renders as <h2>, under the example's <h1>


def assemble_print(content: Content, site: Site, handouts: bool) -> PrintSet:
    """The practice-theme collections, and the example handouts when ``handouts`` is true."""
    homes = _homes(site.reports)
    sources = {r.slug: r for r in content.reports}
    mine = [e for e in content.examples if e.slug in homes]
    collections = (_collection(t, content, site.reports, homes, sources)
                   for t in content.settings.practice_themes)
    return PrintSet(
        collections=tuple(c for c in collections if c is not None),
        handouts=tuple(_handout(e, content, homes[e.slug], sources) for e in mine)
        if handouts else (),
    )


def _homes(reports: Sequence[Report]) -> dict[str, tuple[Report, ...]]:
    """Each example's reports, newest first: the first is where its references come from."""
    homes: dict[str, list[Report]] = {}
    for report in reports:
        for example in report.examples:
            homes.setdefault(example.slug, []).append(report)
    return {slug: tuple(found) for slug, found in homes.items()}


def _collection(theme: PracticeTheme, content: Content, reports: Sequence[Report],
                homes: dict[str, tuple[Report, ...]],
                sources: dict[str, ReportSource]) -> Collection | None:
    chosen = {e.slug: e for e in content.examples if e.slug in homes
              and theme.slug in (e.practice_theme, *e.also_practice_themes)}
    if not chosen:
        return None
    # As the practice theme's web page lists them (library.py): under the newest report each
    # example is in, in that report's reading order.
    grouped = [(report, [chosen[e.slug] for e in report.examples
                         if e.slug in chosen and homes[e.slug][0] is report])
               for report in reports]
    grouped = [(report, examples) for report, examples in grouped if examples]
    references = _References([(e, sources[r.slug]) for r, examples in grouped for e in examples])
    parts = tuple(
        CollectionPart(anchor=f"from-{report.slug}", report_title=report.title,
                       region=report.region, published=report.published,
                       examples=tuple(references.example(e, sources[report.slug], content,
                                                         EXAMPLE_HEADING) for e in examples))
        for report, examples in grouped)
    intro = markdown.render(theme.intro.html, RenderContext(SECTION_HEADING, PAGE_ROOT))
    cited = references.assembled()
    examples = [e for p in parts for e in p.examples]
    texts = [theme.title, intro, *(t for e in examples for t in example_texts(e)),
             *(r.text for r in cited)]
    return Collection(
        slug=theme.slug, title=theme.title, intro=intro,
        published=max(p.published for p in parts), parts=parts, references=cited,
        glossary=used_terms(content.settings.glossary, texts),
        keywords=keywords([theme.title], (t for e in examples for t in e.tags)),
        pdf=f"practice-themes/{theme.slug}.pdf",
        new_page_per_section=content.settings.new_page_per_section,
    )


def _handout(source: ExampleSource, content: Content, reports: tuple[Report, ...],
             sources: dict[str, ReportSource]) -> Handout:
    references = _References([(source, sources[reports[0].slug])])
    example = references.example(source, sources[reports[0].slug], content, HANDOUT_HEADING)
    cited = references.assembled()
    themes = [content.settings.practice_theme(t).title
              for t in (source.practice_theme, *source.also_practice_themes)]
    return Handout(
        example=example, reports=reports, published=max(r.published for r in reports),
        references=cited,
        glossary=used_terms(content.settings.glossary,
                            [*example_texts(example), *(r.text for r in cited)]),
        keywords=keywords(themes, source.tags), pdf=f"examples/{source.slug}.pdf",
    )


class _References:
    """Numbers the references a document's examples cite, in reading order.

    The same publication listed by two reports (same text and address) is one entry. Keys
    that two different entries share get the entry's number appended to their anchor.
    """

    def __init__(self, examples: Sequence[tuple[ExampleSource, ReportSource]]) -> None:
        self._entries: dict[tuple[str, str | None], list[ReferenceSource]] = {}
        for example, report in examples:
            listed = {r.key: r for r in report.references}
            for citation in example.body.citations:
                reference = listed.get(citation.value)
                if reference is not None:
                    self._entries.setdefault(_identity(reference), []).append(reference)
        keys = [entries[0].key for entries in self._entries.values()]
        self._numbers = {identity: n for n, identity in enumerate(self._entries, start=1)}
        self._targets = {identity: key if keys.count(key) == 1 else f"{key}-{n}"
                         for (identity, n), key in zip(self._numbers.items(), keys, strict=True)}
        self._backlinks: dict[str, list[str]] = {}
        self._here = frozenset(example.slug for example, _ in examples)

    def example(self, source: ExampleSource, report: ReportSource, content: Content,
                heading: int) -> Example:
        """The example, its citations numbered and linked for this document."""
        listed = [(r.key, _identity(r)) for r in report.references]
        context = RenderContext(
            heading_base=heading, root=PAGE_ROOT, citation_ids=self._backlinks,
            citation_numbers={k: self._numbers[i] for k, i in listed if i in self._numbers},
            citation_targets={k: self._targets[i] for k, i in listed if i in self._targets},
            examples_here=self._here)
        return assemble_example(source, content.settings, _renderer(context), heading)

    def assembled(self) -> tuple[Reference, ...]:
        """The numbered reference list, with links back to every citation."""
        context = RenderContext(SECTION_HEADING, PAGE_ROOT)
        found = []
        for identity, entries in self._entries.items():
            first, target = entries[0], self._targets[identity]
            accessed = max((e.accessed for e in entries if e.accessed), default=None)
            found.append(Reference(
                number=self._numbers[identity], anchor=f"ref-{target}",
                text=markdown.render(first.text.html, context), url=first.url,
                accessed=accessed, backlinks=tuple(self._backlinks.get(target, ()))))
        return tuple(found)


def _identity(reference: ReferenceSource) -> tuple[str, str | None]:
    return (" ".join(reference.text.text.split()), reference.url)


def _renderer(context: RenderContext) -> Callable[[Parsed, int], markdown.Markup]:
    def html(parsed: Parsed, base: int = EXAMPLE_HEADING) -> markdown.Markup:
        context.heading_base = base
        return markdown.render(parsed.html, context)

    return html
