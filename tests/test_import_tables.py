"""Tables in a Word document or a saved web page are imported as Markdown tables (found by a
new user's trial: a Word table came out as one paragraph per cell, with no warning)."""

from __future__ import annotations

import re
import string
import tempfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .conftest import run
from .import_helpers import builds_or_only_the_gate_stops_it, set_dates

TITLE = "Effective Practice Spotlight: The Probation Service – Kent region"


def _word(path: Path) -> None:
    """A Word draft with an example holding a 3 x 2 table, then tables a pipe table cannot
    hold (merged cells, a table inside a table), and a one-cell box."""
    document = docx.Document()
    document.add_heading(TITLE, 0)
    document.add_paragraph("In the inspection of probation services across Kent, we assessed "
                           "cases.")
    document.add_heading("Court work", 1)
    document.add_paragraph("Example of effectiveness: Working with partners")
    document.add_paragraph("Amir, a 30-year-old man, received a community order for theft.")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, cells in enumerate((("Agency", "Role"), ("Housing", "Found a flat"),
                                 ("Police", "Shared intelligence | records"))):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    table.cell(1, 1).add_paragraph("Moved him in May")
    table.cell(1, 1).add_paragraph("Paid the deposit", style="List Bullet")
    table.cell(1, 1).add_paragraph("Found furniture", style="List Bullet")
    document.add_paragraph("The agencies met every month.")
    merged = document.add_table(rows=2, cols=2)
    merged.cell(0, 0).text = "Contacts in the first month"
    merged.cell(0, 0).merge(merged.cell(0, 1))
    merged.cell(1, 0).text = "Week one"
    merged.cell(1, 1).text = "Three visits"
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Plan"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Housing first"
    inner.cell(0, 1).text = "Then work"
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "A box around one sentence."
    document.add_paragraph("Outcome: He completed his order.")
    document.save(str(path))


def _import(source: Path, root: Path) -> str:
    result = run("import", str(source), "--out", str(root / "content"))
    assert result.exit_code == 0, result.output
    return result.output


def _build(root: Path) -> None:
    set_dates(root / "content")
    built = run("build", "--content", str(root / "content"), "--out", str(root / "build"),
                "--no-pdf")
    assert built.exit_code == 0, built.output


def test_a_word_table_is_a_markdown_table_with_its_first_row_as_the_header(
        tmp_path: Path) -> None:
    source = tmp_path / "kss.docx"
    _word(source)
    output = _import(source, tmp_path)
    body = (tmp_path / "content" / "examples" / "working-with-partners.md").read_text()
    assert ("received a community order for theft.\n\n"
            "| Agency | Role |\n"
            "| --- | --- |\n"
            "| Housing | Found a flat; Moved him in May; Paid the deposit; Found furniture |\n"
            "| Police | Shared intelligence \\| records |\n\n"
            "The agencies met every month.\n") in body
    assert "\nAgency\n" not in body and "\nRole\n" not in body
    assert "a table cell holds more than one paragraph, or a list: in the Markdown table its " \
        "parts are joined on one line" in output
    _build(tmp_path)
    page = (tmp_path / "build" / "examples" / "working-with-partners.html").read_text()
    assert "<th>Agency</th>" in page and "<th>Role</th>" in page
    assert "<td>Shared intelligence | records</td>" in page


def test_a_word_table_a_markdown_table_cannot_hold_keeps_its_text_with_a_warning(
        tmp_path: Path) -> None:
    source = tmp_path / "kss.docx"
    _word(source)
    output = _import(source, tmp_path)
    body = (tmp_path / "content" / "examples" / "working-with-partners.md").read_text()
    assert ("The agencies met every month.\n\nContacts in the first month\n\nWeek one\n\n"
            "Three visits\n\nPlan\n\nHousing first\n\nThen work\n\n"
            "A box around one sentence.\n\n## Outcome") in body
    found = re.findall(r"kss\.docx:(\d+): a table with (merged cells|a table inside it) cannot "
                       r"be written as a Markdown table: its text is kept in order", output)
    assert [why for _, why in found] == ["merged cells", "a table inside it"], output
    assert 0 < int(found[0][0]) < int(found[1][0]), "each warning names the table's line"
    assert output.count("cannot be written as a Markdown table") == 2, "not the one-cell box"
    _build(tmp_path)


