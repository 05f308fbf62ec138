"""The command line: the only place that prints or exits."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import click

from . import __version__
from .build import BuildOptions, build
from .errors import Problem, SpotlightError
from .project import Located

_CONTENT = click.option("--content", "-c", type=click.Path(path_type=Path), default=None,
                        help="The content folder. [default: content, or the folder with "
                             "site.yml that holds this one]")
_VISUAL_THEME = click.option("--visual-theme", default="default", show_default=True,
                             help="The visual theme from themes/.")
_OVERRIDE = click.option("--theme-override", type=click.Path(path_type=Path), default=None,
                         help="A folder of templates/ and static/ that replace the visual "
                              "theme's files.")
_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "waived": "cyan"}


def _verbosity(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option("--quiet", "-q", is_flag=True,
                           help="Print only problems.")(command)
    return click.option("--verbose", "-v", is_flag=True, help="Print more detail.")(command)


def _colour() -> bool | None:
    """No colour when NO_COLOR is set (https://no-color.org); otherwise only on a terminal."""
    return False if os.environ.get("NO_COLOR") else None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spotlight")
def main() -> None:
    """Publish effective-practice case examples as a website and PDF reports."""


#: Set once a build has done everything it had to: written, recorded, reported.
_finished = threading.Event()


def run() -> NoReturn:
    """The ``spotlight`` command (and ``python -m spotlight``): ``main``, and once a build has
    finished, an immediate exit. Everything it made is written and closed by then; all the
    interpreter would still do is free the site's model and pages object by object, about
    0.1 s of CPU at 1,000 examples. Any other command, or a build that fails, exits as usual."""
    try:
        main()
    except SystemExit as stop:
        if not _finished.is_set() or not isinstance(stop.code, int | None):
            raise
        code = stop.code or 0
    else:  # not in click's standalone mode, which always exits
        code = 0
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe: nothing more can be said
            stream.flush()
    os._exit(code)


@main.command("build")
@_CONTENT
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="The output folder (replaced when the build succeeds). [default: build, "
                   "beside the content folder]")
@click.option("--visual-theme", default="default", show_default=True,
              help="The visual theme from themes/.")
@click.option("--theme-override", type=click.Path(path_type=Path), default=None,
              help="A folder of templates/ and static/ that replace the visual theme's files "
                   "(overrides theme_override in site.yml).")
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Build the PDFs: reports, practice themes, handouts.")
@click.option("--handouts/--no-handouts", default=None,
              help="Build a one-page PDF per example. [default: the site file's pdf.handouts, "
                   "which is on unless set off]")
@click.option("--search/--no-search", default=True, show_default=True,
              help="Build the search index (with Pagefind).")
@click.option("--strict", is_flag=True, help="Fail on warnings, such as PDF rendering warnings.")
@click.option("--fragments", is_flag=True,
              help="Also write each report as a stand-alone HTML fragment, without the site's "
                   "header, navigation and styles, to paste into another website: "
                   "fragments/<report>.html.")
@click.option("--clean", is_flag=True,
              help="Build everything again instead of reusing the previous build's unchanged "
                   "pages and PDFs.")
@click.option("--source-date-epoch", envvar="SOURCE_DATE_EPOCH", type=click.IntRange(min=0),
              default=None, help="Seconds since 1970 to record as the PDFs' modification date "
              "(reproducible builds); also read from SOURCE_DATE_EPOCH. [default: each PDF's "
              "publication date]")
