"""Tables of a web page or Word document -> one table block, written as a Markdown pipe table.

The HTML parser hands each piece of text it finds inside a ``<table>`` to a ``TableBuilder``
with the cell it is in. When the table ends, the builder gives back one ``Kind.TABLE`` block
(its first row is the header; a cell holding several paragraphs or a list is joined on one
line, as a pipe table needs), or, for a table a pipe table cannot hold (merged cells, a table
inside a table), the pieces as they were, in reading order, with a warning naming the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Block, Kind, Span

#: A piece of text found inside a table, and the element it was found in (for joining the
#: paragraphs of one list item as the parser does outside tables).
Piece = tuple[Block, int]

_ENDS_A_PART = ".!?:;,"


@dataclass
class TableBuilder:
    """Collects one table (with any table inside it) while the parser reads it."""

    where: str                    # where the table is: "main", "article", "chrome" or "body"
    rows: list[list[list[Piece]]] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)   # every piece, in reading order
    outside: list[Piece] = field(default_factory=list)  # a caption, text between cells
    merged: bool = False
    nested: bool = False

    def row(self) -> None:
        """A ``<tr>`` starts."""
        self.rows.append([])

    def cell(self, attrs: dict[str, str]) -> None:
        """A ``<td>`` or ``<th>`` starts; a cell spanning rows or columns is a merged cell."""
        if not self.rows:
            self.row()
        self.rows[-1].append([])
        self.merged = self.merged or any(_span(attrs.get(name, "")) > 1
                                         for name in ("colspan", "rowspan"))

    def add(self, block: Block, container: int, in_cell: bool) -> None:
        """A piece of text read inside the table."""
        self.pieces.append((block, container))
        if in_cell and self.rows and self.rows[-1]:
            self.rows[-1][-1].append((block, container))
        else:
            self.outside.append((block, container))

    def finish(self) -> tuple[list[Piece], list[tuple[int, str]]]:
        """The blocks the table gives (with their containers), and what to tell the user."""
        if not self.pieces:
            return [], []
        line = self.pieces[0][0].line
        rows = [row for row in self.rows if any(row)]
        width = max((len(row) for row in rows), default=0)
        if self.merged or self.nested:
            why = "merged cells" if self.merged else "a table inside it"
            return list(self.pieces), [(line, f"a table with {why} cannot be written as a "
                                              "Markdown table: its text is kept in order, one "
                                              "paragraph per cell; make the table again by hand "
                                              "if it is needed")]
        if len(rows) <= 1 and width <= 1:  # a box around some text, not a table
            return list(self.pieces), []
        cells = [[_joined(cell) for cell in row] + [()] * (width - len(row)) for row in rows]
        text: list[Span] = []
        for cell in (c for row in cells for c in row if c):
            text += [Span(" "), *cell] if text else list(cell)
        table = Block(Kind.TABLE, tuple(text), line,
                      rows=tuple(tuple(row) for row in cells))
        notes = []
        if any(len(cell) > 1 for row in rows for cell in row):
            notes.append((line, "a table cell holds more than one paragraph, or a list: in the "
                                "Markdown table its parts are joined on one line (a table cell "
                                "holds one line); check how it reads"))
        return [*self.outside, (table, -1)], notes


def _joined(pieces: list[Piece]) -> tuple[Span, ...]:
    """A cell's pieces on one line: the paragraphs of one list item joined by a space, other
    parts by a space after a sentence or a colon, else by a semicolon ("Housing; Police")."""
    out: list[Span] = []
    last = None
    for block, container in pieces:
        spans = list(block.spans)
        if block.kind == Kind.FIELD and block.term:
            spans.insert(0, Span(f"{block.term}: "))
        if out:
            ends = "".join(s.text for s in out).rstrip()[-1:]
            out.append(Span(" " if container == last or ends in _ENDS_A_PART else "; "))
        out += spans
        last = container
    return tuple(out)


def _span(value: str) -> int:
    """The number in a ``colspan`` or ``rowspan`` attribute (1 when it is not a number)."""
    value = value.strip()
    return int(value) if value.isdigit() and len(value) < 6 else 1
