"""Stage 3: validated content -> the assembled site: ordering, grouping, numbering, HTML."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from .. import markdown
from ..content.fields import ExampleFront
from ..markdown import ANY_PAGE, Parsed, RenderContext
from ..model import (
    Content,
    Example,
    ExampleSource,
    Reference,
    Report,
    ReportSource,
    Section,
    Settings,
    Site,
)
from .glossary import keywords, used_terms
from .library import LibraryMemo, assemble_library

#: Every page that shows Markdown lives one folder down, so one root prefix serves them all.
PAGE_ROOT = "../"
SECTION_HEADING = 3  # "##" in an intro renders as <h3>, under the section's <h2>
EXAMPLE_HEADING = 4  # "##" in an example renders as <h4>, under the example's <h3>


def assemble(content: Content, memo: dict[str, Any] | None = None, prefix: str = "") -> Site:
    """Build the site model every page and PDF is rendered from; its listing pages in the
    folder ``prefix`` (see editions.py).

    ``memo`` (the preview keeps one between saves) keeps each report as assembled: a report
    whose file, site settings and examples (the very objects) are unchanged is not assembled
    again; and the library's pages (see ``LibraryMemo``).
    """
    settings = content.settings
    by_report: dict[str, list[ExampleSource]] = {r.slug: [] for r in content.reports}
    for example in content.examples:
        for slug in dict.fromkeys(example.reports):
            if slug in by_report:
                by_report[slug].append(example)
    assembled = memo.setdefault("reports", {}) if memo is not None else None
    examples = memo.setdefault("examples", {}) if memo is not None else None
    reports = tuple(sorted(
        (_remembered(r, by_report[r.slug], settings, assembled, examples)
         for r in content.reports),
        key=lambda r: (r.published, r.slug), reverse=True))
    if assembled is not None and examples is not None:
        kept = {r.name for r in content.reports}
        for name in [name for name in assembled if name not in kept]:
            del assembled[name]
        kept = {e.slug for e in content.examples}
        for name in [name for name in examples if name not in kept]:
            del examples[name]
    library = assemble_library(content, reports, prefix, None if memo is None
                               else memo.setdefault("library", LibraryMemo()))
    published = {e.slug for e in library.examples}
    listed = {t.slug for t in library.practice_themes}
    images = {i for r in reports for i in r.images} | _images(
        [e.body for e in content.examples if e.slug in published]
        + [t.intro for t in settings.practice_themes if t.slug in listed])
    if settings.favicon:
        images.add(settings.favicon)
    # Shown on pages at several depths (every page's footer, each language's statement): the
    # path back to the root is filled in for each page (``markdown.at_page``).
    licence = markdown.render(settings.licence.html, RenderContext(SECTION_HEADING, ANY_PAGE))
    accessibility, issues, improvements = (
        markdown.render(text.html, RenderContext(2, ANY_PAGE)) if text else markdown.Markup("")
        for text in (settings.accessibility, settings.accessibility_statement.known_issues,
                     settings.accessibility_statement.improvements))
    base_url = settings.base_url
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    return Site(title=settings.title, organisation=settings.organisation,
                language=settings.language, base_url=base_url, licence=licence,
                reports=reports, glossary=settings.glossary, images=tuple(sorted(images)),
                library=library, accessibility=accessibility, settings=settings,
                logo=settings.logo,
                favicon=settings.favicon, accessibility_issues=issues,
                accessibility_improvements=improvements)


def _remembered(source: ReportSource, mine: list[ExampleSource], settings: Settings,
                memo: dict[str, Any] | None, examples: dict[str, Any] | None) -> Report:
    """The report of ``source``, whose examples are ``mine``, as assembled last time if its
    file, the settings and its examples are the very objects of then; ``examples`` keeps
    each example as assembled (see ``_example``)."""
    if memo is None:
        return _report(source, mine, settings)
    found = memo.get(source.name)
    if found is not None and found[0] is source and found[1] is settings and \
            len(found[2]) == len(mine) and all(a is b for a, b in zip(found[2], mine, strict=True)):
        return found[3]  # type: ignore[no-any-return]
    report = _report(source, mine, settings, examples)
    memo[source.name] = (source, settings, mine, report)
    return report


def _report(source: ReportSource, examples: Iterable[ExampleSource], settings: Settings,
            kept: dict[str, Any] | None = None) -> Report:
    mine = [e for e in examples if source.slug in e.reports]
    context = RenderContext(
        heading_base=SECTION_HEADING, root=PAGE_ROOT,
        citation_numbers={r.key: n for n, r in enumerate(source.references, start=1)},
        examples_here=frozenset(e.slug for e in mine))
    used: list[Parsed] = []

    def html(parsed: Parsed, base: int = SECTION_HEADING) -> markdown.Markup:
        used.append(parsed)
        context.heading_base = base
        return markdown.render(parsed.html, context)

    introduction = html(source.introduction)
    summary = html(source.summary.text)
    standards_intro = html(source.standards_intro)
    # A section the report lists without an example of its language is left out (``spotlight
    # check`` says so, ``ref-empty``): never a heading and intro with nothing after them.
    sections = tuple(section for section in (
        _section(theme, intro, mine, settings, html, context, used, kept)
        for theme, intro in _section_order(source, mine, settings)) if section.examples)
    acknowledgements = html(source.acknowledgements)
    references = tuple(
        Reference(number=n, anchor=f"ref-{r.key}", text=html(r.text), url=r.url,
                  accessed=r.accessed, backlinks=tuple(context.citation_ids.get(r.key, ())))
        for n, r in enumerate(source.references, start=1))
    met = {code for e in mine for code in e.standards}
    standards = tuple(s for s in settings.standards if s.code in met)
    texts = [source.title, introduction, summary, standards_intro, acknowledgements,
             *(f.label for f in source.facts), *(s.title + ": " + s.text for s in standards),
             *(t for s in sections for t in section_texts(s)), *(r.text for r in references)]
    new_page = source.new_page_per_section
    # Required, and checked: a report without them does not get this far.
    assert source.fieldwork_start and source.fieldwork_end and source.published
    return Report(
        slug=source.slug, title=source.title, region=settings.region(source.region),
        fieldwork_start=source.fieldwork_start, fieldwork_end=source.fieldwork_end,
        published=source.published, introduction=introduction, facts=source.facts,
        summary=summary, standards_intro=standards_intro,
        standards=standards,
        sections=sections, references=references, acknowledgements=acknowledgements,
        page=f"reports/{source.slug}.html", pdf=f"reports/{source.slug}.pdf",
        images=tuple(sorted(_images(used))), source=source,
        glossary=used_terms(settings.glossary, texts),
        keywords=keywords((s.title for s in sections), (t for e in mine for t in e.tags)),
        new_page_per_section=settings.new_page_per_section if new_page is None else new_page,
        contents_examples=_first_set(source.contents_examples, settings.contents_examples,
                                     sum(len(s.examples) for s in sections) > HANDFUL),
    )


#: A report with more examples than this lists them in its contents unless told otherwise.
HANDFUL = 5


def _first_set(*choices: bool | None) -> bool:
    """The first choice that is set: the report's, the site's, then the default."""
    return next(choice for choice in choices if choice is not None)


def section_texts(section: Section) -> list[str]:
    """The words of a section a reader sees: title, intro, and every example's text."""
    return [section.title, section.intro, *(t for e in section.examples for t in example_texts(e))]


