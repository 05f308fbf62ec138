"""Every PDF the sample content builds, audited the way a screen reader meets it (see
pdf_structure.py for the conditions), and laid out without wasting paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .html_helpers import Page
from .pdf_helpers import Pdf
from .pdf_structure import CONDITIONS, Audit, audit

KINDS = {"report": "reports", "practice-theme": "practice-themes", "handout": "examples"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@pytest.fixture(scope="module")
def audits(sample_build: Path) -> dict[str, Audit]:
    """Every PDF of the sample build, audited once."""
    return {path.relative_to(sample_build).as_posix(): audit(path)
            for path in sorted(sample_build.rglob("*.pdf"))}


@pytest.mark.parametrize("kind", KINDS)
def test_every_condition_holds_in_every_pdf(audits: dict[str, Audit], kind: str) -> None:
    found = {path: result for path, result in audits.items()
             if path.startswith(KINDS[kind] + "/")}
    assert len(found) >= 2
    for result in found.values():
        assert set(result.counts) == set(CONDITIONS), "each condition is reported"
    assert {path: result.failures() for path, result in found.items()
            if result.failures()} == {}


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_one_element_per_section_and_example_in_reading_order(audits: dict[str, Audit],
                                                              sample_build: Path) -> None:
    result = audits["reports/northshire-2025.pdf"]
    page = Page((sample_build / "reports" / "northshire-2025.html").read_text())
    sections = page.find_all("section", class_="report-section")
    examples = page.text_of("h3", class_="example__title")
    # The cover, the report's sections, the glossary and the back page; each example once.
    assert result.elements["/Sect"] == 1 + len(sections) + 2
    assert result.elements["/Art"] == len(examples) >= 20
    titles = [text for kind, text in result.headings if kind == "/H3"
              and text.startswith("Example of effectiveness")]
    assert [_squeezed(t) for t in titles] == [_squeezed(t) for t in examples]
    pdf = Pdf(sample_build / "reports" / "northshire-2025.pdf")
    chapters = [text for kind, text in result.headings if kind == "/H2"]
    expected = [title for depth, title, _ in pdf.outline() if depth == 0]
    assert [_squeezed(t) for t in chapters] == [_squeezed(t) for t in
                                                [*expected, "Publication details"]]


def test_running_headers_and_footers_are_pagination_artifacts(audits: dict[str, Audit],
                                                            sample_build: Path) -> None:
    pdf = Pdf(sample_build / "reports" / "northshire-2025.pdf")
    artifacts = audits["reports/northshire-2025.pdf"].artifacts
    # Document and section titles at the top; organisation and "Page X of Y" at the foot of
    # every page but the cover and the back page (a long title may take two lines).
    assert artifacts["/Pagination /Header"] >= 2 * (pdf.pages - 2)
    assert artifacts["/Pagination /Footer"] >= 2 * (pdf.pages - 2)
    assert artifacts["/Pagination "] == 0, "each says whether it is a header or a footer"


def test_contents_entries_are_one_link_each_named_by_title_and_page(
        audits: dict[str, Audit], sample_build: Path) -> None:
    pdf = Pdf(sample_build / "reports" / "northshire-2025.pdf")
    starts = pdf.starts()
    expected = [f"{title}, page {page}" for title, page in starts.items() if title != "Contents"]
    contents = [c for _, c in audits["reports/northshire-2025.pdf"].links if ", page " in c]
    assert contents == expected
    links = [text for text, c in audits["reports/northshire-2025.pdf"].links if c in expected]
    assert [_squeezed(t) for t in links] == [_squeezed(c.replace(", page ", ""))
                                             for c in expected], "read aloud: title, page"


def _body_lines(pdf: Pdf, number: int) -> list[str]:
    """A page's lines without its running header and footer."""
    lines = pdf.lines(number)
    if number not in (1, pdf.pages):
        lines = [line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)
                 and line != "HM Inspectorate of Probation"]
        lines = lines[1:] if lines and lines[0].startswith("Effective Practice") else lines
    return lines


