"""Marked content outside the structure tree made into Pagination artifacts."""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Dictionary, Name


def mark_pagination(pdf: pikepdf.Pdf, tagged: set[tuple[int, int]]) -> None:
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
        for number, instruction in enumerate(operations):
            # The operator alone: its operands are made into Python objects only where they
            # are read (most of a page is text and drawing, left as it is).
            name = str(instruction.operator)
            if name not in _READ:
                continue
            operands = instruction.operands
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


#: The operators ``mark_pagination`` reads.
_READ = frozenset({"q", "Q", "cm", "BDC"})


def _mcids(page: pikepdf.Page) -> list[int]:
    """The MCIDs a page's content uses, as its ParentTree entry lists them (by count)."""
    data = page.obj.Contents.read_bytes() if "/Contents" in page.obj else b""
    return [int(m) for m in re.findall(rb"/MCID\s+(\d+)", data)]


def _text_y(operations: list, start: int) -> float | None:  # type: ignore[type-arg]
    """The y of the first text matrix inside the marked content that begins at ``start``."""
    for instruction in operations[start + 1:]:
        name = str(instruction.operator)
        if name == "EMC":
            return None
        if name == "Tm":
            return float(instruction.operands[5])
    return None
