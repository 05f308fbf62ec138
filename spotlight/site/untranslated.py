"""The site file's words that a translated report's pages show in the main language.

A report in the site's other language (a Welsh report of an English site) shows names that
come from the site file: the site's title and organisation, its practice themes (with their
intros), the standards its examples meet (with their wording), its region and its examples'
regions and PDUs, their sentence types, the glossary's abbreviations it uses, and the
licence. The site file gives them in that language under its key (``cy:``, or ``en:`` on a
site whose main language is Welsh); what it leaves out is shown in the main language
(site/editions.py). ``untranslated`` says so once for each such report, naming each word and
where in the site file to give it (``translation-names``: a warning of ``spotlight check``
and of the build), so that a Welsh page never shows English headings without anyone knowing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..content.load import SITE_FILE
from ..content.translations import LANGUAGES, language_of, main_language, site_languages
from ..errors import Problem
from .glossary import used_terms

#: The code of the warning, in ``spotlight check`` and in waivers.
CODE = "translation-names"


@dataclass(frozen=True)
class Untranslated:
    """A translated report whose pages show words of the site file in the main language."""

    path: str
    line: int | None
    message: str


def untranslated(settings: Any, reports: Sequence[Any], examples: Sequence[Any]
                 ) -> list[Untranslated]:
    """For each report in a language the site publishes besides its main one, what of the
    site file its pages would show in the main language, said in one message."""
    published = site_languages(settings)
    main = main_language(settings)
    found = []
    for report in reports:
        language = language_of(report, settings)
        if language == main or language not in published:
            continue  # a language the site does not publish is an error of its own
        mine = [e for e in examples if report.slug in getattr(e, "reports", ())]
        missing = _missing(settings, getattr(settings, language, None), report, mine, language)
        if not missing:
            continue
        name, theirs = LANGUAGES.get(language, language), LANGUAGES.get(main, main)
        lines = getattr(report, "lines", {})
        found.append(Untranslated(
            report.name, lines.get("language") or lines.get("title"),
            f"report '{report.slug}' is in {name}, but {SITE_FILE} gives no {name} for some "
            f"of the names its pages show, so they appear in {theirs}: {'; '.join(missing)}. "
            f"'Welsh and English' in the README shows an example"))
    return found


def untranslated_warnings(settings: Any, reports: Sequence[Any], examples: Sequence[Any]
                          ) -> list[Problem]:
    """``untranslated``, as warnings of the build; a report's waiver of
    ``translation-names`` sets its warning aside, as in ``spotlight check``."""
    waived = {r.name for r in reports for w in getattr(r, "waivers", ())
              if w.code == CODE and w.match is None}
    return [Problem(u.path, u.line, u.message)
            for u in untranslated(settings, reports, examples) if u.path not in waived]


def _missing(settings: Any, words: Any, report: Any, examples: list[Any],
             language: str) -> list[str]:
    """What the report's pages show of the site file without a form in ``language``: each
    kind of word as a phrase, with what to add under the language's key."""
    given = _given(words)
    name = LANGUAGES.get(language, language)
    at = f"under '{language}:'"
    phrases: list[str] = []
    site_words = [(f"the site's title '{settings.title}'", "title"),
                  (f"the organisation '{settings.organisation}'", "organisation")]
    lacking = [(said, field) for said, field in site_words if not given.get(field)]
    if lacking:
        phrases.append(" and ".join(said for said, _ in lacking) + f" ({at}, add " + " and ".join(
            f"'{field}'" for _, field in lacking) + f" in {name})")

    themes = _used_themes(settings, report, examples)
    no_title = [t for t in themes if t.slug not in given["practice_themes"]]
    no_intro = [t for t in themes if t.slug in given["practice_themes"]
                and not given["practice_themes"][t.slug] and t.intro.text.strip()]
    if no_title:
        phrases.append(_entries("the practice theme", "the practice themes",
                                [(f"'{t.title}'", f"slug: {t.slug}") for t in no_title],
                                at, "practice_themes", f"its {name} 'title' and 'intro'"))
    if no_intro:
        phrases.append(_listed("the introduction of the practice theme",
                               "the introductions of the practice themes",
                               [f"'{t.slug}'" for t in no_intro])
                       + f" ({at}, in 'practice_themes', add its {name} 'intro')")

    codes = {code for e in examples for code in getattr(e, "standards", ())}
    standards = [s for s in settings.standards
                 if s.code in codes and s.code not in given["standards"]]
    if standards:
        phrases.append(_entries("the standard", "the standards",
                                [(f"{s.code} '{s.title}'", f'code: "{s.code}"')
                                 for s in standards],
                                at, "standards", f"its {name} 'title' and 'text'"))

    regions = {r.slug: r for r in settings.regions}
    used_regions = [regions[s] for s in dict.fromkeys((report.region, *(e.region for e in
                                                                         examples)))
                    if s in regions]
    pdus = {p.slug: p for r in settings.regions for p in r.pdus}
    used_pdus = [pdus[s] for s in dict.fromkeys(e.pdu for e in examples if e.pdu) if s in pdus]
    types = {t.slug: t for t in settings.sentence_types}
    used_types = [types[s] for s in dict.fromkeys(e.sentence_type for e in examples
                                                  if e.sentence_type) if s in types]
    for one, many, field, used in (("the region", "the regions", "regions", used_regions),
                                   ("the PDU", "the PDUs", "pdus", used_pdus),
                                   ("the sentence type", "the sentence types", "sentence_types",
                                    used_types)):
        if left := [item for item in used if item.slug not in given[field]]:
            phrases.append(_entries(one, many, [(f"'{i.name}'", f"slug: {i.slug}") for i in left],
                                    at, field, f"its {name} 'name'"))

    terms = [term for term, _ in used_terms(settings.glossary, _texts(report, examples))
             if term not in given["glossary"]]
    if terms:
        phrases.append(_listed("the abbreviation", "the abbreviations", terms)
                       + f", spelled out in the glossary ({at}, in 'glossary', add "
                       + ("it" if len(terms) == 1 else "each") + f" with its {name} expansion)")
    if not given["licence"] and settings.licence.text.strip():
        phrases.append(f"the licence ({at}, add 'licence' in {name})")
    return phrases


