"""A file that is not a spotlight, or not in a format import reads, is refused with a message
saying what to do, and nothing is written (found by a trial: a text file holding "hello"
"imported" as a report titled "hello", and an old Word .doc was called "a binary file")."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run

NO_EXAMPLES = ("found no examples of effectiveness: import looks for headings or lines starting "
               "'Example of effectiveness:' (or a section that tells a case and ends with "
               "'Outcome:'), as a spotlight has. Check that this is the spotlight you meant to "
               "import")

SOURCES = {
    "old.doc": "hello\n",
    "notes.txt": "Notes from a visit to Kent\n\nThe team met on Tuesday. They discussed two "
                 "cases.\n\nCourt work\n\n- one case was transferred\n- the other closed\n",
    "page.html": "<!DOCTYPE html><html><body><main><h1>Kent inspection – Kent region</h1>"
                 "<p>Published: 3 September 2026</p><h2>Court work</h2><p>The court team wrote "
                 "the reports.</p><h3>A good week</h3><p>Reports were on time.</p></main>"
                 "</body></html>",
}


def _refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    result = run("import", str(source), "--out", str(tmp_path / "c2"))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == f"{source}: {message}\n" \
                            "Import failed: 1 problem(s); nothing was written.\n"
    assert not (tmp_path / "c2").exists()


@pytest.mark.parametrize("name", SOURCES)
def test_a_source_with_no_examples_is_refused(name: str, tmp_path: Path) -> None:
    _refused(tmp_path, name, SOURCES[name].encode(), NO_EXAMPLES)


def test_a_source_with_no_examples_adds_nothing_to_a_content_folder(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Spotlight – Kent region\nExample of effectiveness: A visit\nAnn was seen.\n",
                    encoding="utf-8")
    assert run("import", str(good), "--out", str(tmp_path / "c2")).exit_code == 0
    before = {p: p.read_bytes() for p in (tmp_path / "c2").rglob("*") if p.is_file()}
    source = tmp_path / "notes.txt"
    source.write_text(SOURCES["notes.txt"], encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "c2"))
    assert result.exit_code == 1 and NO_EXAMPLES in result.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "c2").rglob("*") if p.is_file()} == before


SAVE_AS_DOCX = "open it in Word and save it as a Word document (.docx), then import that"
OTHER_FORMATS = {
    "a Word 97-2003 document": ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
                                f"is an older Word document (.doc), which import cannot read: "
                                f"{SAVE_AS_DOCX}"),
    "a damaged .doc": ("old.doc", b"\xd0\xcf\x11\xe0" + bytes(20),
                       f"is an older Word document (.doc), which import cannot read: "
                       f"{SAVE_AS_DOCX}"),
    "a Rich Text document": ("draft.rtf", b"{\\rtf1\\ansi Example of effectiveness: A case}",
                             "is a Rich Text document (.rtf), which import cannot read: "
                             f"{SAVE_AS_DOCX}"),
    "a PDF": ("spotlight.pdf", b"%PDF-1.7\n1 0 obj\n",
              "is a PDF, which import cannot read: import the Word document it was made from, "
              "or copy all its text into a plain text file (.txt) and import that"),
    "Word's lock file, beside an open document": (
        "~$rthshire-draft.docx", b"\x0dJane Realname" + bytes(40) + "Jane Realname".encode(
            "utf-16-le") + bytes(80),
        "is Word's temporary file, made while the document is open in Word (its name starts "
        "with ~$), not a Word document: import the document itself, not the ~$ file (save it "
        "and close it in Word first)"),
    "another binary file": ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00",
                            "is a binary file: import reads plain text (.txt), web pages (.html) "
                            "and Word documents (.docx)"),
}


@pytest.mark.parametrize("case", OTHER_FORMATS)
def test_a_file_in_another_format_says_what_to_do(case: str, tmp_path: Path) -> None:
    name, data, message = OTHER_FORMATS[case]
    _refused(tmp_path, name, data, message)
