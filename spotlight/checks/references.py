"""Cross-references: references nothing cites, internal links and anchors that lead nowhere
(in the reports, on each example's own page, on each practice theme's page), and examples of
one report that share a title.

Citations without a reference, missing images and images without alt text are refused by
the build itself (see validate.py), so ``check`` reports them as ``invalid``.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from urllib.parse import unquote, urlsplit

from ..content.translations import LANGUAGES, language_of, site_languages
from ..markdown import example_target
from ..model import ReportSource, example_page
from ..site.editions import editions
from .corpus import Corpus, ReportView
from .finding import Finding, finding
from .sources import Text

_ID_RE = re.compile(r"""\sid=["']([^"']+)["']""")


def check(corpus: Corpus) -> list[Finding]:
    """Every cross-reference finding of every report, and of every example's own page."""
    found: list[Finding] = []
    ids = cache(lambda page: frozenset(_ID_RE.findall(corpus.pages[page])))
    links: dict[tuple[str, tuple[int, int], str], Finding] = {}  # one finding per link
    for view in corpus.reports():
        found += _uncited(corpus, view)
        found += duplicate_titles(corpus, view)
        for text in view.texts:
            for item in _links(corpus, view.page, text, ids):
                links.setdefault((item.path, (item.line, item.col), item.text), item)
    # An example's text is on its own page too, where an anchor of the report page is not.
    for example in corpus.content.examples:
        body = corpus.text(example.name, "body")
        if body is not None and example_page(example.slug) in corpus.pages:
            for item in _links(corpus, example_page(example.slug), body, ids):
                links.setdefault((item.path, (item.line, item.col), item.text), item)
    # A practice theme's intro is on its page in each edition that does not translate it.
    for page, text in _theme_intros(corpus):
        for item in _links(corpus, page, text, ids):
            links.setdefault((item.path, (item.line, item.col), item.text), item)
    found += _licence_links(corpus)
    found += _empty(corpus)
    return found + list(links.values())


def _empty(corpus: Corpus) -> Iterator[Finding]:
    """A report without examples, which would be published empty, and a section a report
    lists without examples (of the report's language), which is left out of it; in every
    language's edition."""
    sources = {r.slug: r for r in corpus.content.reports}
    for report in (r for edition in editions(corpus.site) for r in edition.reports):
        source = sources.get(report.slug)
        if source is None:
            continue
        if not report.examples:
            yield finding("ref-empty", source.name, corpus.position(source.name, "title"),
                          f"report '{report.slug}' has no examples yet: it would be published "
                          "empty; add examples that name it in their 'reports'", report.slug)
            continue
        shown = {s.anchor for s in report.sections}
        for index, section in enumerate(source.sections or ()):
            if section.practice_theme not in shown:
                yield finding(
                    "ref-empty", source.name,
                    corpus.position(source.name, "sections", index, "practice_theme"),
                    f"section '{section.practice_theme}' of report '{report.slug}' has no "
                    f"examples{_in_its_language(corpus, source)}: it is left out of the "
                    "published report; add one, or remove the section",
                    section.practice_theme)


def _in_its_language(corpus: Corpus, source: ReportSource) -> str:
    """" in Welsh" for a report of a bilingual site that is not in its main language, whose
    sections show only examples in its own language."""
    languages = site_languages(corpus.content.settings)
    language = language_of(source, corpus.content.settings)
    return "" if language == languages[0] else f" in {LANGUAGES.get(language, language)}"


def _theme_intros(corpus: Corpus) -> Iterator[tuple[str, Text]]:
    """Each practice theme's intro (of the site file), with each page that shows it."""
    settings = corpus.content.settings
    languages = site_languages(settings)
    for index, theme in enumerate(settings.practice_themes):
        text = corpus.text(corpus.site_path, "practice_themes", index, "intro")
        if text is None:
            continue
        for language in languages:
            words = getattr(settings, language, None) if language != languages[0] else None
            if words is not None and any(w.slug == theme.slug and w.intro.text.strip()
                                         for w in words.practice_themes):
                continue  # that edition shows its own translation
            prefix = "" if language == languages[0] else f"{language}/"
            if (page := f"{prefix}practice-themes/{theme.slug}.html") in corpus.pages:
                yield page, text