def _given(words: Any) -> dict[str, Any]:
    """What the site file gives in the language: its title, organisation and licence, and
    the slugs (or codes, or terms) of the names it gives, with a practice theme's intro."""
    def slugs(field: str) -> set[str]:
        return {item.slug for item in getattr(words, field, ())}

    licence = getattr(words, "licence", None)
    return {"title": getattr(words, "title", None),
            "organisation": getattr(words, "organisation", None),
            "licence": bool(licence and licence.text.strip()),
            "practice_themes": {t.slug: bool(t.intro.text.strip())
                                for t in getattr(words, "practice_themes", ())},
            "standards": {s.code for s in getattr(words, "standards", ())},
            "regions": slugs("regions"), "pdus": slugs("pdus"),
            "sentence_types": slugs("sentence_types"),
            "glossary": {term for term, _ in getattr(words, "glossary", ())}}


def _used_themes(settings: Any, report: Any, examples: list[Any]) -> list[Any]:
    """The practice themes the report's pages show: its sections' (those with examples, as
    the pages show them) and its examples'."""
    used = {t for e in examples for t in (e.practice_theme, *e.also_practice_themes)}
    listed = {s.practice_theme for s in report.sections or ()}
    shown = used | (listed & {e.practice_theme for e in examples})
    return [t for t in settings.practice_themes if t.slug in shown]


def _texts(report: Any, examples: Iterable[Any]) -> list[str]:
    """The words of a report and its examples that a reader sees."""
    texts = [report.title, report.introduction.text, report.summary.text.text,
             report.standards_intro.text, report.acknowledgements.text,
             *(f.label for f in report.facts),
             *(s.intro.text for s in report.sections or () if s.intro is not None)]
    for example in examples:
        texts += [example.title, example.body.text]
    return texts


def _listed(one: str, many: str, names: list[str]) -> str:
    """"the region 'North'"; "the regions 'North' and 'South'"."""
    return f"{one if len(names) == 1 else many} {_and(names)}"


def _entries(one: str, many: str, items: list[tuple[str, str]], at: str, field: str,
             what: str) -> str:
    """Names of one kind, and the entries to add for them: "the region 'North' (under 'cy:',
    in 'regions', add '- slug: north' with its Welsh 'name')"."""
    added = [f"'- {entry}'" for _, entry in items]
    return (_listed(one, many, [said for said, _ in items])
            + f" ({at}, in '{field}', add {_and(added)} "
            + ("with " if len(items) == 1 else "each with ") + what + ")")


def _and(items: list[str]) -> str:
    """"a"; "a and b"; "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
