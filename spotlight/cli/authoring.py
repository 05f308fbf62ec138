"""The commands that start and help write content: ``spotlight init``, ``new example``,
``new report`` (asking for what its options do not give) and ``schema``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import Problem, SpotlightError
from .app import main
from .common import CONTENT_OPTION, find_content, refuse, verbosity


@main.command("init")
@click.argument("name", type=click.Path(path_type=Path), required=False)
@verbosity
def init_command(name: Path | None, quiet: bool, verbose: bool) -> None:
    """Start a project folder NAME holding a content folder that builds at once (without a
    NAME: content/ in this folder)."""
    from ..project import init_project

    try:
        content, written = init_project(name)
    except SpotlightError as error:
        refuse(error, "Nothing was written.")
    if verbose:
        for path in written:
            click.echo(f"  wrote {path}")
    if not quiet:
        elsewhere = name is not None and name.resolve() != Path.cwd().resolve()
        go = f"cd {click.format_filename(name)}, then " if name is not None and elsewhere else ""
        click.echo(f"Created {content} with {len(written)} file(s). Next: {go}"
                   "spotlight new report (or spotlight serve to preview the example content)")


@main.group("new")
def new_group() -> None:
    """Add a new file to the content folder."""


@new_group.command("example")
@CONTENT_OPTION
@click.option("--report", "-r", help="The slug of the report it belongs to.")
@click.option("--theme", "-t", "practice_theme",
              help="The slug of its practice theme (the report section it appears in).")
@click.option("--kind", type=click.Choice(["person", "initiative"]), default="person",
              show_default=True, help="A case about a person, or an organisational initiative.")
@click.option("--translation-of", "translation_of", metavar="SLUG",
              help="Start a translation of this example instead: its front matter is copied, "
              "and its text kept as a guide in comments.")
@click.option("--language", type=click.Choice(["cy", "en"]),
              help="The language of the translation (with --translation-of). [default: cy]")
@click.argument("title", required=False)
@verbosity
def new_example_command(content: Path | None, report: str | None, practice_theme: str | None,
                        kind: str, translation_of: str | None, language: str | None,
                        title: str | None, quiet: bool, verbose: bool) -> None:
    """Write examples/<slug>.md with its front matter filled in; never overwrites.

    With --translation-of SLUG, write examples/SLUG-<language>.md instead: the start of a
    translation, which the build holds back until its marked parts are translated."""
    from ..content.scaffold import missing_section, new_example
    from ..content.translate import new_translation

    if language is not None and translation_of is None:
        raise click.UsageError("--language goes with --translation-of SLUG")
    if translation_of is None and not (report and practice_theme and title and title.strip()):
        raise click.UsageError(_missing(report, practice_theme, title))
    content = find_content(content, quiet, lambda e: refuse(e, "Nothing was written.")).content
    try:
        if translation_of is not None:
            path = new_translation(content, translation_of, language or "cy")
        else:
            from ..checks.addresses import title_problems

            assert report and practice_theme and title
            refused = [Problem("title", None, message) for message in title_problems(title)]
            path = new_example(content, report, practice_theme, title, kind, refused)
    except SpotlightError as error:
        refuse(error, "Nothing was written.")
    click.echo(str(path) if quiet else f"Created {path}" + (
        "" if translation_of is not None else ": replace its guidance with the example's own "
        "text (the build refuses it until then)"))
    if translation_of is not None:
        _publishing_note(content, language or "cy")
    if translation_of is None and report and practice_theme \
            and (note := missing_section(content, report, practice_theme)):
        click.echo(f"Note: {note}.", err=True)


def _missing(report: str | None, practice_theme: str | None, title: str | None) -> str:
    """What ``new example`` lacks: the options not given, and the title when it is empty."""
    missing = [name for name, given in (("--report", report), ("--theme", practice_theme))
               if not given] + (["the TITLE"] if title is None else [])
    said = []
    if missing:
        listed = " and ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1
                              else missing)
        said.append(f"give {listed} for the new example (or --translation-of SLUG to translate "
                    "one)")
    if title is not None and not title.strip():
        said.append("the TITLE is empty: write the example's title in quotes after the "
                    "options, as in: spotlight new example --report north-2025 --theme "
                    "court-work \"Helping Sean find a home\"")
    return "; ".join(said)


@new_group.command("report")
@CONTENT_OPTION
@click.option("--region", help="The region inspected: its name, or its slug in site.yml. A new "
              "name adds the region to site.yml.")
@click.option("--pdu", "pdus", multiple=True, help="A Probation Delivery Unit of the region, "
              "by name; new ones are added to site.yml. Repeat for each PDU.")
@click.option("--title", help="The report's title. [default: Effective Practice Spotlight: The "
              "Probation Service – <region> region (– Wales for Wales)]")
@click.option("--start", "start", help="The first day of fieldwork, such as 2025-03-03 or "
              "3 March 2025.")
@click.option("--end", "end", help="The last day of fieldwork.")
@click.option("--published", help="The publication date; leave it out when it is not known yet "
              "(a placeholder that the build will not publish is written).")
@click.option("--slug", help="The report's file name and address. [default: region and the year "
              "fieldwork ended]")
@click.option("--translation-of", "translation_of", metavar="NAME",
              help="Start a translation of this report (the name of its file, without .yml) "
              "instead: its fields are copied, each text marked to be translated.")
@click.option("--language", type=click.Choice(["cy", "en"]),
              help="The language of the translation (with --translation-of). [default: the "
              "site's other language]")
@verbosity
def new_report_command(content: Path | None, region: str | None, pdus: tuple[str, ...],
                       title: str | None, start: str | None, end: str | None,
                       published: str | None, slug: str | None, translation_of: str | None,
                       language: str | None, quiet: bool, verbose: bool) -> None:
    """Start a new region's spotlight: write reports/<slug>.yml, and add the region and its
    PDUs to site.yml when they are new. Asks for what the options do not give; never
    overwrites.

    With --translation-of NAME, write reports/NAME-<language>.yml instead: the start of a
    translation, which the build holds back until its marked texts are translated and its
    publication date is set."""
    from .. import new_report as made

    if language is not None and translation_of is None:
        raise click.UsageError("--language goes with --translation-of NAME")
    if translation_of is not None:
        given = [o for o, v in (("--region", region), ("--pdu", pdus), ("--title", title),
                                ("--start", start), ("--end", end)) if v]
        if given:
            raise click.UsageError(f"{', '.join(given)} cannot go with --translation-of: a "
                                   "translation keeps its original's region, dates and PDUs, "
                                   "and its title is translated in the file")
        _new_translation(content, translation_of, language, slug, published, quiet)
        return
    content = find_content(content, quiet, lambda e: refuse(e, "Nothing was written.")).content
    known = made.regions(content)
    if region is None:
        listed = f" (known: {', '.join(known.values())}; a new name adds one)" if known else ""
        region = _ask(f"Region{listed}", "--region").strip()
    try:
        name = made.region_name(content, region)
    except SpotlightError as error:
        refuse(error, "Nothing was written.")
    if not pdus and name is None:
        typed = _ask("Its PDUs, separated by commas (leave empty to add them later)", "--pdu",
                     default="", show_default=False)
        pdus = tuple(p.strip() for p in typed.split(",") if p.strip())
    if title is None:
        title = _ask("Title", "--title",
                     default=made.default_title(name or made.region_words(region)))
    dates = {"start": _date_option("First day of fieldwork", start, "--start"),
             "end": _date_option("Last day of fieldwork", end, "--end"),
             "published": _date_option("Publication date (leave empty if not known yet)",
                                       published, "--published", optional=True)}
    try:
        request = made.NewReport(region=region, title=title, pdus=pdus, slug=slug, **dates)
        written = made.new_report(content, request)
    except SpotlightError as error:
        refuse(error, "Nothing was written.")
    if not quiet:
        click.echo(f"Created {written.path}")
        if written.region_added:
            click.echo(f"Added the region {written.region_added} to site.yml")
        if written.pdus_added:
            click.echo(f"Added the PDU(s) {', '.join(written.pdus_added)} to site.yml")
        click.echo(f"Next: spotlight new example --report {written.path.stem} --theme "
                   "court-work \"Title of the example\"")
    else:
        click.echo(str(written.path))


def _new_translation(content: Path | None, original: str, language: str | None,
                     slug: str | None, published: str | None, quiet: bool) -> None:
    """``new report --translation-of``: write the start of a translation of a report."""
    from ..content.translate_report import new_report_translation

    content = find_content(content, quiet, lambda e: refuse(e, "Nothing was written.")).content
    date = _date_option("", published, "--published", optional=True) if published else None
    try:
        path, language = new_report_translation(content, original, language, slug, date)
    except SpotlightError as error:
        refuse(error, "Nothing was written.")
    if quiet:
        click.echo(str(path))
        _publishing_note(content, language)
        return
    click.echo(f"Created {path}: translate each text marked PLACEHOLDER"
               + ("" if date else ", and set its publication date when it is known (until then "
                  "the build leaves it out, as a draft)"))
    click.echo(f"Next: translate each of its examples with: spotlight new example "
               f"--translation-of <the example's file name> --language {language}")
    _publishing_note(content, language)


def _publishing_note(content: Path, language: str) -> None:
    """Say what to add to the site file when it does not publish the translation's language."""
    from ..content.translate_report import publishing_note

    if note := publishing_note(content, language):
        click.echo(f"Note: {note}.", err=True)


