"""Report and example files validated, each on its own (an example with its parse-cache
entries for the next build)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import markdown
from ..errors import Problem
from ..model import ExampleSource, ReportSource
from . import fields
from .characters import text_problems
from .checker import check
from .field_checks import MarkdownField, check_markdown, slug_of, unique
from .front_matter import split_front_matter
from .load import SourceFile
from .schema import model_of
from .yamlio import YMap, parse_yaml

if TYPE_CHECKING:
    from ..incremental.parse_cache import ParseCache


def report_of(source: SourceFile, assets: frozenset[str],
              found: list[Problem]) -> ReportSource | None:
    """A report file validated, or None when it cannot be (each problem is added to
    ``found``)."""
    slug = slug_of(source, found)
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
    report = model_of(ReportSource, record, markdown=MarkdownField(source.name, assets, found),
                      slug=slug, path=source.path, name=source.name,
                      lines=dict(record.key_lines))
    start, end = report.fieldwork_start, report.fieldwork_end
    if start and end and start > end:
        found.append(Problem(source.name, record["fieldwork"].line_of("end"),
                             "fieldwork ends before it starts"))
    unique(record["references"], "key", "reference", source.name, found)
    keys = {f.key for f in report.facts if f.key}
    for fact, item in zip(report.facts, record["summary"]["facts"] if record["summary"] else (),
                          strict=True):
        if fact.part_of and fact.part_of not in keys:
            found.append(Problem(source.name, item.line_of("part_of"),
                                 f"'part_of: {fact.part_of}' names no fact of this summary"))
    return report


def checked_example(source: SourceFile, assets: frozenset[str], cache: ParseCache | None
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
    check_markdown(body, source.name, assets, found)
    found.extend(text_problems(front.body, source.name, front.body_first_line))
    if not front.body.strip():
        found.append(Problem(source.name, front.body_first_line - 1,
                             "the example has no body: write its narrative below the front matter"))
    slug = record["slug"] if record and record["slug"] else slug_of(source, found)
    if record is None or slug is None:
        return None
    return model_of(ExampleSource, record, slug=slug, path=source.path, body=body,
                    name=source.name, lines=dict(record.key_lines))
