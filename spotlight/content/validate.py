"""Stage 2: turn raw files into validated, typed content, reporting every problem found."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from .. import markdown
from ..errors import Problem, SpotlightError
from ..file_names import lookalike, shown, slug_problem
from ..model import Content, ExampleSource, Logo, ReportSource, Settings
from ..parallel import shared_map
from . import fields, suggest
from .characters import text_problems
from .cross_check import cross_check
from .language import language_problem
from .load import RawContent, SourceFile
from .schema import SLUG_RE, Field, Schema, check, model_of
from .translations import LANGUAGES, translation_errors
from .yamlio import YMap, parse_yaml, split_front_matter

if TYPE_CHECKING:
    from ..incremental.parse_cache import ParseCache


def validate(raw: RawContent, problems: Iterable[Problem] = (),
             cache: ParseCache | None = None) -> Content:
    """Validate everything; raise one SpotlightError listing every problem, or return Content.

    ``cache`` holds the examples' front matter and bodies as an earlier build read them (see
    parse_cache.py); what this build reads is kept in it for the next.
    """
    found: list[Problem] = list(problems)
    settings = _kept(_settings, raw.site, raw.assets, found, cache) if raw.site else None
    reports = [r for f in raw.reports if (r := _kept(_report, f, raw.assets, found, cache))]
    examples = []
    # Examples are independent of each other: read them on every core, unless the cache
    # holds most of them, which leaves too little work to share.
    check_one = partial(_checked_example, assets=raw.assets, cache=cache)
    warm = cache is not None and len(cache) >= len(raw.examples)
    for example, problems, entries in shared_map(check_one, raw.examples,
                                                 min_items=2**62 if warm else None):
        found.extend(problems)
        if cache is not None:
            cache.keep(entries)
        if example is not None:
            examples.append(example)
    if raw.site is not None and not raw.reports:
        found.append(Problem(str(raw.root / "reports"), None,
                             "nothing to build: add a report file such as reports/my-report.yml"))
    first_of: dict[str, ReportSource] = {}
    for report in reports:
        if (first := first_of.setdefault(report.slug, report)) is not report:
            found.append(Problem(report.name, None, f"slug '{report.slug}' is already used by "
                                 f"{first.name}; rename one of the report files"))
    if settings is not None:
        report_files = {f.path.stem for f in raw.reports}
        example_files = {f.path.stem: f.name for f in raw.examples}
        cross_check(settings, reports, examples, report_files, found, example_files,
                    raw.site.name if raw.site else "site.yml")
        found += translation_errors(settings, reports, examples)
        found = suggest.with_taxonomy(found, _taxonomy(settings, report_files))
    if found or settings is None:
        raise SpotlightError(found)
    return Content(settings, tuple(reports), tuple(examples), raw.assets)


# --- files -------------------------------------------------------------------------------


def _kept(read: Any, source: SourceFile, assets: frozenset[str], found: list[Problem],
          cache: ParseCache | None) -> Any:
    """``read(source, assets, found)``: the site or a report file validated, or what this
    process made of the very same file before (the preview's saves; see ``_checked_example``)."""
    key = (source, assets, read.__name__)
    known = cache.validated(key) if cache is not None else None
    if known is None:
        mine: list[Problem] = []
        known = read(source, assets, mine), mine
        if cache is not None:
            cache.remember(key, known)
    found.extend(known[1])
    return known[0]


def _settings(source: SourceFile, assets: frozenset[str], found: list[Problem]) -> Settings | None:
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
        _unique(items, key, label, source.name, found)
    _site_words(record, source.name, found)
    return model_of(Settings, record, markdown=_Markdown(source.name, assets, found),
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


#: Image formats every PDF reader and browser shows.
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


def _logo(record: YMap | None, name: str, assets: frozenset[str],
          found: list[Problem]) -> Logo | None:
    if record is None or not record["src"]:
        return None
    src, alt = record["src"], (record["alt"] or "").strip()
    message = _file_problem(src, assets, "logo")
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
    message = _file_problem(src, assets, "favicon")
    if message is None and not src.lower().endswith(FAVICON_TYPES):
        message = f"favicon '{src}' is not an icon: use one of {', '.join(FAVICON_TYPES)}"
    if message:
        found.append(Problem(name, record.line_of("favicon"), message))
        return None
    return posixpath.normpath(unquote(urlsplit(src).path))


def _report(source: SourceFile, assets: frozenset[str],
            found: list[Problem]) -> ReportSource | None:
    slug = _slug(source, found)
    data, errors = parse_yaml(source.text, source.name)
    found.extend(errors)
    if errors:
        return None
    if data is None:
        found.append(Problem(source.name, 1, "the report file is empty"))
        return None
    record = check(fields.REPORT, data, source.name, 1, found)
    if record is None or slug is None:
        return None
    report = model_of(ReportSource, record, markdown=_Markdown(source.name, assets, found),
                      slug=slug, path=source.path, name=source.name,
                      lines=dict(record.key_lines))
    start, end = report.fieldwork_start, report.fieldwork_end
    if start and end and start > end:
        found.append(Problem(source.name, record["fieldwork"].line_of("end"),
                             "fieldwork ends before it starts"))
    _unique(record["references"], "key", "reference", source.name, found)
    keys = {f.key for f in report.facts if f.key}
    for fact, item in zip(report.facts, record["summary"]["facts"] if record["summary"] else (),
                          strict=True):
        if fact.part_of and fact.part_of not in keys:
            found.append(Problem(source.name, item.line_of("part_of"),
                                 f"'part_of: {fact.part_of}' names no fact of this summary"))
    return report


def _checked_example(source: SourceFile, assets: frozenset[str], cache: ParseCache | None
                     ) -> tuple[ExampleSource | None, list[Problem], dict[str, str]]:
    """One example, the problems found in it, and its parse-cache entries for the next build."""
    key = (source, assets)
    if cache is not None and (known := cache.validated(key)) is not None:
        return known  # type: ignore[no-any-return]
    found: list[Problem] = []
    entries: dict[str, str] = {}
    result = _example(source, assets, found, cache, entries), found, entries
    if cache is not None:
        cache.remember(key, result)
    return result


def _example(source: SourceFile, assets: frozenset[str], found: list[Problem],
             cache: ParseCache | None, entries: dict[str, str]) -> ExampleSource | None:
    if not source.text.strip():
        found.append(Problem(source.name, 1, "the file is empty"))
        return None
    front, errors = split_front_matter(source.text, source.name)
    found.extend(errors)
    if front is None:
        return None
    # What an earlier build read from the same text is not read again (see parse_cache.py).
    known, data = cache.read_front(front.yaml_text, entries) if cache else (False, None)
    if not known:
        data, errors = parse_yaml(front.yaml_text, source.name, line_offset=1)
        found.extend(errors)
        if errors:
            return None
        if cache is not None:
            cache.keep_front(front.yaml_text, data, entries)
    record = check(fields.EXAMPLE, data if data is not None else YMap(), source.name, 1, found)
    body = cache.read_body(front.body, front.body_first_line, entries) if cache else None
    if body is None:
        body = markdown.parse(front.body, front.body_first_line, split_outcome=True)
        if cache is not None:
            cache.keep_body(body, entries)  # a damaged entry is replaced
    _check_markdown(body, source.name, assets, found)
    found.extend(text_problems(front.body, source.name, front.body_first_line))
    if not front.body.strip():
        found.append(Problem(source.name, front.body_first_line - 1,
                             "the example has no body: write its narrative below the front matter"))
    slug = record["slug"] if record and record["slug"] else _slug(source, found)
    if record is None or slug is None:
        return None
    return model_of(ExampleSource, record, slug=slug, path=source.path, body=body,
                    name=source.name, lines=dict(record.key_lines))


# --- helpers -----------------------------------------------------------------------------


def _taxonomy(settings: Settings, report_files: set[str]) -> dict[str, dict[str, str]]:
    """What each slug field of a report or an example names (its declared ``refers``): the
    slugs it may hold, with their titles."""
    return {spec.name: _named(settings, spec.refers, report_files)
            for spec in _fields(fields.REPORT, fields.EXAMPLE) if spec.refers}


def _fields(*schemas: Schema) -> Iterator[Field]:
    for schema in schemas:
        for spec in schema.fields:
            yield spec
            if spec.schema is not None:
                yield from _fields(spec.schema)


def _named(settings: Settings, refers: str, report_files: set[str]) -> dict[str, str]:
    """The entries a field that ``refers`` to them may name: slug (or code) -> title (or name)."""
    if refers == "reports":
        return {name: name for name in report_files}
    items: list[Any] = [settings]
    schema = fields.SITE
    for part in refers.split("."):  # "regions.pdus": the PDUs of every region
        items = [item for holder in items for item in getattr(holder, part)]
        inner = schema.by_name[part].schema
        assert inner is not None
        schema = inner
    key, label = (spec.name for spec in schema.fields[:2])
    return {getattr(item, key): getattr(item, label) for item in items}


class _Markdown:
    """Parses a Markdown field of a record, located at the record's key, and checks it."""

    def __init__(self, name: str, assets: frozenset[str], found: list[Problem]) -> None:
        self._name, self._assets, self._found = name, assets, found

    def __call__(self, record: Any, key: str) -> markdown.Parsed:
        text = record.get(key) or ""
        line = record.line_of(key) if isinstance(record, YMap) else 1
        parsed = markdown.parse(text, line + 1 if "\n" in text.strip("\n") or
                                text.endswith("\n") else line)
        _check_markdown(parsed, self._name, self._assets, self._found)
        return parsed


def _check_markdown(parsed: markdown.Parsed, name: str, assets: frozenset[str],
                    found: list[Problem]) -> None:
    for heading in parsed.top_headings:
        found.append(Problem(name, heading.line,
                             "headings start at '##' here: the title is set elsewhere"))
    found.extend(Problem(name, finding.line, finding.message) for finding in parsed.findings)
    for image in parsed.images:
        found.extend(Problem(name, image.line, m) for m in _image_problems(image, assets))


def _image_problems(image: markdown.Image, assets: frozenset[str]) -> list[str]:
    problems = [message] if (message := _file_problem(image.value, assets, "image")) else []
    if not image.alt:
        problems.append(f"image '{image.value}' has no alt text: describe it between the "
                        "brackets of ![...]")
    return problems


def _file_problem(src: str, assets: frozenset[str], noun: str) -> str | None:
    if markdown.url_scheme(src) != "" or src.startswith("//"):
        return (f"{noun} '{src}' is not a file of the content folder: copy it into images/ "
                "(remote images are never fetched)")
    path = posixpath.normpath(unquote(urlsplit(src).path))
    if path.startswith("/") or path == ".." or path.startswith("../"):
        # Written from the file's own folder (as some editors' previews read it), it may name
        # a file of the content folder: say how to write it.
        inside = path.lstrip("/")
        while inside.startswith("../"):
            inside = inside[3:]
        if inside in assets:
            return (f"{noun} '{src}': paths are written from the content folder, not from "
                    f"this file's folder; write '{shown(inside)}'")
        return f"{noun} '{src}' is outside the content folder"
    if path not in assets:
        twin = lookalike(path, assets)
        return f"{noun} '{shown(src)}' not found in the content folder" + (
            f"; there is '{shown(twin)}', whose name looks the same" if twin else "")
    if noun == "image" and not path.lower().endswith(IMAGE_TYPES):
        # a page opened from the site could run scripts
        return f"image '{src}' is not a picture: use a PNG, JPEG, GIF, WebP or SVG file"
    return None


def _slug(source: SourceFile, found: list[Problem]) -> str | None:
    slug = source.path.stem
    if not SLUG_RE.match(slug):
        found.append(Problem(source.name, None, f"file name '{shown(source.path.name)}' does "
                             "not make a slug: use lower-case letters, digits and hyphens"))
        return None
    if message := slug_problem(slug):
        found.append(Problem(source.name, None, f"file name '{source.path.name}' {message}"))
        return None
    return slug


def _unique(items: Iterable[Any], key: str, label: str, name: str, found: list[Problem]) -> None:
    seen: set[str] = set()
    for item in items:
        value = item[key]
        if value in seen:
            found.append(Problem(name, item.line_of(key), f"{label} '{value}' is listed twice"))
        seen.add(value)
