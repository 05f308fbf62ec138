"""The structure tree of a PDF, made into one a screen reader can use.

WeasyPrint 70 tags the PDF page by page, one structure element per box, and this leaves what
its upstream issues (2902, 2903, 1836, 2482) describe: an element cut by a page break is two
elements; a link with a pseudo-element is a Link inside a Link; an anonymous box is an element
of the same type inside its own element (an H3 inside an H3); a definition list is
L > Div > LI with term and definition as separate items; running headers and page numbers
are tagged content outside the tree. Nothing in the markup or CSS can change that, so this
module rewrites the tree before WeasyPrint writes the file: ``tidy`` is the ``finisher``
WeasyPrint's ``write_pdf`` calls with its PDF objects, and uses what
``pdf_identity.record_box_identity`` records on each element (which HTML element it came from):

- fragments of one HTML element that follow each other are merged into one element, with
  marked-content references (/MCR) where its content is on another page than its /Pg;
- an element of the same HTML element and type inside itself is dissolved into its parent;
- a definition list becomes L > LI > Lbl (the term) + LBody (the definition);
- a table's header rows, repeated on each page it runs over, are in the tree once (the
  repeats become artifacts), and every cell names its header cells in the tree (with an
  IDTree of them);
- a link's annotations on one line become one annotation, whose /Contents is the link's
  text ("Introduction, page 3" for a contents entry, not an anchor's id);
- content outside the tree (running headers, footers, "Page X of Y") becomes a /Pagination
  artifact in the page's content stream;
- the ParentTree is rebuilt from the new tree, so the two always agree.

pdf_tree.py reads the tree into Python objects and writes it back; pdf_artifacts.py makes the
artifacts; pdf_headers.py links the table cells to their header cells. Elements the rewriting
leaves as they were keep WeasyPrint's objects; the output is as deterministic as
WeasyPrint's: the same input gives the same bytes.
"""

from __future__ import annotations

import re
from typing import Any

import pydyf

from .. import i18n
from .pdf_artifacts import mark_pagination
from .pdf_headers import link_headers
from .pdf_tree import Annotation, Element, Tree, content, write

_LEADER = re.compile(r"[.\u2026\u00b7\s]+")


class TidyError(Exception):
    """The tree could not be rewritten (the PDF is then written as WeasyPrint made it)."""


def tidy(document: object, pdf: pydyf.PDF) -> None:
    """Rewrite the structure tree of WeasyPrint's ``pdf`` as the module describes: a
    ``finisher`` for ``write_pdf`` (``document`` is WeasyPrint's, unused). Any failure is
    raised as a ``TidyError``, after which ``pdf`` must not be written."""
    try:
        if "StructTreeRoot" not in pdf.catalog:
            return
        tree = Tree(pdf)
        documents = tree.documents()
        tagged = {mcid for document in documents for mcid in content(document)}
        repeated: set[tuple[int, int]] = set()
        for element in documents:
            _normalise(element, repeated)
        tagged -= repeated
        dropped: set[int] = set()
        language = pdf.catalog.get("Lang")
        language = str(getattr(language, "string", "") or "en")
        for element in documents:
            dropped |= _join_link_annotations(element, language)
        link_headers(tree, write(tree, documents, dropped))
        mark_pagination(tree, tagged)
    except Exception as error:
        raise TidyError(str(error) or type(error).__name__) from error