@pytest.mark.parametrize("name", ["reports/northshire-2025.pdf", "reports/westvale-2026.pdf",
                                  "practice-themes/public-protection.pdf"])
def test_no_page_holds_only_an_outcome_box_or_a_heading(sample_build: Path, name: str) -> None:
    pdf = Pdf(sample_build / name)
    for number in range(2, pdf.pages):
        lines = _body_lines(pdf, number)
        assert len(lines) > 2, f"page {number} holds only {lines}"
        assert lines[0] != "Outcome" or number == 1, (
            f"page {number} starts with an Outcome box, apart from its example")


@pytest.mark.parametrize("kind", KINDS)
def test_dates_are_never_broken_over_two_lines(sample_build: Path, kind: str) -> None:
    month = "|".join(MONTHS)
    split = re.compile(rf"(\b\d{{1,2}}\n({month})\b)|(\b\d{{1,2}} ({month})\n\d{{4}}\b)")
    dated = 0
    for path in sorted((sample_build / KINDS[kind]).glob("*.pdf")):
        pdf = Pdf(path)
        for number in range(1, pdf.pages + 1):
            text = "\n".join(pdf.lines(number))
            dated += len(re.findall(rf"\b\d{{1,2}}\s({month})\s\d{{4}}\b", text))
            assert not split.search(text), f"{path.name}, page {number}"
    assert dated > 0


def test_figures_use_the_documents_typeface(sample_build: Path) -> None:
    # The curiosity cycle is an SVG whose labels name the generic sans-serif family.
    svg = (sample_build / "images" / "curiosity-cycle.svg").read_text()
    assert 'font-family="sans-serif"' in svg and "<text" in svg
    pdf = Pdf(sample_build / "reports" / "northshire-2025.pdf")
    assert "Notice" in pdf.texts[(pdf.page_of("The professional curiosity cycle") or 1) - 1]
    assert {name.split("-Bold")[0].split("-Italic")[0] for name in pdf.font_names()} == {
        "Atkinson-Hyperlegible-Next"}


LONG = ("| Week | What happened | Who |\n| --- | --- | --- |\n"
        + "".join(f"| {i} | Ann met her practitioner about work, housing and family; they "
                  f"agreed the next steps of her plan together, week {i} done | PP |\n"
                  for i in range(1, 70))
        + "\n" + "".join(f"- Point {i}: an item about the plan that runs on over the line to "
                         "the next line of its text\n" for i in range(1, 40))
        + "\n> " + "A quoted sentence that goes on. " * 120 + "\n\n"
        + "A long paragraph about the case. " * 200 + "\n\n")


