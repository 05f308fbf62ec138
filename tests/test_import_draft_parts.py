"""What a lead's draft holds that is not the spotlight stays out of an import, and says so
(found by a new user's trial of Word drafts): title-page lines ("Prepared by ...", "Version 3
– draft for QA", a subtitle) went into the introduction, a typed "Contents" list too, and a
heading "Annex: notes for the QA panel (delete before publication)" became a practice theme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import yaml
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from .conftest import run

TITLE = "Effective Practice Spotlight: The Probation Service – Eastmere region"
INTRO = "We inspected probation work across Eastmere this spring, and met its practitioners."
Build = Callable[[docx.document.Document], None]


def _bold(document: docx.document.Document, text: str, size: int = 14) -> None:
    """A heading made by hand: a bold, larger line in the Normal style."""
    run_ = document.add_paragraph().add_run(text)
    run_.bold, run_.font.size = True, Pt(size)


def _draft(path: Path, front: Build, end: Build = lambda d: None) -> Path:
    """A Word draft: ``front`` writes its title page, then come the introduction, a section
    with two examples, and what ``end`` writes."""
    document = docx.Document()
    front(document)
    document.add_paragraph(INTRO)
    document.add_heading("Court work", 1)
    document.add_paragraph("Reports help courts decide.")
    document.add_heading("Example of effectiveness: A report written in time", 2)
    document.add_paragraph("Nia, a 27-year-old woman, was sentenced for theft.")
    document.add_paragraph("Outcome: The court followed the proposal.")
    _bold(document, "Example of effectiveness: Housing found before release", 12)
    document.add_paragraph("Owen, a 41-year-old man, was released on licence.")
    document.add_paragraph("Outcome: Owen moved into a flat on the day of release.")
    end(document)
    document.save(str(path))
    return path


def _import(source: Path, root: Path) -> tuple[str, dict[str, object], str]:
    """Import ``source``: its warnings, the report file, and the site file."""
    result = run("import", str(source), "--out", str(root / "content"))
    assert result.exit_code == 0, result.output
    report = next((root / "content" / "reports").glob("*.yml")).read_text(encoding="utf-8")
    return result.output, yaml.safe_load(report), \
        (root / "content" / "site.yml").read_text(encoding="utf-8")


def _title_page(document: docx.document.Document) -> None:
    for _ in range(3):
        document.add_paragraph("")
    _bold(document, TITLE, 26)
    for line in ("Published: 2 June 2026", "Prepared by Imogen Trevail, effective practice lead",
                 "Version 3 – draft for QA", "OFFICIAL-SENSITIVE", "May 2026"):
        document.add_paragraph(line)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def test_title_page_lines_are_left_out_and_listed(tmp_path: Path) -> None:
    output, report, _ = _import(_draft(tmp_path / "draft.docx", _title_page), tmp_path)
    assert report["title"] == TITLE and str(report["published"]) == "2026-06-02"
    assert report["introduction"] == f"{INTRO}\n"
    assert "draft.docx:4: 4 title-page line(s) left out, as not part of the report: 'Prepared " \
           "by Imogen Trevail, effective practice lead'; 'Version 3 – draft for QA'; " \
           "'OFFICIAL-SENSITIVE'; 'May 2026'; add by hand any that is wanted (the title, the " \
           "region and the publication date are taken from the title page) (warning)" in output
    assert "QA" not in output.split("title page)")[1], "not an abbreviation of the report"


def _styled_title_page(document: docx.document.Document) -> None:
    document.add_paragraph("Effective Practice Spotlight", style="Title")
    document.add_paragraph("The Probation Service – Eastmere region", style="Subtitle")
    document.add_paragraph("Draft for internal review by Piran Chenoweth", style="Subtitle")
    document.add_paragraph("Author: Imogen Trevail")


def test_a_subtitle_naming_the_region_completes_the_title(tmp_path: Path) -> None:
    output, report, _ = _import(_draft(tmp_path / "draft.docx", _styled_title_page), tmp_path)
    assert report["title"] == TITLE and report["region"] == "eastmere"
    assert report["introduction"] == f"{INTRO}\n"
    assert "2 title-page line(s) left out, as not part of the report: 'Draft for internal " \
           "review by Piran Chenoweth'; 'Author: Imogen Trevail';" in output


def test_the_introduction_of_a_plain_text_draft_is_kept_whole(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(f"{TITLE}\n\nVersion 2\n\n{INTRO}\n\nDraft guidance on reports was "
                      "issued in May, and practitioners used it.\n\nCourt work (Back to top)\n\n"
                      "Example of effectiveness: A report\n\nNia was sentenced.\n",
                      encoding="utf-8")
    output, report, _ = _import(source, tmp_path)
    assert report["introduction"] == f"{INTRO}\n\nDraft guidance on reports was issued in May, " \
                                      "and practitioners used it.\n"
    assert "draft.txt:3: 1 title-page line(s) left out, as not part of the report: 'Version 2';" \
        in output


def _typed_contents(document: docx.document.Document) -> None:
    document.add_paragraph(TITLE, style="Title")
    _bold(document, "Contents", 16)
    for line in ("1. Court work\t2", "2. Example of effectiveness: A report written in time\t3",
                 "3. Resettlement\t4", "4. References\t5"):
        document.add_paragraph(line)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def test_a_typed_contents_list_is_left_out(tmp_path: Path) -> None:
    output, report, _ = _import(_draft(tmp_path / "draft.docx", _typed_contents), tmp_path)
    assert report["introduction"] == f"{INTRO}\n"
    assert "draft.docx:3: the contents list ('Contents' and its 4 entries) left out: the " \
           "website and the PDF make their own contents (warning)" in output


def test_a_contents_list_in_plain_text_is_left_out_up_to_the_text(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(f"{TITLE}\n\nTable of contents\n\nIntroduction .......... 1\nCourt work"
                      "\n\nIntroduction\n\nWe inspected probation work in the spring.\n\nCourt "
                      "work\n\nExample of effectiveness: A report\n\nNia was sentenced.\n",
                      encoding="utf-8")
    output, report, _ = _import(source, tmp_path)
    assert report["introduction"] == "We inspected probation work in the spring.\n"
    assert [s["practice_theme"] for s in report["sections"]] == ["court-work"]
    assert "the contents list ('Table of contents' and its 2 entries) left out" in output


def _annex(document: docx.document.Document) -> None:
    document.add_heading("Annex: notes for the QA panel (delete before publication)", 1)
    document.add_paragraph("Nia’s real name is Nerys Polglase; office at 7 Mill Lane.")
    document.add_heading("Example of effectiveness: A case we may add", 2)
    document.add_paragraph("Outcome: To be confirmed.")


def test_a_part_not_for_publication_is_left_out_with_everything_under_it(tmp_path: Path) -> None:
    output, report, site = _import(_draft(tmp_path / "draft.docx", _title_page, _annex),
                                   tmp_path)
    files = "".join(p.read_text() for p in (tmp_path / "content").rglob("*") if p.is_file())
    assert "Polglase" not in files and "may add" not in files and "annex" not in site
    assert [s["practice_theme"] for s in report["sections"]] == ["court-work"]
    assert "the part headed 'Annex: notes for the QA panel (delete before publication)' left " \
           "out, with the 3 paragraph(s) under it: its heading says it is not for publication " \
           "(warning)" in output


def test_headings_that_say_not_for_publication() -> None:
    from spotlight.importing.leave_out import UNPUBLISHED
    from spotlight.importing.outline import normalise

    unpublished = ["Annex: notes for the QA panel (delete before publication)",
                   "Internal only", "NOT FOR PUBLICATION", "Do not publish – check first",
                   "Notes for reviewers", "Editor’s notes", "Remove this section before "
                   "publishing", "For QA", "Drafting notes"]
    published = ["Quality assurance", "Internal partnerships", "Notes on our methodology",
                 "Publication of reports", "Reviewing sentence plans", "Work with the panel"]
    assert [t for t in unpublished if not UNPUBLISHED.search(normalise(t))] == []
    assert [t for t in published if UNPUBLISHED.search(normalise(t))] == []


def _exampleless_sections(document: docx.document.Document) -> None:
    document.add_heading("Next steps", 1)
    document.add_paragraph("The region will share these examples with every team.")
    document.add_heading("Resettlement", 1)
    document.add_paragraph("Release planning starts early.")


def test_a_section_with_no_examples_adds_no_practice_theme(tmp_path: Path) -> None:
    output, report, site = _import(_draft(tmp_path / "draft.docx", _title_page,
                                          _exampleless_sections), tmp_path)
    assert "next-steps" not in site and "Next steps" not in site
    assert [s["practice_theme"] for s in report["sections"]] == ["court-work", "resettlement"]
    assert report["acknowledgements"] == "## Next steps\n\nThe region will share these " \
                                         "examples with every team.\n"
    assert "section 'Next steps' has no examples and is no practice theme: its text is kept, " \
           "under its heading, at the start of the acknowledgements" in output


def test_titles_are_plain_text_and_shouted_headings_are_not_abbreviations(
        tmp_path: Path) -> None:
    def end(document: docx.document.Document) -> None:
        document.add_heading("3. COURT WORK AND MAPPA", 1)
        document.add_paragraph("The DTTO team helped.")
        document.add_paragraph("Example of effectiveness: *Quick* checks [1]")
        document.add_paragraph("Ivy was sentenced.")

    output, _, site = _import(_draft(tmp_path / "draft.docx", _title_page, end), tmp_path)
    examples = tmp_path / "content" / "examples"
    housing = (examples / "housing-found-before-release.md").read_text(encoding="utf-8")
    assert "\ntitle: Housing found before release\n" in housing, "a bold heading: no **"
    quick = (examples / "quick-checks-1.md").read_text(encoding="utf-8")
    assert '\ntitle: "*Quick* checks [1]"\n' in quick, "a title is text, not Markdown"
    assert "# DTTO: ?" in site
    assert "# COURT: ?" not in site and "# WORK: ?" not in site and "# AND: ?" not in site
    assert "1 abbreviation(s) used without being spelled out: DTTO;" in output
