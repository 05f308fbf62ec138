"""Which report or example translates which, checked.

A report or an example is written in one language (``language: en`` or ``cy``; by default the
site's main language, the first of the site file's ``languages``). A translation names the
original it translates (``translation_of: <slug>``); the original's translations are derived
from that. What cannot be right is always an error, at the line that says it:

- a ``language`` the site does not publish;
- a translation in the same language as its original, or of something that is itself a
  translation;
- two translations of one original into the same language;
- an example listed in a report written in another language.

What may be work in progress is an error or a warning, as the site file's ``translations``
says (``error`` by default):

- a ``translation_of`` that names no report or example (``translation-unknown``);
- a report of the main language without a translation into each other language the site
  publishes (``translation-missing``). Examples need none: a translated report may gather a
  selection of its original's examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import Problem
from . import suggest
from .drafts import PLACEHOLDER_DATE

#: The languages a report or an example can be written in, and their names in English.
LANGUAGES = {"en": "English", "cy": "Welsh"}
#: How a missing or unknown translation is treated: ``translations`` in the site file.
MODES = ("error", "warning")


@dataclass(frozen=True)
class Unfinished:
    """A missing translation, or a ``translation_of`` that names nothing: an error or a
    warning, as the site file says."""

    code: str  # translation-missing or translation-unknown
    path: str
    key: str  # the field the problem is at: translation_of, or title
    line: int | None
    message: str
    #: Whether 'translations: warning' would let the build go on while it is written (not
    #: for a translation that is written but does not say its language).
    can_wait: bool = True


def main_language(settings: Any) -> str:
    """The site's main language: the first of ``languages``, else that of its ``language``."""
    listed = tuple(getattr(settings, "languages", ()) or ())
    return listed[0] if listed else str(settings.language).split("-")[0].lower()


def site_languages(settings: Any) -> tuple[str, ...]:
    """Every language the site publishes, the main one first."""
    return tuple(getattr(settings, "languages", ()) or ()) or (main_language(settings),)


def language_of(source: Any, settings: Any) -> str:
    """The language a report or an example is written in."""
    return getattr(source, "language", None) or main_language(settings)


def language_tag(language: str, settings: Any) -> str:
    """The tag of ``language`` for a page's ``lang``: the site's own tag (en-GB) for its main
    language, else the language's code (cy)."""
    if str(settings.language).split("-")[0].lower() == language:
        return str(settings.language)
    return language


def check_translations(settings: Any, reports: Sequence[Any], examples: Sequence[Any]
                       ) -> tuple[list[Problem], list[Unfinished]]:
    """The errors of the reports' and examples' languages and translations, and what is
    unfinished (see the module's docstring)."""
    errors: list[Problem] = []
    unfinished: list[Unfinished] = []
    published = site_languages(settings)
    for label, items in (("report", reports), ("example", examples)):
        by_slug = {item.slug: item for item in items}
        translations: dict[tuple[str, str], Any] = {}
        for item in items:
            lines: Mapping[str, int] = getattr(item, "lines", {})
            language = language_of(item, settings)
            if language not in published:
                errors.append(Problem(item.name, lines.get("language"), (
                    f"language '{language}' is not one that the site publishes: add it to "
                    f"'languages' in the site file (now: {', '.join(published)})")))
            original_slug = getattr(item, "translation_of", None)
            if not original_slug:
                continue
            line = lines.get("translation_of")
            original = by_slug.get(original_slug)
            if original is None:
                unfinished.append(Unfinished(
                    "translation-unknown", item.name, "translation_of", line,
                    f"translation_of names an unknown {label} '{original_slug}'"
                    f"{suggest.unknown(original_slug, set(by_slug) - {item.slug})}"))
                continue
            theirs = language_of(original, settings)
            name = LANGUAGES.get(language, language)
            if theirs == language and (meant := _unsaid(item, theirs, published)):
                errors.append(Problem(item.name, lines.get("translation_of"), (
                    f"translation_of: {label} '{original_slug}' is in {name}, and so is this "
                    f"{label}, as it does not say its language: add 'language: {meant}' to "
                    f"this {label} file")))
            elif theirs == language:
                errors.append(Problem(item.name, line, (
                    f"translation_of: {label} '{original_slug}' is in {name} too: a "
                    "translation names the original it translates from another language")))
            elif getattr(original, "translation_of", None):
                errors.append(Problem(item.name, line, (
                    f"translation_of: {label} '{original_slug}' is itself a translation (of "
                    f"'{original.translation_of}'): name the original, "
                    f"'{original.translation_of}'")))
            elif (first := translations.setdefault((original_slug, language), item)) is not item:
                errors.append(Problem(item.name, line, (
                    f"{label} '{original_slug}' already has a {name} translation, "
                    f"{first.name}: each {label} has one translation in each language")))
        if label == "report":
            unfinished += _missing(items, translations, published, settings)
    errors += _in_other_language(reports, examples, settings)
    return errors, unfinished