def example_texts(example: Example) -> list[str]:
    """The words of an example a reader sees."""
    return [example.title, example.body, example.outcome or ""]


def _section_order(source: ReportSource, mine: list[ExampleSource],
                   settings: Settings) -> list[tuple[str, Parsed | None]]:
    if source.sections is not None:
        return [(s.practice_theme, s.intro) for s in source.sections]
    present = {e.practice_theme for e in mine}
    return [(t.slug, None) for t in settings.practice_themes if t.slug in present]


def _section(theme_slug: str, intro: Parsed | None, mine: list[ExampleSource],  # type: ignore[no-untyped-def]
             settings: Settings, html, context: RenderContext, used: list[Parsed],
             kept: dict[str, Any] | None = None) -> Section:
    theme = settings.practice_theme(theme_slug)
    intro_html = html(intro if intro is not None else theme.intro)
    chosen = sorted((e for e in mine if e.practice_theme == theme_slug),
                    key=lambda e: (e.order, e.title.lower(), e.slug))
    return Section(anchor=theme.slug, title=theme.title, intro=intro_html,
                   examples=tuple(_example(e, settings, html, used, kept) for e in chosen))


def _example(source: ExampleSource, settings: Settings, html, used: list[Parsed],  # type: ignore[no-untyped-def]
             kept: dict[str, Any] | None) -> Example:
    """``assemble_example``; or, with ``kept`` (the preview's), the example as assembled
    before from the very same example and settings. Only an example that cites nothing and
    links to no example: a citation's number and link depend on the report and on the
    citations before it, and a link to an example on whether the report shows it."""
    if kept is None or source.body.citations or "[@" in source.body.text or any(
            markdown.example_target(link.value) for link in source.body.links):
        return assemble_example(source, settings, html)
    found = kept.get(source.slug)
    if found is not None and found[0] is source and found[1] is settings:
        used.extend(found[3])  # what it shows, for the report's pictures
        return found[2]  # type: ignore[no-any-return]
    start = len(used)
    example = assemble_example(source, settings, html)
    kept[source.slug] = (source, settings, example, used[start:])
    return example


def assemble_example(source: ExampleSource, settings: Settings, html,  # type: ignore[no-untyped-def]
                     heading: int = EXAMPLE_HEADING) -> Example:
    """One example as it appears in a document; ``html`` renders its Markdown there."""
    region = settings.region(source.region)
    body = html(source.body, heading)
    outcome = None
    if source.body.outcome_html is not None:
        outcome = html(Parsed(source.body.outcome_html, None, (), (), (), ()), heading + 1)
    return Example(
        slug=source.slug, anchor=f"example-{source.slug}", title=source.title, kind=source.kind,
        practice_theme=settings.practice_theme(source.practice_theme), region=region,
        pdu=next((p for p in region.pdus if p.slug == source.pdu), None),
        standards=tuple(s for s in settings.standards if s.code in source.standards),
        sentence_type=next((s for s in settings.sentence_types
                            if s.slug == source.sentence_type), None),
        tags=source.tags, body=body, outcome=outcome, front=ExampleFront.of(source),
    )


def _images(parsed: Iterable[Parsed]) -> set[str]:
    found = set()
    for item in parsed:
        for image in item.images:
            if markdown.url_scheme(image.value) == "":
                found.add(posixpath.normpath(unquote(urlsplit(image.value).path)))
    return found
