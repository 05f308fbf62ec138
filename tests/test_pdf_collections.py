"""The PDFs besides the reports: one per practice theme across reports, one handout per example."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import overlay, run
from .html_helpers import Page
from .pdf_helpers import Pdf


def _report_pages(build: Path) -> list[Page]:
    return [Page(p.read_text()) for p in sorted((build / "reports").glob("*.html"))]


def _themes_and_examples(build: Path) -> dict[str, set[str]]:
    """Each practice theme's example titles, as the report pages show them."""
    found: dict[str, set[str]] = {}
    for page in _report_pages(build):
        for section in page.find_all("section", class_="practice-theme"):
            titles = {" ".join(a.children[0].text.split()) for a in section.children
                      if a.tag == "article"}
            found.setdefault(section.attrs["id"], set()).update(titles)
    return found


def test_a_pdf_per_practice_theme_with_examples(sample_build: Path) -> None:
    themes = _themes_and_examples(sample_build)
    built = {p.stem for p in (sample_build / "practice-themes").glob("*.pdf")}
    assert built == set(themes)
    # An example also listed under another practice theme is gathered there too.
    pdf = Pdf(sample_build / "practice-themes" / "public-protection.pdf")
    examples = {t for d, t, _ in pdf.outline() if d == 1}
    assert themes["public-protection"] < examples
    assert ("Example of effectiveness: Spotting the signs of cuckooing" in examples
            and "Example of effectiveness: Spotting the signs of cuckooing"
            in themes["professional-curiosity"])


