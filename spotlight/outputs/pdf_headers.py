"""Table cells linked to the header cells the tidied structure tree holds, and the IDTree.

WeasyPrint 70 links each data cell (TD) to its header cells (TH) as PDF/UA asks: every TH
gets an /ID made of its table element's object number, row and column, and every TD an
/A /Headers array of those IDs. It does so page by page: a table over three pages is three
table elements, each with the header rows WeasyPrint repeats on its page, and the cells of
the second page name the header cells repeated on the second page. pdf_tags.py keeps the
header (and footer) group once, and merges an element cut by a page break into its first
fragment, so those header cells leave the tree and the names the cells of the following
pages give point at nothing (Matterhorn 15-003, PDF/UA-1 7.5): a screen reader would read
those cells without their column's header.

``link_headers`` names, in every /Headers, the header cell the tree keeps for the same HTML
cell (``pdf._record_box_identity`` gives each element the number of its HTML element: the
repeated header cell and the one kept share it), and writes the IDTree the PDF
specification requires when elements have IDs (ISO 32000-1 14.7.2; WeasyPrint makes none),
listing the elements of the tree only.
"""

from __future__ import annotations

import pydyf

from .pdf_tree import Element, Tree, name_of


def link_headers(tree: Tree, documents: list[Element]) -> None:
    """Point every /Headers of the tidied tree (``documents``) at header cells it holds, and
    give the tree's root an IDTree of the elements with an /ID it holds."""
    root = tree.root
    if not tree.identified and "IDTree" not in root:  # no header cells: nothing names one
        return
    kept: dict[str, Element] = {}  # ID -> the element of the tree that has it
    by_source: dict[tuple[int, str], str] = {}  # (HTML element, type) -> the ID kept for it
    cells: list[pydyf.Dictionary] = []  # the attributes of cells with /Headers
    stack = list(reversed(documents))
    while stack:
        element = stack.pop()
        made = element.obj
        if made is not None:
            if "ID" in made:
                name = name_of(made["ID"])
                kept[name] = element
                if element.key is not None:
                    by_source.setdefault((element.key, element.kind), name)
            attributes = made.get("A")
            if attributes is not None:
                cells.extend(a for a in (attributes if isinstance(attributes, list)
                                         else (attributes,))
                             if isinstance(a, dict) and "Headers" in a)
        stack.extend(kid for kid in reversed(element.kids) if isinstance(kid, Element))
    for attributes in cells:
        names: list[str] = []
        for header in attributes["Headers"]:
            named: str | None = name_of(header)
            if named not in kept:
                source = tree.identified.get(named)  # type: ignore[arg-type]
                named = None if source is None or source.key is None else by_source.get(
                    (source.key, source.kind))
            if named is not None and named not in names:
                names.append(named)
        if names != [name_of(header) for header in attributes["Headers"]]:
            attributes["Headers"] = pydyf.Array([pydyf.String(name) for name in names])
    _write_id_tree(tree, kept)


def _write_id_tree(tree: Tree, kept: dict[str, Element]) -> None:
    """The root's IDTree made anew (in its own object if it had one): the IDs of ``kept``,
    in order, each with its element."""
    root = tree.root
    if not kept:
        root.pop("IDTree", None)
        return
    entries = pydyf.Array()
    for name in sorted(kept):  # a name tree's keys in order
        entries.extend([pydyf.String(name), kept[name].obj.reference])  # type: ignore[union-attr]
    id_tree = tree.get(root["IDTree"]) if "IDTree" in root else None
    if id_tree is None:
        id_tree = pydyf.Dictionary()
        tree.pdf.add_object(id_tree)
        root["IDTree"] = id_tree.reference
    id_tree.clear()  # one node: no /Kids, no /Limits
    id_tree["Names"] = entries