def _unsaid(item: Any, language: str, published: Sequence[str]) -> str | None:
    """The language a translation that does not say its own (so is taken as the main one,
    its original's) is meant to be in: the site's other language; None when it says its
    language, or when the site publishes more than one other."""
    if getattr(item, "language", None):
        return None
    others = [other for other in published if other != language]
    return others[0] if len(others) == 1 else None


def _in_other_language(reports: Sequence[Any], examples: Sequence[Any],
                       settings: Any) -> list[Problem]:
    """An example listed in a report written in another language: its pages would show it in
    neither language's report."""
    found = []
    by_slug = {r.slug: r for r in reports}
    languages = {r.slug: language_of(r, settings) for r in reports}
    for example in examples:
        mine = language_of(example, settings)
        for slug in getattr(example, "reports", ()):
            if slug in languages and languages[slug] != mine:
                message = _other_language(slug, mine, by_slug, languages)
                if not getattr(example, "language", None):  # taken as the main language
                    theirs = LANGUAGES.get(languages[slug], languages[slug])
                    message = message.replace("the example is in", "the example does not say "
                                              "its language, so is taken as", 1)
                    message = message.replace(" but report", ", but report", 1) + (
                        f"; or, if the example is in {theirs}, add 'language: "
                        f"{languages[slug]}' to its front matter")
                found.append(Problem(example.name, getattr(example, "lines", {}).get("reports"),
                                     message))
    return found


def _other_language(slug: str, mine: str, by_slug: Mapping[str, Any],
                    languages: Mapping[str, str]) -> str:
    """What to do about an example in language ``mine`` listing report ``slug`` of another."""
    report = by_slug[slug]
    theirs = languages[slug]
    said = (f"the example is in {LANGUAGES.get(mine, mine)} but report '{slug}' is in "
            f"{LANGUAGES.get(theirs, theirs)}")
    original = getattr(report, "translation_of", None)
    if original and not getattr(report, "language", None) and \
            languages.get(original) == theirs:  # a translation that does not say its language
        return (f"{said}, as its file does not say its language: add 'language: {mine}' to "
                f"{report.name}")
    root = original if original in by_slug else slug
    mine_too = sorted(s for s, r in by_slug.items() if languages[s] == mine and (
        s == root or getattr(r, "translation_of", None) == root))
    if mine_too:
        return f"{said}: list its {LANGUAGES.get(mine, mine)} version, '{mine_too[0]}', instead"
    return (f"{said}: list a report in {LANGUAGES.get(mine, mine)} (a translation of "
            f"'{root}')")


def _missing(reports: Iterable[Any], translations: Mapping[tuple[str, str], Any],
             published: tuple[str, ...], settings: Any) -> list[Unfinished]:
    """A report of the main language without a translation into each other language."""
    found = []
    main = published[0]
    for report in reports:
        if language_of(report, settings) != main or getattr(report, "translation_of", None) \
                or getattr(report, "published", None) == PLACEHOLDER_DATE:  # a draft
            continue
        for other in published[1:]:
            if (report.slug, other) not in translations:
                name = LANGUAGES.get(other, other)
                unsaid = [r.name for r in reports if getattr(r, "translation_of", None) ==
                          report.slug and _unsaid(r, main, published) == other]
                if unsaid:  # its translation does not say its language: said there too
                    found.append(Unfinished(
                        "translation-missing", report.name, "title",
                        getattr(report, "lines", {}).get("title"),
                        f"report '{report.slug}' has no {name} translation: {unsaid[0]} "
                        f"translates it but does not say it is in {name}: add "
                        f"'language: {other}' to {unsaid[0]}", can_wait=False))
                    continue
                found.append(Unfinished(
                    "translation-missing", report.name, "title",
                    getattr(report, "lines", {}).get("title"),
                    f"report '{report.slug}' has no {name} translation, and the site "
                    f"publishes in {name}: start one with 'spotlight new report "
                    f"--translation-of {report.slug} --language {other}'"))
    return found


def translation_warnings(settings: Any, reports: Sequence[Any], examples: Sequence[Any]
                         ) -> list[Problem]:
    """What is unfinished, as warnings of the build, where the site file says
    ``translations: warning``."""
    if getattr(settings, "translations", "error") != "warning":
        return []
    _, unfinished = check_translations(settings, reports, examples)
    # A file's waivers set its warnings aside in the build as in ``spotlight check``.
    waived = {(item.name, w.code) for item in (*reports, *examples)
              for w in getattr(item, "waivers", ()) if w.match is None}
    return [Problem(u.path, u.line, u.message) for u in unfinished
            if (u.path, u.code) not in waived]


def translation_errors(settings: Any, reports: Sequence[Any], examples: Sequence[Any]
                       ) -> list[Problem]:
    """What stops a build: the errors, and what is unfinished where the site file says
    ``translations: error`` (the default)."""
    errors, unfinished = check_translations(settings, reports, examples)
    if getattr(settings, "translations", "error") == "error":
        errors += [Problem(u.path, u.line, u.message + (
            " (or set 'translations: warning' in the site file while it is being written)"
            if u.code == "translation-missing" and u.can_wait else "")) for u in unfinished]
    return errors