@pytest.mark.parametrize("slug", ["court-work", "public-protection"])
def test_practice_theme_pdf_has_cover_contents_and_nested_bookmarks(sample_build: Path,
                                                                    slug: str) -> None:
    pdf = Pdf(sample_build / "practice-themes" / f"{slug}.pdf")
    title = pdf.texts[0].split("Examples of effective practice ")[1].split(" Examples:")[0]
    assert pdf.reader.metadata.title == f"{title}: examples of effective practice"
    assert pdf.texts[0].startswith("HM Inspectorate of Probation")
    outline = pdf.outline()
    parts = [t for d, t, _ in outline if d == 0]
    assert parts[:2] == ["Contents", "About this collection"]
    assert parts[-1] == "Glossary"
    reports = [t for t in parts if t.startswith("Effective Practice Spotlight")]
    assert reports, "examples are grouped under the report they come from"
    starts = {t: p for d, t, p in outline if d in (0, 1)}
    printed = pdf.contents_entries(starts["Contents"])
    expected = [(t.removeprefix("Example of effectiveness: "), p) for d, t, p in outline
                if t != "Contents"]
    assert printed == expected
    assert pdf.root["/Lang"] == "en-GB"
    assert bool(pdf.root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_practice_theme_pdf_numbers_and_links_its_own_references(sample_build: Path) -> None:
    pdf = Pdf(sample_build / "practice-themes" / "public-protection.pdf")
    links = [link for link in pdf.links() if link.name.startswith("ref-")]
    start = pdf.starts()["References"]
    assert links and all(link.target >= start > link.page for link in links)
    listed = pdf.texts[start - 1].split("References ", 1)[1]  # it may follow the last example
    assert listed.startswith("[1] HM Inspectorate of Probation (2023). "
                             "Multi-agency public protection arrangements")
    assert "[2]" not in listed


REPORT = """title: Test Spotlight {name}
region: north
fieldwork: {{start: 2025-01-06, end: 2025-02-14}}
published: {published}
introduction: The introduction.
references:
  - key: guide
    text: The {name} guide.
"""
EXAMPLE = """---
title: Case from {name}
reports: [{slug}]
practice_theme: court-work
region: north
---
{name} work followed the guide [@guide].
"""


def test_same_key_in_two_reports_gives_two_references(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {
        "reports/north-2025.yml": REPORT.format(name="North", published="2025-06-01"),
        "reports/south-2025.yml": REPORT.format(name="South", published="2025-07-01"),
        "examples/first-case.md": EXAMPLE.format(name="North", slug="north-2025"),
        "examples/second-case.md": EXAMPLE.format(name="South", slug="south-2025")})
    result = run("build", "--content", "site", "--out", "out", "--no-handouts")
    assert result.exit_code == 0, result.output
    pdf = Pdf(tmp_path / "out" / "practice-themes" / "court-work.pdf")
    references = pdf.texts[pdf.starts()["References"] - 1]
    assert "[1] The South guide. [2] The North guide." in references, "newest report first"
    links = [link for link in pdf.links() if link.name.startswith("ref-")]
    assert [link.name for link in links] == ["ref-guide-1", "ref-guide-2"]
    assert len({link.target for link in links}) == 1
    assert "South work followed the guide [1]" in pdf.text()
    assert "North work followed the guide [2]" in pdf.text()
    assert ("This collection gathers the 2 examples of effective practice in court work from "
            "these Effective Practice Spotlights:") in pdf.text()


def test_a_collection_of_one_example_says_the_example_not_the_1(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """One example reads as "the example", not "the 1 example"."""
    site("minimal")  # one court work example, in one report
    result = run("build", "--content", "site", "--out", "out", "--no-handouts")
    assert result.exit_code == 0, result.output
    about = Pdf(tmp_path / "out" / "practice-themes" / "court-work.pdf").text()
    assert ("This collection gathers the example of effective practice in court work from "
            "this Effective Practice Spotlight: Test Spotlight North, published 1 June 2025") \
        in about
    assert "the 1 example" not in about


def test_a_one_page_handout_per_example(sample_build: Path) -> None:
    titles = {t.removeprefix("Example of effectiveness: ").removeprefix(
              "Enghraifft o effeithiolrwydd: ")
              for ts in _themes_and_examples(sample_build).values() for t in ts}
    handouts = sorted((sample_build / "examples").glob("*.pdf"))
    assert len(handouts) == len(titles) == 36  # 33 in English, 3 in Welsh
    seen = set()
    for path in handouts:
        pdf = Pdf(path)
        assert pdf.pages == 1, f"{path.name} runs to {pdf.pages} pages"
        title = pdf.reader.metadata.title
        seen.add(title)
        assert title in pdf.texts[0]
        welsh = pdf.root["/Lang"] == "cy"
        assert ("O Sbotolau Arfer Effeithiol" if welsh else "From Effective Practice Spotlight") \
            in pdf.texts[0]
        assert pdf.root["/Lang"] in ("en-GB", "cy") and "/StructTreeRoot" in pdf.root
    assert seen == titles
    assert sum(Pdf(p).root["/Lang"] == "cy" for p in handouts) == 3


def test_handout_lists_the_references_it_cites(sample_build: Path) -> None:
    pdf = Pdf(sample_build / "examples" / "da-safeguarding-enquiries-hub.pdf")
    assert "References [1] HM Inspectorate of Probation (2023). Domestic abuse" in pdf.texts[0]
    assert [link.name for link in pdf.links()] == ["ref-hmip-da-thematic"]
    assert "Abbreviations CSC: children's social care; DA: domestic abuse" in pdf.texts[0]


def test_handouts_follow_the_site_setting_and_the_command_line(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    assert run("build", "--content", "site", "--out", "default").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "default" / "examples").glob("*.pdf")) == [
        "first-case.pdf", "second-case.pdf"]
    assert run("build", "--content", "site", "--out", "none", "--no-handouts").exit_code == 0
    assert not list((tmp_path / "none" / "examples").glob("*.pdf"))
    assert (tmp_path / "none" / "examples" / "first-case.html").is_file()
    assert (tmp_path / "none" / "practice-themes" / "court-work.pdf").is_file()
    site_file = (content / "site.yml").read_text()
    overlay(content, {"site.yml": site_file + "pdf:\n  handouts: false\n"})
    assert run("build", "--content", "site", "--out", "off").exit_code == 0
    assert not list((tmp_path / "off" / "examples").glob("*.pdf"))
    assert run("build", "--content", "site", "--out", "on", "--handouts").exit_code == 0
    assert (tmp_path / "on" / "examples" / "first-case.pdf").is_file()


def test_a_handout_too_long_for_one_page_is_a_warning(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    paragraph = "Ben met his probation practitioner every week and talked about work. " * 12
    overlay(content, {"examples/second-case.md": (
        "---\ntitle: Second case\nreports: [north-2025]\npractice_theme: resettlement\n"
        "region: north\n---\n" + "\n\n".join([paragraph] * 14) + "\n")})
    result = run("build", "--content", "site", "--out", "out")
    assert result.exit_code == 0
    pages = Pdf(tmp_path / "out" / "examples" / "second-case.pdf").pages
    assert pages > 1
    assert result.stderr.splitlines() == [
        f"examples/second-case.pdf: PDF: runs to {pages} pages, more than 1, even in its "
        "tightest layout; shorten it (warning)"]
    strict = run("build", "--content", "site", "--out", "strict", "--strict")
    assert strict.exit_code == 1


def test_every_pdf_is_linked_from_the_page_of_what_it_holds(sample_build: Path) -> None:
    """A practice theme's collection from its page, an example's handout from the example's
    page, each saying its size and pages in the page's language, as a report's PDF does."""
    import re

    linked: set[str] = set()
    for page in sample_build.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href, text in re.findall(r'<p class="download"[^>]*><a href="([^"]+\.pdf)">([^<]+)'
                                     r"</a>", html):
            target = (page.parent / href).resolve()
            assert target.is_file(), (page, href)
            assert re.search(r"\((?:PDF), \d+ KB, \d+ (?:page|pages|tudalen)\)$", text), text
            linked.add(target.relative_to(sample_build.resolve()).as_posix())
    made = {p.relative_to(sample_build).as_posix() for p in sample_build.rglob("*.pdf")}
    assert made == linked  # not one PDF that no page leads to
    theme = (sample_build / "cy" / "practice-themes" / "court-work.html").read_text()
    assert "Lawrlwytho enghreifftiau’r thema ymarfer hon (PDF, " in theme


def test_practice_theme_pdf_lists_its_examples_in_the_web_page_order(sample_build: Path) -> None:
    # Both: under the newest report each example is in, in that report's reading order.
    pdfs = sorted(sample_build.glob("**/practice-themes/*.pdf"))
    assert pdfs
    for path in pdfs:
        page = Page(path.with_suffix(".html").read_text())
        web = page.text_of("h3", class_="example-card__title")
        printed = [t.split(": ", 1)[1]  # "Example of effectiveness: " or its Welsh
                   for d, t, _ in Pdf(path).outline() if d == 1]
        assert printed == web, path.name
