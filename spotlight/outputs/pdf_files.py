"""The PDFs a build made or kept: what a link to one says of it, and the previous build's
copy."""

from __future__ import annotations

import io
from pathlib import Path


def pdf_label(data: bytes) -> str:
    """What a link to this PDF says of it, as GOV.UK links a document: "PDF, 1.2 MB, 30 pages"
    (sizes in KB under one megabyte; 1 KB = 1,024 bytes)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        count = len(pdf.pages)
    size = len(data)
    shown = (f"{size / 1024 ** 2:.1f} MB" if size >= 1024 ** 2
             else f"{max(1, round(size / 1024))} KB")
    return f"PDF, {shown}, {count} page{'s' if count != 1 else ''}"


def read_previous(out: Path, path: str) -> bytes | None:
    """The PDF the previous build wrote at ``path`` in the output folder, if it is there."""
    try:
        return (out / path).read_bytes()
    except OSError:
        return None
