"""What a tagged PDF's pages draw, read from their content streams for the audit in
pdf_structure.py: the text of each marked-content item, content neither tagged nor an
artifact, the artifacts, and the fonts."""

from __future__ import annotations

import re
from collections import Counter

import pikepdf

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
PAINTING = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh"}


class _Fonts:
    """Decodes shown strings to Unicode through each font's ToUnicode map."""

    def __init__(self) -> None:
        self._maps: dict[tuple[int, int], tuple[int, dict[int, str]]] = {}

    def decode(self, font: pikepdf.Object, data: bytes) -> str:
        width, mapping = self._map(font)
        codes = [int.from_bytes(data[i:i + width], "big") for i in range(0, len(data), width)]
        return "".join(mapping.get(code, "") for code in codes)

    def _map(self, font: pikepdf.Object) -> tuple[int, dict[int, str]]:
        key = font.objgen
        if key not in self._maps:
            width = 2 if font.get("/Subtype") == "/Type0" else 1
            mapping: dict[int, str] = {}
            if "/ToUnicode" in font:
                text = font.ToUnicode.read_bytes().decode("latin-1")
                for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
                    for src, dst in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
                        mapping[int(src, 16)] = _utf16(dst)
                for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
                    for lo, hi, dst in re.findall(
                            r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                        start = int(dst, 16)
                        for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                            mapping[code] = chr(start + offset)
            self._maps[key] = (width, mapping)
        return self._maps[key]


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", "replace") if hex_text else ""


def content_texts(pdf: pikepdf.Pdf, counts: Counter[str],
                  artifacts: Counter[str]) -> dict[tuple[int, int], str]:
    """The text of each marked-content item, by (page index, MCID); counts untagged content
    in ``counts`` and artifacts by type in ``artifacts``."""
    fonts = _Fonts()
    texts: dict[tuple[int, int], str] = {}

    def scan(stream: pikepdf.Object, resources: pikepdf.Object, page: int,
             stack: list[int | str | None]) -> None:
        font = None
        for operands, operator in pikepdf.parse_content_stream(stream):
            op = str(operator)
            if op == "BDC":
                props = operands[1]
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                if str(operands[0]) == "/Artifact":
                    stack.append("artifact")
                    if isinstance(props, pikepdf.Dictionary):
                        artifacts[f"{props.get('/Type', '')} {props.get('/Subtype', '')}"] += 1
                else:
                    stack.append(int(mcid) if mcid is not None else None)
            elif op == "BMC":
                stack.append("artifact" if str(operands[0]) == "/Artifact" else None)
            elif op == "EMC":
                stack.pop()
            elif op == "Tf":
                font = resources.Font[operands[0]]
            elif op in TEXT_SHOWING or op in PAINTING or op == "Do":
                inside = next((m for m in reversed(stack) if m is not None), None)
                if op == "Do":
                    xobject = resources.XObject[operands[0]]
                    if xobject.Subtype == "/Form":
                        scan(xobject, xobject.get("/Resources", resources), page, stack)
                        continue
                if inside is None:
                    counts["content neither tagged nor artifact"] += 1
                elif isinstance(inside, int) and op in TEXT_SHOWING and font is not None:
                    shown = operands[-1]
                    parts = shown if isinstance(shown, pikepdf.Array) else [shown]
                    text = "".join(fonts.decode(font, bytes(p)) for p in parts
                                   if isinstance(p, pikepdf.String))
                    texts[(page, inside)] = texts.get((page, inside), "") + text

    for index, page in enumerate(pdf.pages):
        scan(page.obj, page.Resources, index, [])
    return texts


def check_fonts(pdf: pikepdf.Pdf, counts: Counter[str]) -> None:
    """Counts the fonts the pages use that are not embedded or have no ToUnicode map."""
    seen = set()
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            descriptor = (font.DescendantFonts[0] if font.get("/Subtype") == "/Type0"
                          else font).get("/FontDescriptor")
            if descriptor is None or not any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                counts["font not embedded"] += 1
            if "/ToUnicode" not in font:
                counts["font without ToUnicode"] += 1