@_verbosity
def build_command(content: Path | None, out: Path | None, visual_theme: str,
                  theme_override: Path | None, pdf: bool, handouts: bool | None, search: bool,
                  strict: bool, fragments: bool, clean: bool, source_date_epoch: int | None,
                  quiet: bool, verbose: bool) -> None:
    """Build the website and PDF reports from the content folder."""
    located = _locate(content, quiet, _fail)
    content, out = located.content, out or located.out
    modified = None
    if source_date_epoch is not None:
        try:
            modified = dt.datetime.fromtimestamp(source_date_epoch, dt.UTC)
        except (ValueError, OverflowError, OSError):
            _fail(SpotlightError([Problem("SOURCE_DATE_EPOCH", None, (
                f"{source_date_epoch} is not a time in seconds since 1970"
                + (" (it looks like milliseconds: divide it by 1000)"
                   if 10**11 < source_date_epoch < 10**14 else ""))
            )]))
    options = BuildOptions(content=content, out=out, visual_theme=visual_theme,
                           theme_override=theme_override, pdf=pdf, search=search,
                           strict=strict, handouts=handouts, modified=modified, clean=clean,
                           fragments=fragments)
    bar = _ProgressBar(enabled=not quiet and sys.stderr.isatty())
    try:
        with _stop_cleanly_on_signals():
            result = build(replace(options, progress=bar))
    except SpotlightError as error:
        bar.close()
        _fail(error)
    except KeyboardInterrupt as stop:
        bar.close()
        signum = getattr(stop, "signum", signal.SIGINT)
        click.echo(f"Build stopped ({signal.Signals(signum).name}): the output folder holds "
                   "the last complete build.", err=True)
        sys.exit(128 + signum)
    bar.close()
    for warning in result.warnings:
        text = str(warning)
        click.echo(text if ": warning: " in text else f"{text} (warning)", err=True)
    if result.waived:
        click.echo(f"{result.waived} finding{'s' if result.waived != 1 else ''} of the publish "
                   "gate waived: 'spotlight check --waivers' lists them with their reasons.",
                   err=True)
    if result.up_to_date:
        if not quiet:
            click.echo(f"Nothing changed: {result.out} is up to date.")
        _finished.set()
        return
    if verbose:
        kept = set(result.kept)
        for path in (*result.pages, *result.pdfs):
            click.echo(f"  kept {out / path} (unchanged)" if path in kept else
                       f"  wrote {out / path}")
    if not quiet:
        unchanged = f" ({len(result.kept)} unchanged)" if result.kept else ""
        click.echo(f"Built {result.reports} report(s) with {result.examples} example(s): "
                   f"{len(result.pages)} page(s) and {len(result.pdfs)} PDF(s) in {result.out}"
                   f"{unchanged}")
    _finished.set()


class _ProgressBar:
    """A progress bar on standard error while PDFs render, on a terminal only."""

    def __init__(self, enabled: bool) -> None:
        self._enabled, self._done = enabled, 0
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="Rendering PDFs", file=sys.stderr,
                                          color=_colour())
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@main.command("check")
@_CONTENT
@_VISUAL_THEME
@_OVERRIDE
@click.option("--strict", is_flag=True, help="Warnings count as errors.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Lines of text, or one JSON object.")
@click.option("--waivers", "only_waivers", is_flag=True,
              help="List only the waived findings, each with its reason, and the waivers that "
                   "match nothing.")
@_verbosity
def check_command(content: Path | None, visual_theme: str, theme_override: Path | None,
                  strict: bool, output_format: str, only_waivers: bool, quiet: bool,
                  verbose: bool) -> None:
    """Check the content (validation, references, anonymisation, unfinished work, house style,
    facts) without writing anything. Exit status 1 when there are errors."""
    from .checks import RULES, CheckOptions, run_checks

    content = _locate(content, quiet or output_format == "json",
                      lambda e: _refuse(e, "Nothing was checked.")).content

    result = run_checks(CheckOptions(content, visual_theme, theme_override))
    if only_waivers:
        _list_waivers(result)
        sys.exit(1 if result.failed(strict) else 0)
    errors, warnings = result.count("error"), result.count("warning")
    if output_format == "json":
        click.echo(json.dumps({"findings": [f.as_dict() for f in result.findings],
                               "waived": [w.as_dict() for w in result.waived],
                               "errors": errors, "warnings": warnings},
                              indent=2, ensure_ascii=False))
    else:
        for found in result.findings:
            click.echo(_styled(str(found), found.severity), color=_colour())
        for waived in () if quiet else result.waived:
            click.echo(_styled(str(waived), "waived"), color=_colour())
        if verbose:
            for code in sorted({f.code for f in result.findings}):
                count = sum(1 for f in result.findings if f.code == code)
                click.echo(f"{code}: {count} ({RULES[code].summary})", err=True)
        if not quiet:
            click.echo(f"{errors} error(s), {warnings} warning(s), "
                       f"{len(result.waived)} waived", err=True)
    sys.exit(1 if result.failed(strict) else 0)


