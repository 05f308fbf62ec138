"""Translations that are missing or name nothing, as warnings of ``spotlight check``, where
the site file says ``translations: warning`` (with ``error``, the build refuses them: see
content/translations.py); the site file's names a translated report shows in the main
language, for want of their translation (``translation-names``, site/untranslated.py); and
links from a text in one language to an example in another
(``translation-link``): its readers would land on a page in a language they did not choose."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..content.translations import LANGUAGES, check_translations, language_of
from ..markdown import example_target
from ..site.untranslated import CODE, untranslated
from .corpus import Corpus
from .finding import Finding, finding


def check(corpus: Corpus) -> list[Finding]:
    """The unfinished translations, when the site file makes them warnings, the names of
    the site file a translated report's pages show untranslated, and the links that cross
    from one language to another."""
    found = list(_links(corpus))
    content = corpus.content
    found += [finding(CODE, u.path, corpus.position(u.path, "language"), u.message)
              for u in untranslated(content.settings, content.reports, content.examples)]
    if getattr(content.settings, "translations", "error") != "warning":
        return found
    _, unfinished = check_translations(content.settings, content.reports, content.examples)
    return [finding(u.code, u.path, corpus.position(u.path, u.key), u.message)
            for u in unfinished] + found


def _links(corpus: Corpus) -> Iterator[Finding]:
    content = corpus.content
    settings = content.settings
    languages = {item.name: language_of(item, settings) for item in content.reports}
    languages |= {item.name: language_of(item, settings) for item in content.examples}
    if len(set(languages.values())) < 2:
        return  # one language: no link can cross to another
    examples = {e.slug: e for e in content.examples}
    # Each original with its translations, by language: {original: {language: slug}}.
    versions: dict[str, dict[str, str]] = {}
    for example in content.examples:
        original = getattr(example, "translation_of", None) or example.slug
        versions.setdefault(original, {})[language_of(example, settings)] = example.slug
    for text in corpus.all_texts():
        language = languages.get(text.path)
        if not text.markdown or language is None:
            continue
        for link in text.parsed.links:
            target = example_target(link.value)
            linked = examples.get(target[0]) if target else None
            if linked is None or (to := language_of(linked, settings)) == language:
                continue
            start = text.line_offset(link.line)
            index = text.value.find(link.value, start)
            original = getattr(linked, "translation_of", None) or linked.slug
            own = versions.get(original, {}).get(language)
            here, there = _name(language), _name(to)
            message = (f"link '{link.value}' takes readers of this {here} text to the {there} "
                       f"version of an example: link its {here} version, '{own}.md', instead"
                       if own else
                       f"link '{link.value}' takes readers of this {here} text to an example "
                       f"in {there}, which has no {here} version: translate it, or say in the "
                       f"link that the page is in {there}")
            yield finding("translation-link", text.path,
                          text.position(index if index >= 0 else start), message, link.value)


def _name(language: Any) -> str:
    return LANGUAGES.get(str(language), str(language))
