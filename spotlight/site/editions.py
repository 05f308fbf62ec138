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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from ..content.site_fields import SiteWords
from ..content.translations import language_of, language_tag, site_languages
from ..model import (
    Collection,
    Content,
    Handout,
    PrintSet,
    Report,
    Settings,
    Site,
    example_page,
)
from .assemble import assemble
from .assemble_print import assemble_print
from .foreign import Foreign, foreign_markdown

#: (language, output path) of each version of a page, the page itself included.
Alternates = tuple[tuple[str, str], ...]


def in_language(settings: Settings, language: str) -> Settings:
    """``settings`` as ``language``'s pages show them: the names its ``SiteWords`` (the site
    file's ``cy`` or ``en``) give, and the main language's for the rest, marked ``Foreign``
    (all of them when the site file gives none in ``language``)."""
    words: SiteWords | None = getattr(settings, language, None)
    main = settings.language
    if words is None:
        if language == site_languages(settings)[0]:
            return settings
        words = SiteWords(glossary=())  # none in this language: each name is the main one's

    def name(text: str, given: str | None) -> str:
        return given if given else Foreign(text, main)

    themes = {w.slug: w for w in words.practice_themes}
    standards = {w.code: w for w in words.standards}
    regions = {w.slug: w.name for w in words.regions}
    pdus = {w.slug: w.name for w in words.pdus}
    sentences = {w.slug: w.name for w in words.sentence_types}
    glossary = dict(words.glossary)
    return replace(
        settings, title=name(settings.title, words.title),
        organisation=name(settings.organisation, words.organisation),
        licence=words.licence if getattr(words.licence, "text", "").strip()
        else foreign_markdown(settings.licence, main),
        practice_themes=tuple(replace(
            t, title=name(t.title, themes[t.slug].title if t.slug in themes else None),
            intro=themes[t.slug].intro if t.slug in themes and themes[t.slug].intro.text.strip()
            else foreign_markdown(t.intro, main)) for t in settings.practice_themes),
        standards=tuple(replace(
            s, title=name(s.title, standards[s.code].title if s.code in standards else None),
            text=name(s.text, standards[s.code].text if s.code in standards else None))
            for s in settings.standards),
        regions=tuple(replace(
            r, name=(shown := name(r.name, regions.get(r.slug))),
            # English pages: "the North West"; Welsh pages: the name as it is ("yn" before a
            # name mutates it, which the site file does not say).
            in_sentence="" if language.split("-")[0].lower() == "en" else shown,
            pdus=tuple(replace(p, name=name(p.name, pdus.get(p.slug))) for p in r.pdus))
            for r in settings.regions),
        sentence_types=tuple(replace(s, name=name(s.name, sentences.get(s.slug)))
                             for s in settings.sentence_types),
        # An abbreviation whose expansion is left in the main language is of that language.
        glossary=tuple((term if term in glossary else Foreign(term, main),
                        name(expansion, glossary.get(term)))
                       for term, expansion in settings.glossary))


@dataclass(frozen=True)
class Edition(Site):
    """The site as the readers of one of its languages see it.

    ``prefix`` is the folder of its own pages ("" for the main language). The main edition
    holds the others (``editions``), and the versions of each report and example that has a
    translation (``alternates``: one group of (language, page) for each original).
    """

    prefix: str = ""
    editions: tuple[Site, ...] = ()
    alternates: tuple[Alternates, ...] = ()


def assemble_site(content: Content, memo: dict[str, Any] | None = None) -> Site:
    """The assembled site: for a site in one language, ``assemble``'s; for a site in
    several, the main language's edition, holding the others. ``memo`` is ``assemble``'s,
    kept apart for each language."""
    settings = content.settings
    languages = site_languages(settings)
    if len(languages) < 2:
        return assemble(content, memo)
    made: list[Edition] = []
    for language in languages:
        prefix = "" if language == languages[0] else f"{language}/"
        part = None if memo is None else memo.setdefault(f"language:{language}", {})
        mine = replace(content, settings=_in_language(settings, language, part),
                       reports=_in(content.reports, language, settings),
                       examples=_in(content.examples, language, settings))
        site = assemble(mine, part, prefix=prefix)
        if prefix:
            site = replace(site, reports=tuple(_kept_references(r, content)
                                               for r in site.reports))
        made.append(Edition(**{f.name: getattr(site, f.name) for f in fields(site)}
                            | {"language": language_tag(language, settings)},
                            prefix=prefix))
    main, *others = made
    images = tuple(sorted({i for edition in made for i in edition.images}))
    return replace(main, images=images, editions=tuple(others),
                   alternates=_groups(content, settings))