def _list_waivers(result: Any) -> None:
    """Print every waived finding with its reason, then every waiver that matches nothing."""
    stale = [f for f in result.findings if f.code in ("waiver-unused", "waiver-unknown-code")]
    for waived in result.waived:
        click.echo(_styled(str(waived), "waived"), color=_colour())
    for found in stale:
        click.echo(_styled(str(found), found.severity), color=_colour())
    click.echo(f"{len(result.waived)} finding(s) waived; {len(stale)} waiver(s) that match "
               "nothing", err=True)


def _styled(line: str, severity: str) -> str:
    path, sep, rest = line.partition(f": {severity}: ")
    if not sep:
        return line
    word = click.style(severity, fg=_SEVERITY_COLOURS[severity], bold=severity == "error" or None)
    return f"{path}: {word}: {rest}"


@main.command("init")
@click.argument("name", type=click.Path(path_type=Path), required=False)
@_verbosity
def init_command(name: Path | None, quiet: bool, verbose: bool) -> None:
    """Start a project folder NAME holding a content folder that builds at once (without a
    NAME: content/ in this folder)."""
    from .project import init_project

    try:
        content, written = init_project(name)
    except SpotlightError as error:
        _refuse(error, "Nothing was written.")
    if verbose:
        for path in written:
            click.echo(f"  wrote {path}")
    if not quiet:
        go = f"cd {name}, then " if name is not None else ""
        click.echo(f"Created {content} with {len(written)} file(s). Next: {go}"
                   "spotlight new report (or spotlight serve to preview the example content)")


@main.group("new")
def new_group() -> None:
    """Add a new file to the content folder."""


@new_group.command("example")
@_CONTENT
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
@_verbosity
def new_example_command(content: Path | None, report: str | None, practice_theme: str | None,
                        kind: str, translation_of: str | None, language: str | None,
                        title: str | None, quiet: bool, verbose: bool) -> None:
    """Write examples/<slug>.md with its front matter filled in; never overwrites.

    With --translation-of SLUG, write examples/SLUG-<language>.md instead: the start of a
    translation, which the build holds back until its marked parts are translated."""
    from .content.scaffold import new_example
    from .content.translate import new_translation

    if language is not None and translation_of is None:
        raise click.UsageError("--language goes with --translation-of SLUG")
    if translation_of is None and not (report and practice_theme and title):
        raise click.UsageError("give --report, --theme and the TITLE of the new example (or "
                               "--translation-of SLUG to translate one)")
    content = _locate(content, quiet, lambda e: _refuse(e, "Nothing was written.")).content
    try:
        if translation_of is not None:
            path = new_translation(content, translation_of, language or "cy")
        else:
            assert report and practice_theme and title
            path = new_example(content, report, practice_theme, title, kind)
    except SpotlightError as error:
        _refuse(error, "Nothing was written.")
    click.echo(str(path) if quiet else f"Created {path}")


@new_group.command("report")
@_CONTENT
@click.option("--region", help="The region inspected: its name, or its slug in site.yml. A new "
              "name adds the region to site.yml.")
@click.option("--pdu", "pdus", multiple=True, help="A Probation Delivery Unit of the region, "
              "by name; new ones are added to site.yml. Repeat for each PDU.")
@click.option("--title", help="The report's title. [default: Effective Practice Spotlight: The "
              "Probation Service – <region>]")
@click.option("--start", "start", help="The first day of fieldwork, such as 2025-03-03 or "
              "3 March 2025.")
@click.option("--end", "end", help="The last day of fieldwork.")
@click.option("--published", help="The publication date; leave it out when it is not known yet "
              "(a placeholder that the build will not publish is written).")
