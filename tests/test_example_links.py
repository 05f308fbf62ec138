"""A link of the text to another example's file leads to that example on every page and in
every PDF it lands on: to its place where the page shows it, to its own page elsewhere."""

from __future__ import annotations

from pathlib import Path

from .conftest import overlay, run
from .html_helpers import Page
from .pdf_helpers import Pdf

LINKS = ("\nAs in [the case of Ann](first-case.md), "
         "[its title](../examples/first-case.md#example-title) "
         "and [a southern case](third-case.md).\n")


def _links(page: Page, text: str) -> list[str]:
    return [a.attrs["href"] for a in page.find_all("a") if a.text == text]


def test_a_link_to_an_example_file_leads_to_the_example(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    north = (content / "reports" / "north-2025.yml").read_text()
    third = (content / "examples" / "first-case.md").read_text().replace(
        "title: First case", "title: Third case").replace("[north-2025]", "[south-2025]")
    second = content / "examples" / "second-case.md"
    overlay(content, {
        "reports/south-2025.yml": north.replace("Test Spotlight North", "Test Spotlight South"),
        "examples/third-case.md": third,
        "examples/second-case.md": second.read_text() + LINKS,
    })
    result = run("build", "--content", "site", "--out", "out", "--no-handouts")
    assert result.exit_code == 0, result.output
    report = Page((tmp_path / "out" / "reports" / "north-2025.html").read_text())
    own = Page((tmp_path / "out" / "examples" / "second-case.html").read_text())
    # On the report page: the case of Ann is on the page; the southern case is in another report.
    assert _links(report, "the case of Ann") == ["#example-first-case"]
    assert "example-first-case" in report.ids()
    assert _links(report, "a southern case") == ["../examples/third-case.html"]
    # On the example's own page, each leads to the example's own page.
    assert _links(own, "the case of Ann") == ["../examples/first-case.html"]
    assert _links(own, "a southern case") == ["../examples/third-case.html"]
    # A part of an example is on its own page, everywhere.
    assert _links(report, "its title") == _links(own, "its title") == [
        "../examples/first-case.html#example-title"]
    assert (tmp_path / "out" / "examples" / "third-case.html").is_file()
    # In the report's PDF: the case of Ann is a link inside the PDF, to the page her case is on;
    # the southern case leads to its page on the website.
    pdf = Pdf(tmp_path / "out" / "reports" / "north-2025.pdf")
    inside = [link for link in pdf.links() if link.name == "example-first-case"]
    assert [link.target for link in inside] == [pdf.page_of("Ann, a 30-year-old woman")]
    assert "https://test.example.org/examples/third-case.html" in pdf.uri_links()
    assert run("check", "--content", "site").exit_code == 0


PICTURE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c6360000000020001e221bc330000000049454e44ae426082")


def test_the_licence_links_and_pictures_work_on_pages_of_every_depth(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The licence is in every page's footer, at every depth of the site, and in the PDFs.
    content = site("minimal")
    site_file = (content / "site.yml").read_text()
    overlay(content, {
        "site.yml": site_file.replace(
            "licence: Test licence text.\n",
            "licence: |\n  Shared as in [the first case](first-case.md).\n"
            "  ![A licence mark](images/mark.png)\n"),
        "images/mark.png": PICTURE,
    })
    result = run("build", "--content", "site", "--out", "out", "--no-handouts")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    for path, root in (("index.html", ""), ("reports/north-2025.html", "../"),
                       ("examples/first-case.html", "../"), ("404.html", "/")):
        page = Page((out / path).read_text())
        assert _links(page, "the first case") == [f"{root}examples/first-case.html"], path
        assert [i.attrs["src"] for i in page.find_all("img", alt="A licence mark")] == [
            f"{root}images/mark.png"], path
    assert "\x00" not in "".join(p.read_text() for p in out.rglob("*.html"))
    pdf = Pdf(out / "reports" / "north-2025.pdf")
    assert "https://test.example.org/examples/first-case.html" in pdf.uri_links()
