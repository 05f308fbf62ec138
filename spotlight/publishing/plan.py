"""What a publication changes on the site, one line per change: what ``--dry-run`` prints
without sending anything, and what a publication prints as it goes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

#: The kinds of change, in the words the command prints.
CREATE, UPDATE, UNCHANGED = "create page", "update page", "unchanged"
UPLOAD, REPLACE, DELETE = "upload", "replace", "delete old media"
#: A picture the site would not take, written into its page instead.
INLINE = "in the page itself"
#: A published page made a draft: taken off the site (said before it is done).
UNPUBLISH = "take off the site"
#: A changed PDF put back at the address of the PDF it replaced; or, where WordPress does not
#: allow it, at a new address.
KEPT, MOVED = "same address", "new address"
#: A page published before whose report is no longer in the content: never deleted.
LEFT = "left on the site, its report no longer in the content"
CHANGES = (CREATE, UPDATE, UNPUBLISH, UPLOAD, REPLACE, DELETE, KEPT, MOVED)


@dataclass(frozen=True)
class Action:
    """One change to the site (or a page left as it is): its kind, what it is about (a
    report's slug, a file's path) and a few words more."""

    kind: str
    subject: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.subject}" + (f" ({self.detail})" if self.detail else "")

    @property
    def changes(self) -> bool:
        """Whether it changes the site."""
        return self.kind in CHANGES


def summary(actions: Iterable[Action], dry_run: bool) -> str:
    """One sentence: how many pages and files were (or would be) created, updated, uploaded."""
    counted = Counter(kind for kind, _ in {(a.kind, a.subject) for a in actions})
    words = [f"{counted[kind]} {label}" for kind, label in (
        (CREATE, "page(s) to create" if dry_run else "page(s) created"),
        (UPDATE, "page(s) to update" if dry_run else "page(s) updated"),
        (UNPUBLISH, "published page(s) to take off the site (made drafts)" if dry_run else
         "published page(s) taken off the site (made drafts)"),
        (UNCHANGED, "page(s) unchanged"),
        (UPLOAD, "file(s) to upload" if dry_run else "file(s) uploaded"),
        (REPLACE, "file(s) to replace" if dry_run else "file(s) replaced"),
        (KEPT, "PDF(s) kept at their address"),
        (MOVED, "PDF(s) at a new address"),
        (DELETE, "old media item(s) to delete" if dry_run else "old media item(s) deleted"),
    ) if counted[kind]]
    return ", ".join(words) if words else "nothing to publish"
