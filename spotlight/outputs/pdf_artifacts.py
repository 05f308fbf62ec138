"""Marked content outside the structure tree made into Pagination artifacts."""

from __future__ import annotations

import pydyf

from .pdf_tree import Tree

_PAGINATION = "/Artifact"


def mark_pagination(tree: Tree, tagged: set[tuple[int, int]]) -> None:
    """Marked content no element of the tree holds (WeasyPrint's page-margin boxes: running
    headers, footers and page numbers) becomes a /Pagination artifact: a /Header in the top
    half of the page, a /Footer in the bottom half.

    WeasyPrint draws with the y axis flipped (``1 0 0 -1 0 h cm``) and scaled, so a text
    matrix's y, times the scale of the current matrix, measures down from the top. The
    page's content is still WeasyPrint's list of operators: only the operator and property
    list of each such marked-content sequence change, nothing else is read or rewritten."""
    for index, page in enumerate(tree.pages):
        if "Contents" not in page:
            continue
        items = tree.get(page["Contents"]).stream
        untagged = [number for number, item in enumerate(items)
                    if type(item) is pydyf.Dictionary and "MCID" in item
                    and (index, item["MCID"]) not in tagged]
        if not untagged:
            continue
        box = page["MediaBox"]
        height = float(box[3]) - float(box[1])
        scales = _scales(items, untagged)
        for number in untagged:
            if number + 1 >= len(items) or items[number + 1] != b"BDC":
                continue
            kind = pydyf.Dictionary({"Type": "/Pagination"})
            scale, flipped = scales[number]
            top = _text_y(items, number)
            if top is not None and flipped and height:
                kind["Subtype"] = "/Header" if top * scale < height / 2 else "/Footer"
            items[number - 1] = _PAGINATION
            items[number] = kind


def _scales(items: list, marks: list[int]) -> dict[int, tuple[float, bool]]:  # type: ignore[type-arg]
    """The scale of the current matrix, and whether it flips the y axis, at each of the
    ``marks`` (indexes in the page's operators, in order)."""
    found: dict[int, tuple[float, bool]] = {}
    scale, flipped = 1.0, False
    saved: list[tuple[float, bool]] = []
    last = marks[-1]
    wanted = set(marks)
    for number, item in enumerate(items):
        if number in wanted:
            found[number] = (scale, flipped)
            if number == last:
                break
        elif item.__class__ is not bytes:
            continue
        elif item == b"q":
            saved.append((scale, flipped))
        elif item == b"Q":
            if saved:
                scale, flipped = saved.pop()
        elif item.endswith(b" cm"):
            d = float(item.split()[3])
            flipped = flipped or d < 0
            scale *= abs(d)
    return found


def _text_y(items: list, start: int) -> float | None:  # type: ignore[type-arg]
    """The y of the first text matrix inside the marked content that begins at ``start``."""
    for number in range(start + 2, len(items)):
        item = items[number]
        if item.__class__ is not bytes:
            continue
        if item == b"EMC":
            return None
        if item.endswith(b" Tm"):
            return float(item.split()[5])
    return None