@click.option("--slug", help="The report's file name and address. [default: region and year]")
@_verbosity
def new_report_command(content: Path | None, region: str | None, pdus: tuple[str, ...],
                       title: str | None, start: str | None, end: str | None,
                       published: str | None, slug: str | None, quiet: bool,
                       verbose: bool) -> None:
    """Start a new region's spotlight: write reports/<slug>.yml, and add the region and its
    PDUs to site.yml when they are new. Asks for what the options do not give; never
    overwrites."""
    from . import new_report as made

    content = _locate(content, quiet, lambda e: _refuse(e, "Nothing was written.")).content
    known = made.regions(content)
    if region is None:
        listed = f" (known: {', '.join(known.values())}; a new name adds one)" if known else ""
        region = click.prompt(f"Region{listed}").strip()
    try:
        name = made.region_name(content, region)
    except SpotlightError as error:
        _refuse(error, "Nothing was written.")
    if not pdus and name is None:
        typed = click.prompt("Its PDUs, separated by commas (leave empty to add them later)",
                             default="", show_default=False)
        pdus = tuple(p.strip() for p in typed.split(",") if p.strip())
    if title is None:
        title = click.prompt("Title", default=made.default_title(name or made.region_words(region)))
    dates = {"start": _date_option("First day of fieldwork", start),
             "end": _date_option("Last day of fieldwork", end),
             "published": _date_option("Publication date (leave empty if not known yet)",
                                       published, optional=True)}
    try:
        request = made.NewReport(region=region, title=title, pdus=pdus, slug=slug, **dates)
        written = made.new_report(content, request)
    except SpotlightError as error:
        _refuse(error, "Nothing was written.")
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


def _date_option(question: str, given: str | None, optional: bool = False) -> Any:
    """A date from an option, or asked for until it is one; None for an optional one left
    empty."""
    from .new_report import parse_date

    while True:
        text = given if given is not None else click.prompt(
            question, default="" if optional else None, show_default=False)
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
    from .content.jsonschema import json_schema
    from .content.scaffold import write_schemas

    if out is not None:
        for path in write_schemas(out):
            click.echo(f"wrote {path}")
        return
    if kind is None:
        raise click.UsageError("name a schema (example, report or site), or give --out")
    click.echo(json.dumps(json_schema(kind), indent=2, ensure_ascii=False))


@main.command("serve")
@_CONTENT
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="Where to build the preview (default: a temporary folder, removed on exit).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on; only this computer can reach 127.0.0.1.")
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="The port to listen on (0 picks a free one).")
@_VISUAL_THEME
@_OVERRIDE
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Rebuild the PDFs in the background after each change.")
@click.option("--edit", is_flag=True,
              help="Also serve a form editor for the examples at /admin/ (on 127.0.0.1 only).")
@_verbosity
def serve_command(content: Path | None, out: Path | None, host: str, port: int,
                  visual_theme: str, theme_override: Path | None, pdf: bool, edit: bool,
                  quiet: bool, verbose: bool) -> None:
    """Preview the site: build, serve, and rebuild and reload pages on every change."""
    from .preview.serve import ServeOptions, serve

    content = _locate(content, quiet, lambda e: _refuse(e, "The preview did not start.")).content

    def log(message: str) -> None:
        if not quiet or message.startswith(("Serving", "Editing")):
            click.echo(message, err=True)

    signal.signal(signal.SIGTERM, _interrupt)
    options = ServeOptions(content=content, out=out, host=host, port=port,
                           visual_theme=visual_theme, theme_override=theme_override, pdf=pdf,
                           log_requests=verbose, edit=edit)
    try:
        serve(options, log)
    except SpotlightError as error:
        _refuse(error, "The preview did not start.")
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise KeyboardInterrupt


@main.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("content"),
              show_default=True, help="The content folder to create or add to.")
@click.option("--slug", default=None, help="The report's slug (default: region and year).")
def import_command(source: Path, out: Path, slug: str | None) -> None:
    """Import a spotlight (plain text, a saved web page or a .docx) as content files."""
    from .importing import import_source

    try:
        result = import_source(source, out, slug)
    except SpotlightError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"Import failed: {len(error.problems)} problem(s); nothing was written.",
                   err=True)
        sys.exit(1)
    for warning in result.warnings:
        click.echo(f"{warning} (warning)", err=True)
    site = "created site.yml" if result.site_created else "added to site.yml"
    option = "" if out == Path("content") else f" --content {out}"
    click.echo(f"Imported {result.examples} example(s) in {result.sections} section(s) into "
               f"{result.report} ({site}); {len(result.warnings)} warning(s) to review. "
               f"Next: spotlight check{option} (what is left to fix), then spotlight "
               f"build{option}")


@main.group("publish")
def publish_group() -> None:
    """Publish the built reports to another website."""


@publish_group.command("wordpress")
@_CONTENT
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="The output folder, built first when it is not up to date. [default: build, "
                   "beside the content folder]")