PAGE = f"""<!doctype html>
<html><body><header><p>Site header</p></header><main>
<h1>{TITLE}</h1>
<p>In the inspection of probation services across Kent, we assessed cases.</p>
<h2>Court work</h2>
<h3>Example of effectiveness: Working with partners</h3>
<p>Amir, a 30-year-old man, received a community order for theft.</p>
<table>
  <caption>Who helped</caption>
  <thead><tr><th>Agency</th><th>Role</th></tr></thead>
  <tbody>
    <tr><td>Housing</td><td><a href="https://example.org/flats">Found a flat</a></td></tr>
    <tr><td>Police</td><td>Shared intelligence</td></tr>
    <tr><td>Drugs service</td></tr>
  </tbody>
</table>
<table><tr><td rowspan="2">Week one</td><td>A visit</td></tr><tr><td>A call</td></tr></table>
<p>Outcome: He completed his order.</p>
</main><footer><table><tr><td>Footer</td><td>links</td></tr></table></footer></body></html>
"""


def test_a_web_page_table_is_a_markdown_table(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text(PAGE, encoding="utf-8")
    output = _import(source, tmp_path)
    body = (tmp_path / "content" / "examples" / "working-with-partners.md").read_text()
    assert ("for theft.\n\nWho helped\n\n"
            "| Agency | Role |\n"
            "| --- | --- |\n"
            "| Housing | [Found a flat](<https://example.org/flats>) |\n"
            "| Police | Shared intelligence |\n"
            "| Drugs service | |\n\n"
            "Week one\n\nA visit\n\nA call\n\n## Outcome") in body
    assert "page.html:17: a table with merged cells cannot be written as a Markdown table" \
        in output
    assert "Footer" not in next((tmp_path / "content" / "reports").glob("*.yml")).read_text()
    _build(tmp_path)


def test_a_table_the_page_never_closes_keeps_its_text(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text("<html><body><h1>Notes</h1><p>Before.</p><p>Example of effectiveness: A "
                      "visit</p><p>Ann was seen.</p><table><tr><td>Cases<td>12<tr><td>Visits<td>30",
                      encoding="utf-8")
    _import(source, tmp_path)
    report = next((tmp_path / "content" / "reports").glob("*.yml")).read_text()
    example = (tmp_path / "content" / "examples" / "a-visit.md").read_text()
    assert "Before." in report and "| Cases | 12 |\n" in example and "| Visits | 30 |" in example
    _build(tmp_path)


PIECES = st.one_of(
    st.sampled_from(["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>",
                     '<td colspan="2">', '<td rowspan="x">', "<thead>", "<caption>", "<p>",
                     "</p>", "<ul><li>", "</li></ul>", "<h2>", "</h2>", "<strong>", "</strong>",
                     '<a href="https://example.org/a">', "</a>", "<br>", "<dl><dt>Term</dt><dd>",
                     "Example of effectiveness: A case", "Outcome: Done.", "Court work", "a | b",
                     "\\", "- x", "1. y", "# z", "`", "[1]", "---", "<main>", "</main>"]),
    st.text(alphabet=string.printable + "‘’“”–—•é|", max_size=20),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(PIECES, min_size=1, max_size=40))
@example(pieces=["<table>", "<tr>", "<td>", "a | b", "<td>", "\\", "</table>", "<p>", "x"])
@example(pieces=["<table>", "<caption>", "T", "<table>", "<td>", "in", "</table>", "<td>", "z"])
def test_any_table_markup_imports_and_builds(pieces: list[str], tmp_path: Path) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    source = root / "page.html"
    source.write_text("<html><body><h1>A title</h1><p>Example of effectiveness: A case</p>"
                      "<p>Ann was seen.</p>" + "".join(pieces), encoding="utf-8")
    result = run("import", str(source), "--out", str(root / "content"))
    assert "Traceback" not in result.output
    if "<main>" in pieces and "found no examples of effectiveness" in result.output:
        # A page's <main> holds what import reads: the example before it is page furniture,
        # and a page with none is refused, with nothing written.
        assert result.exit_code == 1 and not (root / "content").exists()
        return
    assert result.exit_code == 0, result.output
    builds_or_only_the_gate_stops_it(root)
