"""A PDF's structure tree as plain Python objects: read from pikepdf, written back.

``read`` turns a structure element and its descendants into ``Element`` objects whose
children are elements, marked-content references ``(page index, MCID)`` and ``Annotation``
objects; ``write`` makes a new StructTreeRoot and ParentTree from them, so that the two always
agree. pdf_tags.py rewrites the tree in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name

# What an element keeps besides its type, parent, page and children.
KEEP = ("/A", "/Alt", "/ActualText", "/E", "/ID", "/Lang", "/T", "/C")


@dataclass
class Annotation:
    """A link (or other) annotation the tree holds, and the index of its page."""

    obj: pikepdf.Object
    page: int


@dataclass
class Element:
    """A structure element; ``key`` and ``tag`` say which HTML element it comes from."""

    kind: str
    key: int | None
    tag: str
    page: int | None
    extra: dict[str, pikepdf.Object]
    kids: list[Element | tuple[int, int] | Annotation] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # a link's text, one per fragment
    suffix: list[str] = field(default_factory=list)  # its pseudo-elements' text


def kids_of(element: pikepdf.Object) -> list[pikepdf.Object]:
    """A structure element's /K as a list (it may be one object, an array or absent)."""
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def read(element: pikepdf.Object, pages: dict[tuple[int, int], int],
         inherited: int | None) -> Element:
    """``element`` and its descendants; ``pages`` gives a page object's index, ``inherited``
    the page of the parent (for an element without /Pg)."""
    page = pages.get(element.Pg.objgen, inherited) if "/Pg" in element else inherited
    key = element.get("/SpotlightKey")
    node = Element(str(element.S), int(key) if key is not None else None,
                   str(element.get("/SpotlightTag", "")), page,
                   {k: element[k] for k in KEEP if k in element})
    if "/SpotlightText" in element:
        (node.suffix if "::" in node.tag else node.texts).append(str(element.SpotlightText))
    for kid in kids_of(element):
        if isinstance(kid, int):
            node.kids.append((page, int(kid)))  # type: ignore[arg-type]
        elif isinstance(kid, Dictionary) and kid.get("/Type") == "/MCR":
            where = pages[kid.Pg.objgen] if "/Pg" in kid else page
            node.kids.append((where, int(kid.MCID)))  # type: ignore[arg-type]
        elif isinstance(kid, Dictionary) and kid.get("/Type") == "/OBJR":
            where = pages[kid.Pg.objgen] if "/Pg" in kid else page
            node.kids.append(Annotation(kid.Obj, where))  # type: ignore[arg-type]
        elif isinstance(kid, Dictionary) and "/S" in kid:
            node.kids.append(read(kid, pages, page))
    return node


def content(element: Element) -> list[tuple[int, int]]:
    """Every (page index, MCID) the element and its descendants hold, in order."""
    found: list[tuple[int, int]] = []
    for kid in element.kids:
        if isinstance(kid, tuple):
            found.append(kid)
        elif isinstance(kid, Element):
            found.extend(content(kid))
    return found


def write(pdf: pikepdf.Pdf, old: pikepdf.Object, documents: list[Element],
          dropped: set[tuple[int, int]]) -> None:
    """A new StructTreeRoot and ParentTree for the tree; the old objects are left unused."""
    page_objects = [page.obj for page in pdf.pages]
    held: dict[int, dict[int, pikepdf.Object]] = {}
    annotations: list[tuple[pikepdf.Object, pikepdf.Object]] = []
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    def first_page(element: Element) -> int | None:
        for kid in element.kids:
            if isinstance(kid, tuple):
                return kid[0]
            if isinstance(kid, Annotation):
                return kid.page
            found = first_page(kid)
            if found is not None:
                return found
        return element.page

    def make(element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        made = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name(element.kind),
                                            P=parent))
        page = first_page(element)
        if page is not None:
            made.Pg = page_objects[page]
        for name, value in element.extra.items():
            made[name] = value
        kids = Array()
        for kid in element.kids:
            if isinstance(kid, tuple):
                where, mcid = kid
                held.setdefault(where, {})[mcid] = made
                kids.append(mcid if where == page else Dictionary(
                    Type=Name.MCR, Pg=page_objects[where], MCID=mcid))
            elif isinstance(kid, Annotation):
                annotations.append((kid.obj, made))
                kids.append(Dictionary(Type=Name.OBJR, Obj=kid.obj,
                                       Pg=page_objects[kid.page]))
            else:
                kids.append(make(kid, made))
        made.K = kids
        return made

    root.K = Array([make(document, root) for document in documents])
    nums = Array()
    for index, page in enumerate(page_objects):
        if "/StructParents" not in page:
            continue
        page.StructParents = index
        mapping = held.get(index, {})
        size = max(mapping) + 1 if mapping else 0
        nums.extend([index, Array([mapping.get(m) for m in range(size)])])  # type: ignore[list-item]
        if "/Annots" in page:
            page.Annots = Array([a for a in page.Annots if a.objgen not in dropped])
    next_key = len(page_objects)
    for annotation, element in annotations:
        annotation.StructParent = next_key
        nums.extend([next_key, element])  # type: ignore[list-item]
        next_key += 1
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    root.ParentTreeNextKey = next_key
    for name in ("/RoleMap", "/ClassMap", "/Namespaces"):
        if name in old:
            root[name] = old[name]
    pdf.Root.StructTreeRoot = root
