"""``spotlight publish wordpress``, in one function: build, find the site's API, check the
user, then for each report of every language the site publishes: upload its pictures and PDF
(media.py), create or update its page (reports.py), remove what its PDF replaced; recording each
change as it is made (run.py, state.py).

The build runs first, through the same stages and publish gate as ``spotlight build`` (with
the fragments on): content the gate refuses fails the build, and nothing is sent. A build with
nothing changed costs nothing.

Idempotent: a page is updated only when its title, body or status differ from what the site
holds; a file is uploaded only when no media item has its bytes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..build import BuildOptions, BuildResult, build
from ..errors import Problem, SpotlightError
from ..site.fragment import NO_BASE_URL
from .client import HOW_TO_PASSWORD, Client
from .page import static_site
from .plan import LEFT, Action
from .reports import ReportRun
from .run import PublishOptions
from .state import StateFile

#: What the user must be allowed to do: make and publish pages, and upload files.
CAPABILITIES = {"edit_pages": "edit pages", "edit_published_pages": "edit published pages",
                "publish_pages": "publish pages", "upload_files": "upload files"}


class NothingSent(SpotlightError):
    """A failure before anything was sent: the build failed, or the site or the user will
    not do."""


@dataclass(frozen=True)
class Published:
    """What a publication did (or, dry, would do), and each report's page address."""

    actions: tuple[Action, ...]
    links: dict[str, str]
    built: BuildResult


def publish(options: PublishOptions,
            log: Callable[[Action], None] = lambda _: None) -> Published:
    """Build, then publish every report to the WordPress site, telling ``log`` each change as
    it is made; SpotlightError on any failure, after recording what was done (the next run
    finishes the job)."""
    try:
        client = Client(options.site, options.user, options.password, options.timeout)
        if not options.password.strip():
            raise SpotlightError([Problem("WORDPRESS_APP_PASSWORD", None, (
                "is not set: spotlight signs in to WordPress with an application password. "
                + HOW_TO_PASSWORD))])
        built = build(BuildOptions(content=options.content, out=options.out, pdf=True,
                                   fragments=True, visual_theme=options.visual_theme,
                                   theme_override=options.theme_override))
        client.discover()
        _check_user(client, options.status)
    except SpotlightError as error:
        raise NothingSent(error.problems) from None
    # Each language's fragments: the main language's in fragments/, another's in cy/fragments/.
    fragments = {posixpath.splitext(posixpath.basename(path))[0]: path
                 for path in built.pages if posixpath.basename(posixpath.dirname(path))
                 == "fragments" and path.endswith(".html")}
    slugs = sorted(fragments)
    records = StateFile(options.content, client.site)
    run = ReportRun(client, records, records.read(), options, log, static_site(options.content))
    run.slugs = set(slugs)
    for slug in slugs:
        run.report(slug, fragments[slug])
    for slug in slugs:  # pages that linked a report whose page was made (or moved) after them
        run.relink(slug)
    left = sorted(set(run.state.pages) - set(slugs))
    run.keep_shown(left)
    run.delete_retired()  # pictures that new ones replaced, which no page links now
    for slug in left:
        run.note(Action(LEFT, slug, run.state.pages[slug].link))
    # The fragments' links are made to work inside WordPress, with or without a base_url.
    built = replace(built, warnings=tuple(w for w in built.warnings if w.message != NO_BASE_URL))
    return Published(tuple(run.actions), run.links, built)


def _check_user(client: Client, status: str) -> None:
    """SpotlightError unless the user may make pages and upload files."""
    answer = client.call("GET", "/wp/v2/users/me", "reading who the user is",
                         query={"context": "edit"})
    assert answer is not None
    capabilities = answer.data.get("capabilities") if isinstance(answer.data, dict) else None
    if not isinstance(capabilities, dict):
        return  # the site does not say: its answers to each request will
    needed = {name: words for name, words in CAPABILITIES.items()
              if status == "publish" or name != "publish_pages"}
    lacking = [words for name, words in needed.items() if not capabilities.get(name)]
    if lacking:
        raise SpotlightError([Problem(client.site, None, (
            f"the user '{client.user}' is not allowed to {' or '.join(lacking)}, which "
            "publishing needs. Give this user the Editor role in WordPress (Users → All "
            "Users), or use the application password of a user who has it."))])
