"""Importing a saved web page and a Word draft built by the tests, then building them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run
from .html_helpers import Element, Page
from .import_fixtures import EXAMPLES, SECTIONS, expected_texts, write_docx, write_html
from .import_helpers import normalise, page_text, set_dates

WRITERS = {"page.html": write_html, "draft.docx": write_docx}


@pytest.fixture(scope="module", params=sorted(WRITERS))
def imported(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> tuple[Page, str, Path]:
    """The fixture written in one format, imported into a new content folder and built."""
    root = tmp_path_factory.mktemp(request.param.replace(".", "-"))
    source = WRITERS[request.param](root / request.param)
    result = run("import", str(source), "--out", str(root / "content"))
    assert result.exit_code == 0, result.output
    set_dates(root / "content")
    built = run("build", "--content", str(root / "content"), "--out", str(root / "build"),
                "--no-pdf")
    assert built.exit_code == 0, built.output
    return Page((root / "build" / "reports" / "westshire-2025.html").read_text()), \
        result.output, root


def _sections(page: Page) -> list[Element]:
    return page.find_all("section", class_="report-section")


def _descendants(element: Element, tag: str) -> list[Element]:
    found = []
    for child in element.children:
        found += ([child] if child.tag == tag else []) + _descendants(child, tag)
    return found


def _text(element: Element) -> str:
    return " ".join(element.text.split())


def test_every_text_of_the_source_is_on_the_page(imported) -> None:  # type: ignore[no-untyped-def]
    page, _, _ = imported
    text = page_text(page.html)
    assert [t for t in expected_texts() if normalise(t) not in text] == []


def test_page_chrome_is_left_out_and_said_so(imported) -> None:  # type: ignore[no-untyped-def]
    page, output, root = imported
    text = page_text(page.html)
    for chrome in ("Inspectorate home", "Site footer text", "console.log", "Back to top (",):
        assert chrome not in text
    if (root / "page.html").exists():
        assert "outside the main content left out" in output


def test_sections_in_order_with_their_examples(imported) -> None:  # type: ignore[no-untyped-def]
    page, _, _ = imported
    sections = _sections(page)
    headings = [_text(next(c for c in s.children if c.tag == "h2")) for s in sections]
    assert headings == ["Introduction", *SECTIONS]
    for section, heading in zip(sections, headings, strict=True):
        titles = [_text(a.children[0]).removeprefix("Example of effectiveness: ")
                  for a in section.children if a.tag == "article"]
        assert titles == EXAMPLES.get(heading, [])


def test_subheadings_bullets_and_outcomes(imported) -> None:  # type: ignore[no-untyped-def]
    page, _, root = imported
    first, second, third = page.find_all("article", class_="example")
    body = next(c for c in first.children if "example__body" in c.attrs.get("class", ""))
    assert [_text(h) for h in body.children if h.tag == "h4"] == ["Thorough checks"]
    bullets = ["The author spoke to the police and to children’s services.",
               "Both checks were recorded on the same day.", "Previous reports were read in full."]
    items = _descendants(first, "li")
    if (root / "page.html").exists():  # the second bullet is nested in the first
        assert [_text(li) for li in _descendants(items[0], "li")] == [bullets[1]]
        assert [_text(li) for li in items] == [f"{bullets[0]} {bullets[1]}", *bullets[1:]]
    else:  # python-docx's template has no multi-level list: "List Bullet 2" is a list of its own
        assert [_text(li) for li in items] == bullets
    body = next(c for c in second.children if "example__body" in c.attrs.get("class", ""))
    assert any(e.tag == "ol" for e in body.children)
    assert [_text(h) for h in body.children if h.tag == "h4"] == ["Handover"]
    outcomes = [_text(d) for d in page.find_all("div", class_="outcome")]
    assert outcomes == ["Outcome The court followed the proposal for a community order.",
                        "Outcome Ben kept every appointment in his first three months."]
    assert third.attrs["id"] == "example-a-food-bank-partnership"


def test_citations_link_to_numbered_references(imported) -> None:  # type: ignore[no-untyped-def]
    page, _, _ = imported
    citations = page.find_all("a", class_="citation")
    assert [(a.text, a.attrs["href"]) for a in citations] == [
        ("[1]", "#ref-ref-1"), ("[2]", "#ref-ref-2"), ("[1]", "#ref-ref-1")]
    references = [li for li in page.find_all("li") if li.attrs.get("id", "").startswith("ref-")]
    assert [r.attrs["id"] for r in references] == ["ref-ref-1", "ref-ref-2"]
    assert page.find_all("a", href="https://example.org/study")
    assert "clear, balanced and on time" in " ".join(page.text_of("blockquote"))


def test_unknown_section_becomes_a_new_practice_theme_with_a_note(imported) -> None:  # type: ignore[no-untyped-def]
    _, output, root = imported
    assert "section 'Community links' matches no practice theme: added the practice theme " \
           "'community-links' to site.yml" in output
    site = (root / "content" / "site.yml").read_text()
    assert "- slug: community-links\n    title: Community links" in site
    assert "# Added by spotlight import" in site


def test_a_page_built_by_spotlight_imports_with_its_metadata(sample_build: Path,
                                                             tmp_path: Path) -> None:
    result = run("import", str(sample_build / "reports" / "northshire-2025.html"), "--out",
                 str(tmp_path / "content"))
    assert result.exit_code == 0, result.output
    example = (tmp_path / "content" / "examples" /
               "adapting-a-court-assessment-for-a-young-adult-with-autism.md").read_text()
    front = example.split("---")[1]
    assert "pdu: ravensholm" in front and 'standards: ["2.1", "2.2", "3.1"]' in front
    assert "sentence_type: community-order" in front
    report = (tmp_path / "content" / "reports" / "northshire-2025.yml").read_text()
    assert "published: 2025-08-14\n" in report
    assert "label: Cases reviewed\n      value: 296" in report
    assert "image left out (copy it into images/ and add it by hand)" in result.output
    built = run("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "out"),
                "--no-pdf")
    assert built.exit_code == 0, built.output
