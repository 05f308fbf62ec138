"""Stage 2: turn raw files into validated, typed content, reporting every problem found.

The site file is validated by validate_site.py, report and example files by validate_files.py,
with the checks they share (field_checks.py); this module runs them and checks the whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from ..errors import Problem, SpotlightError
from ..model import Content, ReportSource, Settings
from ..parallel import shared_map
from . import fields, suggest
from .cross_check import cross_check
from .load import RawContent, SourceFile
from .schema import Field, Schema
from .translations import translation_errors
from .validate_files import checked_example, report_of
from .validate_site import settings_of

if TYPE_CHECKING:
    from ..incremental.parse_cache import ParseCache


def validate(raw: RawContent, problems: Iterable[Problem] = (),
             cache: ParseCache | None = None) -> Content:
    """Validate everything; raise one SpotlightError listing every problem, or return Content.

    ``cache`` holds the examples' front matter and bodies as an earlier build read them (see
    parse_cache.py); what this build reads is kept in it for the next.
    """
    found: list[Problem] = list(problems)
    settings = _kept(settings_of, raw.site, raw.assets, found, cache) if raw.site else None
    reports = [r for f in raw.reports if (r := _kept(report_of, f, raw.assets, found, cache))]
    examples = []
    # Examples are independent of each other: read them on every core, unless the cache
    # holds most of them, which leaves too little work to share.
    check_one = partial(checked_example, assets=raw.assets, cache=cache)
    warm = cache is not None and len(cache) >= len(raw.examples)
    for example, problems, entries in shared_map(check_one, raw.examples,
                                                 min_items=2**62 if warm else None):
        found.extend(problems)
        if cache is not None:
            cache.keep(entries)
        if example is not None:
            examples.append(example)
    if raw.site is not None and not raw.reports and not raw.unread_reports:
        found.append(Problem(str(raw.root / "reports"), None,
                             "nothing to build: add a report file such as reports/my-report.yml"))
    first_of: dict[str, ReportSource] = {}
    for report in reports:
        if (first := first_of.setdefault(report.slug, report)) is not report:
            found.append(Problem(report.name, None, f"slug '{report.slug}' is already used by "
                                 f"{first.name}; rename one of the report files"))
    if settings is not None:
        report_files = {f.path.stem for f in raw.reports} | raw.unread_reports
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
    process made of the very same file before (the preview's saves; see ``checked_example``)."""
    key = (source, assets, read.__name__)
    known = cache.validated(key) if cache is not None else None
    if known is None:
        mine: list[Problem] = []
        known = read(source, assets, mine), mine
        if cache is not None:
            cache.remember(key, known)
    found.extend(known[1])
    return known[0]


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
