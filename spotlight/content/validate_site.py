"""The site file validated: its settings, the words it gives in another language, its
languages, logo and favicon."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from ..errors import Problem
from ..model import Logo, Settings
from . import fields, suggest
from .checker import check
from .field_checks import IMAGE_TYPES, MarkdownField, file_problem, unique
from .language import language_problem
from .load import SourceFile
from .schema import model_of
from .translations import LANGUAGES
from .yamlio import YMap, parse_yaml


def settings_of(source: SourceFile, assets: frozenset[str],
                found: list[Problem]) -> Settings | None:
    """The site file's settings, or None when what is wrong leaves none to make (each
    problem is added to ``found``)."""
    data, errors = parse_yaml(source.text, source.name)
    found.extend(errors)
    if errors:
        return None
    record = check(fields.SITE, data, source.name, 1, found)
    if record is None or any(record[f.name] is None for f in fields.SITE.fields if f.required):
        return None  # each missing field is already reported
    if record["language"] and (wrong := language_problem(record["language"], LANGUAGES)):
        found.append(Problem(source.name, record.line_of("language"), wrong))
    # An entry without its slug or code is reported already and cannot be referred to.
    for name, key in (("practice_themes", "slug"), ("standards", "code"), ("regions", "slug"),
                      ("sentence_types", "slug")):
        record[name] = [item for item in record[name] if item[key] is not None]
    for region in record["regions"]:
        region["pdus"] = [pdu for pdu in region["pdus"] if pdu["slug"] is not None]
    for label, items, key in (("practice theme", record["practice_themes"], "slug"),
                              ("standard", record["standards"], "code"),
                              ("region", record["regions"], "slug"),
                              ("PDU", [p for r in record["regions"] for p in r["pdus"]], "slug"),
                              ("sentence type", record["sentence_types"], "slug")):
        unique(items, key, label, source.name, found)
    _site_words(record, source.name, found)
    return model_of(Settings, record, markdown=MarkdownField(source.name, assets, found),
                    logo=_logo(record["logo"], source.name, assets, found),
                    favicon=_favicon(record, source.name, assets, found),
                    languages=_languages(record, source.name, found))


def _site_words(record: YMap, name: str, found: list[Problem]) -> None:
    """What the site file's ``cy`` and ``en`` (its words in another language) name must be in
    the site file."""
    known = {
        "practice_themes": ({t["slug"] for t in record["practice_themes"]}, "slug",
                            "practice theme"),
        "standards": ({s["code"] for s in record["standards"]}, "code", "standard"),
        "regions": ({r["slug"] for r in record["regions"]}, "slug", "region"),
        "pdus": ({p["slug"] for r in record["regions"] for p in r["pdus"]}, "slug", "PDU"),
        "sentence_types": ({s["slug"] for s in record["sentence_types"]}, "slug",
                           "sentence type")}
    for language in ("cy", "en"):
        words = record[language]
        if words is None:
            continue
        for key, (names, field, label) in known.items():
            for item in words[key] or ():
                value = item[field]
                if value is not None and value not in names:
                    found.append(Problem(name, item.line_of(field), (
                        f"{language}: {key}: unknown {label} '{value}'"
                        f"{suggest.unknown(value, names)}")))
        for term in words["glossary"] or {}:
            if term not in (record["glossary"] or {}):
                found.append(Problem(name, words.line_of("glossary"), (
                    f"{language}: glossary: '{term}' is not an abbreviation of the site's "
                    "glossary: add it there first")))


def _languages(record: YMap, name: str, found: list[Problem]) -> tuple[str, ...]:
    """The site's ``languages``: each one spotlight knows, once, the main one first and of
    the same language as ``language``."""
    listed = tuple(record["languages"] or ())
    line = record.line_of("languages")
    before = len(found)
    for language in listed:
        if language not in LANGUAGES:
            found.append(Problem(name, line, f"languages: '{language}' is not a language "
                                 f"spotlight publishes in: use {' and '.join(LANGUAGES)}"))
    for language in {x for x in listed if listed.count(x) > 1}:
        found.append(Problem(name, line, f"languages: '{language}' is listed twice"))
    main = str(record["language"] or "").split("-")[0].lower()
    if listed and main and listed[0] != main:
        found.append(Problem(name, line, f"languages: the first is the main language, "
                             f"'{listed[0]}', but 'language' is '{record['language']}': list "
                             f"'{main}' first, or set 'language' to '{listed[0]}'"))
    wrong = len(found) > before
    return () if wrong else listed  # what is wrong is said once, not again for each report


def _logo(record: YMap | None, name: str, assets: frozenset[str],
          found: list[Problem]) -> Logo | None:
    if record is None or not record["src"]:
        return None
    src, alt = record["src"], (record["alt"] or "").strip()
    message = file_problem(src, assets, "logo")
    if message is None and not src.lower().endswith(IMAGE_TYPES):
        message = f"logo '{src}' is not an image: use one of {', '.join(IMAGE_TYPES)}"
    if message:
        found.append(Problem(name, record.line_of("src"), message))
    if record["alt"] is None:  # an empty one is reported by the schema
        found.append(Problem(name, record.line_of("alt"), "the logo has no alt text: add "
                             "'alt' saying what it shows, usually the organisation's name"))
    return Logo(posixpath.normpath(src), alt) if not message and alt else None


#: What browsers show as a site's icon.
FAVICON_TYPES = (".png", ".svg", ".ico", ".gif")


def _favicon(record: YMap, name: str, assets: frozenset[str], found: list[Problem]) -> str | None:
    src = record["favicon"]
    if not src:
        return None
    message = file_problem(src, assets, "favicon")
    if message is None and not src.lower().endswith(FAVICON_TYPES):
        message = f"favicon '{src}' is not an icon: use one of {', '.join(FAVICON_TYPES)}"
    if message:
        found.append(Problem(name, record.line_of("favicon"), message))
        return None
    return posixpath.normpath(unquote(urlsplit(src).path))
