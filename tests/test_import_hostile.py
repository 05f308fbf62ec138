"""Hostile and damaged Word documents in `spotlight import`: one clear message each, quickly,
with no traceback and nothing written."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from .conftest import run

_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"/>')


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _word() -> bytes:
    document = docx.Document()
    document.add_heading("North spotlight", 0)
    document.add_paragraph("Example of effectiveness: Release planning")
    document.add_paragraph("Ben was released on licence.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                   * 10) for i in range(1, 10))
          + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
          b'main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')

CASES = {
    "a zip bomb": (_zip({"[Content_Types].xml": _TYPES.encode(),
                         "word/document.xml": b"<w:document>" + b" " * (8 * 2**20)}),
                   "has a part (word/document.xml) that unpacks to"),
    "a billion laughs": (_zip({"[Content_Types].xml": _TYPES.encode(),
                               "word/document.xml": LAUGHS}),
                         "has a part (word/document.xml) with an XML document type or entity"),
    "a truncated document": (_word()[:3000], "is not a Word document (.docx) that can be read"),
    "a zip with no document in it": (_zip({"notes.txt": b"hello"}),
                                     "is not a Word document (.docx) that can be read"),
    "a damaged document part": (_zip({"[Content_Types].xml": _TYPES.encode(),
                                      "word/document.xml": b"<w:document><unclosed"}),
                                "is not a Word document (.docx) that can be read"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_hostile_or_damaged_word_document_is_refused_clearly(name: str, tmp_path: Path) -> None:
    data, message = CASES[name]
    source = tmp_path / "spotlight.docx"
    source.write_bytes(data)
    result = run("import", str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"spotlight.docx: {message}" in result.output
    assert "Import failed: 1 problem(s); nothing was written." in result.output
    assert not (tmp_path / "content").exists()


def test_a_real_word_document_still_imports(tmp_path: Path) -> None:
    source = tmp_path / "spotlight.docx"
    source.write_bytes(_word())
    result = run("import", str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 0, result.output


def test_a_pipe_or_a_folder_as_the_source_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.docx").mkdir()
    for source in ("pipe.txt", "folder.docx"):
        result = run("import", str(tmp_path / source), "--out", str(tmp_path / "content"))
        assert result.exit_code == 1, result.output
        assert f"{source}: is not an ordinary file: give the file to import" in result.output
    assert not (tmp_path / "content").exists()


def test_a_broken_link_as_the_content_folder_is_named(tmp_path: Path) -> None:
    source = tmp_path / "spotlight.docx"
    source.write_bytes(_word())
    (tmp_path / "content").symlink_to(tmp_path / "nowhere")
    result = run("import", str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 1, result.output
    assert "content: is a link to a folder that does not exist: delete the link, or choose " \
           "another folder" in result.output
    assert not (tmp_path / "nowhere").exists()
