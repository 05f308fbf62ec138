"""Each structure element WeasyPrint makes, marked with the HTML element it comes from, so
that pdf_tags.py can tidy the structure tree (see ``record_box_identity``)."""

from __future__ import annotations

import pydyf

from .pdf_objects import PageReferencesOnce
from .pdf_tree import IDENTITY


def record_box_identity(weasyprint) -> None:  # type: ignore[no-untyped-def]
    """Mark each structure element WeasyPrint makes with the HTML element it comes from.

    WeasyPrint 70 builds the structure tree page by page, one element per box: an element cut
    by a page break becomes two, and nothing in the PDF says they were one (its issues 2902,
    1836, 2482). This wraps its box-tree walker (a private function of the pinned major
    version) to record on each element, as a Python attribute that is never written to the
    file (``pdf_tree.IDENTITY``), the HTML element's number (the same for every box of one
    element), its tag (``a::after`` for a pseudo-element) and, on links, the text the link
    shows; ``pdf_tags.tidy`` reads them to merge the fragments and to pair definition lists.
    An element with a ``lang`` of its own (the licence, an English title in a Welsh report)
    gets the standard ``/Lang``. The PDF it builds in becomes a ``PageReferencesOnce``.
    """
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.absolute import AbsolutePlaceholder
    from weasyprint.pdf import tags

    if not hasattr(tags, "_build_box_tree"):  # another WeasyPrint: tidy() merges nothing
        return
    original = getattr(tags._build_box_tree, "__wrapped__", tags._build_box_tree)

    def build(box, parent, pdf, *rest):  # type: ignore[no-untyped-def]
        if pdf.__class__ is pydyf.PDF:  # its page references formatted once, not per element
            pdf.__class__ = PageReferencesOnce
        source = box._box if isinstance(box, AbsolutePlaceholder) else box
        keys = pdf.__dict__.setdefault("spotlight_keys", {})
        for element in original(box, parent, pdf, *rest):
            if source.element is not None and not hasattr(element, IDENTITY):
                text = None
                if source.link_annotation and isinstance(source, boxes.ParentBox):
                    pseudo = "::" in source.element_tag  # else its pseudo-elements' text apart
                    text = "".join(b.text for b in source.descendants()
                                   if isinstance(b, boxes.TextBox)
                                   and (pseudo or "::" not in b.element_tag))
                setattr(element, IDENTITY, (keys.setdefault(source.element, len(keys) + 1),
                                            source.element_tag, text))
                if lang := source.element.get("lang"):  # English inside a Welsh PDF
                    element["Lang"] = pydyf.String(lang)
            yield element

    build.__wrapped__ = original  # type: ignore[attr-defined]
    tags._build_box_tree = build
