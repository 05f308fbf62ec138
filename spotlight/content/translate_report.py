"""``spotlight new report --translation-of SLUG``: start the translation of a report.

Like ``spotlight new example --translation-of`` (translate.py): the new file,
``reports/<original>-<language>.yml``, has the original's fields with ``language`` and
``translation_of`` set, and each text a reader sees (the title, the introduction, the
summary's labels and text, the standards' introduction, the sections' intros and the
acknowledgements) copied, marked ``# PLACEHOLDER: translate into Welsh``, so that the build
holds it back until it is translated. Its publication date is the placeholder that any new
report has until it is known (content/drafts.py): until it is set, the report is a draft,
which the build leaves out. References are copied unmarked: a title kept as the original
has it is marked as in the original's language on the pages (site/editions.py).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from ..errors import Problem, SpotlightError, display_path
from . import suggest
from .drafts import PLACEHOLDER_DATE
from .load import REPORTS_DIR, SITE_FILE, load
from .translate import LANGUAGE_NAMES, plain_value, yaml_line
from .yamlio import YMap, parse_yaml

#: Not copied: what the translation says of itself, and the waivers of findings in the
#: original's text.
NOT_COPIED = ("language", "translation_of", "waivers", "published")
#: The texts a reader sees, by their path in the file (a list's items have the path of the
#: list): each is copied to be translated.
TO_TRANSLATE = {("title",), ("introduction",), ("summary", "facts", "label"),
                ("summary", "text"), ("standards_intro",), ("sections", "intro"),
                ("acknowledgements",)}
#: Markdown, written as a block of lines.
MARKDOWN = {("introduction",), ("summary", "text"), ("standards_intro",), ("sections", "intro"),
            ("acknowledgements",), ("references", "text")}


def new_report_translation(content: Path, original: str, language: str | None = None,
                           slug: str | None = None, published: dt.date | None = None
                           ) -> tuple[Path, str]:
    """Write ``reports/<original>-<language>.yml`` (or ``<slug>.yml``), the start of a
    translation of report ``original`` into ``language`` (by default the site's language
    that the original is not in, else Welsh); return its path and language. Never
    overwrites."""
    raw, _ = load(content)
    reports = {f.path.stem: f for f in raw.reports}
    if original not in reports:
        raise SpotlightError([Problem("--translation-of", None, f"unknown report '{original}' "
                                      f"(the reports are the files of "
                                      f"{display_path(content / REPORTS_DIR)})"
                                      f"{suggest.unknown(original, reports)}")])
    source = reports[original]
    data, problems = parse_yaml(source.text, source.name)
    if problems or not isinstance(data, YMap):
        raise SpotlightError(problems or [Problem(source.name, 1, "it is not a list of fields: "
                                                  "fix it first")])
    site_data = _site(raw)
    theirs = str(data.get("language") or _main(site_data))
    if isinstance(data.get("translation_of"), str):
        first = str(data["translation_of"])
        raise SpotlightError([Problem("--translation-of", None, f"report '{original}' is itself "
                                      f"a translation (of '{first}'): translate the original, "
                                      f"'{first}'")])
    if language is None:
        others = [lang for lang in _languages(site_data) if lang != theirs]
        language = others[0] if others else ("cy" if theirs != "cy" else "en")
    if language not in LANGUAGE_NAMES:
        raise SpotlightError([Problem("--language", None, f"unknown language '{language}': "
                                      f"use one of {', '.join(LANGUAGE_NAMES)}")])
    name = LANGUAGE_NAMES[language]
    if language == theirs:
        raise SpotlightError([Problem("--language", None, f"report '{original}' is in {name} "
                                      "already: a translation is into another language")])
    for other in raw.reports:
        mine, _ = parse_yaml(other.text, other.name)
        if isinstance(mine, YMap) and mine.get("translation_of") == original \
                and mine.get("language") == language:
            raise SpotlightError([Problem(other.name, None, f"is already the {name} "
                                          f"translation of report '{original}': edit it")])
    path = content / REPORTS_DIR / f"{slug or f'{original}-{language}'}.yml"
    if os.path.lexists(path) or os.path.lexists(path.with_suffix(".yaml")):
        raise SpotlightError([Problem(display_path(path), None, "already exists: edit it, or "
                                      "give another --slug")])
    mark = f"  # PLACEHOLDER: translate into {name}"
    lines = [f"# A {name} translation of {REPORTS_DIR}/{source.path.name}: translate each "
             "text marked",
             "# as a PLACEHOLDER, then remove the mark (the build refuses the report until",
             "# then). References are kept as the original has them: translate those that",
             f"# have a {name} version.",
             f"language: {language}",
             f"translation_of: {original}"]
    for key, value in data.items():
        if key in NOT_COPIED:
            if key == "published":
                lines.append(_published(published))
            continue
        lines += _field(str(key), plain_value(value), (str(key),), 0, mark)
    if "published" not in data:
        lines.append(_published(published))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:  # "x": fail rather than overwrite
            out.write("\n".join(lines) + "\n")
    except OSError as error:
        raise SpotlightError([Problem(display_path(path), None,
                                      f"cannot be written: {error.strerror or error}")]) from None
    return path, language


def publishing_note(content: Path, language: str) -> str | None:
    """What to add to the site file so that it publishes ``language``, the language of a
    translation just started, when it does not yet: ``spotlight check`` and the build refuse
    a report or an example in a language the site does not publish. None when it does.

    The site file is not changed here: publishing a language adds a half to the site (its
    home page, listings and feed), and makes each report of the main language without a
    translation an error; that is the editor's decision."""
    raw, _ = load(content)
    site = _site(raw)
    listed = _languages(site)
    if language in listed:
        return None
    name, main = LANGUAGE_NAMES.get(language, language), listed[0]
    site_file = display_path(content / SITE_FILE)
    wanted = f"languages: [{', '.join([*listed, language])}]"
    said = site.get("languages")
    how = (f"change 'languages: [{', '.join(listed)}]' to '{wanted}' in {site_file}"
           if isinstance(said, list) and said else
           f"add the line '{wanted}' to {site_file}, at the start of a line as 'title:' is")
    theirs = LANGUAGE_NAMES.get(main, main)
    note = (f"{site_file} does not publish {name} yet, so 'spotlight check' and the build "
            f"will refuse the translation until it does. To publish the site in {theirs} and "
            f"{name}, {how}")
    left = _untranslated(raw, main, language)
    if left and site.get("translations") != "warning":
        which = (f"{left[0]} has none yet: while it is" if len(left) == 1 else
                 f"{len(left)} have none yet ({', '.join(left)}): while they are")
        note += (f". Then every {theirs} report needs a {name} translation before the build "
                 f"will publish, and {which} being translated, also add the line "
                 "'translations: warning', so that the build only warns")
    return note