def _in_language(settings: Settings, language: str, memo: dict[str, Any] | None) -> Settings:
    """``in_language``; with a ``memo`` (the preview's), the very settings made from the very
    same settings before, so that what was assembled from them is kept."""
    found = memo.get("settings") if memo is not None else None
    if found is not None and found[0] is settings:
        return found[1]  # type: ignore[no-any-return]
    made = in_language(settings, language)
    if memo is not None:
        memo["settings"] = (settings, made)
    return made


def _kept_references(report: Report, content: Content) -> Report:
    """``report``, its references that its original has word for word (a title left in the
    original's language) marked with the original's language."""
    sources = {r.slug: r for r in content.reports}
    source = sources.get(report.slug)
    original = sources.get(getattr(source, "translation_of", None) or "")
    if source is None or original is None:
        return report
    theirs = {r.key: " ".join(r.text.text.split()) for r in original.references}
    lang = language_tag(language_of(original, content.settings), content.settings)
    kept = [theirs.get(r.key) == " ".join(r.text.text.split()) for r in source.references]
    if not any(kept) or len(kept) != len(report.references):
        return report
    return replace(report, references=tuple(
        replace(r, lang=lang) if same else r
        for r, same in zip(report.references, kept, strict=True)))


def _in(items: Iterable[Any], language: str, settings: Any) -> tuple[Any, ...]:
    return tuple(i for i in items if language_of(i, settings) == language)


def _groups(content: Content, settings: Any) -> tuple[Alternates, ...]:
    """The versions of each report and example that has a translation, main language first."""
    order = {language_tag(language, settings): n
             for n, language in enumerate(site_languages(settings))}
    groups: list[Alternates] = []
    for items, page in ((content.reports, lambda slug: f"reports/{slug}.html"),
                        (content.examples, example_page)):
        by_slug = {i.slug: i for i in items}
        versions: dict[str, list[tuple[str, str]]] = {}
        for item in items:
            original = getattr(item, "translation_of", None)
            if original in by_slug:
                versions.setdefault(original, []).append(
                    (language_tag(language_of(item, settings), settings), page(item.slug)))
        for original, found in versions.items():
            found.append((language_tag(language_of(by_slug[original], settings), settings),
                          page(original)))
            groups.append(tuple(sorted(found, key=lambda v: order.get(v[0], len(order)))))
    return tuple(groups)


def assemble_print_set(content: Content, site: Site, handouts: bool) -> PrintSet:
    """The practice-theme collections and handouts of every edition: each collection of one
    language's examples, in its edition's folder."""
    if not getattr(site, "editions", ()):
        return assemble_print(content, site, handouts)
    settings = content.settings
    collections: list[Collection] = []
    made: list[Handout] = []
    for edition in editions(site):
        language = edition.language.split("-")[0].lower()
        mine = replace(content, settings=in_language(settings, language),
                       reports=_in(content.reports, language, settings),
                       examples=_in(content.examples, language, settings))
        part = assemble_print(mine, edition, handouts)
        prefix = edition_prefix(edition)
        collections += [replace(c, pdf=prefix + c.pdf) for c in part.collections]
        made += part.handouts
    return PrintSet(collections=tuple(collections), handouts=tuple(made))


def editions(site: Site) -> tuple[Site, ...]:
    """Every edition of ``site``: the site itself, then its other languages'."""
    return (site, *getattr(site, "editions", ()))


def edition_prefix(edition: Site) -> str:
    """The folder of an edition's own pages: "" for the main language, "cy/" for Welsh."""
    return str(getattr(edition, "prefix", ""))


def site_alternates(site: Site, pages: Sequence[str] = ()) -> Mapping[str, Alternates]:
    """By output path, the versions of each page that has a translation: the reports and
    examples that translate one another, and the pages of ``pages`` (paths in the main
    edition, such as index.html) that each edition has in its own folder."""
    groups = list(getattr(site, "alternates", ()))
    others = getattr(site, "editions", ())
    if others:
        for path in pages:
            group = [(site.language, path)] + [
                (e.language, edition_prefix(e) + path) for e in others]
            groups.append(tuple(group))
        listed = {listing.path: [(site.language, listing.path)]
                  for listing in site.library.listings}
        for edition in others:
            prefix = edition_prefix(edition)
            for listing in edition.library.listings:
                if listing.path.removeprefix(prefix) in listed:
                    listed[listing.path.removeprefix(prefix)].append(
                        (edition.language, listing.path))
        groups += [tuple(g) for g in listed.values() if len(g) > 1]
    return {path: group for group in groups for _, path in group}


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
