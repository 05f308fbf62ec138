"""A structural audit of a tagged PDF: the machine-checkable Matterhorn Protocol conditions
that apply to the PDFs spotlight makes, each reported as a count of failures.

veraPDF (the reference PDF/UA checker) needs Java and is not installable here, so this reads
the file with pikepdf and checks what a screen reader depends on:

- every piece of text or image is tagged content reachable from the tree, or an artifact
  (Matterhorn 01-005, 01-006);
- the ParentTree maps every marked-content item and annotation to the element that holds it
  (01-006, 28-011);
- headings are not nested in one another and skip no level (14-003);
- lists are L > LI > Lbl/LBody (16-001, 16-002);
- every link annotation is in the tree, no Link inside a Link, each annotation with a
  /Contents a reader can use (28-004, 28-011);
- no leader characters (runs of dots) in a link's text;
- every figure has alternative text (13-004);
- a table's header rows are in the tree once, not again on every page it runs over;
- every header cell a table cell names (its /Headers) is a TH in the tree, and every element
  /ID is in the IDTree, which names elements of the tree only (Matterhorn 15-003; PDF/UA-1
  7.5; ISO 32000-1 14.7.2);
- no object refers to one that is not there (``null``: an element the tidying dropped);
- fonts are embedded and map to Unicode (31-009, 31-027);
- pages with annotations set /Tabs /S (Matterhorn 28-002 in spirit; PDF/UA-1 7.18.3);
- no section, article, table or list is cut in two at a page break;
- read in the tree's order, the content never goes back to an earlier page.

``audit(path)`` returns an ``Audit``: the counts by condition, with the heading texts in
reading order and the text of every Link element for tests to compare with the HTML.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from .pdf_content import check_fonts, content_texts
from .pdf_pages import HEADINGS, kids, page_of, pages_in_reading_order, split_fragments
from .pdf_tables import check_headers, headers

REFERENCE = re.compile(rb"\b(\d+) \d+ R\b")  # an indirect reference, once unparsed
LEADER = re.compile(r"(\.\s*){4,}|…{2,}|(·\s*){3,}")  # a dotted leader, not an ellipsis


@dataclass
class Audit:
    """What ``audit`` found: a failure count per condition, and what the tests compare."""

    counts: Counter[str] = field(default_factory=Counter)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (H2, "text")
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, /Contents)
    elements: Counter[str] = field(default_factory=Counter)  # structure types, e.g. /Sect
    lists: list[int] = field(default_factory=list)  # how many items each list has
    paragraphs: list[str] = field(default_factory=list)  # each P's text, white space removed
    artifacts: Counter[str] = field(default_factory=Counter)  # "/Pagination /Header": count
    # Each TD: (its page index, its text, the text of each header cell its /Headers names).
    cells: list[tuple[int | None, str, tuple[str, ...]]] = field(default_factory=list)

    def failures(self) -> dict[str, int]:
        """The conditions that failed, with their counts."""
        return {name: count for name, count in self.counts.items() if count}


CONDITIONS = (
    "content neither tagged nor artifact",
    "tagged content outside the structure tree",
    "structure element /P not its parent",
    "ParentTree entry not the element holding the content",
    "annotation not in the structure tree",
    "heading nested in a heading",
    "heading level skipped",
    "list child not LI",
    "list item child not Lbl or LBody",
    "link nested in a link",
    "link without a meaningful /Contents",
    "leader characters in a link",
    "figure without /Alt",
    "table with more than one header group",
    "table cell /Headers naming no header cell in the tree",
    "element /ID missing from the IDTree",
    "IDTree entry naming no element of the tree",
    "reference to an object that is not there",
    "font not embedded",
    "font without ToUnicode",
    "page with annotations but no /Tabs /S",
    "section, article, table or list split at a page break",
    "content read before content of an earlier page",
)


def audit(path: Path) -> Audit:
    """Audit one PDF; see the module's docstring for what is checked."""
    result = Audit()
    counts = result.counts
    for name in CONDITIONS:
        counts[name] = 0
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        texts = content_texts(pdf, counts, result.artifacts)
        root = pdf.Root.StructTreeRoot
        held: dict[tuple[int, int], tuple[int, int]] = {}  # (page, mcid) -> element
        annotations_in_tree: dict[tuple[int, int], tuple[int, int]] = {}
        identified: dict[str, tuple[str, tuple[int, int], str]] = {}  # /ID -> kind, element, text
        cells: list[tuple[str, int | None, str, list[str]]] = []  # kind, page, text, /Headers

        def text_of(element: pikepdf.Object, page: int | None) -> str:
            found = []
            for kid in kids(element):
                if isinstance(kid, int):
                    found.append(texts.get((page, kid), "") if page is not None else "")
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    found.append(texts.get((pages.get(kid.Pg.objgen), int(kid.MCID)), ""))
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    found.append(text_of(kid, page_of(kid, pages, page)))
            return "".join(found)

        def walk(element: pikepdf.Object, parent: pikepdf.Object, page: int | None,
                 inside: frozenset[str]) -> None:
            kind = str(element.S)
            result.elements[kind] += 1
            page = page_of(element, pages, page)
            if element.get("/P") is None or element.P.objgen != parent.objgen:
                counts["structure element /P not its parent"] += 1
            if kind in HEADINGS:
                if inside & HEADINGS:
                    counts["heading nested in a heading"] += 1
                result.headings.append((kind, " ".join(text_of(element, page).split())))
            if kind == "/Link" and "/Link" in inside:
                counts["link nested in a link"] += 1
            if "/ID" in element:
                identified[str(element.ID)] = (kind, element.objgen,
                                               " ".join(text_of(element, page).split()))
            if kind in ("/TD", "/TH"):
                cells.append((kind, page, " ".join(text_of(element, page).split()),
                              [str(name) for name in headers(element)]))
            if kind == "/Figure" and not str(element.get("/Alt", "")).strip():
                counts["figure without /Alt"] += 1
            children = [k for k in kids(element)
                        if isinstance(k, pikepdf.Dictionary) and "/S" in k]
            if kind == "/P":
                result.paragraphs.append("".join(text_of(element, page).split()))
            if kind == "/L":
                result.lists.append(sum(str(c.S) == "/LI" for c in children))
                counts["list child not LI"] += sum(
                    str(c.S) not in ("/LI", "/Caption", "/L") for c in children)
            if kind == "/Table":
                counts["table with more than one header group"] += int(
                    sum(str(c.S) == "/THead" for c in children) > 1)
            if kind == "/LI":
                counts["list item child not Lbl or LBody"] += sum(
                    str(c.S) not in ("/Lbl", "/LBody") for c in children)
            for kid in kids(element):
                if isinstance(kid, int):
                    held[(page, kid)] = element.objgen
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    held[(pages[kid.Pg.objgen], int(kid.MCID))] = element.objgen
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    annotations_in_tree[kid.Obj.objgen] = element.objgen
            if kind == "/Link":
                text = " ".join(text_of(element, page).split())
                if LEADER.search(text):
                    counts["leader characters in a link"] += 1
                contents = [str(k.Obj.get("/Contents", "")) for k in kids(element)
                            if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
                result.links.extend((text, c) for c in contents)
            for child in children:
                walk(child, element, page, inside | {kind})
            split_fragments(children, pages, counts)

        for top in kids(root):
            walk(top, root, None, frozenset())
        split_fragments([k for k in kids(root) if isinstance(k, pikepdf.Dictionary)],
                         pages, counts)

        order = pages_in_reading_order(root, pages)
        counts["content read before content of an earlier page"] = sum(
            later < earlier for earlier, later in itertools.pairwise(order))
        counts["tagged content outside the structure tree"] = sum(
            1 for key in texts if key not in held)
        _check_parent_tree(pdf, root, held, annotations_in_tree, counts)
        check_headers(root, identified, cells, counts)
        result.cells = [(page, text, tuple(identified[name][2] for name in names
                                           if name in identified))
                        for kind, page, text, names in cells if kind == "/TD"]
        level = 0
        for kind, _ in result.headings:
            number = int(kind[2])
            if number > level + 1:
                counts["heading level skipped"] += 1
            level = number
        for page in pdf.pages:
            annots = page.obj.get("/Annots", [])
            if len(annots) and page.obj.get("/Tabs") != "/S":
                counts["page with annotations but no /Tabs /S"] += 1
            for annot in annots:
                if annot.get("/Subtype") in ("/Link", "/Widget"):
                    if annot.objgen not in annotations_in_tree:
                        counts["annotation not in the structure tree"] += 1
                    contents = str(annot.get("/Contents", ""))
                    if annot.get("/Subtype") == "/Link" and not _meaningful(contents, annot):
                        counts["link without a meaningful /Contents"] += 1
        check_fonts(pdf, counts)
        counts["reference to an object that is not there"] = _references_to_nothing(pdf)
    return result


def _meaningful(contents: str, annot: pikepdf.Object) -> bool:
    """A /Contents a reader can use: words, not an anchor's id or an empty string."""
    words = contents.strip()
    if not words:
        return False
    destination = annot.get("/Dest")
    if destination is None and "/A" in annot:
        destination = annot.A.get("/D")
    if destination is not None and words == str(destination):
        return False
    return not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", words) or " " in words


def _check_parent_tree(pdf: pikepdf.Pdf, root: pikepdf.Object,
                       held: dict[tuple[int, int], tuple[int, int]],
                       annotations: dict[tuple[int, int], tuple[int, int]],
                       counts: Counter[str]) -> None:
    tree = pikepdf.NumberTree(root.ParentTree)
    for index, page in enumerate(pdf.pages):
        if "/StructParents" not in page.obj:
            continue
        entry = tree.get(int(page.obj.StructParents))
        listed = list(entry) if entry is not None else []
        for (page_index, mcid), element in held.items():
            if page_index != index:
                continue
            if (mcid >= len(listed) or not isinstance(listed[mcid], pikepdf.Dictionary)
                    or listed[mcid].objgen != element):
                counts["ParentTree entry not the element holding the content"] += 1
        for annot in page.obj.get("/Annots", []):
            if annot.objgen in annotations:
                entry = tree.get(int(annot.get("/StructParent", -1)))
                if entry is None or entry.objgen != annotations[annot.objgen]:
                    counts["ParentTree entry not the element holding the content"] += 1


def _references_to_nothing(pdf: pikepdf.Pdf) -> int:
    """How many references, in all the file's objects, name an object that is ``null`` (as
    the tidying writes the elements it leaves out of the tree): a /K, /P, ParentTree or
    IDTree entry naming one would be a dangling link for a screen reader."""
    missing: set[int] = set()
    present: list[pikepdf.Object] = [pdf.trailer]
    for number in range(1, int(pdf.trailer.Size)):
        found = pdf.get_object(number, 0)
        if found is None:
            missing.add(number)
        else:
            present.append(found.stream_dict if isinstance(found, pikepdf.Stream) else found)
    return sum(int(number) in missing for found in present
               if isinstance(found, (pikepdf.Dictionary, pikepdf.Array))
               for number in REFERENCE.findall(found.unparse(resolved=True)))


def main(paths: list[str]) -> int:
    """Print each condition with its count for each PDF named; 1 if any count is not zero.

    ``python3 -m tests.pdf_structure build/reports/*.pdf``
    """
    failed = False
    for name in paths:
        result = audit(Path(name))
        print(name)
        for condition in CONDITIONS:
            print(f"  {result.counts[condition]:6d}  {condition}")
        failed = failed or bool(result.failures())
    return 1 if failed else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
