"""The structure tree of a finished PDF, made into one a screen reader can use.

WeasyPrint 70 tags the PDF page by page, one structure element per box, and this leaves what
its upstream issues (2902, 2903, 1836, 2482) describe: an element cut by a page break is two
elements; a link with a pseudo-element is a Link inside a Link; an anonymous box is an element
of the same type inside its own element (an H3 inside an H3); a definition list is
L > Div > LI with term and definition as separate items; running headers and page numbers
are tagged content outside the tree. Nothing in the markup or CSS can change that, so this
module rewrites the tree of the finished file with pikepdf, using the private keys
``pdf._record_box_identity`` adds to each element (which HTML element it came from):

- fragments of one HTML element that follow each other are merged into one element, with
  marked-content references (/MCR) where its content is on another page than its /Pg;
- an element of the same HTML element and type inside itself is dissolved into its parent;
- a definition list becomes L > LI > Lbl (the term) + LBody (the definition);
- a table's header rows, repeated on each page it runs over, are in the tree once (the
  repeats become artifacts);
- a link's annotations on one line become one annotation, whose /Contents is the link's
  text ("Introduction, page 3" for a contents entry, not an anchor's id);
- content outside the tree (running headers, footers, "Page X of Y") becomes a /Pagination
  artifact in the page's content stream;
- the ParentTree is rebuilt from the new tree, so the two always agree.

The result is saved deterministically: the same input bytes give the same output bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String

# What an element keeps besides its type, parent, page and children.
_KEEP = ("/A", "/Alt", "/ActualText", "/E", "/ID", "/Lang", "/T", "/C")
_LEADER = re.compile(r"[.\u2026\u00b7\s]+")


@dataclass
class _Annotation:
    obj: pikepdf.Object
    page: int


@dataclass
class _Element:
    kind: str
    key: int | None
    tag: str
    page: int | None
    extra: dict[str, pikepdf.Object]
    kids: list[_Element | tuple[int, int] | _Annotation] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # a link's text, one per fragment
    suffix: list[str] = field(default_factory=list)  # its pseudo-elements' text


def tidy(data: bytes) -> bytes:
    """The PDF ``data`` with its structure tree rewritten as the module describes."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if "/StructTreeRoot" not in pdf.Root:
            return data
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        old = pdf.Root.StructTreeRoot
        documents = [_read(kid, pages, None) for kid in _kids(old)
                     if isinstance(kid, Dictionary)]
        tagged = {mcid for document in documents for mcid in _content(document)}
        repeated: set[tuple[int, int]] = set()
        for document in documents:
            _normalise(document, repeated)
        tagged -= repeated
        dropped = set()
        for document in documents:
            dropped |= _join_link_annotations(document, pdf)
        _write(pdf, old, documents, dropped)
        _mark_pagination(pdf, tagged)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 fix_metadata_version=False)
        return out.getvalue()


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _read(element: pikepdf.Object, pages: dict[tuple[int, int], int],
          inherited: int | None) -> _Element:
    page = pages.get(element.Pg.objgen, inherited) if "/Pg" in element else inherited
    key = element.get("/SpotlightKey")
    node = _Element(str(element.S), int(key) if key is not None else None,
                    str(element.get("/SpotlightTag", "")), page,
                    {k: element[k] for k in _KEEP if k in element})
    if "/SpotlightText" in element:
        (node.suffix if "::" in node.tag else node.texts).append(str(element.SpotlightText))
    for kid in _kids(element):
        if isinstance(kid, int):
            node.kids.append((page, int(kid)))  # type: ignore[arg-type]
        elif isinstance(kid, Dictionary) and kid.get("/Type") == "/MCR":
            where = pages[kid.Pg.objgen] if "/Pg" in kid else page
            node.kids.append((where, int(kid.MCID)))  # type: ignore[arg-type]
        elif isinstance(kid, Dictionary) and kid.get("/Type") == "/OBJR":
            where = pages[kid.Pg.objgen] if "/Pg" in kid else page
            node.kids.append(_Annotation(kid.Obj, where))  # type: ignore[arg-type]
        elif isinstance(kid, Dictionary) and "/S" in kid:
            node.kids.append(_read(kid, pages, page))
    return node


def _content(element: _Element) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for kid in element.kids:
        if isinstance(kid, tuple):
            found.append(kid)
        elif isinstance(kid, _Element):
            found.extend(_content(kid))
    return found


def _same(a: object, b: object) -> bool:
    """Two fragments of one HTML element's box, of one structure type."""
    return (isinstance(a, _Element) and isinstance(b, _Element) and a.key is not None
            and a.key == b.key and a.kind == b.kind)


def _merge(kids: list) -> list:  # type: ignore[type-arg]
    """Fragments that follow each other become one element."""
    out: list = []  # type: ignore[type-arg]
    for kid in kids:
        if out and _same(out[-1], kid):
            out[-1].kids.extend(kid.kids)
            out[-1].texts.extend(kid.texts)
            out[-1].suffix.extend(kid.suffix)
        else:
            out.append(kid)
    return out


