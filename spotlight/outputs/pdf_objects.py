"""WeasyPrint's PDF objects (pydyf) while it tags them and just before they are written:
page references listed once, objects emptied, and objects serialised once.

WeasyPrint 70 asks pydyf for the list of page references for every structure element it
makes, and pydyf formats that list anew each time: 14,000 times 113 references for a
hundred-example report, most of WeasyPrint's tagging time. ``PageReferencesOnce`` keeps the
list while the pages stay the same.

pydyf writes a file with an identifier (spotlight always gives one, for reproducible files)
by serialising every object twice: once to write it, once more to hash all of them for the
second half of /ID, compressing every stream again. ``encode_once`` serialises each object
beforehand and puts in its place one that hands out those bytes, so that both passes read
the same bytes; the streams pydyf itself adds while writing (its object stream, about 1 MB
for a hundred-example report, and its cross-reference stream) keep the bytes they are first
serialised to, as they do not change once added.
"""

from __future__ import annotations

import pydyf


class PageReferencesOnce(pydyf.PDF):
    """A ``pydyf.PDF`` whose ``page_references`` are formatted once for its pages (a PDF
    that WeasyPrint made is given this class when it starts tagging, see pdf_identity.py)."""

    @property
    def page_references(self) -> tuple[bytes, ...]:
        kept = self.__dict__.get("_spotlight_page_references")
        if kept is None or 3 * len(kept) != len(self.pages["Kids"]):
            kept = self.__dict__["_spotlight_page_references"] = super().page_references
        return kept  # type: ignore[no-any-return]


class Freed(pydyf.Object):
    """An object nothing refers to any more, written as ``null`` (as if it were absent)."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    @property
    def data(self) -> bytes:
        return b"null"


class Encoded(pydyf.Object):
    """An object already serialised: the bytes ``obj.data`` gave, once."""

    def __init__(self, obj: pydyf.Object) -> None:
        super().__init__()
        self.number, self.generation, self.free = obj.number, obj.generation, obj.free
        self._data: bytes = obj.data
        self._stream = isinstance(obj, pydyf.Stream)  # a stream is never in an object stream

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def compressible(self) -> bool:
        return not self.generation and not self._stream


class _StreamOnce(pydyf.Stream):
    """A stream pydyf adds while writing, which keeps the bytes it is first serialised to."""

    @property
    def data(self) -> bytes:
        kept = self.__dict__.get("_spotlight_data")
        if kept is None:
            kept = self.__dict__["_spotlight_data"] = super().data
        return kept  # type: ignore[no-any-return]


class _Objects(list):  # type: ignore[type-arg]
    """``pdf.objects``, where a stream pydyf adds while writing becomes a ``_StreamOnce``."""

    def append(self, obj: pydyf.Object) -> None:
        if type(obj) is pydyf.Stream:
            obj.__class__ = _StreamOnce
        super().append(obj)


def encode_once(pdf: pydyf.PDF) -> None:
    """Serialise each of ``pdf``'s objects now, for pydyf's two passes over them (see the
    module's docstring); call it last, when no object will change."""
    objects = _Objects(pdf.objects)
    for number, obj in enumerate(objects):
        if obj.free != "f" and not isinstance(obj, (Encoded, Freed)):
            objects[number] = Encoded(obj)
    pdf.objects = objects
