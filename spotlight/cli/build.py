"""``spotlight build``: the website and PDF reports, with a progress bar while PDFs render."""

from __future__ import annotations

import datetime as dt
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import click

from ..build import BuildOptions, build, previous_build
from ..errors import Problem, SpotlightError
from .app import finished, main
from .common import CONTENT, colour, find_content, stop_cleanly_on_signals, verbosity


@main.command("build")
@CONTENT
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
@click.option("--strict", is_flag=True,
              help="Fail on warnings too (a draft report left out is not a failure).")
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
@verbosity
def build_command(content: Path | None, out: Path | None, visual_theme: str,
                  theme_override: Path | None, pdf: bool, handouts: bool | None, search: bool,
                  strict: bool, fragments: bool, clean: bool, source_date_epoch: int | None,
                  quiet: bool, verbose: bool) -> None:
    """Build the website and PDF reports from the content folder."""
    located = find_content(content, quiet, _fail)
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
            )]), content, out)
    options = BuildOptions(content=content, out=out, visual_theme=visual_theme,
                           theme_override=theme_override, pdf=pdf, search=search,
                           strict=strict, handouts=handouts, modified=modified, clean=clean,
                           fragments=fragments)
    bar = _ProgressBar(enabled=not quiet and sys.stderr.isatty())
    try:
        with stop_cleanly_on_signals():
            result = build(replace(options, progress=bar))
    except SpotlightError as error:
        bar.close()
        _fail(error, content, out)
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
        finished.set()
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
    finished.set()


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
                                          color=colour())
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _fail(error: SpotlightError, content: Path | None = None,
          out: Path | None = None) -> NoReturn:
    """Print every problem of a failed build, what it means, and exit 1: the previous build
    in the output folder ``out`` is unchanged, when there is one; else nothing was written."""
    for problem in error.problems:
        click.echo(str(problem), err=True)
    count = len(error.problems)
    kept = content is not None and out is not None and previous_build(content, out)
    click.echo(f"Build failed: {count} problem{'s' if count != 1 else ''}; "
               + ("the previous build is unchanged." if kept else "nothing was written."),
               err=True)
    sys.exit(1)
