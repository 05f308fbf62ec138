"""``spotlight check``: the content's findings, as coloured lines of text or one JSON object,
or the waived findings alone."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from .app import main
from .common import CONTENT, OVERRIDE, VISUAL_THEME, colour, find_content, refuse, verbosity

_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "waived": "cyan"}


@main.command("check")
@CONTENT
@VISUAL_THEME
@OVERRIDE
@click.option("--strict", is_flag=True, help="Warnings count as errors.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Lines of text, or one JSON object.")
@click.option("--waivers", "only_waivers", is_flag=True,
              help="List only the waived findings, each with its reason, and the waivers that "
                   "match nothing.")
@verbosity
def check_command(content: Path | None, visual_theme: str, theme_override: Path | None,
                  strict: bool, output_format: str, only_waivers: bool, quiet: bool,
                  verbose: bool) -> None:
    """Check the content (validation, references, anonymisation, unfinished work, house style,
    facts) without writing anything. Exit status 1 when there are errors."""
    from ..checks import RULES, CheckOptions, run_checks

    content = find_content(content, quiet or output_format == "json",
                           lambda e: refuse(e, "Nothing was checked.")).content

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
            click.echo(_styled(str(found), found.severity), color=colour())
        for waived in () if quiet else result.waived:
            click.echo(_styled(str(waived), "waived"), color=colour())
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
        click.echo(_styled(str(waived), "waived"), color=colour())
    for found in stale:
        click.echo(_styled(str(found), found.severity), color=colour())
    click.echo(f"{len(result.waived)} finding(s) waived; {len(stale)} waiver(s) that match "
               "nothing", err=True)


def _styled(line: str, severity: str) -> str:
    path, sep, rest = line.partition(f": {severity}: ")
    if not sep:
        return line
    word = click.style(severity, fg=_SEVERITY_COLOURS[severity], bold=severity == "error" or None)
    return f"{path}: {word}: {rest}"
