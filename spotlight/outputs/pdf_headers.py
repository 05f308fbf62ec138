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
cell (``pdf_identity.record_box_identity`` gives each element the number of its HTML
element: the repeated header cell and the one kept share it), leaves out a name with no
such cell (an empty header cell holds no content, so it is not in the tree), and writes the
IDTree the PDF specification requires when elements have IDs (ISO 32000-1 14.7.2;
WeasyPrint makes none), listing the elements of the tree only. A table on one page keeps
the names WeasyPrint gave.
"""

from __future__ import annotations

import pydyf

from .pdf_tree import Element, Tree, name_of


def link_headers(tree: Tree, kept: set[int]) -> None:
    """Point every /Headers of the tidied tree at header cells it holds, and give the tree's
    root an IDTree of the elements with an /ID it holds (``kept``: the object numbers of the
    tree's elements, as ``pdf_tree.write`` returns them)."""
    root = tree.root
    if not tree.identified and "IDTree" not in root:  # no header cells: nothing names one
        return
    held: dict[str, Element] = {}  # ID -> the element of the tree that has it
    by_source: dict[tuple[int, str], str] = {}  # (HTML element, type) -> the ID kept for it
    for name, element in tree.identified.items():  # in the order of the tree as first read
        if element.obj is not None and element.obj.number in kept:
            held[name] = element
            if element.key is not None:
                by_source.setdefault((element.key, element.kind), name)
    cells: list[pydyf.Dictionary] = []  # the attributes of the tree's cells with /Headers
    for element in tree.attributed:
        if element.obj is not None and element.obj.number in kept:
            attributes = element.obj["A"]
            cells.extend(a for a in (attributes if isinstance(attributes, list)
                                     else (attributes,))
                         if isinstance(a, dict) and "Headers" in a)
    relinked: dict[tuple[str, ...], pydyf.Array | None] = {}  # most cells name the same
    for attributes in cells:
        given = tuple(map(name_of, attributes["Headers"]))
        if given not in relinked:
            relinked[given] = _relinked(given, held, by_source, tree.identified)
        names = relinked[given]
        if names is not None:
            attributes["Headers"] = names
    _write_id_tree(tree, held)


def _relinked(given: tuple[str, ...], held: dict[str, Element],
              by_source: dict[tuple[int, str], str],
              identified: dict[str, Element]) -> pydyf.Array | None:
    """The /Headers to write in place of ``given``: each name the tree does not hold
    replaced by the one kept for the same HTML cell (or left out if there is none), each
    once; None if ``given`` stays as it is."""
    names: list[str] = []
    for name in given:
        named: str | None = name
        if name not in held:
            source = identified.get(name)
            named = None if source is None or source.key is None else by_source.get(
                (source.key, source.kind))
        if named is not None and named not in names:
            names.append(named)
    if tuple(names) == given:
        return None
    return pydyf.Array([pydyf.String(name) for name in names])


def _write_id_tree(tree: Tree, held: dict[str, Element]) -> None:
    """The root's IDTree made anew (in its own object if it had one): the IDs of ``held``,
    in order, each with its element."""
    root = tree.root
    if not held:
        root.pop("IDTree", None)
        return
    entries = pydyf.Array()
    for name in sorted(held):  # a name tree's keys in order
        entries.extend([pydyf.String(name), held[name].obj.reference])  # type: ignore[union-attr]
    id_tree = tree.get(root["IDTree"]) if "IDTree" in root else None
    if id_tree is None:
        id_tree = pydyf.Dictionary()
        tree.pdf.add_object(id_tree)
        root["IDTree"] = id_tree.reference
    id_tree.clear()  # one node: no /Kids, no /Limits
    id_tree["Names"] = entries
