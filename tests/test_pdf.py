"""The PDF report, read back: bookmarks, metadata, language, text and internal links."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import run
from .html_helpers import Page


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items, depth):  # type: ignore[no-untyped-def]
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


@pytest.fixture(scope="module")
def northshire(sample_build: Path) -> tuple[PdfReader, Page]:
    reader = PdfReader(sample_build / "reports" / "northshire-2025.pdf")
    page = Page((sample_build / "reports" / "northshire-2025.html").read_text())
    return reader, page


def test_bookmarks_are_the_sections_with_their_examples(northshire) -> None:  # type: ignore[no-untyped-def]
    reader, page = northshire
    outline = _outline(reader)
    sections = [t for d, t, _ in outline if d == 0]
    assert sections == ["Contents", *page.text_of("h2")[1:]]
    examples = [t for d, t, _ in outline if d == 1]
    assert examples == page.text_of("h3", class_="example__title")
    pages = [p for _, _, p in outline]
    assert pages == sorted(pages), "bookmarks point to pages in reading order"


def test_metadata_language_and_tagging(northshire) -> None:  # type: ignore[no-untyped-def]
    reader, page = northshire
    assert reader.metadata.title == page.text_of("h1")[0]
    assert reader.metadata.author == "HM Inspectorate of Probation"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4


def test_every_example_title_is_in_the_text(northshire) -> None:  # type: ignore[no-untyped-def]
    reader, page = northshire
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    text = text.replace("- ", "-")
    titles = [t.removeprefix("Example of effectiveness: ")
              for t in page.text_of("h3", class_="example__title")]
    missing = [t for t in titles if " ".join(t.split()) not in text]
    assert not missing
    assert "Page 2 of" in text


def test_contents_entries_are_links_to_the_right_pages(northshire) -> None:  # type: ignore[no-untyped-def]
    reader, _ = northshire
    starts = {t: p for d, t, p in _outline(reader) if d == 0}
    contents = reader.pages[starts["Contents"]]
    targets = []
    for annotation in contents.get("/Annots", []):
        annotation = annotation.get_object()
        if annotation.get("/Subtype") != "/Link":
            continue
        destination = annotation["/Dest"] if "/Dest" in annotation else annotation["/A"]["/D"]
        if isinstance(destination, str):
            destination = reader.named_destinations[destination]
            targets.append(reader.get_destination_page_number(destination))
        else:
            targets.append(reader.get_page_number(destination[0].get_object()))
    # One entry may be split into several link areas (title, leader, page number).
    distinct = [t for i, t in enumerate(targets) if i == 0 or targets[i - 1] != t]
    expected = [p for d, t, p in _outline(reader) if d == 0 and t != "Contents"]
    assert distinct == expected


def test_two_builds_give_identical_bytes(tmp_path: Path) -> None:
    digests = []
    for name in ("one", "two"):
        out = tmp_path / name
        # Without search: Pagefind's index is not byte-reproducible (see test_site_options).
        result = run("build", "--content", str(Path(__file__).parent / "sites" /
                                                   "reference-elements"), "--out", str(out),
                     "--no-search")
        assert result.exit_code == 0, result.output
        digests.append({p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                        for p in sorted(out.rglob("*")) if p.is_file()})
    assert digests[0] == digests[1]
    assert "reports/elements-2025.pdf" in digests[0]
