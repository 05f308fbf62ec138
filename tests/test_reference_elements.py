"""Every element of the published reference spotlight can be written and comes out right."""

from __future__ import annotations

from pathlib import Path

from .html_helpers import Page


def _page(build: Path) -> Page:
    return Page((build / "reports" / "elements-2025.html").read_text())


def test_introduction_summary_and_standards(elements_build: Path) -> None:
    page = _page(elements_build)
    intro = page.find_all("section", id="introduction")[0]
    assert "In the inspection of Elements" in intro.text
    summary = page.find_all("section", id="summary")[0]
    assert "North effective practice summary" in summary.text
    assert "Fieldwork took place in every PDU." in page.text_of("li")
    facts = dict(zip(page.text_of("dt"), page.text_of("dd"), strict=False))
    assert facts["Cases reviewed"] == "10"
    assert facts["Fieldwork"] == "24 February 2025 to 4 April 2025"
    assert facts["Examples in this spotlight"] == "4, across 3 practice themes"
    standards = page.find_all("section", id="our-standards")[0]
    assert "These are the standards met" in standards.text
    assert page.text_of("span", class_="standards__code") == ["2.1 Assessment:", "2.2 Planning:"]


def test_section_intro_with_quotation_citation_and_list(elements_build: Path) -> None:
    page = _page(elements_build)
    quote = page.find_all("blockquote")[0]
    assert "‘Court work sets the direction of the whole sentence.’" in quote.text
    citation = page.find_all("a", class_="citation", id="cite-court-guide-1")[0]
    assert citation.attrs["href"] == "#ref-court-guide"
    assert citation.text == "[1]"
    assert "early enquiries" in page.text_of("li")


def test_figure_with_caption_and_alt_text(elements_build: Path) -> None:
    page = _page(elements_build)
    figure = page.find_all("figure")[0]
    image = figure.children[0]
    assert image.tag == "img"
    assert image.attrs["alt"] == "A circle standing for the curiosity cycle"
    assert image.attrs["src"] == "../images/cycle.svg"
    assert (elements_build / "images" / "cycle.svg").is_file()
    assert figure.children[1].tag == "figcaption"
    assert figure.children[1].text == "Figure 1: The curiosity cycle"


def test_several_examples_in_one_section_in_order(elements_build: Path) -> None:
    page = _page(elements_build)
    section = page.find_all("section", id="court-work")[0]
    titles = [c.attrs["id"] for c in section.children if c.tag == "article"]
    assert titles == ["example-court-one", "example-court-two"]


def test_example_with_no_bullets_and_no_outcome(elements_build: Path) -> None:
    page = _page(elements_build)
    article = page.find_all("article", id="example-victim-narrative")[0]
    assert "kept the victim informed" in article.text
    assert "Outcome" not in article.text
    html = page.html.split('id="example-victim-narrative"')[1].split("</article>")[0]
    assert "<ul>" not in html and "<li>" not in html


def test_citations_link_to_references_that_link_back(elements_build: Path) -> None:
    page = _page(elements_build)
    references = page.find_all("ol", class_="references")[0]
    items = [c for c in references.children if c.tag == "li"]
    assert [i.attrs["id"] for i in items] == ["ref-court-guide", "ref-standards",
                                             "ref-curiosity-study"]
    assert [i.attrs["value"] for i in items] == ["1", "2", "3"]
    backs = {a.attrs["href"] for a in page.find_all("a", class_="references__back")}
    assert backs == {"#cite-court-guide-1", "#cite-standards-1", "#cite-curiosity-study-1"}
    assert {a.attrs["id"] for a in page.find_all("a", class_="citation")} == {
        b[1:] for b in backs}
    assert "https://www.example.org/court-guide" in references.text
    assert "accessed 9 June 2025" in references.text


def test_acknowledgements_and_pdf_link(elements_build: Path) -> None:
    page = _page(elements_build)
    section = page.find_all("section", id="references-and-acknowledgements")[0]
    assert "We would like to thank everyone" in section.text
    assert page.find_all("a", href="elements-2025.pdf")
    assert (elements_build / "reports" / "elements-2025.pdf").stat().st_size > 5000
