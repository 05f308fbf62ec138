"""The audit's checks of a tagged PDF's tables (see pdf_structure.py): what header cells
each table cell names, and the IDTree that maps those names to elements."""

from __future__ import annotations

from collections import Counter

import pikepdf


def headers(element: pikepdf.Object) -> list[pikepdf.Object]:
    """The header cell IDs a table cell's attributes (a dictionary or an array of them)
    name."""
    attributes = element.get("/A")
    if attributes is None:
        return []
    found: list[pikepdf.Object] = []
    for attribute in (attributes if isinstance(attributes, pikepdf.Array) else [attributes]):
        if isinstance(attribute, pikepdf.Dictionary) and "/Headers" in attribute:
            found.extend(attribute.Headers)
    return found


def check_headers(root: pikepdf.Object,
                  identified: dict[str, tuple[str, tuple[int, int], str]],
                  cells: list[tuple[str, int | None, str, list[str]]],
                  counts: Counter[str]) -> None:
    """Every /Headers name is a TH of the tree; the IDTree maps every /ID of the tree to its
    element, and nothing else."""
    for _, _, _, names in cells:
        counts["table cell /Headers naming no header cell in the tree"] += sum(
            identified.get(name, ("",))[0] != "/TH" for name in names)
    listed = dict(pikepdf.NameTree(root.IDTree).items()) if "/IDTree" in root else {}
    for name, (_, objgen, _) in identified.items():
        entry = listed.get(name)
        if not isinstance(entry, pikepdf.Dictionary) or entry.objgen != objgen:
            counts["element /ID missing from the IDTree"] += 1
    counts["IDTree entry naming no element of the tree"] += sum(
        name not in identified for name in listed)