def _untranslated(raw: Any, main: str, language: str) -> list[str]:
    """The reports in ``main`` that are published (not drafts) and have no translation
    into ``language``, by slug."""
    originals: dict[str, YMap] = {}
    translated: set[str] = set()
    for report in raw.reports:
        data, problems = parse_yaml(report.text, report.name)
        if problems or not isinstance(data, YMap):
            continue
        if isinstance(data.get("translation_of"), str):
            if str(data.get("language") or "") == language:
                translated.add(str(data["translation_of"]))
        elif str(data.get("language") or main) == main:
            originals[report.path.stem] = data
    return sorted(slug for slug, data in originals.items() if slug not in translated
                  and str(data.get("published")) != PLACEHOLDER_DATE.isoformat())


def _published(date: dt.date | None) -> str:
    if date is not None:
        return f"published: {date.isoformat()}"
    return (f"published: {PLACEHOLDER_DATE.isoformat()}  # PLACEHOLDER: the publication date, "
            "set before publishing (the build refuses to publish this one)")


def _site(raw: Any) -> YMap:
    if raw.site is not None:
        data, problems = parse_yaml(raw.site.text, raw.site.name)
        if not problems and isinstance(data, YMap):
            return data
    return YMap()


def _languages(site: YMap) -> list[str]:
    listed = site.get("languages")
    return [str(lang) for lang in listed] if isinstance(listed, list) and listed \
        else [_main(site)]


def _main(site: YMap) -> str:
    listed = site.get("languages")
    if isinstance(listed, list) and listed:
        return str(listed[0])
    return str(site.get("language") or "en").split("-")[0].lower()


def _field(key: str, value: Any, where: tuple[str, ...], indent: int, mark: str) -> list[str]:
    """``key: value`` as YAML lines at ``indent``: a text a reader sees marked with ``mark``,
    Markdown as a block of lines."""
    pad = " " * indent
    marked = mark if where in TO_TRANSLATE else ""
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for k, v in value.items():
            lines += _field(str(k), v, (*where, str(k)), indent + 2, mark)
        return lines
    if isinstance(value, list):
        if not value:
            return [f"{pad}{key}: []"]
        if all(not isinstance(v, dict | list) for v in value):
            return [f"{pad}{yaml_line(key, value)}"]
        lines = [f"{pad}{key}:"]
        for item in value:
            if not isinstance(item, dict) or not item:
                lines.append(f"{pad}  - {yaml_line('-', item).removeprefix('-: ')}")
                continue
            first, *rest = _item_lines(item, where, indent + 4, mark)
            lines += [f"{pad}  - {first.lstrip()}", *rest]
        return lines
    if where in MARKDOWN and isinstance(value, str) and "\n" in value and value.strip() \
            and not value[0].isspace():
        body = [f"{pad}  {line}" if line.strip() else ""
                for line in value.rstrip("\n").split("\n")]
        # A mark after '|' would be part of the text: it goes on the line before.
        above = [f"{pad}{marked.strip()} (the text below)"] if marked else []
        return [*above, f"{pad}{key}: |", *body]
    return [f"{pad}{yaml_line(key, value)}{marked}"]


def _item_lines(item: dict[str, Any], where: tuple[str, ...], indent: int,
                mark: str) -> list[str]:
    lines: list[str] = []
    for k, v in item.items():
        lines += _field(str(k), v, (*where, str(k)), indent, mark)
    return lines

