"""``spotlight import``: a published spotlight made into content files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import SpotlightError, display_path
from .app import main
from .common import verbosity

if TYPE_CHECKING:
    from ..importing import ImportResult


@main.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("content"),
              show_default=True, help="The content folder to create or add to.")
@click.option("--slug", default=None,
              help="The report's slug (default: region and the year fieldwork ended).")
@click.option("--replace", is_flag=True,
              help="Replace the report if it is there already, with the examples its last "
                   "import wrote (to import a revised draft).")
@verbosity
def import_command(source: Path, out: Path, slug: str | None, replace: bool, quiet: bool,
                   verbose: bool) -> None:
    """Import a spotlight (plain text, a saved web page or a .docx) as content files."""
    from ..importing import import_source

    try:
        result = import_source(source, out, slug, replace)
    except SpotlightError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"Import failed: {len(error.problems)} problem(s); nothing was written.",
                   err=True)
        sys.exit(1)
    for warning in result.warnings:
        click.echo(f"{warning} (warning)", err=True)
    if quiet:
        return
    _replacement(result)
    if verbose:
        for path in result.written:
            click.echo(f"Wrote {display_path(path)}")
    site = "created site.yml" if result.site_created else "added to site.yml"
    option = "" if out == Path("content") else f" --content {out}"
    click.echo(f"Imported {result.examples} example(s) in {result.sections} section(s) into "
               f"{result.report} ({site}); {len(result.warnings)} warning(s) to review. "
               f"Next: spotlight check{option} (what is left to fix), then spotlight "
               f"build{option}")


def _replacement(result: ImportResult) -> None:
    """What ``--replace`` replaced, added, removed and kept, one line each."""
    for label, paths in (("Replaced", result.replaced), ("Added", result.added),
                         ("Removed (no longer in the draft)", result.removed),
                         ("Kept (another report lists it too)", result.kept)):
        if paths:
            click.echo(f"{label}: {', '.join(paths)}")
    if result.unchecked and (result.replaced or result.removed):
        click.echo("There was no record of what the earlier import wrote (it is kept in "
                   ".spotlight/ beside the content folder): the files above were replaced "
                   "without checking them for changes made since; if you had changed one, "
                   "get it back from your copy or version control.")