def _dissolve(parent: _Element, kids: list) -> tuple[list, bool]:  # type: ignore[type-arg]
    """Children that are the parent's own element again (an anonymous box, a link's
    pseudo-element) give their content to the parent."""
    out: list = []  # type: ignore[type-arg]
    changed = False
    for kid in kids:
        if (isinstance(kid, _Element) and kid.key is not None and kid.key == parent.key
                and (kid.kind == parent.kind
                     or kid.kind == "/Link" == parent.kind
                     or (kid.kind == "/NonStruct" and "::" in kid.tag))):
            out.extend(kid.kids)
            # A link's text already holds its anonymous boxes'; a pseudo-element's is apart.
            parent.texts.extend([] if parent.texts else kid.texts)
            parent.suffix.extend([] if parent.suffix else kid.suffix)
            changed = True
        else:
            out.append(kid)
    return out, changed


def _normalise(element: _Element, repeated: set[tuple[int, int]]) -> None:
    """Merge, dissolve and pair, from ``element`` down; the content of a table's header and
    footer rows repeated on a following page is added to ``repeated`` (to be an artifact)."""
    if element.kind == "/Table":
        element.kids = _without_repeated_rows(element.kids, repeated)
    kids, changed = _merge(element.kids), True
    while changed:
        kids, changed = _dissolve(element, kids)
        kids = _merge(kids)
    element.kids = kids
    for kid in kids:
        if isinstance(kid, _Element):
            _normalise(kid, repeated)
    if element.kind == "/L" and element.tag == "dl":
        element.kids = _pair_definitions(element.kids)
    element.kids = [k for k in element.kids
                    if not isinstance(k, _Element) or k.kids or k.kind == "/Figure"]


def _without_repeated_rows(kids: list, repeated: set[tuple[int, int]]) -> list:  # type: ignore[type-arg]
    """A table's header (and footer) group once: WeasyPrint repeats it on every page the table
    runs over, which a reader would otherwise hear again at each page break."""
    seen: set[int] = set()
    out: list = []  # type: ignore[type-arg]
    for kid in kids:
        if isinstance(kid, _Element) and kid.kind in ("/THead", "/TFoot") and kid.key is not None:
            if kid.key in seen:
                repeated.update(_content(kid))
                continue
            seen.add(kid.key)
        out.append(kid)
    return out


def _terms_and_definitions(kids: list) -> list:  # type: ignore[type-arg]
    """A definition list's dt and dd items, out of the div elements that group them."""
    found: list = []  # type: ignore[type-arg]
    for kid in kids:
        if isinstance(kid, _Element) and kid.tag == "div":
            found.extend(_terms_and_definitions(kid.kids))
        else:
            found.append(kid)
    return found


def _inside(item: _Element) -> list:  # type: ignore[type-arg]
    """An item's content without WeasyPrint's LI > LBody wrapping."""
    content: list = []  # type: ignore[type-arg]
    for kid in item.kids:
        if isinstance(kid, _Element) and kid.kind in ("/LBody", "/LI") and kid.key == item.key:
            content.extend(_inside(kid))
        else:
            content.append(kid)
    return content


def _pair_definitions(kids: list) -> list:  # type: ignore[type-arg]
    """dt, dd, dd, dt, dd... -> LI(Lbl(term), LBody(definitions)), one LI per term."""
    items: list = []  # type: ignore[type-arg]
    current: _Element | None = None
    stray: list = []  # type: ignore[type-arg]  # text between items (white space, separators)
    for kid in _terms_and_definitions(kids):
        if not isinstance(kid, _Element) or kid.tag not in ("dt", "dd"):
            if current is not None and current.kids:
                current.kids[-1].kids.append(kid)
            else:
                stray.append(kid)
            continue
        if kid.tag == "dt" or current is None:
            current = _Element("/LI", None, "li", kid.page, {})
            items.append(current)
        if kid.tag == "dt":
            current.kids.append(_Element("/Lbl", None, "dt", kid.page, {},
                                         [*stray, *_inside(kid)]))
            stray = []
            continue
        body = next((k for k in current.kids if isinstance(k, _Element)
                     and k.kind == "/LBody"), None)
        if body is None:
            body = _Element("/LBody", None, "dd", kid.page, {})
            current.kids.append(body)
        body.kids.extend([*stray, *_inside(kid)])
        stray = []
    return items


def _description(element: _Element) -> str:
    """What a link's /Contents says: its text, and the page number a contents entry shows."""
    title = " ".join(" ".join(element.texts).split())
    number = _LEADER.sub("", "".join(element.suffix))
    if number.isdigit():
        return f"{title}, page {number}" if title else f"page {number}"
    return title