def _licence_links(corpus: Corpus) -> Iterator[Finding]:
    """The licence is in every page's footer, at every depth of the site: a link written
    relative to one page leads elsewhere from the others."""
    text = corpus.text(corpus.site_path, "licence")
    if text is None:
        return
    for link in text.parsed.links:
        href = link.value
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or example_target(href):
            continue
        start = text.line_offset(link.line)
        index = text.value.find(href, start)
        yield finding("ref-link", text.path, text.position(index if index >= 0 else start),
                      f"link '{href}' in the licence is on every page, at every depth of the "
                      "site, so it would lead somewhere different from each: write the full "
                      "address (https://...), or link to an example's file (kyle.md)", href)


def _uncited(corpus: Corpus, view: ReportView) -> Iterator[Finding]:
    cited = {c.value for text in view.texts for c in text.parsed.citations}
    for index, reference in enumerate(view.source.references):
        if reference.key not in cited:
            yield finding("ref-uncited", view.source.name,
                          corpus.position(view.source.name, "references", index, "key"),
                          f"reference '{reference.key}' is never cited in report "
                          f"'{view.source.slug}': cite it with [@{reference.key}] or remove it",
                          reference.key)


def duplicate_titles(corpus: Corpus, view: ReportView) -> Iterator[Finding]:
    """Each example of a report whose title an earlier one of it has already (in any
    letter case and spacing)."""
    by_title = defaultdict(list)
    for example in view.examples:
        by_title[" ".join(example.title.casefold().split())].append(example)
    for examples in by_title.values():
        for example in examples[1:] if len(examples) > 1 else ():
            first = examples[0]
            line, _ = corpus.position(first.name, "title")
            yield finding("ref-duplicate-title", example.name,
                          corpus.position(example.name, "title"),
                          f"title '{example.title}' is already used in report "
                          f"'{view.source.slug}' by {first.name}:{line}; readers cannot tell "
                          "the two examples apart", example.title)


def _links(corpus: Corpus, page: str, text: Text, ids) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    examples = {e.slug for e in corpus.content.examples}
    for link in text.parsed.links:
        href = link.value
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("//"):
            continue  # a link to another site: never fetched, so never checked
        start = text.line_offset(link.line)
        index = text.value.find(href, start)
        position = text.position(index if index >= 0 else start)
        target = page
        if (to_example := example_target(href)) is not None:
            # The build checks that it names an example (content/cross_check.py) and makes
            # it lead there on each page; a named part of it is on the example's own page.
            if not to_example[1] or to_example[0] not in examples:
                continue
            target, parts = example_page(to_example[0]), urlsplit(f"#{to_example[1]}")
        elif parts.path.startswith("/"):
            yield finding("ref-link", text.path, position,
                          f"link '{href}' starts with '/', which breaks when the site is "
                          "published in a folder: write it relative to the page", href)
            continue
        elif parts.path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page),
                                                       unquote(parts.path)))
            if target not in corpus.published:
                yield finding("ref-link", text.path, position,
                              f"link '{href}' on {page} leads to '{target}', which the build "
                              f"does not publish{_hint(target, page, href, corpus)}", href)
                continue
        if parts.fragment and target.endswith(".html") and target in corpus.pages \
                and unquote(parts.fragment) not in ids(target):
            yield finding("ref-anchor", text.path, position,
                          f"link '{href}' on {page} names the anchor '#{parts.fragment}', "
                          f"which {target} does not have{_anchor_hint(parts.fragment, examples)}",
                          href)


def _anchor_hint(anchor: str, examples: set[str]) -> str:
    slug = unquote(anchor).removeprefix("example-")
    if anchor.startswith("example-") and slug in examples:
        return f"; to point at an example, link to its file: '{slug}.md'"
    return ""


def _hint(target: str, page: str, href: str, corpus: Corpus) -> str:
    if href.lower().startswith("www."):
        return f"; to link to that website, write 'https://{href}'"
    if target.endswith(".md"):
        return "; to point at an example, link to its file, such as 'kyle.md'"
    if target.startswith(".."):
        return "; it is outside the site"
    # Written from the site's top folder, as pictures are: say how to write it from the page.
    path = urlsplit(href).path
    if (fixed := "../" * page.count("/") + href) != href and posixpath.normpath(
            posixpath.join(posixpath.dirname(page), "../" * page.count("/") + unquote(path))
    ) in corpus.published:
        return f"; links are written from the page they are on: write '{fixed}'"
    return ""
