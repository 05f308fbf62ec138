"""WeasyPrint's PDF objects (pydyf) just before they are written: objects emptied, and
objects serialised once.

pydyf writes a file with an identifier (spotlight always gives one, for reproducible files)
by serialising every object twice: once to write it, once more to hash all of them for the
second half of /ID, compressing every stream again. ``encode_once`` serialises each object
beforehand and puts in its place one that hands out those bytes, so that both passes read
the same bytes and nothing is compressed twice but pydyf's own object stream.
"""

from __future__ import annotations

import pydyf


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


def encode_once(pdf: pydyf.PDF) -> None:
    """Serialise each of ``pdf``'s objects now, for pydyf's two passes over them (see the
    module's docstring); call it last, when no object will change."""
    objects = pdf.objects
    for number, obj in enumerate(objects):
        if obj.free != "f" and not isinstance(obj, (Encoded, Freed)):
            objects[number] = Encoded(obj)
