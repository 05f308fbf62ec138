"""The PDF's typeface: every character an author may paste reaches the page as a glyph."""

from __future__ import annotations

import re
from pathlib import Path

from fontTools.ttLib import TTFont

from .conftest import REPO, run
from .pdf_helpers import Pdf

THEME = REPO / "themes" / "default" / "static"

#: What a word processor puts in a text: non-breaking, figure and en dash hyphens, a narrow
#: no-break space, primes, a dagger, per mille, micro, arrows and a check mark.
PASTED = "42\u2011year\u2011old, 3\u2010month, 10\u202f000, 5\u2032 tall, \u2020, 2\u2030, " \
         "5\u00b5g, \u2192 \u2191 \u2713"


def _code_points(unicode_range: str) -> set[int]:
    points: set[int] = set()
    for part in unicode_range.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def test_each_font_face_claims_only_the_characters_its_file_holds() -> None:
    """A face that claims a character its file lacks prints it as an empty box: the
    fallback fonts are never asked."""
    faces = re.findall(r"@font-face \{[^}]*\}", (THEME / "pdf.css").read_text())
    assert len(faces) == 8
    for face in faces:
        source = re.search(r"url\(([^)]+)\)", face)
        claimed = re.search(r"unicode-range: ([^;]+);", face)
        assert source and claimed, face
        held = set(TTFont(THEME / source.group(1)).getBestCmap())
        missing = _code_points(claimed.group(1)) - held
        assert not missing, (source.group(1), sorted(f"U+{c:04X}" for c in missing))


def test_pasted_punctuation_prints_as_glyphs_not_boxes(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    example = content / "examples" / "first-case.md"
    example.write_text(example.read_text().replace(
        "received a community order.", f"received a community order. {PASTED}."))
    result = run("build", "--content", "site", "--out", "out", "--no-handouts", "--no-search")
    assert result.exit_code == 0, result.output
    assert ".notdef" not in result.stderr, result.stderr
    pdf = Pdf(tmp_path / "out" / "reports" / "north-2025.pdf")
    assert "42\u2011year\u2011old" in pdf.text()
    family = "Atkinson-Hyperlegible-Next"
    assert {family, f"{family}-Bold"} <= pdf.font_names(), "the text is still in the typeface"


def test_welsh_and_other_accented_letters_print_as_themselves(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """ŵ and ŷ come from the typeface's second file: each letter is drawn with its own glyph,
    in the title, the text, bold and italic (two files of one family once shared one font in
    the PDF, and printed ŵ as ';')."""
    content = site("minimal")
    example = content / "examples" / "first-case.md"
    example.write_text(example.read_text().replace(
        "received a community order.", "received a community order. Tŷ, dŵr a Ŵyl, "
        "**gŵr a thŷ**, *Ŷ ẁ ẃ ẅ ỳ*, Łódź, Dvořák and Ševčík.").replace(
        "title: ", "title: Tŷ a dŵr, ", 1))
    result = run("build", "--content", "site", "--out", "out", "--no-search")
    assert result.exit_code == 0, result.output
    for name in ("reports/north-2025.pdf", "examples/first-case.pdf"):
        pdf = Pdf(tmp_path / "out" / name)
        assert "Ŵyl" in pdf.text() and "Dvořák" in pdf.text(), name
        assert pdf.misdrawn() == [], name
        assert "Atkinson-Hyperlegible-Next-Ext" in pdf.font_names(), name


def test_a_character_no_font_has_is_named_once_in_plain_words(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    example = content / "examples" / "first-case.md"
    example.write_text(example.read_text().replace(
        "received a community order.", "received a community order \ue000 \ue000 \ue000."))
    result = run("build", "--content", "site", "--out", "out", "--no-handouts", "--no-search")
    assert result.exit_code == 0, result.output
    said = sorted(line for line in result.stderr.splitlines() if "U+E000" in line)
    message = ("PDF: no font has the character '\ue000' (U+E000): it prints as an empty box; "
               "replace it in the text, or add a font that has it to the visual theme's "
               "pdf.css (warning)")
    assert said == [f"{pdf}: {message}" for pdf in ("practice-themes/court-work.pdf",
                                                    "reports/north-2025.pdf")], result.stderr


def test_a_word_longer_than_the_line_breaks_rather_than_being_cut(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long = "supplementary" * 8  # wider than the page at any size the PDF uses
    place = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    content = site("minimal")
    example = content / "examples" / "first-case.md"
    example.write_text(example.read_text().replace(
        "received a community order.", f"received a community order. See {long} here.\n\n"
        f"| Place | Team | Partner | Note |\n| --- | --- | --- | --- |\n"
        f"| {place} | {place} | {place} | {long} |\n\n"))
    result = run("build", "--content", "site", "--out", "out", "--no-search")
    assert result.exit_code == 0, result.output
    for name in ("reports/north-2025.pdf", "examples/first-case.pdf"):
        pdf = Pdf(tmp_path / "out" / name)
        lines = [line for page in range(1, pdf.pages + 1) for line in pdf.lines(page)]
        assert not [line for line in lines if long in line], f"{name}: printed whole, cut off"
        joined = "".join("".join(lines).split())  # the paragraph's lines, one after another
        assert long in joined and "Llanfair" in joined and "gogogoch" in joined, name
