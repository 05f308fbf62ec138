"""Cross-references between validated files: what a report, an example or the site file names
(a practice theme, a region, a PDU, a standard, a report, a reference) must exist."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePath

from .. import markdown
from ..errors import Problem
from ..model import ExampleSource, ReportSource, SectionSource, Settings
from . import suggest


def cross_check(settings: Settings, reports: list[ReportSource], examples: list[ExampleSource],
                report_files: set[str], found: list[Problem],
                example_files: Mapping[str, str] | None = None,
                site_file: str = "site.yml") -> None:
    """Add to ``found`` every name in ``reports`` and ``examples`` that names nothing.

    ``report_files`` are the report files' names, so that an example naming a report whose
    file failed to validate is not reported again; ``example_files`` maps each example file's
    name without ``.md`` to its path, so that a link to an example file that failed to
    validate is not reported either; ``site_file`` is the site file's name.
    """
    themes = {t.slug: t.title for t in settings.practice_themes}
    regions = {r.slug: r for r in settings.regions}
    region_names = {r.slug: r.name for r in settings.regions}
    standards = {s.code: s.title for s in settings.standards}
    sentence_types = {s.slug: s.name for s in settings.sentence_types}
    by_slug = {r.slug: r for r in reports}

    for report in reports:
        where = _Where(report.name, report.lines, found)
        if report.region and report.region not in regions:
            where.add("region", f"unknown region '{report.region}'",
                      _choices(region_names, report.region))
        for section in report.sections or ():
            if section.practice_theme and section.practice_theme not in themes:
                found.append(Problem(report.name, section.line, "unknown practice theme "
                                     f"'{section.practice_theme}'"
                                     f"{_choices(themes, section.practice_theme)}"))
        seen = [s.practice_theme for s in report.sections or ()]
        for theme in {t for t in seen if seen.count(t) > 1}:
            where.add("sections", f"practice theme '{theme}' has two sections")
        keys = {r.key for r in report.references}
        for parsed in report_markdown(report):
            _check_citations(parsed, keys, report.name, found)
    slugs = {e.slug: e for e in examples}
    files = {**(example_files or {}), **{PurePath(e.name).stem: e.name for e in examples}}
    statement = settings.accessibility_statement
    texts = [(site_file, t) for t in (settings.licence, settings.accessibility,
                                      statement.known_issues, statement.improvements,
                                      *(t.intro for t in settings.practice_themes))]
    texts += [(r.name, parsed) for r in reports for parsed in report_markdown(r)]
    texts += [(e.name, e.body) for e in examples]
    for name, parsed in texts:
        if parsed is not None:
            _check_example_links(parsed, slugs, files, name, found)

    seen_slugs: dict[str, ExampleSource] = {}
    for example in examples:
        where = _Where(example.name, example.lines, found)
        folded = example.slug.lower()
        if folded in seen_slugs:
            other = seen_slugs[folded].name
            where.add("title", f"slug '{example.slug}' is already used by {other}; "
                               "rename one file or set 'slug'")
        seen_slugs[folded] = example
        for slug in example.reports:
            if slug not in report_files:
                where.add("reports", f"unknown report '{slug}'",
                          _report_choices(settings, by_slug, report_files, example, slug))
        for theme in (example.practice_theme, *example.also_practice_themes):
            if theme and theme not in themes:
                where.add("practice_theme", f"unknown practice theme '{theme}'",
                          _choices(themes, theme))
        region = regions.get(example.region)
        if region is None and example.region:
            where.add("region", f"unknown region '{example.region}'",
                      _choices(region_names, example.region))
        elif region and example.pdu and example.pdu not in {p.slug for p in region.pdus}:
            where.add("pdu", f"unknown PDU '{example.pdu}' in region '{region.slug}'",
                      _choices({p.slug: p.name for p in region.pdus}, example.pdu))
        for code in example.standards:
            if code not in standards:
                where.add("standards", f"unknown standard '{code}'", _choices(standards, code))
        if example.sentence_type and example.sentence_type not in sentence_types:
            where.add("sentence_type", f"unknown sentence type '{example.sentence_type}'",
                      _choices(sentence_types, example.sentence_type))
        for slug in example.reports:
            cited = by_slug.get(slug)
            if cited is None:
                continue
            _check_citations(example.body, {r.key for r in cited.references},
                             example.name, found, report=slug)
            sections = cited.sections
            if sections is not None and example.practice_theme in themes and \
                    example.practice_theme not in {s.practice_theme for s in sections} and \
                    not _misspelt(example.practice_theme, sections, themes):
                shown = ", ".join(s.practice_theme for s in sections
                                  if s.practice_theme in themes) or "none yet"
                where.add("practice_theme", f"report '{slug}' has no section for practice theme "
                                            f"'{example.practice_theme}': add '- practice_theme: "
                                            f"{example.practice_theme}' under 'sections' in "
                                            f"{cited.name or 'the report file'}, or choose one "
                                            f"of its sections ({shown})")


def _misspelt(theme: str, sections: Iterable[SectionSource], themes: Mapping[str, str]) -> bool:
    """Whether a section names ``theme`` misspelt ("resettlment"): the report's own problem,
    said there with "did you mean", and the examples it would hold are not blamed."""
    import difflib  # only when a section names a practice theme that does not exist

    unknown = [s.practice_theme for s in sections if s.practice_theme not in themes]
    return bool(unknown and difflib.get_close_matches(theme, unknown, n=1, cutoff=0.75))


class _Where:
    """Adds problems located at a top-level key of one file."""

    def __init__(self, name: str, lines: dict[str, int], found: list[Problem]) -> None:
        self._name, self._lines, self._found = name, lines, found

    def add(self, key: str, message: str, choices: str = "") -> None:
        self._found.append(Problem(self._name, self._lines.get(key, 1), message + choices))


def _report_choices(settings: Settings, by_slug: Mapping[str, ReportSource],
                    report_files: set[str], example: ExampleSource, slug: str) -> str:
    """The report an example most likely meant: one in the example's language (another would
    be refused); for a Welsh report not written yet, how to start it."""
    from .translations import LANGUAGES, language_of, site_languages  # (imports this module)

    mine = language_of(example, settings)
    same = {s for s in report_files
            if s not in by_slug or language_of(by_slug[s], settings) == mine}
    if hint := _choices(same, slug):
        return hint
    original = next((r for s, r in by_slug.items() if slug == f"{s}-{mine}"
                     and language_of(r, settings) != mine), None)
    if original is not None and mine in site_languages(settings):
        return (f"; there is no {LANGUAGES.get(mine, mine)} translation of report "
                f"'{original.slug}' yet: start one with 'spotlight new report "
                f"--translation-of {original.slug}'")
    return ""


def _choices(known: Mapping[str, str] | Iterable[str], value: str) -> str:
    return suggest.unknown(value, known)


def report_markdown(report: ReportSource) -> list[markdown.Parsed]:
    """The Markdown fields of a report file, parsed."""
    parsed = [report.introduction, report.summary.text, report.standards_intro,
              report.acknowledgements]
    parsed += [s.intro for s in report.sections or () if s.intro is not None]
    parsed += [r.text for r in report.references]
    return parsed


def _check_example_links(parsed: markdown.Parsed, slugs: Mapping[str, ExampleSource],
                         files: Mapping[str, str], name: str, found: list[Problem]) -> None:
    for link in parsed.links:
        target = markdown.example_target(link.value)
        if target is None or target[0] in slugs:
            continue
        slug = target[0]
        path = files.get(slug)
        own = next((e for e in slugs.values() if e.name == path), None)
        if own is not None:  # the file's example has a slug of its own
            message = (f"link '{link.value}' names the example of {own.name}, whose slug is "
                       f"'{own.slug}' (set in its front matter): write '{own.slug}.md'")
        elif path is not None:
            continue  # the example of that file has problems of its own, reported there
        else:
            message = (f"link '{link.value}' names no example: there is no example file "
                       f"'{slug}.md'" + _file_choices(slugs, slug))
        found.append(Problem(name, link.line, message))


def _check_citations(parsed: markdown.Parsed, keys: set[str], name: str, found: list[Problem],
                     report: str | None = None) -> None:
    for citation in parsed.citations:
        if citation.value not in keys:
            where = f" of report '{report}'" if report else ""
            found.append(Problem(name, citation.line,
                                 f"citation [@{citation.value}] names no reference{where}"))


def _file_choices(slugs: Mapping[str, ExampleSource], slug: str) -> str:
    """The example file a mistyped link most likely meant, written as a link is."""
    hint = suggest.did_you_mean(slug, {s: e.title for s, e in slugs.items()}, loose=True)
    return hint.replace("'?", ".md'?") if hint else ""
