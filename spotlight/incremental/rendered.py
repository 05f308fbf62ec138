"""What the reuse decisions read of the render stage's output, as shapes (protocols).

site/render.py's ``Rendered`` and ``PdfDocument`` have these shapes; this package, below
site/, names the shapes rather than the classes, so that no import runs round a cycle, even
for type checking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from .records import PageRecord


class PdfSource(Protocol):
    """The HTML a PDF is made from: what decides whether the PDF is made again."""

    @property
    def path(self) -> str: ...

    @property
    def html(self) -> str: ...

    @property
    def fallbacks(self) -> tuple[str, ...]: ...

    @property
    def site_url(self) -> str: ...


Document = TypeVar("Document", bound=PdfSource, covariant=True)


class RenderedPages(Protocol[Document]):
    """The pages and PDF documents rendered, what each was made from, and what was kept."""

    @property
    def pdfs(self) -> Sequence[Document]: ...

    @property
    def records(self) -> Mapping[str, PageRecord]: ...

    @property
    def kept(self) -> tuple[str, ...]: ...

    @property
    def pdf_records(self) -> Mapping[str, PageRecord]: ...

    @property
    def pdf_kept(self) -> tuple[str, ...]: ...
