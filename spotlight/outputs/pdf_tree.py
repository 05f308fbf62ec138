"""A PDF's structure tree as plain Python objects: read from WeasyPrint's PDF objects before
they are written, and written back into them.

WeasyPrint hands its finished ``pydyf.PDF`` to a finisher before writing it: its objects are
Python dictionaries, arrays and streams there, which is far cheaper to read and change than a
written file. ``read`` turns the tree into ``Element`` objects whose children are elements,
marked-content references ``(page index, MCID)`` and ``Annotation`` objects; ``write`` puts
the rewritten tree back: each element kept is WeasyPrint's own object with a new /K, /P and
/Pg, the few new ones (definition list items) are added, the ParentTree is rebuilt from the
tree so that the two always agree, and what is left out of the tree is emptied (written as
``null``, as a file without it would read). pdf_tags.py rewrites the tree in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pydyf

from .pdf_objects import Freed

# What ``pdf_identity.record_box_identity`` puts on each element WeasyPrint makes, as a Python
# attribute (never written to the file): (HTML element's number, its tag, a link's text).
IDENTITY = "spotlight_identity"


@dataclass
class Annotation:
    """A link (or other) annotation the tree holds, the index of its page and the object
    reference (/OBJR) the tree holds it by."""

    obj: pydyf.Dictionary
    page: int
    reference: pydyf.Dictionary


@dataclass
class Element:
    """A structure element; ``key`` and ``tag`` say which HTML element it comes from, ``obj``
    is WeasyPrint's object for it (None for an element the tidying makes)."""

    kind: str
    key: int | None
    tag: str
    page: int | None
    obj: pydyf.Dictionary | None = None
    kids: list[Element | tuple[int, int] | Annotation] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # a link's text, one per fragment
    suffix: list[str] = field(default_factory=list)  # its pseudo-elements' text


class Tree:
    """The structure tree of a ``pydyf.PDF`` not yet written: its root and what the elements
    refer to (objects by number, pages by reference)."""

    def __init__(self, pdf: pydyf.PDF) -> None:
        self.pdf = pdf
        self.objects: list[Any] = pdf.objects
        self.page_references: tuple[bytes, ...] = pdf.page_references
        self.pages = [self.objects[_number(r)] for r in self.page_references]
        self.page_index = {reference: index for index, reference
                           in enumerate(self.page_references)}
        self.root: pydyf.Dictionary = self.get(pdf.catalog["StructTreeRoot"])
        # Every element with an /ID (a table's header cell), by its ID, and every element with
        # attributes (a table cell's /Headers name header cells by ID), as first read: the
        # tidying may leave one out of the tree (pdf_headers.py then names the one kept).
        self.identified: dict[str, Element] = {}
        self.attributed: list[Element] = []

    def get(self, reference: bytes) -> Any:
        """The object a reference (``b"12 0 R"``) names."""
        return self.objects[_number(reference)]

    def documents(self) -> list[Element]:
        """The tree's top elements (WeasyPrint makes one, the /Document) and their
        descendants."""
        return [self.read(self.get(kid), None) for kid in self.root.get("K", ())
                if isinstance(kid, bytes)]

    def read(self, element: pydyf.Dictionary, inherited: int | None) -> Element:
        """``element`` and its descendants; ``inherited`` is the page of the parent (for an
        element without /Pg)."""
        page = self.page_index.get(element.get("Pg"), inherited)  # type: ignore[arg-type]
        key, tag, text = getattr(element, IDENTITY, (None, "", None))
        node = Element(str(element["S"]), key, tag, page, element)
        if text is not None:
            (node.suffix if "::" in tag else node.texts).append(text)
        if "ID" in element:
            self.identified[name_of(element["ID"])] = node
        if "A" in element:
            self.attributed.append(node)
        objects = self.objects
        for kid in element.get("K", ()):
            if isinstance(kid, int):
                node.kids.append((page, kid))  # type: ignore[arg-type]
                continue
            target = objects[_number(kid)]
            kind = target.get("Type")
            if kind == "/OBJR":
                where = self.page_index[target["Pg"]] if "Pg" in target else page
                node.kids.append(Annotation(self.get(target["Obj"]), where,  # type: ignore[arg-type]
                                            target))
            elif kind == "/MCR":
                where = self.page_index[target["Pg"]] if "Pg" in target else page
                node.kids.append((where, int(target["MCID"])))  # type: ignore[arg-type]
            elif "S" in target:
                node.kids.append(self.read(target, page))
        return node


