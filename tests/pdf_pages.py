"""Walking a tagged PDF's structure tree with pikepdf, for the audit in pdf_structure.py: an
element's kids and page, the pages its content is read on, and elements cut in two at a
page break."""

from __future__ import annotations

import itertools
from collections import Counter

import pikepdf

HEADINGS = {f"/H{n}" for n in range(1, 7)}


def pages_in_reading_order(root: pikepdf.Object,
                           pages: dict[tuple[int, int], int]) -> list[int]:
    """The page of each piece of marked content, in the order the tree gives them."""
    found: list[int] = []

    def walk(element: pikepdf.Object, page: int | None) -> None:
        page = page_of(element, pages, page)
        for kid in kids(element):
            if isinstance(kid, int) and page is not None:
                found.append(page)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                found.append(pages[kid.Pg.objgen])
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, page)

    for top in kids(root):
        walk(top, None)
    return found


def kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    """An element's /K as a list: MCIDs as ints, elements and references as objects."""
    found = element.get("/K")
    if found is None:
        return []
    if isinstance(found, pikepdf.Array):
        return [int(k) if isinstance(k, int) else k for k in found]
    return [int(found) if isinstance(found, int) else found]


def page_of(element: pikepdf.Object, pages: dict[tuple[int, int], int],
            inherited: int | None) -> int | None:
    """The page of an element: its /Pg, else ``inherited`` (its parent's)."""
    return pages.get(element.Pg.objgen, inherited) if "/Pg" in element else inherited


def _first_page(element: pikepdf.Object, pages: dict[tuple[int, int], int]) -> int | None:
    return page_of(element, pages, None)


def _last_page(element: pikepdf.Object, pages: dict[tuple[int, int], int]) -> int | None:
    last = page_of(element, pages, None)
    for kid in kids(element):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found = _last_page(kid, pages)
            last = found if found is not None else last
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            last = pages.get(kid.Pg.objgen, last)
    return last


def split_fragments(children: list[pikepdf.Object], pages: dict[tuple[int, int], int],
                    counts: Counter[str]) -> None:
    """A Sect or Art that continues one of the same type ending on the page before, without
    a heading of its own, is the second half of one element cut at the page break; so is a
    Table or L straight after another on the page before."""
    for before, after in itertools.pairwise(children):
        kind = str(after.S)
        if kind not in ("/Sect", "/Art", "/Table", "/L") or str(before.S) != kind:
            continue
        end, start = _last_page(before, pages), _first_page(after, pages)
        if kind in ("/Table", "/L"):
            counts["section, article, table or list split at a page break"] += int(
                end is not None and start == end + 1)
            continue
        first = [k for k in kids(after) if isinstance(k, pikepdf.Dictionary) and "/S" in k]
        starts_with_heading = bool(first) and (
            str(first[0].S) in HEADINGS or any(
                str(k.S) in HEADINGS for k in kids(first[0])
                if isinstance(k, pikepdf.Dictionary) and "/S" in k))
        if (not starts_with_heading and end is not None and start is not None
                and start == end + 1):
            counts["section, article, table or list split at a page break"] += 1