@click.option("--site", required=True, help="The WordPress site's address, such as "
              "https://www.example.org/ (https; plain http only to this computer).")
@click.option("--user", required=True, help="The WordPress user whose application password is "
              "in WORDPRESS_APP_PASSWORD (an Editor).")
@click.option("--status", type=click.Choice(["publish", "draft"]), default="publish",
              show_default=True, help="Publish the pages, or create and update them as drafts.")
@click.option("--dry-run", is_flag=True, help="Say what would change on the site; send nothing.")
@click.option("--timeout", type=click.FloatRange(min=1), default=60, show_default=True,
              help="Seconds to wait for each answer of the site.")
@_VISUAL_THEME
@_OVERRIDE
@_verbosity
def publish_wordpress_command(content: Path | None, out: Path | None, site: str, user: str,
                              status: str, dry_run: bool, timeout: float, visual_theme: str,
                              theme_override: Path | None, quiet: bool, verbose: bool) -> None:
    """Publish every report as a WordPress page, with its PDF and pictures in the media
    library, through the REST API. The password is read from WORDPRESS_APP_PASSWORD (an
    application password: Users → Profile in WordPress). Builds first when the output is not up
    to date; publishing again changes only what changed."""
    from .publishing.plan import CREATE, UNCHANGED, UPDATE, Action, summary
    from .publishing.wordpress import NothingSent, PublishOptions, publish

    outcome = ("Nothing was sent." if dry_run else
               "What was done is kept: run the command again to finish.")
    located = _locate(content, quiet, lambda e: _refuse(e, outcome))
    options = PublishOptions(content=located.content, out=out or located.out, site=site,
                             user=user, password=os.environ.get("WORDPRESS_APP_PASSWORD", ""),
                             status=status, dry_run=dry_run, timeout=timeout,
                             visual_theme=visual_theme, theme_override=theme_override)

    def log(action: Action) -> None:
        if verbose or (not quiet and action.kind != UNCHANGED):
            click.echo(f"  {'would ' if dry_run and action.changes else ''}{action}")

    try:
        with _stop_cleanly_on_signals():
            done = publish(options, log)
    except NothingSent as error:
        _refuse(error, "Nothing was sent to the site.")
    except SpotlightError as error:
        _refuse(error, outcome)
    except KeyboardInterrupt:
        click.echo(f"Publishing stopped. {outcome}", err=True)
        sys.exit(130)
    for warning in done.built.warnings:
        click.echo(f"{warning} (warning)", err=True)
    if not quiet:
        reports = len({a.subject for a in done.actions if a.kind in (CREATE, UPDATE, UNCHANGED)})
        where = "checked against" if dry_run else "published to"
        click.echo(f"{reports} report(s) {where} {site}: {summary(done.actions, dry_run)}."
                   + (" Nothing was sent." if dry_run else ""))


class _Stopped(KeyboardInterrupt):
    """A stop signal, raised where the build is so that it cleans up as after Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _stop_cleanly_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into KeyboardInterrupt for the block (SIGINT already is one)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _Stopped(signum)

    stops = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    previous = {signum: signal.signal(signum, stop) for signum in stops}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _locate(content: Path | None, quiet: bool,
            refuse: Callable[[SpotlightError], None]) -> Located:
    """The content folder (and default output folder) a command works on; says which one was
    used when it is not ./content."""
    from .project import locate

    try:
        located = locate(content)
    except SpotlightError as error:
        refuse(error)
        raise  # refuse exits
    if located.message and not quiet:
        click.echo(located.message, err=True)
    return located


def _fail(error: SpotlightError) -> NoReturn:
    for problem in error.problems:
        click.echo(str(problem), err=True)
    count = len(error.problems)
    click.echo(f"Build failed: {count} problem{'s' if count != 1 else ''}; "
               "the previous build is unchanged.", err=True)
    sys.exit(1)


def _refuse(error: SpotlightError, outcome: str) -> NoReturn:
    """Print every problem of a command other than build, what it means, and exit 1."""
    for problem in error.problems:
        click.echo(str(problem), err=True)
    count = len(error.problems)
    click.echo(f"{count} problem{'s' if count != 1 else ''}. {outcome}", err=True)
    sys.exit(1)
