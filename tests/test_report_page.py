"""The report page a reader sees: structure, navigation and every example exactly once."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from .conftest import SAMPLE, run
from .html_helpers import Page


def _examples_of(report: str) -> list[str]:
    titles = []
    for path in sorted((SAMPLE / "examples").rglob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if report in front["reports"]:
            titles.append(front["title"])
    return titles


def _reports() -> list[str]:
    return sorted(p.stem for p in (SAMPLE / "reports").glob("*.yml"))


def _welsh(report: str) -> bool:
    """Whether the sample report is its Welsh version (language: cy)."""
    data = yaml.safe_load((SAMPLE / "reports" / f"{report}.yml").read_text(encoding="utf-8"))
    return data.get("language") == "cy"


def test_index_lists_every_report(sample_build: Path) -> None:
    pages = {home: Page((sample_build / home).read_text()) for home in ("index.html",
                                                                        "cy/index.html")}
    links = {home: {a.attrs["href"] for a in page.find_all("a")} for home, page in pages.items()}
    for report in _reports():
        home, root = ("cy/index.html", "../") if _welsh(report) else ("index.html", "")
        assert f"{root}reports/{report}.html" in links[home]
        assert f"{root}reports/{report}.pdf" in links[home]


def test_every_example_appears_exactly_once_under_its_heading(sample_build: Path) -> None:
    for report in _reports():
        page = Page((sample_build / "reports" / f"{report}.html").read_text())
        headings = page.text_of("h3", class_="example__title")
        label = "Enghraifft o effeithiolrwydd" if _welsh(report) else "Example of effectiveness"
        expected = sorted(f"{label}: {t}" for t in _examples_of(report))
        assert sorted(headings) == expected
        assert len(expected) >= 3


def test_sample_report_has_at_least_twenty_examples_across_nine_themes(sample_build: Path) -> None:
    page = Page((sample_build / "reports" / "northshire-2025.html").read_text())
    sections = page.find_all("section", class_="practice-theme")
    assert len(sections) == 9
    assert all(s.children for s in sections)
    assert len(page.find_all("article", class_="example")) >= 20


def test_every_in_page_link_resolves_to_an_id(sample_build: Path) -> None:
    for report in _reports():
        page = Page((sample_build / "reports" / f"{report}.html").read_text())
        ids = page.ids()
        assert len(ids) == len(set(ids)), "duplicate ids"
        fragments = [a.attrs["href"][1:] for a in page.find_all("a")
                     if a.attrs.get("href", "").startswith("#")]
        assert fragments
        assert set(fragments) <= set(ids)


def test_one_back_to_top_per_section_returning_to_the_contents(sample_build: Path) -> None:
    page = Page((sample_build / "reports" / "northshire-2025.html").read_text())
    sections = page.find_all("section", class_="report-section")
    back = page.find_all("a", class_="back-to-top__link")
    assert len(back) == len(sections) == 9 + 4
    assert {a.attrs["href"] for a in back} == {"#contents"}
    assert all(a.text.strip() == "Back to top" for a in back)
    contents = page.find_all("nav", id="contents")[0]
    examples = {"#" + e.attrs["id"] for e in page.find_all("article", class_="example")}
    listed = [a.attrs["href"] for a in _links(contents) if a.attrs["href"] not in examples]
    assert listed == [f"#{s.attrs['id']}" for s in sections]


def _links(element):  # type: ignore[no-untyped-def]
    for child in element.children:
        if child.tag == "a":
            yield child
        yield from _links(child)


def test_semantic_structure(sample_build: Path) -> None:
    for report in _reports():
        html = (sample_build / "reports" / f"{report}.html").read_text()
        page = Page(html)
        welsh = _welsh(report)
        assert re.search(r'<html lang="cy">' if welsh else r'<html lang="en-GB">', html)
        assert len(page.find_all("h1")) == 1
        assert page.find_all("main") and page.find_all("header") and page.find_all("footer")
        assert page.find_all("nav", **{"aria-label": "Briwsion bara" if welsh else "Breadcrumb"})
        levels = [int(e.tag[1]) for e in page.elements if re.fullmatch(r"h[1-6]", e.tag)]
        assert levels[0] == 1
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
        assert page.find_all("link", rel="stylesheet")
        # The only script is the theme's own, for table boxes (see tables.js).
        assert re.findall(r"<script[^>]*>", html) == [
            '<script src="../static/tables.js" defer>']


def test_our_standards_lists_the_standards_met_in_catalogue_order(sample_build: Path) -> None:
    site = yaml.safe_load((SAMPLE / "site.yml").read_text(encoding="utf-8"))
    met: set[str] = set()
    for path in (SAMPLE / "examples").rglob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if "northshire-2025" in front["reports"]:
            met |= {str(code) for code in front.get("standards", [])}
    expected = [f"{s['code']} {s['title']}:" for s in site["standards"] if str(s["code"]) in met]
    page = Page((sample_build / "reports" / "northshire-2025.html").read_text())
    assert page.text_of("span", class_="standards__code") == expected


def test_outcome_is_its_own_block(sample_build: Path) -> None:
    page = Page((sample_build / "reports" / "northshire-2025.html").read_text())
    outcomes = page.find_all("div", class_="outcome")
    assert outcomes
    for outcome in outcomes:
        assert outcome.children[0].tag == "h4"
        assert outcome.children[0].text.strip() == "Outcome"
    assert "<strong>Outcome" not in page.html


def _contents_examples(out: Path, report: str) -> list[str]:
    page = Page((out / "reports" / f"{report}.html").read_text())
    return [a.attrs["href"] for ol in page.find_all("ol", class_="contents__examples")
            for a in _links(ol)]


def test_contents_list_each_sections_examples_in_a_long_report(sample_build: Path) -> None:
    page = Page((sample_build / "reports" / "northshire-2025.html").read_text())
    anchors = ["#" + e.attrs["id"] for e in page.find_all("article", class_="example")]
    assert len(anchors) > 5
    assert _contents_examples(sample_build, "northshire-2025") == anchors


@pytest.mark.parametrize(("site_setting", "report_setting", "listed"), [
    (None, None, False),  # two examples: not more than a handful
    ("true", None, True),
    ("true", "false", False),
    (None, "true", True),
])
def test_listing_examples_in_the_contents_is_a_site_and_report_option(
        site, tmp_path: Path, site_setting: str | None, report_setting: str | None,
        listed: bool) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    for name, setting in (("site.yml", site_setting), ("reports/north-2025.yml", report_setting)):
        if setting is not None:
            path = content / name
            path.write_text(path.read_text() + f"contents_examples: {setting}\n")
    result = run("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
    assert result.exit_code == 0, result.output
    assert len(_contents_examples(tmp_path / "out", "north-2025")) == (2 if listed else 0)


def test_a_build_without_pdfs_links_to_none_and_one_with_them_to_each(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")

    def pdf_links() -> set[str]:
        pages = (tmp_path / "out").rglob("*.html")
        return {f"{page.relative_to(tmp_path / 'out').as_posix()} -> {href}"
                for page in pages for href in re.findall(r'href="([^"]+\.pdf)"', page.read_text())}

    assert run("build", "--content", "site", "--out", "out", "--no-search").exit_code == 0
    assert pdf_links() == {"index.html -> reports/north-2025.pdf",
                           "reports/north-2025.html -> north-2025.pdf",
                           "practice-themes/court-work.html -> ../practice-themes/court-work.pdf",
                           "practice-themes/resettlement.html -> "
                           "../practice-themes/resettlement.pdf",
                           "examples/first-case.html -> first-case.pdf",
                           "examples/second-case.html -> second-case.pdf"}
    assert (tmp_path / "out" / "reports" / "north-2025.pdf").is_file()
    # The same folder built again without PDFs: no link is left to a PDF it no longer has.
    assert run("build", "--content", "site", "--out", "out", "--no-search",
               "--no-pdf").exit_code == 0
    assert not list((tmp_path / "out").rglob("*.pdf"))
    assert pdf_links() == set()


def test_a_list_written_without_brackets_is_read_as_the_list_it_means(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    example = content / "examples" / "first-case.md"
    example.write_text(example.read_text().replace(
        'standards: ["2.1"]\n', "standards: 2.1, 2.2\ntags: women, partnership working\n"))
    built = run("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
    assert built.exit_code == 0, built.output
    page = (tmp_path / "out" / "examples" / "first-case.html").read_text()
    assert re.findall(r'<strong class="tag">([^<]*)</strong>', page) == [
        "women", "partnership working"]
    assert {"../standards/2-1.html", "../standards/2-2.html"} <= set(
        re.findall(r'href="(\.\./standards/[^"]+)"', page))
