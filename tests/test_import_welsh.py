"""A spotlight written in Welsh imports as one (found by a new user's trial: "Enghraifft o
effeithiolrwydd" headings and "Canlyniad:" were not recognised, the Welsh fieldwork dates were
not read, and the report did not say it is in Welsh)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import yaml

from spotlight.importing.dates import date_range

from .conftest import run
from .import_helpers import set_dates

TITLE = "Sbotolau Ymarfer Effeithiol: Y Gwasanaeth Prawf – Cymru"


def _draft(path: Path) -> Path:
    """A Welsh Word draft, in the published layout."""
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("Cyhoeddwyd: 3 Medi 2026")
    document.add_paragraph("Buom yn arolygu gwaith prawf ledled Cymru eleni.")
    document.add_heading("Crynodeb o arfer effeithiol yng Nghymru", 1)
    document.add_paragraph("Cynhaliwyd y gwaith maes rhwng 2 Mawrth a 10 Ebrill 2026.",
                           style="List Bullet")
    document.add_heading("Gwaith llys", 1)
    document.add_heading("Enghraifft o effeithiolrwydd: Adroddiad mewn pryd", 2)
    document.add_paragraph("Cafodd Elin, menyw 30 oed, ei dedfrydu am ladrata [1].")
    outcome = document.add_paragraph()
    outcome.add_run("Canlyniad:").bold = True
    outcome.add_run(" Dilynodd y llys y cynnig.")
    document.add_heading("Cyfeiriadau a chydnabyddiaethau", 1)
    document.add_paragraph("Diolch i bawb a gymerodd ran.")
    document.add_paragraph("[1] Canllaw i adroddiadau llys (2025).")
    document.save(str(path))
    return path


def _import(source: Path, content: Path) -> str:
    result = run("import", str(source), "--out", str(content))
    assert result.exit_code == 0, result.output
    return result.output


def test_a_welsh_draft_imports_in_welsh_and_builds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    output = _import(_draft(tmp_path / "drafft.docx"), content)
    report = yaml.safe_load((content / "reports" / "wales-2026.yml").read_text())
    assert (report["language"], report["region"]) == ("cy", "wales")
    assert report["fieldwork"] == {"start": dt.date(2026, 3, 2), "end": dt.date(2026, 4, 10)}
    assert str(report["published"]) == "2026-09-03"
    assert [s["practice_theme"] for s in report["sections"]] == ["gwaith-llys"]
    assert report["acknowledgements"] == "Diolch i bawb a gymerodd ran.\n"
    example = (content / "examples" / "adroddiad-mewn-pryd.md").read_text()
    assert "\ntitle: Adroddiad mewn pryd\n" in example and "\nlanguage: cy\n" in example
    assert example.endswith("ei dedfrydu am ladrata [@ref-1].\n\n## Canlyniad\n\n"
                            "Dilynodd y llys y cynnig.\n")
    site = yaml.safe_load((content / "site.yml").read_text())
    assert site["language"] == "cy", "a new site for a Welsh spotlight is in Welsh"
    assert {"slug": "wales", "name": "Wales"} in site["regions"]
    assert "language: cy" not in output
    set_dates(content)
    built = run("build", "--content", str(content), "--out", str(tmp_path / "build"),
                "--no-pdf")
    assert built.exit_code == 0, built.output


def test_a_welsh_draft_into_an_english_site_says_to_publish_welsh(tmp_path: Path) -> None:
    content = tmp_path / "content"
    english = tmp_path / "english.txt"
    english.write_text("Spotlight – Wales\n\nExample of effectiveness: A visit\n\nAnn was "
                       "seen.\n", encoding="utf-8")
    _import(english, content)
    output = _import(_draft(tmp_path / "drafft.docx"), content)
    assert "the source is in Welsh: its report and examples say 'language: cy', which site.yml " \
           "does not publish yet: add cy to its languages (for example 'languages: [en, cy]'; " \
           "see 'Welsh and English' in the README) (warning)" in output


def test_a_section_matches_a_practice_theme_by_its_welsh_title(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    from spotlight.importing.site_file import starter_text

    (content / "site.yml").write_text(
        starter_text().replace("language: en-GB\n", "language: en-GB\nlanguages: [en, cy]\n")
        + "\ncy:\n  practice_themes:\n    - slug: court-work\n      title: Gwaith llys\n",
        encoding="utf-8")
    output = _import(_draft(tmp_path / "drafft.docx"), content)
    report = yaml.safe_load((content / "reports" / "wales-2026.yml").read_text())
    assert [s["practice_theme"] for s in report["sections"]] == ["court-work"]
    assert "Gwaith llys" not in output and "gwaith-llys" not in (content / "site.yml").read_text()


def test_welsh_fieldwork_dates() -> None:
    assert date_range("rhwng 2 Mawrth a 10 Ebrill 2026") == (dt.date(2026, 3, 2),
                                                            dt.date(2026, 4, 10))
    assert date_range("o 28 Chwefror i 4 Ebrill 2025") == (dt.date(2025, 2, 28),
                                                          dt.date(2025, 4, 4))
    assert date_range("rhwng 3 Tachwedd 2025 ac 16 Ionawr 2026") == (dt.date(2025, 11, 3),
                                                                    dt.date(2026, 1, 16))
