"""``spotlight publish wordpress``: the built reports sent to a WordPress site, each change
printed as it is made."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import SpotlightError
from .app import main
from .common import (
    CONTENT,
    OVERRIDE,
    VISUAL_THEME,
    find_content,
    refuse,
    stop_cleanly_on_signals,
    verbosity,
)


@main.group("publish")
def publish_group() -> None:
    """Publish the built reports to another website."""


@publish_group.command("wordpress")
@CONTENT
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="The output folder, built first when it is not up to date. [default: build, "
                   "beside the content folder]")
@click.option("--site", required=True, help="The WordPress site's address, such as "
              "https://www.example.org/ (https; plain http only to this computer; a name alone, "
              "www.example.org, is taken as https://).")
@click.option("--user", required=True, help="The WordPress user whose application password is "
              "in WORDPRESS_APP_PASSWORD (an Editor).")
@click.option("--status", type=click.Choice(["publish", "draft"]), default="publish",
              show_default=True, help="Publish the pages, or create and update them as "
              "drafts, which the public cannot see (a draft's PDF and pictures are kept out of "
              "the media library).")
@click.option("--dry-run", is_flag=True, help="Say what would change on the site; send nothing.")
@click.option("--timeout", type=click.FloatRange(min=1), default=60, show_default=True,
              help="Seconds to wait for each answer of the site.")
@VISUAL_THEME
@OVERRIDE
@verbosity
def publish_wordpress_command(content: Path | None, out: Path | None, site: str, user: str,
                              status: str, dry_run: bool, timeout: float, visual_theme: str,
                              theme_override: Path | None, quiet: bool, verbose: bool) -> None:
    """Publish every report as a WordPress page, with its PDF and pictures in the media
    library, through the REST API. The password is read from WORDPRESS_APP_PASSWORD (an
    application password: Users → Profile in WordPress). Builds first when the output is not up
    to date; publishing again changes only what changed."""
    from ..publishing.client import bare_address, check_address
    from ..publishing.plan import (
        CREATE,
        MOVED,
        UNCHANGED,
        UNPUBLISH,
        UPDATE,
        Action,
        summary,
    )
    from ..publishing.run import PublishOptions
    from ..publishing.wordpress import NothingSent, publish

    outcome = ("Nothing was sent." if dry_run else
               "What was done is kept: run the command again to finish.")
    located = find_content(content, quiet, lambda e: refuse(e, outcome))
    if (meant := bare_address(site)) is not None:
        site = check_address(meant)
        if not quiet:
            click.echo(f"Taking the site's address as {site} (https, so that the password is "
                       "sent encrypted).")
    options = PublishOptions(content=located.content, out=out or located.out, site=site,
                             user=user, password=os.environ.get("WORDPRESS_APP_PASSWORD", ""),
                             status=status, dry_run=dry_run, timeout=timeout,
                             visual_theme=visual_theme, theme_override=theme_override)

    def log(action: Action) -> None:
        if verbose or (not quiet and action.kind != UNCHANGED):
            click.echo(f"  {'would ' if dry_run and action.changes else ''}{action}")

    if status == "draft" and not quiet:
        click.echo(DRAFTS)
    try:
        with stop_cleanly_on_signals():
            done = publish(options, log)
    except NothingSent as error:
        refuse(error, "Nothing was sent to the site.")
    except SpotlightError as error:
        refuse(error, outcome)
    except KeyboardInterrupt:
        click.echo(f"Publishing stopped. {outcome}", err=True)
        sys.exit(130)
    for warning in done.built.warnings:
        click.echo(f"{warning} (warning)", err=True)
    for moved in (a for a in done.actions if a.kind == MOVED):
        click.echo(f"The PDF {moved.subject} has a new address ({moved.detail}): links to its "
                   "old address no longer work, since WordPress files each month's uploads in a "
                   "folder of its own. See \"The PDF's address\" in the README. (warning)",
                   err=True)
    if not quiet:
        reports = len({a.subject for a in done.actions
                       if a.kind in (CREATE, UPDATE, UNCHANGED, UNPUBLISH)})
        where = ("checked against" if dry_run else "put up as drafts, not visible to the "
                 "public, on" if status == "draft" else "published to")
        click.echo(f"{reports} report(s) {where} {site}: {summary(done.actions, dry_run)}."
                   + (" Nothing was sent." if dry_run else ""))


#: Said before pages are put up as drafts.
DRAFTS = ("As drafts: the pages are visible only to people signed in to WordPress, not to the "
          "public. Their PDFs and pictures are kept out of WordPress's media library, where "
          "anyone who has a file's address can read it, even a draft's: a draft shows its "
          "pictures within the page itself and links no PDF in WordPress, and the files it had "
          "in the media library are deleted. Publishing with --status publish puts them back.")