def _join_link_annotations(element: _Element, pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """One annotation per line of a link (the title, leader and page number of a contents
    entry are one), each with the link's text as its /Contents. Returns those dropped."""
    dropped: set[tuple[int, int]] = set()
    if element.kind == "/Link":
        description = _description(element)
        kept: list = []  # type: ignore[type-arg]
        last: _Annotation | None = None
        for kid in element.kids:
            if isinstance(kid, _Annotation):
                if description:
                    kid.obj.Contents = String(description)
                if last is not None and _same_line(last, kid):
                    a, b = [float(x) for x in last.obj.Rect], [float(x) for x in kid.obj.Rect]
                    last.obj.Rect = Array([min(a[0], b[0]), min(a[1], b[1]),
                                           max(a[2], b[2]), max(a[3], b[3])])
                    dropped.add(kid.obj.objgen)
                    continue
                last = kid
            kept.append(kid)
        element.kids = kept
    for kid in element.kids:
        if isinstance(kid, _Element):
            dropped |= _join_link_annotations(kid, pdf)
    return dropped


def _same_line(a: _Annotation, b: _Annotation) -> bool:
    if a.page != b.page:
        return False
    if a.obj.get("/Dest") != b.obj.get("/Dest") or repr(a.obj.get("/A")) != repr(b.obj.get("/A")):
        return False
    low_a, high_a = sorted(float(y) for y in (a.obj.Rect[1], a.obj.Rect[3]))
    low_b, high_b = sorted(float(y) for y in (b.obj.Rect[1], b.obj.Rect[3]))
    overlap = min(high_a, high_b) - max(low_a, low_b)
    return overlap > 0.5 * min(high_a - low_a, high_b - low_b)


def _write(pdf: pikepdf.Pdf, old: pikepdf.Object, documents: list[_Element],
           dropped: set[tuple[int, int]]) -> None:
    """A new StructTreeRoot and ParentTree for the tree; the old objects are left unused."""
    page_objects = [page.obj for page in pdf.pages]
    held: dict[int, dict[int, pikepdf.Object]] = {}
    annotations: list[tuple[pikepdf.Object, pikepdf.Object]] = []
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    def first_page(element: _Element) -> int | None:
        for kid in element.kids:
            if isinstance(kid, tuple):
                return kid[0]
            if isinstance(kid, _Annotation):
                return kid.page
            found = first_page(kid)
            if found is not None:
                return found
        return element.page

    def make(element: _Element, parent: pikepdf.Object) -> pikepdf.Object:
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
            elif isinstance(kid, _Annotation):
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
        nums.extend([index, Array([mapping.get(m) for m in range(size)])])
        if "/Annots" in page:
            page.Annots = Array([a for a in page.Annots if a.objgen not in dropped])
    next_key = len(page_objects)
    for annotation, element in annotations:
        annotation.StructParent = next_key
        nums.extend([next_key, element])
        next_key += 1
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    root.ParentTreeNextKey = next_key
    for name in ("/RoleMap", "/ClassMap", "/Namespaces"):
        if name in old:
            root[name] = old[name]
    pdf.Root.StructTreeRoot = root


def _mark_pagination(pdf: pikepdf.Pdf, tagged: set[tuple[int, int]]) -> None:
    """Marked content no element of the tree held (WeasyPrint's page-margin boxes: running
    headers, footers and page numbers) becomes a /Pagination artifact: a /Header in the top
    half of the page, a /Footer in the bottom half.

    WeasyPrint draws with the y axis flipped (``1 0 0 -1 0 h cm``) and scaled, so a text
    matrix's y, times the scale of the current matrix, measures down from the top."""
    for index, page in enumerate(pdf.pages):
        if all((index, mcid) in tagged for mcid in _mcids(page)):
            continue
        operations = pikepdf.parse_content_stream(page)
        height = float(page.mediabox[3]) - float(page.mediabox[1])
        scale, flipped = 1.0, False
        saved: list[tuple[float, bool]] = []
        for number, (operands, operator) in enumerate(operations):
            name = str(operator)
            if name == "q":
                saved.append((scale, flipped))
            elif name == "Q" and saved:
                scale, flipped = saved.pop()
            elif name == "cm":
                flipped = flipped or float(operands[3]) < 0
                scale *= abs(float(operands[3]))
            elif name == "BDC" and isinstance(operands[1], Dictionary):
                mcid = operands[1].get("/MCID")
                if mcid is None or (index, int(mcid)) in tagged:
                    continue
                kind = Dictionary(Type=Name.Pagination)
                top = _text_y(operations, number)
                if top is not None and flipped and height:
                    kind.Subtype = Name.Header if top * scale < height / 2 else Name.Footer
                operations[number] = pikepdf.ContentStreamInstruction(
                    [Name.Artifact, kind], pikepdf.Operator("BDC"))
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(operations))


def _mcids(page: pikepdf.Page) -> list[int]:
    """The MCIDs a page's content uses, as its ParentTree entry lists them (by count)."""
    data = page.obj.Contents.read_bytes() if "/Contents" in page.obj else b""
    return [int(m) for m in re.findall(rb"/MCID\s+(\d+)", data)]


def _text_y(operations: list, start: int) -> float | None:  # type: ignore[type-arg]
    """The y of the first text matrix inside the marked content that begins at ``start``."""
    for operands, operator in operations[start + 1:]:
        name = str(operator)
        if name == "EMC":
            return None
        if name == "Tm":
            return float(operands[5])
    return None
