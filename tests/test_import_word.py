"""What Word holds but never prints stays out of an import (found by a new user's trial: text
formatted as hidden was imported, and Word's table of contents landed in the introduction),
and mammoth's messages about Word's ordinary styles are not passed on as warnings."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from .conftest import run

TITLE = "Effective Practice Spotlight: The Probation Service – Eastmere region"
W = nsdecls("w")


def _draft(path: Path, add: Callable[[docx.document.Document], None] = lambda d: None) -> Path:
    """A short Word draft of a spotlight; ``add`` writes more into it after its introduction."""
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("Published: 2 June 2026")
    document.add_paragraph("We inspected probation work across Eastmere this spring.")
    add(document)
    document.add_heading("Court work", 1)
    document.add_heading("Example of effectiveness: A report written in time", 2)
    document.add_paragraph("Nia, a 27-year-old woman, was sentenced for theft.")
    outcome = document.add_paragraph()
    outcome.add_run("Outcome:").bold = True
    outcome.add_run(" The court followed the proposal.")
    document.save(str(path))
    return path


def _import(source: Path, root: Path) -> tuple[str, str]:
    """Import ``source``; its warnings, and the text of every file written."""
    result = run("import", str(source), "--out", str(root / "content"))
    assert result.exit_code == 0, result.output
    files = "\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "content").rglob("*"))
                      if p.is_file())
    return result.output, files


def _hidden_run(document: docx.document.Document) -> None:
    paragraph = document.add_paragraph("Sentencers valued the reports.")
    paragraph.add_run(" Ask Sergeant Pellow about the Marsh Lane case.").font.hidden = True


def _special_hidden_run(document: docx.document.Document) -> None:
    paragraph = document.add_paragraph("Sentencers valued the reports.")
    paragraph._p.append(parse_xml(
        f'<w:r {W}><w:rPr><w:specVanish/></w:rPr><w:t xml:space="preserve"> Ask Sergeant Pellow '
        "about the Marsh Lane case.</w:t></w:r>"))


def _hidden_character_style(document: docx.document.Document) -> None:
    style = document.styles.add_style("Reviewer aside", WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    paragraph = document.add_paragraph("Sentencers valued the reports.")
    paragraph.add_run(" Ask Sergeant Pellow about the Marsh Lane case.", style=style)


def _hidden_paragraph_style(document: docx.document.Document) -> None:
    document.add_paragraph("Sentencers valued the reports.")
    style = document.styles.add_style("Reviewer note", WD_STYLE_TYPE.PARAGRAPH)
    style.font.hidden = True
    document.add_paragraph("Ask Sergeant Pellow about the Marsh Lane case.", style=style)


def _hidden_paragraph(document: docx.document.Document) -> None:
    document.add_paragraph("Sentencers valued the reports.")
    paragraph = document.add_paragraph()
    paragraph.add_run("Ask Sergeant Pellow about the Marsh Lane case.").font.hidden = True
    paragraph._p.get_or_add_pPr().append(parse_xml(f"<w:rPr {W}><w:vanish/></w:rPr>"))


HIDDEN = {"a run formatted hidden": _hidden_run,
          "a run with specVanish": _special_hidden_run,
          "a character style that hides": _hidden_character_style,
          "a paragraph style that hides": _hidden_paragraph_style,
          "a paragraph hidden with its mark": _hidden_paragraph}


@pytest.mark.parametrize("case", HIDDEN)
def test_hidden_text_is_left_out_and_said_once(case: str, tmp_path: Path) -> None:
    output, files = _import(_draft(tmp_path / "draft.docx", HIDDEN[case]), tmp_path)
    assert "Sentencers valued the reports." in files
    assert "Pellow" not in files and "Marsh Lane" not in files
    assert output.count("hidden text") == 1
    assert "draft.docx: 1 piece(s) of hidden text left out (text formatted as hidden in Word, " \
           "which is never printed): 'Ask Sergeant Pellow about the Marsh Lane case.'; if any " \
           "of it belongs in the spotlight, unhide it in Word and import again (warning)" in output


def test_a_paragraph_whose_mark_alone_is_hidden_runs_on_as_printed(tmp_path: Path) -> None:
    def add(document: docx.document.Document) -> None:
        first = document.add_paragraph("Sentencers valued ")
        first._p.get_or_add_pPr().append(parse_xml(f"<w:rPr {W}><w:vanish/></w:rPr>"))
        document.add_paragraph("the reports.")

    _, files = _import(_draft(tmp_path / "draft.docx", add), tmp_path)
    assert "Sentencers valued the reports." in files


def test_many_pieces_of_hidden_text_are_counted_with_their_first_words(tmp_path: Path) -> None:
    def add(document: docx.document.Document) -> None:
        for number in range(1, 6):
            paragraph = document.add_paragraph(f"Visible sentence {number}.")
            paragraph.add_run(f" Hidden note number {number} for the reviewer, which runs on "
                              "for a while.").font.hidden = True

    output, files = _import(_draft(tmp_path / "draft.docx", add), tmp_path)
    assert "Visible sentence 5." in files and "Hidden note" not in files
    assert "5 piece(s) of hidden text left out (text formatted as hidden in Word, which is " \
           "never printed): 'Hidden note number 1 for the reviewer, which…'; 'Hidden note " \
           "number 2 for the reviewer, which…'; 'Hidden note number 3 for the reviewer, " \
           "which…' and 2 more;" in output


def _comment_deletion_header_properties(document: docx.document.Document) -> None:
    paragraph = document.add_paragraph("Sentencers valued the reports.")
    document.add_comment(paragraph.runs[0], text="Ring Bryony Kestrelwood on 07700 900456",
                         author="Reviewer", initials="RV")
    paragraph._p.append(parse_xml(
        f'<w:del {W} w:id="81" w:author="Reviewer" w:date="2026-05-02T10:00:00Z"><w:r>'
        '<w:delText xml:space="preserve"> His neighbour Ivo Quarrington complained.</w:delText>'
        "</w:r></w:del>"))
    paragraph._p.append(parse_xml(
        f'<w:ins {W} w:id="82" w:author="Reviewer" w:date="2026-05-02T10:00:00Z"><w:r>'
        '<w:t xml:space="preserve"> The practitioner checked with the police.</w:t></w:r>'
        "</w:ins>"))
    section = document.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL-SENSITIVE – draft 3 – Oriel Penhallow"
    section.footer.paragraphs[0].text = "Footer: Tamsin Roskilly, page 1"
    properties = document.core_properties
    properties.author, properties.comments = "Ellery Vosper", "Check with Brannock first"
    properties.title, properties.keywords = "Eastmere draft for Quillon", "do not publish"


def test_comments_deletions_headers_footers_and_properties_stay_out(tmp_path: Path) -> None:
    output, files = _import(_draft(tmp_path / "draft.docx", _comment_deletion_header_properties),
                            tmp_path)
    assert "Sentencers valued the reports. The practitioner checked with the police." in files, \
        "a tracked insertion is kept"
    for kept_out in ("Kestrelwood", "07700", "Quarrington", "Penhallow", "OFFICIAL", "Roskilly",
                     "Vosper", "Brannock", "Quillon", "do not publish"):
        assert kept_out not in files and kept_out not in output


def _toc_field(document: docx.document.Document) -> None:
    document.add_paragraph("Contents", style="TOC Heading")
    entries = [("Eastmere effective practice summary", 2), ("Court work", 3)]
    for index, (text, page) in enumerate(entries):
        paragraph = document.add_paragraph()
        if index == 0:
            for xml in ('<w:fldChar w:fldCharType="begin"/>',
                        '<w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\u'
                        "</w:instrText>",
                        '<w:fldChar w:fldCharType="separate"/>'):
                paragraph._p.append(parse_xml(f"<w:r {W}>{xml}</w:r>"))
        paragraph.add_run(f"{text}\t{page}")
    paragraph._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))


def _toc_styles(document: docx.document.Document) -> None:
    for level, text in ((1, "Eastmere effective practice summary\t2"), (2, "Court work\t3")):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph(text, style=style)


def _toc_control(document: docx.document.Document) -> None:
    document.element.body.append(parse_xml(
        f"<w:sdt {W}><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/>"
        "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Contents</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Eastmere effective practice summary</w:t></w:r><w:r><w:tab/></w:r>"
        "<w:r><w:t>2</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Court work</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>3</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"))


CONTENTS = {"a TOC field": _toc_field, "TOC styles": _toc_styles,
            "a table of contents control": _toc_control}


@pytest.mark.parametrize("case", CONTENTS)
def test_words_table_of_contents_is_left_out(case: str, tmp_path: Path) -> None:
    output, files = _import(_draft(tmp_path / "draft.docx", CONTENTS[case]), tmp_path)
    report = next((tmp_path / "content" / "reports").glob("*.yml")).read_text(encoding="utf-8")
    assert "introduction: |\n  We inspected probation work across Eastmere this spring.\n" \
           "summary:" in report or "introduction: |\n  We inspected probation work across " \
           "Eastmere this spring.\nstandards_intro" in report
    assert "Eastmere effective practice summary" not in files
    assert "draft.docx: Word's table of contents left out: the website and the PDF make their " \
           "own (warning)" in output


def _ordinary_styles(document: docx.document.Document) -> None:
    for text in ("Housing was found.", "A GP was registered."):  # Word's own bullets
        paragraph = document.add_paragraph(text, style="List Paragraph")
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    paragraph = document.add_paragraph("Read the guidance on")
    relation = paragraph.part.relate_to("https://example.org/guide", RELATIONSHIP_TYPE.HYPERLINK,
                                        is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    link.append(parse_xml(f'<w:r {W}><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
                          '<w:t xml:space="preserve"> our website</w:t></w:r>'))
    paragraph._p.append(link)
    document.add_comment(paragraph.runs[0], text="Is this the right link?", author="RV")
    for style in ("Caption", "No Spacing", "Intense Quote", "Quote"):
        document.add_paragraph(f"A line in the style {style}.", style=style)
    document.add_paragraph("Footnote-like text.", style="Body Text")


def test_words_ordinary_styles_give_no_messages(tmp_path: Path) -> None:
    output, files = _import(_draft(tmp_path / "draft.docx", _ordinary_styles), tmp_path)
    assert "Word document" not in output and "Style ID" not in output
    assert "- Housing was found.\n  - A GP was registered." in files or \
        "- Housing was found.\n- A GP was registered." in files
    assert "Read the guidance on [our website](<https://example.org/guide>)\n" in files


def test_a_style_import_does_not_know_is_said_in_plain_words(tmp_path: Path) -> None:
    def add(document: docx.document.Document) -> None:
        style = document.styles.add_style("Case summary box", WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph("Sentencers valued the reports.", style=style)

    output, files = _import(_draft(tmp_path / "draft.docx", add), tmp_path)
    assert "Sentencers valued the reports." in files
    assert "draft.docx: Word document: the paragraph style 'Case summary box' is not one " \
           "import knows: its paragraphs are read as ordinary paragraphs (use Word's Heading " \
           "1, Heading 2... styles for headings) (warning)" in output


def test_a_word_document_named_doc_is_read_by_its_bytes(tmp_path: Path) -> None:
    source = _draft(tmp_path / "draft.doc")
    with zipfile.ZipFile(io.BytesIO(source.read_bytes())) as archive:
        assert "word/document.xml" in archive.namelist()
    _, files = _import(source, tmp_path)
    assert "Nia, a 27-year-old woman, was sentenced for theft." in files
