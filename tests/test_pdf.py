"""The PDF report, read back: cover, contents, bookmarks, links, metadata, type, exact bytes."""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from .conftest import SAMPLE, SITES, overlay, run
from .html_helpers import Page
from .pdf_helpers import Pdf


@pytest.fixture(scope="module")
def northshire(sample_build: Path) -> tuple[Pdf, Page]:
    pdf = Pdf(sample_build / "reports" / "northshire-2025.pdf")
    page = Page((sample_build / "reports" / "northshire-2025.html").read_text())
    return pdf, page


@pytest.fixture(scope="module")
def elements(elements_build: Path) -> Pdf:
    return Pdf(elements_build / "reports" / "elements-2025.pdf")


def test_cover_has_title_region_dates_and_organisation(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, page = northshire
    cover = pdf.texts[0]
    assert cover.startswith("HM Inspectorate of Probation")
    assert page.text_of("h1")[0] in cover
    assert "Region: Northshire" in cover
    assert "Fieldwork: 3 March 2025 to 11 April 2025" in cover
    assert "Published: 14 August 2025" in cover
    assert "Page 1 of" not in cover, "the cover has no running header or footer"


def test_cover_logo_is_a_tagged_figure_with_its_alt_text(elements: Pdf) -> None:
    figures = [e for e in elements.structure() if e["/S"] == "/Figure"]
    logo = [f for f in figures if f.get("/Alt") == "Test Inspectorate"]
    assert logo and elements.reader.get_page_number(logo[0]["/Pg"].get_object()) == 0
    assert "A circle standing for the curiosity cycle" in [f.get("/Alt") for f in figures]


def test_bookmarks_are_the_sections_with_their_examples(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, page = northshire
    outline = pdf.outline()
    assert [t for d, t, _ in outline if d == 0] == ["Contents", *page.text_of("h2")[1:],
                                                   "Glossary"]
    assert [t for d, t, _ in outline if d == 1] == page.text_of("h3", class_="example__title")
    assert max(d for d, _, _ in outline) == 1
    pages = [p for _, _, p in outline]
    assert pages == sorted(pages), "bookmarks point to pages in reading order"
    # Each example's bookmark sits under the bookmark of its section.
    expected = {" ".join(a.children[0].text.split()): " ".join(s.children[0].text.split())
                for s in page.find_all("section", class_="practice-theme")
                for a in s.children if a.tag == "article"}
    parents = {}
    for depth, title, _ in outline:
        if depth == 0:
            section = title
        else:
            parents[title] = section
    assert parents == expected


def test_contents_page_numbers_are_the_pages_sections_start_on(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, _ = northshire
    starts = pdf.starts()
    printed = pdf.contents_entries(starts["Contents"])
    expected = [(title, page) for title, page in starts.items() if title != "Contents"]
    assert len(printed) == len(expected) >= 14
    assert printed == expected


def test_contents_entries_link_to_the_pages_sections_start_on(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, _ = northshire
    starts = pdf.starts()
    links = [link for link in pdf.links() if link.page == starts["Contents"]]
    # One link per entry: title, dotted rule and page number are one link area.
    assert [link.target for link in links] == [p for t, p in starts.items() if t != "Contents"]


def test_running_header_and_page_x_of_y(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, page = northshire
    title, starts = page.text_of("h1")[0], pdf.starts()
    for number in range(2, pdf.pages):  # not the cover, not the back page
        text, top = pdf.texts[number - 1], pdf.lines(number)[1]  # below the header
        # The section the page starts in: the one whose heading opens the page, else the one
        # the page continues (not one that starts further down the page).
        section = ([t for t, start in starts.items() if start == number and top == t]
                   or [t for t, start in starts.items() if start < number][-1:])[0]
        assert f"{title} {section}" in text, f"page {number} lacks its running header"
        assert text.endswith(f"HM Inspectorate of Probation Page {number} of {pdf.pages}")
    assert "Page" not in pdf.texts[-1].split()


def test_sections_follow_on_from_each_other_by_default(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, _ = northshire
    starts = pdf.starts()
    pages = list(starts.values())
    assert len(set(pages)) < len(pages), "a section can start on the page another ends"
    assert starts["Introduction"] == starts["Contents"] + 1, "the contents has its own page"
    # No page between the contents and the last two is left mostly empty: each holds at
    # least half as much text as the average page.
    body = [len(text) for text in pdf.texts[2:-2]]
    assert min(body) > sum(body) / len(body) / 2, body


def test_citations_land_on_the_page_that_lists_their_reference(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, page = northshire
    citations = page.find_all("a", class_="citation")
    links = [link for link in pdf.links() if link.name.startswith("ref-")]
    assert len(links) == len(citations) >= 8
    assert [link.name for link in links] == [c.attrs["href"][1:] for c in citations]
    references = {li.attrs["id"]: li for li in page.find_all("li") if "id" in li.attrs}
    start = pdf.starts()["References and acknowledgements"]
    for link in links:
        assert link.target >= start > link.page
        number, words = references[link.name].text.split()[0], references[link.name].text.split()
        assert number in pdf.texts[link.target - 1]
        assert " ".join(words[1:5]) in pdf.texts[link.target - 1]


def test_example_headings_are_never_stranded_at_the_foot_of_a_page(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, page = northshire
    for article in page.find_all("article", class_="example"):
        title = " ".join(article.children[0].text.split()).removeprefix(
            "Example of effectiveness: ")
        body = next(c for c in article.children if c.attrs.get("class") == "example__body")
        first_words = " ".join(body.text.split()[:6])
        heading_page = pdf.page_of(title)
        assert heading_page is not None, title
        assert pdf.page_of(first_words, heading_page) == heading_page, (
            f"'{title}' is on page {heading_page} without its first lines")


def test_body_text_is_at_least_11_points(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, _ = northshire
    sizes: Counter[float] = Counter()
    for number in range(3, pdf.pages):
        sizes += pdf.font_sizes(number)
    body, _ = sizes.most_common(1)[0]
    assert body >= 11
    assert sizes[body] > sum(sizes.values()) / 2


def test_back_to_top_and_back_links_are_not_printed(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, page = northshire
    assert "Back to top" in page.html
    assert "Back to top" not in pdf.text()
    assert "Back to citation" not in pdf.text()


def test_glossary_lists_only_the_abbreviations_the_report_uses(elements: Pdf) -> None:
    glossary = elements.texts[elements.starts()["Glossary"] - 1]
    assert "PDU Probation Delivery Unit" in glossary  # "Fieldwork took place in every PDU."
    assert "SSO" not in glossary and "probation practitioner" not in glossary  # never used


def test_references_then_glossary_end_the_report(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, _ = northshire
    assert list(pdf.starts())[-2:] == ["References and acknowledgements", "Glossary"]
    assert "Open Government Licence" in pdf.texts[-1], "the back page carries the licence"


def test_metadata_language_and_tagging(northshire) -> None:  # type: ignore[no-untyped-def]
    pdf, page = northshire
    metadata = pdf.reader.metadata
    assert metadata.title == page.text_of("h1")[0]
    assert metadata.author == "HM Inspectorate of Probation"
    assert metadata.subject == ("27 examples of effective probation practice from the "
                                "Northshire inspection, published 14 August 2025")
    keywords = metadata["/Keywords"].split(", ")
    tags = set()
    for path in (SAMPLE / "examples").glob("*.md"):
        front = yaml.safe_load(path.read_text().split("---")[1])
        if "northshire-2025" in front["reports"]:
            tags |= {t.lower() for t in front.get("tags", [])}
    assert keywords[:9] == page.text_of("h2")[4:13], "the practice themes come first"
    assert {k.lower() for k in keywords[9:]} == tags - {k.lower() for k in keywords[:9]}
    assert metadata.creation_date.isoformat() == "2025-08-14T00:00:00+00:00"
    root = pdf.root
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert pdf.reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4


def test_text_is_set_in_the_visual_themes_shipped_font(elements: Pdf) -> None:
    family = "Atkinson-Hyperlegible-Next"
    assert elements.font_names() == {family, f"{family}-Bold", f"{family}-Italic"}


def test_sections_start_new_pages_when_the_site_file_asks(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    site_file = (content / "site.yml").read_text()
    overlay(content, {"site.yml": site_file + "pdf:\n  handouts: false\n"})
    assert run("build", "--content", "site", "--out", "flowing").exit_code == 0
    flowing = Pdf(tmp_path / "flowing" / "reports" / "north-2025.pdf").starts()
    overlay(content, {"site.yml": site_file + "pdf:\n  new_page_per_section: true\n  "
                                              "handouts: false\n"})
    assert run("build", "--content", "site", "--out", "paged").exit_code == 0
    paged = Pdf(tmp_path / "paged" / "reports" / "north-2025.pdf").starts()
    report = (content / "reports" / "north-2025.yml").read_text()
    overlay(content, {"reports/north-2025.yml": report + "pdf:\n  new_page_per_section: false\n"})
    assert run("build", "--content", "site", "--out", "overridden").exit_code == 0
    overridden = Pdf(tmp_path / "overridden" / "reports" / "north-2025.pdf").starts()
    assert list(flowing) == list(paged) == list(overridden)
    assert len(set(paged.values())) == len(paged), "the site file asks for new pages"
    assert len(set(flowing.values())) < len(flowing) / 2, "by default sections follow on"
    assert overridden == flowing, "the report's setting wins"


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_in_different_folders_give_identical_bytes(tmp_path: Path) -> None:
    digests = []
    for name in ("one", "two"):
        content = shutil.copytree(SITES / "reference-elements", tmp_path / name / "content")
        # Without search: Pagefind's index is not byte-reproducible (see test_site_options).
        result = run("build", "--content", str(content), "--out", str(tmp_path / name / "out"),
                     "--no-search")
        assert result.exit_code == 0, result.output
        digests.append(_digests(tmp_path / name / "out"))
    assert digests[0] == digests[1]
    assert {"reports/elements-2025.pdf", "reports/elements-2025.html",
            "practice-themes/court-work.pdf", "examples/court-one.pdf"} <= set(digests[0])


def test_source_date_epoch_is_the_pdfs_modification_date(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    digests = []
    for name in ("one", "two"):
        out = tmp_path / name
        # Without search: Pagefind's index is not byte-reproducible (see test_site_options).
        result = run("build", "--content", str(SITES / "minimal"), "--out", str(out),
                     "--no-handouts", "--no-search")
        assert result.exit_code == 0, result.output
        digests.append(_digests(out))
    assert digests[0] == digests[1]
    metadata = Pdf(tmp_path / "one" / "reports" / "north-2025.pdf").reader.metadata
    assert metadata.modification_date.isoformat() == "2026-01-01T00:00:00+00:00"
    assert metadata.creation_date.isoformat() == "2025-06-01T00:00:00+00:00", "from content"


def test_strict_fails_on_any_weasyprint_warning(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    default_css = (SITES.parent.parent / "themes" / "default" / "static" / "pdf.css").read_text()
    overlay(tmp_path / "look", {"static/pdf.css": (
        "@import url(https://fonts.example.org/remote.css);\n" + default_css +
        "\n.cover { background: url(missing.png); }\nh2 { text-shadow-depth: 3pt; }\n")})
    args = ("build", "--content", "site", "--theme-override", "look", "--no-handouts")
    relaxed = run(*args, "--out", "relaxed")
    assert relaxed.exit_code == 0
    warnings = relaxed.stderr.splitlines()
    assert any(w.startswith("look/static/pdf.css: PDF: Ignored `text-shadow-depth: 3pt`")
               for w in warnings), warnings
    assert any("missing.png" in w for w in warnings), warnings
    assert any("remote.css" in w for w in warnings), "nothing is fetched from the network"
    assert all(w.endswith("(warning)") for w in warnings)
    assert not any("Font-face" in w for w in warnings), "fonts/ resolves to the default theme's"
    strict = run(*args, "--out", "strict", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[:-1] == sorted({w.removesuffix(" (warning)")
                                                      for w in warnings})
    assert not (tmp_path / "strict").exists()


def test_a_link_to_a_page_of_the_site_leads_to_the_website_not_the_build_machine(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    example = content / "examples" / "second-case.md"
    overlay(content, {"examples/second-case.md": example.read_text() +
                      "\nHe read [the first case](../examples/first-case.html#outcome) too.\n"})
    assert run("build", "--content", "site", "--out", "out").exit_code == 0
    report = Pdf(tmp_path / "out" / "reports" / "north-2025.pdf")
    handout = Pdf(tmp_path / "out" / "examples" / "second-case.pdf")
    # Where the same link leads on the web page: under the site's base_url.
    assert "https://test.example.org/examples/first-case.html#outcome" in report.uri_links()
    assert "https://test.example.org/examples/first-case.html#outcome" in handout.uri_links()
    site_file = (content / "site.yml").read_text()
    overlay(content, {"site.yml": site_file.replace("base_url: https://test.example.org/\n", "")})
    assert run("build", "--content", "site", "--out", "out").exit_code == 0
    # Without one, the link as written, which a viewer reads from where the PDF is published
    # (beside the page it was made from).
    report = Pdf(tmp_path / "out" / "reports" / "north-2025.pdf")
    handout = Pdf(tmp_path / "out" / "examples" / "second-case.pdf")
    assert "../examples/first-case.html#outcome" in report.uri_links()
    assert "first-case.html#outcome" in handout.uri_links()
    for pdf in (report, handout):
        assert not [a for a in pdf.uri_links() if a.startswith("file:")]
        assert str(tmp_path) not in pdf.path.read_bytes().decode("latin-1")


def test_a_section_heading_and_intro_start_a_page_with_its_first_example(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The starter project's second section once ended page 3 with its heading and intro, its
    first example on the next page: they stay together (the example may then go on)."""
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    result = run("build", "--no-search", "--no-handouts")
    assert result.exit_code == 0, result.output
    settings = yaml.safe_load((tmp_path / "content" / "site.yml").read_text(encoding="utf-8"))
    titles = {theme["title"] for theme in settings["practice_themes"]}
    pdf = Pdf(tmp_path / "build" / "reports" / "example-region-2025.pdf")
    seen = 0
    for page in range(1, pdf.pages + 1):
        lines = pdf.lines(page)
        for index, line in enumerate(lines):
            if line in titles:  # a section's heading (the running header has more words)
                seen += 1
                assert any(rest.startswith("Example of effectiveness")
                           for rest in lines[index + 1:]), (page, line, lines[index:])
    assert seen == 2


def test_the_glossary_heading_is_kept_with_its_first_entries(sample_build: Path) -> None:
    """Northshire's glossary heading and its line once ended a page alone, the list on the
    next one."""
    seen = 0
    for path in sorted(sample_build.rglob("*.pdf")):
        if path.parent.name == "examples":
            continue  # a handout's abbreviations are a paragraph
        pdf = Pdf(path)
        for page in range(1, pdf.pages + 1):
            lines = pdf.lines(page)
            for heading in ("Glossary", "Geirfa"):
                if heading in lines:
                    seen += 1
                    at = lines.index(heading)  # heading, its line, then entries; the footer's
                    assert at + 2 < len(lines) - 2, (path.name, page, lines[at:])  # 2 lines
    assert seen >= 10
