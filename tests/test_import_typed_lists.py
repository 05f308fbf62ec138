"""Lists typed by hand in a draft ("•<TAB>...", "- ...", "o" sub-bullets, "1) ...", "(a) ...")
become Markdown lists, in a Word document and in a web page (found by a new user's trial: they
stayed paragraphs, and "- " was written as '\\-')."""

from __future__ import annotations

from pathlib import Path

import docx

from .conftest import run

TITLE = "Effective Practice Spotlight: The Probation Service – Eastmere region"
TYPED = ["We saw good work:", "•\tWe met 14 practitioners.", "o\tSix were new in post.",
         "–\tWe read 40 reports.", "1) Plans were agreed.", "(a) One was late.",
         "(b) One was early.", "2) Reviews were held.", "A closing sentence."]
LIST = """- We met 14 practitioners.
  - Six were new in post.
- We read 40 reports.
  1. Plans were agreed.
     1. One was late.
     1. One was early.
  1. Reviews were held."""


def _word(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("Published: 2 June 2026")
    document.add_heading("Court work", 1)
    document.add_heading("Example of effectiveness: A report written in time", 2)
    for line in lines:
        document.add_paragraph(line)
    document.add_paragraph("Outcome: The court followed the proposal.")
    document.save(str(path))
    return path


def _html(path: Path, lines: list[str]) -> Path:
    body = "".join(f"<p>{line}</p>" for line in lines)
    path.write_text(f"<!doctype html><html><body><main><h1>{TITLE}</h1><p>Published: 2 June "
                    "2026</p><h2>Court work</h2><h3>Example of effectiveness: A report written "
                    f"in time</h3>{body}<p>Outcome: The court followed the proposal.</p>"
                    "</main></body></html>", encoding="utf-8")
    return path


def _example(source: Path, root: Path) -> str:
    result = run("import", str(source), "--out", str(root / "content"))
    assert result.exit_code == 0, result.output
    return (root / "content" / "examples" / "a-report-written-in-time.md").read_text("utf-8")


def test_typed_bullets_in_word_become_a_nested_list(tmp_path: Path) -> None:
    text = _example(_word(tmp_path / "draft.docx", TYPED), tmp_path)
    assert f"## We saw good work\n\n{LIST}\n\nA closing sentence." in text
    assert "•" not in text and "\\-" not in text


def test_typed_bullets_in_a_web_page_become_a_nested_list(tmp_path: Path) -> None:
    text = _example(_html(tmp_path / "page.html", TYPED), tmp_path)
    assert f"## We saw good work\n\n{LIST}\n\nA closing sentence." in text


def test_a_lone_dash_or_number_stays_a_paragraph(tmp_path: Path) -> None:
    lines = ["Nia was sentenced for theft.", "- and the court agreed.", "A last sentence.",
             "1) on its own."]
    text = _example(_word(tmp_path / "draft.docx", lines), tmp_path)
    assert "\\- and the court agreed." in text
    assert "\n1\\) on its own." in text