def test_elements_running_over_pages_are_each_one_element(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from .conftest import run

    content = site("minimal")
    example = content / "examples" / "first-case.md"
    example.write_text(example.read_text().replace(
        "Ann, a 30-year-old woman, received a community order.\n",
        "Ann, a 30-year-old woman, received a community order.\n\n" + LONG))
    assert run("build", "--content", "site", "--out", "out", "--no-handouts",
               "--no-search").exit_code == 0
    path = tmp_path / "out" / "reports" / "north-2025.pdf"
    assert Pdf(path).pages >= 6, "the table, list, quotation and paragraph cross pages"
    result = audit(path)
    assert result.failures() == {}
    elements = result.elements
    # One table, its header row once (not again on each page), 69 rows of data.
    assert (elements["/Table"], elements["/THead"], elements["/TBody"]) == (1, 1, 1)
    assert elements["/TR"] == 70
    assert elements["/BlockQuote"] == 1
    assert elements["/Art"] == 2
    assert 39 in result.lists, "the 39 points are one list"
    long = [p for p in result.paragraphs if "Alongparagraph" in p]
    assert len(long) == 1 and long[0].count("paragraphaboutthecase") == 200, "one paragraph"
    pdf = Pdf(path)
    for week in range(1, 70):  # a row of several lines is never split between two pages
        start = pdf.page_of(f"{week} Ann met her practitioner")
        assert start is not None and pdf.page_of(f"week {week} done", start) == start, week


def test_svg_text_follows_the_visual_themes_typeface(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from .conftest import overlay, run

    content = site("minimal")
    example = content / "examples" / "first-case.md"
    overlay(content, {
        "images/chart.svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" '
                             'role="img"><title>A chart</title><text x="10" y="40" '
                             'font-family="serif">Weekly contacts</text></svg>'),
        "examples/first-case.md": example.read_text().replace(
            "received a community order.\n",
            "received a community order.\n\n![A chart of weekly contacts](images/chart.svg)\n"),
    })
    overlay(tmp_path / "look", {"static/pdf.css": 'html { font-family: "Liberation Sans"; }'})
    assert run("build", "--content", "site", "--out", "out", "--theme-override", "look",
               "--no-handouts", "--no-search").exit_code == 0
    pdf = Pdf(tmp_path / "out" / "reports" / "north-2025.pdf")
    assert "Weekly contacts" in pdf.text()
    assert all(name.startswith("Liberation-Sans") for name in pdf.font_names()), pdf.font_names()


def test_a_pdf_whose_tree_cannot_be_tidied_is_still_written_with_a_warning(
        site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from spotlight.outputs import pdf_tags

    from .conftest import run

    def broken(element, repeated):  # type: ignore[no-untyped-def]
        raise ValueError("an element the tidying cannot read")

    monkeypatch.setattr(pdf_tags, "_normalise", broken)  # forked PDF workers inherit it
    site("minimal")
    result = run("build", "--content", "site", "--out", "out", "--no-handouts", "--no-search")
    assert result.exit_code == 0, result.output
    assert ("reports/north-2025.pdf: PDF: its structure tree could not be tidied for screen "
            "readers (an element the tidying cannot read) (warning)") in result.stderr.splitlines()
    path = tmp_path / "out" / "reports" / "north-2025.pdf"
    assert "Ann, a 30-year-old woman" in Pdf(path).text(), "the PDF is there, as WeasyPrint made it"
    assert audit(path).elements["/Document"] == 1


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A Markdown table."""
    lines = [headers, tuple("---" for _ in headers), *rows]
    return "".join("| " + " | ".join(line) + " |\n" for line in lines) + "\n"


def test_every_table_cell_names_the_header_cells_kept_in_the_tree(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from .conftest import overlay, run

    content = site("minimal")
    first, second = content / "examples" / "first-case.md", content / "examples" / "second-case.md"
    diary = _table(("Week", "What happened", "Who"), [
        (f"W{i}", f"Event {i}: Ann met her practitioner about work, housing and family", "PP")
        for i in range(1, 90)])
    plan = _table(("Step", "Owner"), [("Plan", "Ann"), ("Review", "Ann")])
    contacts = _table(("Month", "Contact", "Outcome"), [
        (f"M{i}", f"Contact {i}: Ben saw his practitioner and the housing officer", "Kept")
        for i in range(1, 60)])
    overlay(content, {
        "examples/first-case.md": first.read_text().replace(
            "received a community order.\n", f"received a community order.\n\n{diary}{plan}"),
        "examples/second-case.md": f"{second.read_text()}\n{contacts}",
    })
    assert run("build", "--content", "site", "--out", "out", "--no-handouts",
               "--no-search").exit_code == 0
    result = audit(tmp_path / "out" / "reports" / "north-2025.pdf")
    assert result.failures() == {}
    assert result.elements["/Table"] == 3 and result.elements["/THead"] == 3
    # What a screen reader announces with each cell: its own column's header, on every page.
    column = {"W": "Week", "Event": "What happened", "PP": "Who", "Plan": "Step",
              "Review": "Step", "Ann": "Owner", "M": "Month", "Contact": "Contact",
              "Kept": "Outcome"}
    assert len(result.cells) == 3 * 89 + 2 * 2 + 3 * 59, "each data cell once"
    for page, text, headers in result.cells:
        expected = column[text.split(" ")[0].rstrip(":0123456789")]
        assert headers == (expected,), f"{text!r} on page {page + 1}: {headers}"
    pages = sorted({page for page, text, _ in result.cells if text.startswith("Event")})
    assert len(pages) >= 2, "the diary runs over pages"
    # The cells of the table's first page keep the header cells WeasyPrint linked them to.
    assert [h for p, t, h in result.cells if p == pages[0] and t.startswith("Event")][:1] == [
        ("What happened",)]


TABLES = """<!DOCTYPE html>
<html lang="en"><head><title>Tables</title><style>
@page {{ size: A5; margin: 15mm }} td, th {{ padding: 2pt 4pt }}
</style></head><body><h1>Tables</h1>
<table><caption>Contacts by week</caption>
<thead><tr><th>When</th><th>Seen</th><th>Not seen</th></tr>
<tr><th>Week</th><th>Met</th><th>Missed</th></tr></thead>
<tfoot><tr><th>All weeks</th><th>Met in all</th><th>Missed in all</th></tr></tfoot>
<tbody>{rows}</tbody></table>
<p>Between the tables.</p>
<table><thead><tr><th>Step</th><th>Owner</th></tr></thead>
<tbody><tr><td>Plan</td><td>Ann</td></tr><tr><td>Review</td><td>Ann</td></tr></tbody></table>
<table><thead><tr><th></th><th>Score</th></tr></thead>
<tbody><tr><td>Start</td><td>score 1</td></tr></tbody></table>
<p>By month.</p>
<table><thead><tr><th>Month</th><th>Note</th></tr></thead>
<tbody>{months}</tbody></table>
</body></html>"""


def test_header_rows_footer_and_row_headers_are_linked_on_every_page(tmp_path: Path) -> None:
    from spotlight.content.theme import load_theme
    from spotlight.outputs.pdf import render_pdfs
    from spotlight.site.render import PdfDocument

    rows = "".join(f'<tr><th scope="row">Week {i}</th><td>met {i}</td><td>missed {i}</td></tr>'
                   for i in range(1, 80))
    months = "".join(f"<tr><td>Month {i}</td><td>note {i}</td></tr>" for i in range(1, 60))
    html = TABLES.format(rows=rows, months=months)
    theme, _ = load_theme("default", None)
    assert theme is not None
    document = PdfDocument(path="tables.pdf", html=html, base_url=tmp_path.as_uri() + "/",
                           title="Tables")
    pdfs, _ = render_pdfs([document], tmp_path, theme, workers=1)
    path = tmp_path / "tables.pdf"
    path.write_bytes(pdfs["tables.pdf"])
    result = audit(path)
    assert result.failures() == {}
    assert (result.elements["/Table"], result.elements["/THead"],
            result.elements["/TFoot"]) == (4, 4, 1)
    assert len(result.cells) == 2 * 79 + 2 * 2 + 2 + 2 * 59, "each data cell once"
    cells = {text: (page, set(headers)) for page, text, headers in result.cells}
    weeks = {cells[f"met {i}"][0] for i in range(1, 80)}
    assert len(weeks) >= 3, "the first table runs over three pages or more"
    for i in range(1, 80):
        assert cells[f"met {i}"][1] == {f"Week {i}", "Seen", "Met", "Met in all"}
        assert cells[f"missed {i}"][1] == {f"Week {i}", "Not seen", "Missed", "Missed in all"}
    assert cells["Plan"][1] == cells["Review"][1] == {"Step"}
    assert cells["Ann"][1] == {"Owner"}
    # An empty header cell holds no content, so it is not in the tree: nothing names it.
    assert (cells["Start"][1], cells["score 1"][1]) == (set(), {"Score"})
    assert len({cells[f"Month {i}"][0] for i in range(1, 60)}) >= 2
    for i in range(1, 60):
        assert (cells[f"Month {i}"][1], cells[f"note {i}"][1]) == ({"Month"}, {"Note"})
