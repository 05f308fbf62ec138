"""The command line: the only place that prints or exits."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Build the PDF reports.")
@click.option("--strict", is_flag=True, help="Fail on warnings, such as PDF rendering warnings.")
def build_command(content: Path, out: Path, visual_theme: str, theme_override: Path | None,
                  pdf: bool, strict: bool) -> None:
    """Build the website and PDF reports from the content folder."""
    options = BuildOptions(content=content, out=out, visual_theme=visual_theme,
                           theme_override=theme_override, pdf=pdf, strict=strict)
    try:
        with _stop_cleanly_on_signals():
            result = build(options)
    except SpotlightError as error:
        _fail(error)
    except KeyboardInterrupt as stop:
        signum = getattr(stop, "signum", signal.SIGINT)
        click.echo(f"Build stopped ({signal.Signals(signum).name}): the output folder holds "
                   "the last complete build.", err=True)
        sys.exit(128 + signum)
    for warning in result.warnings:
        click.echo(f"{warning} (warning)", err=True)
    click.echo(f"Built {result.reports} report(s) with {result.examples} example(s): "
               f"{len(result.pages)} page(s) and {len(result.pdfs)} PDF(s) in {result.out}")


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


def _fail(error: SpotlightError) -> None:
    for problem in error.problems:
        click.echo(str(problem), err=True)
    count = len(error.problems)
    click.echo(f"Build failed: {count} problem{'s' if count != 1 else ''}; "
               "the previous build is unchanged.", err=True)
    sys.exit(1)
