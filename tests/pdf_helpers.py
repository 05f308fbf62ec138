"""Reading built PDFs back the way a reader's PDF viewer sees them: outline, text, links."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


@dataclass(frozen=True)
class Link:
    """An internal link: the page it is on, the anchor it names and the page it lands on."""

    page: int
    name: str
    target: int


class Pdf:
    """A built PDF, read back with pypdf. Page numbers are 1-based, as a reader counts them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reader = PdfReader(path)
        self.root = self.reader.trailer["/Root"]
        self.texts = [" ".join(p.extract_text().split()) for p in self.reader.pages]

    @property
    def pages(self) -> int:
        """How many pages the PDF has."""
        return len(self.reader.pages)

    def outline(self) -> list[tuple[int, str, int]]:
        """(depth, title, page) of every bookmark, in order."""
        found: list[tuple[int, str, int]] = []

        def walk(items, depth):  # type: ignore[no-untyped-def]
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    page = self.reader.get_destination_page_number(item) + 1
                    found.append((depth, " ".join(item.title.split()), page))

        walk(self.reader.outline, 0)
        return found

    def starts(self, depth: int = 0) -> dict[str, int]:
        """The page each bookmark of one depth points to, by title."""
        return {title: page for d, title, page in self.outline() if d == depth}

    def text(self) -> str:
        """All the text, pages joined, white space collapsed."""
        return " ".join(self.texts)

    def page_of(self, words: str, start: int = 1) -> int | None:
        """The first page (from ``start``) whose text holds ``words``."""
        wanted = " ".join(words.split())
        for number in range(start, self.pages + 1):
            if wanted in self.texts[number - 1]:
                return number
        return None

    def links(self) -> list[Link]:
        """Every link to a place inside the document, in page order."""
        names = self.reader.named_destinations
        found = []
        for number, page in enumerate(self.reader.pages, start=1):
            for annotation in page.get("/Annots", []):
                annotation = annotation.get_object()
                if annotation.get("/Subtype") != "/Link":
                    continue
                destination = annotation.get("/Dest")
                if destination is None and "/A" in annotation:
                    destination = annotation["/A"].get("/D")
                if isinstance(destination, str):
                    target = self.reader.get_destination_page_number(names[destination]) + 1
                    found.append(Link(number, str(destination), target))
        return found

    def uri_links(self) -> list[str]:
        """Every link to an address outside the document."""
        return [str(a.get_object()["/A"]["/URI"]) for page in self.reader.pages
                for a in page.get("/Annots", [])
                if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]]

    def font_sizes(self, page: int) -> Counter[float]:
        """How many characters of each font size (in points) a page has."""
        sizes: Counter[float] = Counter()

        def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            sizes[round(size * scale, 1)] += len(text.strip())

        self.reader.pages[page - 1].extract_text(visitor_text=visit)
        return sizes

    def font_names(self) -> set[str]:
        """The base names of every font the pages use, without subset prefixes."""
        names = set()
        for page in self.reader.pages:
            fonts = page.get("/Resources", {}).get("/Font", {})
            for font in fonts.values():
                name = str(font.get_object()["/BaseFont"])
                names.add(re.sub(r"^/([A-Z]{6}\+)?", "", name))
        return names

    def misdrawn(self) -> list[tuple[str, str, str]]:
        """(font, character, glyph drawn) for each character a font draws with a glyph other
        than the one its own character map gives it: what a reader sees differs from the text
        (ŵ printed as ';'). Read from each embedded font program and its ToUnicode map."""
        from io import BytesIO

        from fontTools.ttLib import TTFont

        found: set[tuple[str, str, str]] = set()
        for page in self.reader.pages:
            for font in page.get("/Resources", {}).get("/Font", {}).values():
                font = font.get_object()
                if "/DescendantFonts" not in font or "/ToUnicode" not in font:
                    continue
                described = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/FontFile2" not in described:
                    continue
                program = TTFont(BytesIO(described["/FontFile2"].get_data()))
                order, cmap = program.getGlyphOrder(), program.getBestCmap() or {}
                pairs = re.findall(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>",
                                   font["/ToUnicode"].get_data().decode("latin-1"))
                for glyph, code in pairs:
                    gid, char = int(glyph, 16), chr(int(code, 16))
                    if gid == 0 or char == "\uffff":
                        continue  # .notdef: said by the build as a missing character
                    drawn = order[gid] if gid < len(order) else "?"
                    if cmap.get(ord(char)) != drawn:
                        found.add((str(font["/BaseFont"]), char, drawn))
        return sorted(found)

    def structure(self) -> list[DictionaryObject]:
        """Every element of the tagged structure tree, depth first."""
        found: list[DictionaryObject] = []

        def walk(node):  # type: ignore[no-untyped-def]
            node = node.get_object()
            if isinstance(node, list):
                for child in node:
                    walk(child)
            elif isinstance(node, DictionaryObject) and "/S" in node:
                found.append(node)
                if "/K" in node:
                    walk(node["/K"])

        walk(self.root["/StructTreeRoot"]["/K"])
        return found

    def lines(self, page: int) -> list[str]:
        """A page's lines of text as printed, top to bottom, each read left to right (text
        drawn out of order, such as a number floated to the right, is put back in place)."""
        pieces: dict[float, list[tuple[float, str]]] = {}

        def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
            if text.strip():
                y = round(tm[5] * cm[3] + cm[5], 0)  # in PDF space: the top is the highest
                x = tm[4] * cm[0] + cm[4]
                pieces.setdefault(y, []).append((x, text))

        self.reader.pages[page - 1].extract_text(visitor_text=visit)
        return [" ".join(" ".join(t for _, t in sorted(pieces[y])).split())
                for y in sorted(pieces, reverse=True)]

    def contents_entries(self, page: int) -> list[tuple[str, int]]:
        """The (title, printed page number) entries of a contents page: its lines after the
        "Contents" heading that end in a number (a title over two lines joined), without the
        running footer."""
        lines = self.lines(page)
        entries, pending = [], ""
        for line in lines[lines.index("Contents") + 1:]:
            if line.startswith("HM Inspectorate") or re.fullmatch(r"Page \d+ of \d+", line):
                continue
            match = re.match(r"^(.*?)[\s.…]*?(\d+)$", line)
            if match and match.group(1).strip():
                entries.append((f"{pending} {match.group(1)}".strip(" ."), int(match.group(2))))
                pending = ""
            else:
                pending = f"{pending} {line}".strip()
        return entries
