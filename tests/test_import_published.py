"""A line giving the publication date ("Published: 3 September 2026") is read as the report's
publication date wherever it stands, and is not kept as text (found by a trial: in a web page's
summary it became summary text and the report a draft with the 1900-01-01 placeholder; in plain
text it became a practice theme)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from spotlight.importing.dates import publication_date

from .conftest import run

LINES = {
    "Published: 3 September 2026": "2026-09-03",
    "Published 3 September 2026": "2026-09-03",
    "Date published: 3 September 2026": "2026-09-03",
    "Publication date: 2026-09-03": "2026-09-03",
    "Published on Wednesday 3rd Sept 2026.": "2026-09-03",
    "Published: 03/09/2026": "2026-09-03",
    "Cyhoeddwyd: 3 Medi 2026": "2026-09-03",
    "Cyhoeddwyd 1 Mai 2025": "2025-05-01",
    "Dyddiad cyhoeddi: 14 Gorffennaf 2025": "2025-07-14",
}
NOT_DATES = ["Published research shows that on 3 May 2024 the rate fell.", "Published: 3 May",
             "Published: 31 February 2026", "Publisher: HM Inspectorate of Probation",
             "The report was published on 14 August 2025."]


def test_what_is_read_as_a_publication_date() -> None:
    assert {line: str(publication_date(line)) for line in LINES} == LINES
    assert [publication_date(line) for line in NOT_DATES] == [None] * len(NOT_DATES)


PAGE = """<!DOCTYPE html><html><body><main>
<h1>Effective Practice Spotlight – Westshire region</h1>
<p>We inspected probation work across Westshire.</p>
<h2>Westshire effective practice summary</h2>
{line}
<p>Fieldwork took place between 6 January and 14 February 2025.</p>
<h2>Court work</h2>
<h3>Example of effectiveness: Careful enquiries</h3>
<p>Ann appeared in court.</p>
<p>Outcome: The court followed the proposal.</p>
</main></body></html>
"""
TEXT = """Effective Practice Spotlight – Westshire region
We inspected probation work across Westshire.
{line}
Westshire effective practice summary
Fieldwork took place between 6 January and 14 February 2025.
Court work
Example of effectiveness: Careful enquiries
Ann appeared in court.
Outcome: The court followed the proposal.
"""
SOURCES = {
    "page.html, in the summary": ("page.html", PAGE, "<p>Published: 3 September 2026</p>"),
    "page.html, bold label": ("page.html", PAGE,
                              "<p><strong>Published:</strong> 3 September 2026</p>"),
    "page.html, a list of terms": ("page.html", PAGE,
                                   "<dl><dt>Date published</dt><dd>3 September 2026</dd></dl>"),
    "page.html, in the page header": ("page.html", PAGE.replace(
        "<body><main>", "<body><header><a href='/'>Home</a><p>Published: 3 September 2026</p>"
                        "</header><main>"), ""),
    "text, no colon": ("spotlight.txt", TEXT, "Published 3 September 2026"),
    "text, Welsh": ("spotlight.txt", TEXT, "Cyhoeddwyd: 3 Medi 2026"),
}


@pytest.mark.parametrize("case", SOURCES)
def test_the_publication_date_is_read_and_not_kept_as_text(case: str, tmp_path: Path) -> None:
    name, template, line = SOURCES[case]
    source = tmp_path / name
    source.write_text(template.format(line=line), encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 0, result.output
    assert "publication date" not in result.stderr
    text = (tmp_path / "content" / "reports" / "westshire-2025.yml").read_text(encoding="utf-8")
    report = yaml.safe_load(text)
    assert str(report["published"]) == "2026-09-03"
    assert "PLACEHOLDER" not in text and "3 September" not in text and "Medi" not in text
    assert report["summary"]["text"] == ("Fieldwork took place between 6 January and 14 "
                                         "February 2025.\n")
    assert report["introduction"] == "We inspected probation work across Westshire.\n"
    assert [s["practice_theme"] for s in report["sections"]] == ["court-work"]