def _number(reference: bytes) -> int:
    return int(reference[:reference.index(b" ")])


def name_of(value: object) -> str:
    """An /ID or a /Headers entry as text (WeasyPrint gives them as ``pydyf.String``)."""
    value = getattr(value, "string", value)
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def content(element: Element) -> list[tuple[int, int]]:
    """Every (page index, MCID) the element and its descendants hold, in order."""
    found: list[tuple[int, int]] = []
    for kid in element.kids:
        if isinstance(kid, tuple):
            found.append(kid)
        elif isinstance(kid, Element):
            found.extend(content(kid))
    return found


_NULL = b"null"


def write(tree: Tree, documents: list[Element], dropped: set[int]) -> set[int]:
    """Put the tree back into the PDF's objects, with a ParentTree made from it; elements,
    object references and annotations (``dropped``: their object numbers) no longer in it are
    freed. Returns the object numbers of the elements and object references it holds."""
    pdf, page_references = tree.pdf, tree.page_references
    held: dict[int, dict[int, bytes]] = {}
    annotations: list[tuple[pydyf.Dictionary, bytes]] = []
    kept: set[int] = set()
    root = tree.root

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

    def make(element: Element, parent: bytes) -> bytes:
        made = element.obj
        if made is None:
            made = pydyf.Dictionary({"Type": "/StructElem", "S": element.kind})
            pdf.add_object(made)
        kept.add(made.number)
        reference = made.reference
        made["P"] = parent
        page = first_page(element)
        if page is not None:
            made["Pg"] = page_references[page]
        else:
            made.pop("Pg", None)
        kids: list[object] = []
        for kid in element.kids:
            if isinstance(kid, tuple):
                where, mcid = kid
                held.setdefault(where, {})[mcid] = reference
                kids.append(mcid if where == page else pydyf.Dictionary(
                    {"Type": "/MCR", "Pg": page_references[where], "MCID": mcid}))
            elif isinstance(kid, Annotation):
                annotations.append((kid.obj, reference))
                objr = kid.reference
                objr["Pg"] = page_references[kid.page]
                kept.add(objr.number)
                kids.append(objr.reference)
            else:
                kids.append(make(kid, reference))
        if made.get("K") != kids:  # most elements keep the /K WeasyPrint gave them
            made["K"] = pydyf.Array(kids)
        return reference

    root["K"] = pydyf.Array([make(document, root.reference) for document in documents])
    nums = pydyf.Array()
    for index, page in enumerate(tree.pages):
        if "StructParents" not in page:
            continue
        page["StructParents"] = index
        mapping = held.get(index, {})
        size = max(mapping) + 1 if mapping else 0
        nums.extend([index, pydyf.Array([mapping.get(m, _NULL) for m in range(size)])])
        if "Annots" in page:
            page["Annots"] = pydyf.Array([a for a in page["Annots"]
                                          if _number(a) not in dropped])
    next_key = len(tree.pages)
    for annotation, element in annotations:
        annotation["StructParent"] = next_key
        nums.extend([next_key, element])
        next_key += 1
    parent_tree = tree.get(root["ParentTree"])
    parent_tree.clear()
    parent_tree["Nums"] = nums
    root["ParentTreeNextKey"] = next_key
    _free(tree.objects, kept, dropped)
    return kept


def _free(objects: list[Any], kept: set[int], dropped: set[int]) -> None:
    """Structure elements and object references outside the tree, and the dropped
    annotations, become ``null``."""
    for number, obj in enumerate(objects):
        if number in dropped or (type(obj) is pydyf.Dictionary and number not in kept
                                 and obj.get("Type") in ("/StructElem", "/OBJR")):
            objects[number] = Freed(number)