def _same(a: object, b: object) -> bool:
    """Two fragments of one HTML element's box, of one structure type."""
    return (isinstance(a, Element) and isinstance(b, Element) and a.key is not None
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


def _dissolve(parent: Element, kids: list) -> tuple[list, bool]:  # type: ignore[type-arg]
    """Children that are the parent's own element again (an anonymous box, a link's
    pseudo-element) give their content to the parent."""
    out: list = []  # type: ignore[type-arg]
    changed = False
    for kid in kids:
        if (isinstance(kid, Element) and kid.key is not None and kid.key == parent.key
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


def _normalise(element: Element, repeated: set[tuple[int, int]]) -> None:
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
        if isinstance(kid, Element):
            _normalise(kid, repeated)
    if element.kind == "/L" and element.tag == "dl":
        element.kids = _pair_definitions(element.kids)
    element.kids = [k for k in element.kids
                    if not isinstance(k, Element) or k.kids or k.kind == "/Figure"]


def _without_repeated_rows(kids: list, repeated: set[tuple[int, int]]) -> list:  # type: ignore[type-arg]
    """A table's header (and footer) group once: WeasyPrint repeats it on every page the table
    runs over, which a reader would otherwise hear again at each page break."""
    seen: set[int] = set()
    out: list = []  # type: ignore[type-arg]
    for kid in kids:
        if isinstance(kid, Element) and kid.kind in ("/THead", "/TFoot") and kid.key is not None:
            if kid.key in seen:
                repeated.update(content(kid))
                continue
            seen.add(kid.key)
        out.append(kid)
    return out


def _terms_and_definitions(kids: list) -> list:  # type: ignore[type-arg]
    """A definition list's dt and dd items, out of the div elements that group them."""
    found: list = []  # type: ignore[type-arg]
    for kid in kids:
        if isinstance(kid, Element) and kid.tag == "div":
            found.extend(_terms_and_definitions(kid.kids))
        else:
            found.append(kid)
    return found


def _inside(item: Element) -> list:  # type: ignore[type-arg]
    """An item's content without WeasyPrint's LI > LBody wrapping."""
    content: list = []  # type: ignore[type-arg]
    for kid in item.kids:
        if isinstance(kid, Element) and kid.kind in ("/LBody", "/LI") and kid.key == item.key:
            content.extend(_inside(kid))
        else:
            content.append(kid)
    return content


def _pair_definitions(kids: list) -> list:  # type: ignore[type-arg]
    """dt, dd, dd, dt, dd... -> LI(Lbl(term), LBody(definitions)), one LI per term."""
    items: list = []  # type: ignore[type-arg]
    current: Element | None = None
    stray: list = []  # type: ignore[type-arg]  # text between items (white space, separators)
    for kid in _terms_and_definitions(kids):
        if not isinstance(kid, Element) or kid.tag not in ("dt", "dd"):
            if current is not None and current.kids:
                current.kids[-1].kids.append(kid)  # type: ignore[union-attr]
            else:
                stray.append(kid)
            continue
        if kid.tag == "dt" or current is None:
            current = Element("/LI", None, "li", kid.page)
            items.append(current)
        if kid.tag == "dt":
            current.kids.append(Element("/Lbl", None, "dt", kid.page, None,
                                         [*stray, *_inside(kid)]))
            stray = []
            continue
        body = next((k for k in current.kids if isinstance(k, Element)
                     and k.kind == "/LBody"), None)
        if body is None:
            body = Element("/LBody", None, "dd", kid.page)
            current.kids.append(body)
        body.kids.extend([*stray, *_inside(kid)])
        stray = []
    return items


def _description(element: Element, language: str = "en") -> str:
    """What a link's /Contents says, in the document's ``language``: its text, and the page
    number a contents entry shows."""
    title = " ".join(" ".join(element.texts).split())
    number = _LEADER.sub("", "".join(element.suffix))
    if number.isdigit():
        page = i18n.gettext(language, "page %(number)s") % {"number": number}
        return f"{title}, {page}" if title else page
    return title


def _join_link_annotations(element: Element, language: str = "en") -> set[int]:
    """One annotation per line of a link (the title, leader and page number of a contents
    entry are one), each with the link's text as its /Contents. Returns the object numbers
    of those dropped."""
    dropped: set[int] = set()
    if element.kind == "/Link":
        description = _description(element, language)
        kept: list = []  # type: ignore[type-arg]
        last: Annotation | None = None
        for kid in element.kids:
            if isinstance(kid, Annotation):
                if description:
                    kid.obj["Contents"] = pydyf.String(description)
                if last is not None and _same_line(last, kid):
                    a = [float(x) for x in last.obj["Rect"]]
                    b = [float(x) for x in kid.obj["Rect"]]
                    last.obj["Rect"] = pydyf.Array([min(a[0], b[0]), min(a[1], b[1]),
                                                    max(a[2], b[2]), max(a[3], b[3])])
                    dropped.add(kid.obj.number)
                    continue
                last = kid
            kept.append(kid)
        element.kids = kept
    for kid in element.kids:
        if isinstance(kid, Element):
            dropped |= _join_link_annotations(kid, language)
    return dropped


def _plain(value: Any) -> Any:
    """A PDF value as plain Python values, to compare two."""
    if isinstance(value, pydyf.String):
        return ("string", str(value.string))
    if isinstance(value, dict):
        return tuple(sorted((str(k), _plain(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    return value


def _same_line(a: Annotation, b: Annotation) -> bool:
    if a.page != b.page:
        return False
    if (_plain(a.obj.get("Dest")) != _plain(b.obj.get("Dest"))
            or _plain(a.obj.get("A")) != _plain(b.obj.get("A"))):
        return False
    low_a, high_a = sorted(float(y) for y in (a.obj["Rect"][1], a.obj["Rect"][3]))
    low_b, high_b = sorted(float(y) for y in (b.obj["Rect"][1], b.obj["Rect"][3]))
    overlap = min(high_a, high_b) - max(low_a, low_b)
    return overlap > 0.5 * min(high_a - low_a, high_b - low_b)
