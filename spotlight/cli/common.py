"""What the commands share: the common options, colour, finding the content folder, stopping
cleanly on a signal, and printing a command's problems before exiting."""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from ..errors import SpotlightError
from ..project import Located

_CONTENT_HELP = ("The content folder (or the project folder that holds it){}. [default: "
                 "content, or the folder with site.yml that holds this one]")
#: ``--content`` alone, for commands whose argument is something else (``new example TITLE``).
CONTENT_OPTION = click.option("--content", "-c", type=click.Path(path_type=Path), default=None,
                              help=_CONTENT_HELP.format(""))
_FOLDER_ARGUMENT = click.argument("folder", required=False, metavar="[FOLDER]",
                                  type=click.Path(path_type=Path))


def CONTENT(command: Callable[..., Any]) -> Callable[..., Any]:
    """The content folder, as ``--content FOLDER`` or as the command's one argument
    (``spotlight build my-project``, as with Hugo or MkDocs): the command sees ``content``."""

    @functools.wraps(command)
    def with_folder(*args: Any, folder: Path | None = None, **kwargs: Any) -> Any:
        if folder is not None:
            given = kwargs.get("content")
            if given is not None and given != folder:
                raise click.UsageError(
                    f"two content folders were given ({folder} and --content {given}): "
                    "give one")
            kwargs["content"] = folder
        return command(*args, **kwargs)

    return _FOLDER_ARGUMENT(click.option(
        "--content", "-c", type=click.Path(path_type=Path), default=None,
        help=_CONTENT_HELP.format("; it may also be given as the command's argument"))(
        with_folder))


VISUAL_THEME = click.option("--visual-theme", default="default", show_default=True,
                            help="The visual theme from themes/.")
OVERRIDE = click.option("--theme-override", type=click.Path(path_type=Path), default=None,
                        help="A folder of templates/ and static/ that replace the visual "
                             "theme's files.")


def verbosity(command: Callable[..., Any]) -> Callable[..., Any]:
    """The --quiet and --verbose options."""
    command = click.option("--quiet", "-q", is_flag=True,
                           help="Print only problems.")(command)
    return click.option("--verbose", "-v", is_flag=True, help="Print more detail.")(command)


def colour() -> bool | None:
    """No colour when NO_COLOR is set (https://no-color.org); otherwise only on a terminal."""
    return False if os.environ.get("NO_COLOR") else None


class Stopped(KeyboardInterrupt):
    """A stop signal, raised where the build is so that it cleans up as after Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stop_cleanly_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into KeyboardInterrupt for the block (SIGINT already is one)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    stops = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    previous = {signum: signal.signal(signum, stop) for signum in stops}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def find_content(content: Path | None, quiet: bool,
                 refuse: Callable[[SpotlightError], None]) -> Located:
    """The content folder (and default output folder) a command works on; says which one was
    used when it is not ./content."""
    from ..project import Naming, locate

    context = click.get_current_context(silent=True)
    naming = Naming()
    if context is not None:  # "spotlight check": the words the author typed, minus options
        words = [c.info_name for c in reversed(list(_chain(context))) if c.info_name]
        argument = any(p.name == "folder" for p in context.command.params)
        naming = Naming(" ".join(["spotlight", *words[1:]]), option=not argument)
    try:
        located = locate(content, naming=naming)
    except SpotlightError as error:
        refuse(error)
        raise  # refuse exits
    if located.message and not quiet:
        click.echo(located.message, err=True)
    return located


def _chain(context: click.Context) -> Iterator[click.Context]:
    """The context and its parents: the command, its group, the program."""
    found: click.Context | None = context
    while found is not None:
        yield found
        found = found.parent


def refuse(error: SpotlightError, outcome: str) -> NoReturn:
    """Print every problem of a command other than build, what it means, and exit 1."""
    for problem in error.problems:
        click.echo(str(problem), err=True)
    count = len(error.problems)
    click.echo(f"{count} problem{'s' if count != 1 else ''}. {outcome}", err=True)
    sys.exit(1)
