"""``spotlight new example --language cy --translation-of SLUG``: start the translation of an
example.

The new file has the original's front matter, with ``language`` and ``translation_of`` set,
its reports swapped for their translations where there are some, and what needs translating
(the title, the tags) marked ``# PLACEHOLDER`` so that the publish gate holds the file back
until it is done. The original's text is kept as a guide in comments of the front matter,
which nothing publishes; the body starts with a TODO mark, which the gate also holds back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, SpotlightError, display_path
from . import suggest
from .front_matter import split_front_matter
from .load import load
from .yamlio import YMap, parse_yaml

#: What each language of the interface is called, in English, for the file's comments.
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
#: Front matter that a translation does not copy: its own file name, and the waivers of
#: findings in the original's text.
NOT_COPIED = ("slug", "waivers", "language", "translation_of")
_OUTCOME = {"en": "Outcome", "cy": "Canlyniad"}


def new_translation(content: Path, original: str, language: str) -> Path:
    """Write ``examples/<original>-<language>.md``, the start of a translation of the example
    ``original`` into ``language``; return its path. Never overwrites."""
    if language not in LANGUAGE_NAMES:
        raise SpotlightError([Problem("--language", None, f"unknown language '{language}': "
                                      f"use one of {', '.join(LANGUAGE_NAMES)}")])
    raw, _ = load(content)
    examples = {_slug_of(f.text, f.path.stem): f for f in raw.examples}
    if original not in examples:
        raise SpotlightError([Problem(display_path(content / "examples"), None,
                                      f"unknown example '{original}'"
                                      f"{suggest.unknown(original, examples)}")])
    source = examples[original]
    parts, problems = split_front_matter(source.text, source.name)
    data, more = parse_yaml(parts.yaml_text, source.name, 1) if parts else (None, [])
    if parts is None or problems or more or not isinstance(data, YMap):
        raise SpotlightError(problems or more or [Problem(source.name, 1, "its front matter "
                                                          "is not a list of fields: fix it "
                                                          "first")])
    path = content / "examples" / f"{original}-{language}.md"
    if os.path.lexists(path):
        raise SpotlightError([Problem(display_path(path), None, "already exists: edit it")])
    translated_reports = _translated_reports(raw.reports, language)
    name = LANGUAGE_NAMES[language]
    lines = ["---",
             f"# A {name} translation of examples/{source.path.name}.",
             "# Translate what is marked PLACEHOLDER, then write the text below the front",
             "# matter, following the original, which is kept in these comments as a guide:",
             "# delete them when the translation is done.",
             f"language: {language}",
             f"translation_of: {original}"]
    for key, value in data.items():
        if key in NOT_COPIED:
            continue
        if key == "reports":
            mine = [translated_reports.get(r) for r in value or ()]
            if all(mine):
                lines.append(yaml_line(key, mine))
            else:
                lines.append(yaml_line(key, list(value or ())) + f"  # PLACEHOLDER: the {name} "
                             "report it belongs to (none of its reports has a translation yet)")
        elif key in ("title", "tags"):
            lines.append(yaml_line(key, value) + f"  # PLACEHOLDER: translate into {name}")
        else:
            lines.append(yaml_line(key, value))
    lines += ["#", "# The original text:", "#"]
    lines += [f"# | {line}".rstrip() for line in parts.body.rstrip("\n").split("\n")]
    lines += ["---",
              f"TODO: write the {name} text here, following the original in the comments "
              "above.",
              "",
              f"## {_OUTCOME[language]}",
              "",
              "TODO",
              ""]
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write("\n".join(lines))
    except OSError as error:
        raise SpotlightError([Problem(display_path(path), None,
                                      f"cannot be written: {error.strerror or error}")]) from None
    return path


def _slug_of(text: str, stem: str) -> str:
    """An example's slug: its ``slug`` field, or its file name."""
    parts, _ = split_front_matter(text, stem)
    if parts is not None:
        data, problems = parse_yaml(parts.yaml_text, stem)
        if not problems and isinstance(data, YMap) and isinstance(data.get("slug"), str):
            return str(data["slug"])
    return stem


def _translated_reports(reports: Any, language: str) -> dict[str, str]:
    """The slug of each report's translation into ``language``, by the original's slug."""
    found: dict[str, str] = {}
    for report in reports:
        data, problems = parse_yaml(report.text, report.name)
        if problems or not isinstance(data, YMap):
            continue
        original = data.get("translation_of")
        if data.get("language") == language and isinstance(original, str):
            found[original] = report.path.stem
    return found


def yaml_line(key: str, value: object) -> str:
    """``key: value`` as one line of YAML (a list or mapping written inline)."""
    dumped = yaml.safe_dump({key: plain_value(value)}, default_flow_style=True, width=1000,
                            allow_unicode=True, sort_keys=False).strip()
    return dumped[1:-1] if dumped.startswith("{") else dumped


def plain_value(value: object) -> object:
    """A parsed YAML value as plain Python, for dumping."""
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    return value
