"""A heading at the examples' level, without the "Example of effectiveness:" label, after an
example's Outcome (found by a new user's trial: it was folded into the example before, with
only a warning about text after the Outcome)."""

from __future__ import annotations

from pathlib import Path

import docx

from .conftest import run

TITLE = "Effective Practice Spotlight: The Probation Service – Eastmere region"


def _import(tmp_path: Path, own_outcome: bool) -> tuple[str, Path]:
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("Published: 2 June 2026")
    document.add_heading("Court work", 1)
    document.add_heading("Example of effectiveness: A report written in time", 2)
    document.add_paragraph("Nia, a 27-year-old woman, was sentenced for theft.")
    document.add_paragraph("Outcome: The court followed the proposal.")
    document.add_heading("Keeping the victim informed", 2)
    document.add_paragraph("Mina was the victim of harassment; the officer kept in touch.")
    if own_outcome:
        document.add_paragraph("Outcome – Mina said she felt listened to.")
    document.save(str(tmp_path / "draft.docx"))
    result = run("import", str(tmp_path / "draft.docx"), "--out", str(tmp_path / "content"))
    assert result.exit_code == 0, result.output
    return result.output, tmp_path / "content" / "examples"


def test_a_heading_with_its_own_outcome_is_an_example(tmp_path: Path) -> None:
    output, examples = _import(tmp_path, own_outcome=True)
    assert sorted(p.name for p in examples.iterdir()) == [
        "a-report-written-in-time.md", "keeping-the-victim-informed.md"]
    text = (examples / "keeping-the-victim-informed.md").read_text("utf-8")
    assert "title: Keeping the victim informed" in text
    assert "## Outcome\n\nMina said she felt listened to." in text
    assert "Mina" not in (examples / "a-report-written-in-time.md").read_text("utf-8")
    assert ("heading 'Keeping the victim informed' after the Outcome of 'A report written in "
            "time' tells a case with its own Outcome: it is imported as an example of its "
            "own") in output


def test_a_heading_without_an_outcome_stays_and_the_warning_says_how(tmp_path: Path) -> None:
    output, examples = _import(tmp_path, own_outcome=False)
    assert [p.name for p in examples.iterdir()] == ["a-report-written-in-time.md"]
    assert ("the heading 'Keeping the victim informed' and the text under it are kept inside "
            "the Outcome of 'A report written in time': if it is an example of its own, start "
            "its heading with 'Example of effectiveness:' and import again") in output
