"""``spotlight serve``: the live preview, stopped by Ctrl+C or SIGTERM."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import NoReturn

import click

from ..errors import SpotlightError
from .app import main
from .common import CONTENT, OVERRIDE, VISUAL_THEME, find_content, refuse, verbosity


@main.command("serve")
@CONTENT
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="Where to build the preview (default: a temporary folder, removed on exit).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on; only this computer can reach 127.0.0.1.")
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="The port to listen on (0 picks a free one).")
@VISUAL_THEME
@OVERRIDE
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Rebuild the PDFs in the background after each change.")
@click.option("--edit", is_flag=True,
              help="Also serve a form editor for the examples at /admin/ (on 127.0.0.1 only).")
@verbosity
def serve_command(content: Path | None, out: Path | None, host: str, port: int,
                  visual_theme: str, theme_override: Path | None, pdf: bool, edit: bool,
                  quiet: bool, verbose: bool) -> None:
    """Preview the site: build, serve, and rebuild and reload pages on every change."""
    from ..preview.options import ServeOptions
    from ..preview.serve import serve

    content = find_content(content, quiet,
                           lambda e: refuse(e, "The preview did not start.")).content

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
        refuse(error, "The preview did not start.")
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise KeyboardInterrupt