def _ask(question: str, option: str, **prompt: Any) -> Any:
    """The answer to ``question``; where nothing can answer (no terminal, and no more input),
    its default, or else a message naming the ``option`` that gives it, instead of a bare
    "Aborted!"."""
    try:
        return click.prompt(question, **prompt)
    except click.exceptions.Abort:
        if sys.stdin is None or sys.stdin.isatty():
            raise  # Ctrl-C at the terminal: stopped, as asked
        if prompt.get("default") is not None:
            return prompt["default"]
        raise click.UsageError(f"no answer to '{question.split(' (')[0]}': where the command "
                               f"cannot ask, give it as {option}") from None


def _date_option(question: str, given: str | None, option: str,
                 optional: bool = False) -> Any:
    """A date from an option, or asked for until it is one; None for an optional one left
    empty."""
    from ..new_report import parse_date

    while True:
        text = given if given is not None else _ask(
            question, option, default="" if optional else None, show_default=False)
        if optional and not text.strip():
            return None
        found = parse_date(text)
        if found is not None:
            return found
        if given is not None:
            raise click.BadParameter(f"'{given}' is not a date; write it like 2025-03-03 or "
                                     "3 March 2025")
        click.echo("Write the date like 2025-03-03 or 3 March 2025.", err=True)


@main.command("schema")
@click.argument("kind", type=click.Choice(["example", "report", "site"]), required=False)
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Write all three schemas into this folder instead of printing one.")
def schema_command(kind: str | None, out: Path | None) -> None:
    """Print the JSON Schema of example front matter, a report file or the site file."""
    from ..content.jsonschema import json_schema
    from ..content.scaffold import write_schemas

    if out is not None:
        for path in write_schemas(out):
            click.echo(f"wrote {path}")
        return
    if kind is None:
        raise click.UsageError("name a schema (example, report or site), or give --out")
    click.echo(json.dumps(json_schema(kind), indent=2, ensure_ascii=False))
