"""One publication as it runs: what to publish where (``PublishOptions``), and the record
of the run (``Run``): the client, the state as recorded, and each change noted as it is made
and saved at once, so that a run cut short is finished by the next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .client import Client
from .plan import Action
from .state import Media, Retired, State, StateFile


@dataclass(frozen=True)
class PublishOptions:
    """What to publish where: the content and output folders, the site's address, the user
    and their application password, the pages' status, and whether to send anything."""

    content: Path
    out: Path
    site: str
    user: str
    password: str = field(repr=False)
    status: str = "publish"
    dry_run: bool = False
    timeout: float = 60.0
    visual_theme: str = "default"
    theme_override: Path | None = None


class Run:
    """One publication: the client, the state as recorded, and what was done."""

    def __init__(self, client: Client, records: StateFile, state: State,
                 options: PublishOptions, log: Callable[[Action], None],
                 base_url: str | None) -> None:
        self.client, self.records, self.state = client, records, state
        self.options, self.log, self.base_url = options, log, base_url
        self.actions: list[Action] = []
        self.links: dict[str, str] = {}
        #: The reports being published, and the pages found for those not recorded.
        self.slugs: set[str] = set()
        self.found: dict[str, str | None] = {}
        #: For each report published: its fragment, its page's output path, its media, its
        #: PDF, and the WordPress page of each report it links to (None: not known then, so
        #: linked under base_url or left out).
        self.made: dict[str, tuple[str, str, dict[str, str], Media | None,
                                   dict[str, str | None]]] = {}

    def note(self, action: Action) -> None:
        """Tell the log of a change, and keep it among what was done."""
        self.actions.append(action)
        self.log(action)

    @property
    def draft(self) -> bool:
        """Whether the pages are put up as drafts (which show no file of the media library)."""
        return self.options.status == "draft"

    def retire(self, name: str, media: Media) -> None:
        """Note a media item to delete once no page links it, in the records at once (so
        that a publication cut short deletes it the next time)."""
        if all(old.media.id != media.id for old in self.state.retired):
            self.state.retired.append(Retired(name, media))
            self.save()

    def save(self) -> None:
        """Record the state as it is now (not in a dry run)."""
        if not self.options.dry_run:
            self.records.save(self.state)
