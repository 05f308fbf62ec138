"""What the preview keeps of the library between saves: every permalink page and listing as
assembled, with the very objects each was made from (see ``LibraryMemo``)."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Mapping, Sequence
from typing import cast

from ..model import Appearance, ExamplePage, ExampleSource, Listing, Report


def _listed_in(source: ExampleSource) -> tuple[tuple[str, str], ...]:
    """The listings an example is in, as (kind, slug; a standard's code): its practice
    themes, region, PDU and standards."""
    found: dict[tuple[str, str], None] = {("practice-theme", source.practice_theme): None}
    found.update((("practice-theme", t), None) for t in source.also_practice_themes)
    found[("region", source.region)] = None
    if source.pdu:
        found[("pdu", source.pdu)] = None
    found.update((("standard", code), None) for code in source.standards)
    return tuple(found)


class LibraryMemo:
    """The permalink pages and listings of the previous save, kept by the preview (see
    ``assemble_library``), with what each was made from, as the very objects: the preview
    keeps every unchanged file's validated model, and so its identity.

    A page is kept while its example, its newest report's file, the site settings and its
    neighbours in its practice theme are the very objects of then, and so are its reports as
    assembled; when only its reports were assembled again (an example beside it edited), it
    is kept but for its appearances in them. A listing is kept while its pages are.
    """

    def __init__(self) -> None:
        self.prefix = ""
        self._reports: dict[int, tuple[Report, list[tuple[str, Appearance]]]] = {}
        # slug -> (what the page was made from, its appearances, the page, its listings)
        self._pages: dict[str, tuple[tuple[object, ...], tuple[Appearance, ...], ExamplePage,
                                     tuple[tuple[str, str], ...]]] = {}
        self._listings: dict[tuple[str, str], tuple[tuple[object, ...], Listing]] = {}

    def at(self, prefix: str) -> LibraryMemo:
        """This memo, or a new one if it was kept for another edition's folder."""
        if prefix == self.prefix:
            return self
        made = LibraryMemo()
        made.prefix = prefix
        return made

    def appearances(self, report: Report) -> list[tuple[str, Appearance]]:
        """(slug, appearance) of every example of ``report``, in reading order."""
        known = self._reports.get(id(report))
        if known is not None and known[0] is report:
            return known[1]
        made = [(example.slug, Appearance(report, section.title,
                                          f"{report.page}#{example.anchor}"))
                for section in report.sections for example in section.examples]
        self._reports[id(report)] = (report, made)
        return made

    def page(self, inputs: tuple[object, ...], appearances: list[Appearance],
             make: Callable[[], ExamplePage]) -> ExamplePage:
        """The permalink page of the example ``inputs[0]``, made from ``inputs`` and its
        ``appearances``: kept if made from the very same objects, else made by ``make``."""
        source = cast(ExampleSource, inputs[0])
        shown = tuple(appearances)
        known = self._pages.get(source.slug)
        if known is None or not _identical(known[0], inputs):
            self._pages[source.slug] = (inputs, shown, page := make(), _listed_in(source))
            return page
        page = known[2]
        if not _identical(known[1], shown):
            if not _same(tuple(t for a in known[1] for t in (a.report.page, a.section)),
                         tuple(t for a in shown for t in (a.report.page, a.section))):
                page = make()
            else:
                page = dataclasses.replace(page, appearances=shown)
            self._pages[source.slug] = (inputs, shown, page, known[3])
        return page

    def listed_in(self, source: ExampleSource) -> tuple[tuple[str, str], ...]:
        """The listings the example ``source`` is in (after ``page``)."""
        return self._pages[source.slug][3]

    def listing(self, key: tuple[str, str], inputs: tuple[object, ...],
                make: Callable[[], Listing]) -> Listing:
        """The listing ``key``: kept while ``inputs`` are the very objects, or made."""
        known = self._listings.get(key)
        if known is not None and _identical(known[0], inputs):
            return known[1]
        listing = make()
        self._listings[key] = (inputs, listing)
        return listing

    def forget(self, reports: Sequence[Report], pages: Mapping[str, object],
               listings: set[tuple[str, str]]) -> None:
        """Drop what the library no longer has: memory stays the size of the site."""
        current = {id(r) for r in reports}
        self._reports = {k: v for k, v in self._reports.items() if k in current}
        if len(self._pages) > len(pages):
            self._pages = {k: v for k, v in self._pages.items() if k in pages}
        self._listings = {k: v for k, v in self._listings.items() if k in listings}


def _identical(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """Whether two tuples hold the very same objects."""
    return len(before) == len(now) and all(map(operator.is_, before, now))


def _same(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """Whether two tuples hold the very same objects (plain strings: the same text)."""
    return len(before) == len(now) and all(
        a is b or (type(a) is str and type(b) is str and a == b)
        for a, b in zip(before, now, strict=True))
