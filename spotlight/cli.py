"""The command line: the only place that prints or exits."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import __version__
from .build import BuildOptions, build
from .errors import SpotlightError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spotlight")
def main() -> None:
    """Publish effective-practice case examples as a website and PDF reports."""


@main.command("build")
@click.option("--content", "-c", type=click.Path(path_type=Path), default=Path("content"),
              show_default=True, help="The content folder.")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("build"),
              show_default=True, help="The output folder (replaced when the build succeeds).")
@click.option("--visual-theme", default="default", show_default=True,
              help="The visual theme from themes/.")
@click.option("--theme-override", type=click.Path(path_type=Path), default=None,
              help="A folder of templates/ and static/ that replace the visual theme's files.")
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Build the PDFs: reports, practice themes, handouts.")
@click.option("--handouts/--no-handouts", default=None,
              help="Build a one-page PDF per example. [default: the site file's pdf.handouts, "
                   "which is on unless set off]")
@click.option("--strict", is_flag=True, help="Fail on warnings, such as PDF rendering warnings.")
@click.option("--source-date-epoch", envvar="SOURCE_DATE_EPOCH", type=click.IntRange(min=0),
              default=None, help="Seconds since 1970 to record as the PDFs' modification date "
              "(reproducible builds); also read from SOURCE_DATE_EPOCH. [default: each PDF's "
              "publication date]")
def build_command(content: Path, out: Path, visual_theme: str, theme_override: Path | None,
                  pdf: bool, handouts: bool | None, strict: bool,
                  source_date_epoch: int | None) -> None:
    """Build the website and PDF reports from the content folder."""
    modified = None
    if source_date_epoch is not None:
        modified = dt.datetime.fromtimestamp(source_date_epoch, dt.UTC)
    options = BuildOptions(content=content, out=out, visual_theme=visual_theme,
                           theme_override=theme_override, pdf=pdf, strict=strict,
                           handouts=handouts, modified=modified)
    try:
        result = build(options)
    except SpotlightError as error:
        _fail(error)
    for warning in result.warnings:
        click.echo(f"{warning} (warning)", err=True)
    click.echo(f"Built {result.reports} report(s) with {result.examples} example(s): "
               f"{len(result.pages)} page(s) and {len(result.pdfs)} PDF(s) in {result.out}")


def _fail(error: SpotlightError) -> None:
    for problem in error.problems:
        click.echo(str(problem), err=True)
    count = len(error.problems)
    click.echo(f"Build failed: {count} problem{'s' if count != 1 else ''}; "
               "the previous build is unchanged.", err=True)
    sys.exit(1)
