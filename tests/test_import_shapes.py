"""Sources of unexpected shapes import with warnings, or fail with a message: never a crash."""

from __future__ import annotations

import re
import string
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .conftest import run
from .import_helpers import builds_or_only_the_gate_stops_it, set_dates


def _import_and_build(source: Path, root: Path) -> str:
    result = run("import", str(source), "--out", str(root / "content"))
    assert result.exit_code == 0, result.output
    set_dates(root / "content")
    built = run("build", "--content", str(root / "content"), "--out", str(root / "build"),
                "--no-pdf")
    assert built.exit_code == 0, built.output
    return result.output


def test_text_without_any_structure(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Notes from a visit\n\nThe team met on Tuesday. They discussed two cases.\n"
                      "- one case was transferred\n- the other closed\n"
                      "Example of effectiveness: A transfer\nThe case moved to Kent.\n",
                      encoding="utf-8")
    output = _import_and_build(source, tmp_path)
    assert "no region found" in output
    assert "no fieldwork dates found" in output
    report = next((tmp_path / "content" / "reports").glob("*.yml")).read_text()
    assert "They discussed two cases." in report and "- the other closed" in report


def test_a_draft_off_the_published_layout_keeps_its_cases_as_examples(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(
        "Notes from the Westbrook inspection\n\nBackground\nWe looked at 40 cases.\n\n"
        "Resettlement\nHousing came first.\n\nGood practice with Kai\nKai was released on "
        "licence.\n- She met Kai in prison twice\nOutcome: Kai moved into his flat.\n\n"
        "A second case, with Zara\nZara was seen weekly.\nOutcome: Zara kept her job.\n\n"
        "Next steps\nThe PDU will share this.\n", encoding="utf-8")
    output = _import_and_build(source, tmp_path)
    assert ("draft.txt:9: 'Good practice with Kai' names no practice theme but tells a case (it "
            "has an Outcome): it is imported as an example, in the section 'Resettlement'"
            ) in output
    report = yaml.safe_load(next((tmp_path / "content" / "reports").glob("*.yml")).read_text())
    assert report["introduction"] == "We looked at 40 cases.\n", "'Background' is the introduction"
    assert [s["practice_theme"] for s in report["sections"]] == ["resettlement"]
    assert report["acknowledgements"] == "## Next steps\n\nThe PDU will share this.\n", \
        "a section with no examples is kept as text, not made a practice theme"
    assert "draft.txt:18: section 'Next steps' has no examples and is no practice theme: its " \
           "text is kept, under its heading, at the start of the acknowledgements" in output
    assert "next-steps" not in (tmp_path / "content" / "site.yml").read_text()
    kai = (tmp_path / "content" / "examples" / "good-practice-with-kai.md").read_text()
    assert "practice_theme: resettlement\n" in kai and "order: 1\n" in kai
    assert "- She met Kai in prison twice\n\n## Outcome\n\nKai moved into his flat." in kai
    zara = (tmp_path / "content" / "examples" / "a-second-case-with-zara.md").read_text()
    assert "practice_theme: resettlement\n" in zara and "order: 2\n" in zara
    page = (tmp_path / "build" / "reports").glob("*.html")
    assert "Good practice with Kai" in next(page).read_text()


def test_web_page_with_no_headings_only_a_table_and_an_image(tmp_path: Path) -> None:
    source = tmp_path / "odd.html"
    source.write_text("<html><body><table><tr><td>Cases</td><td>12</td></tr></table>"
                      '<img src="chart.png" alt="A bar chart of cases"><p>Closing words.</p>'
                      "<p>Example of effectiveness: A visit</p><p>Ann was seen.</p></body></html>",
                      encoding="utf-8")
    output = _import_and_build(source, tmp_path)
    assert "the source has no title" in output
    assert "odd.html:1: image left out (copy it into images/ and add it by hand): A bar chart" \
        in output
    report = next((tmp_path / "content" / "reports").glob("*.yml")).read_text()
    assert "Cases" in report and "Closing words." in report


def test_examples_without_sections_go_to_a_section_of_their_own(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("A draft\nExample of effectiveness: First\nSome text.\nOutcome: Fine.\n"
                      "Example of effectiveness: Second\n", encoding="utf-8")
    output = _import_and_build(source, tmp_path)
    assert "draft.txt:2: example 'First' is not in a practice-theme section" in output
    assert "draft.txt:5: example 'Second' has no text" in output
    second = (tmp_path / "content" / "examples" / "second.md").read_text()
    assert "The source has no text for this example." in second


def test_citation_without_a_reference_is_kept_as_text(tmp_path: Path) -> None:
    source = tmp_path / "cite.txt"
    source.write_text("Title\nA claim with a source [7].\nExample of effectiveness: A case\n"
                      "Ann was seen.\n", encoding="utf-8")
    output = _import_and_build(source, tmp_path)
    assert "cite.txt:2: citation [7] names no reference (7): kept as text" in output
    html = next((tmp_path / "build" / "reports").glob("*.html")).read_text()
    assert "A claim with a source [7]." in html


def test_empty_and_unreadable_sources_fail_with_a_message(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    for source, message in ((empty, "nothing to import"), (broken, "is not a Word document"),
                            (tmp_path / "missing.txt", "cannot be read")):
        result = run("import", str(source), "--out", str(tmp_path / "content"))
        assert result.exit_code == 1
        assert message in result.output and "Traceback" not in result.output
        assert "Import failed: 1 problem(s); nothing was written." in result.output
    assert not (tmp_path / "content").exists()


def test_refuses_a_folder_that_is_not_a_content_folder(tmp_path: Path) -> None:
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "notes.txt").write_text("mine")
    source = tmp_path / "a.txt"
    source.write_text("Title\nText.\n")
    result = run("import", str(source), "--out", str(tmp_path / "stuff"))
    assert result.exit_code == 1
    assert "is not empty and has no site.yml" in result.output


LINES = st.one_of(
    st.sampled_from(["Court work (Back to top)", "Mystery section (Back to top)",
                     "Example of effectiveness: A case", "Example of effectiveness: A case",
                     "Outcome: It worked.", "Outcome:", "[1] A source.", "[2] Another.",
                     "- a bullet [1]", "  - a nested bullet", "1. a numbered item",
                     "Subheading:", "Short heading", "‘A quotation that is long enough to "
                     "count as one.’ [3]", "(Back to top)", "Our standards (Back to top)",
                     "- 2.1 Assessment: Assessment is good.", "References (Back to top)",
                     "Summary (Back to top)", "between 3 March and 1 February 2025", "",
                     "# not a heading", "| a | b |", "* star", "<script>x</script>",
                     "**bold** _under_ `tick` [link](javascript:x) ...", "1900-13-45"]),
    st.text(alphabet=string.printable + "‘’“”–—•é", max_size=60),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINES, min_size=1, max_size=25))
# Headings whose slugs YAML would read as null, a boolean or a number, unless quoted.
@example(lines=["[1] A source.", "NULL"])
@example(lines=["Yes", "Ann was supervised.", "2025", "Ben was supervised."])
# A character reference without its semicolon is text, not a control character.
@example(lines=["&#12"])
# Two "Our standards" sections: the second one's standards get codes of their own.
@example(lines=["Court work (Back to top)", "Our standards (Back to top)", "* star",
                "Our standards (Back to top)", "- a bullet [1]"])
def test_any_text_imports_and_builds_or_fails_cleanly(lines: list[str], tmp_path: Path) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    source = root / "source.txt"
    source.write_text("\n".join([*lines, "Example of effectiveness: Weekly visits",
                                  "Ann was seen."]), encoding="utf-8")
    result = run("import", str(source), "--out", str(root / "content"))
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert "nothing to import" in result.output or \
            "found no examples of effectiveness" in result.output
        return
    assert result.exit_code == 0, result.output
    builds_or_only_the_gate_stops_it(root)


def test_the_import_starts_from_inits_defaults() -> None:
    """A site file made by import carries what `spotlight init`'s does: the practice themes
    with their outcome_expected, the sentence types, the glossary, the known abbreviations."""
    from importlib.resources import files

    from spotlight.importing.site_file import starter_text

    init = yaml.safe_load(files("spotlight").joinpath("starter/site.yml").read_text("utf-8"))
    imported = yaml.safe_load(starter_text())
    assert [(t["slug"], t["title"], t.get("outcome_expected", True))
            for t in imported["practice_themes"]] == [
        (t["slug"], t["title"], t.get("outcome_expected", True)) for t in init["practice_themes"]]
    for key in ("sentence_types", "glossary", "known_abbreviations", "title", "organisation"):
        assert imported[key] == init[key], key


def test_words_broken_at_a_wrapped_line_end_are_joined(tmp_path: Path) -> None:
    source = tmp_path / "wrapped.txt"
    source.write_text(
        "Effective Practice Spotlight: The Probation Service – Northshire\n\n"
        "Court work (Back to top)\n\n"
        "Example of effectiveness: Weekly sessions\n\n"
        "Sam, a 30-year-old man, received a community order. The practitioner met him one-\n"
        "to-one every week, in a room the local commu-\n"
        "nity centre lent, and they agreed a plan for his well-\n"
        "being and for his work with the community centre. The plan was reviewed every\n"
        "month with his family and with the agencies that supported him at the time.\n\n"
        "Outcome: Sam completed his order without a further offence or a missed session.\n",
        encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 0, result.output
    body = " ".join((tmp_path / "content" / "examples" / "weekly-sessions.md").read_text()
                    .split())
    assert "met him one-to-one every week, in a room the local community centre lent" in body
    assert "a plan for his well-being and" in body


def test_standards_listed_in_two_places_get_a_code_each(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("A draft – Kent region\nOur standards (Back to top)\n- Staff are enabled.\n"
                      "Court work (Back to top)\nText.\nExample of effectiveness: A case\n"
                      "Ann was seen.\n"
                      "Our standards (Back to top)\n"
                      "- Planning is well informed.\n- Staff are enabled.\n", encoding="utf-8")
    _import_and_build(source, tmp_path)
    site = yaml.safe_load((tmp_path / "content" / "site.yml").read_text())
    added = [(s["code"], s["text"]) for s in site["standards"] if s["code"].startswith("S")]
    assert added == [("S1", "Staff are enabled."), ("S2", "Planning is well informed.")]


def test_a_web_page_with_old_line_ends_and_hidden_characters(tmp_path: Path) -> None:
    """A carriage return (old Mac line ends) or a control character in a page's text is not
    carried into the content, where the build would stop at it."""
    source = tmp_path / "page.html"
    source.write_text("<html><body><h1>A title</h1>\r<h2>Mystery\rwork</h2>\r<p>Ann&#27;s "
                      "case\x0bwas\x1b good.</p>\r<p>Last.</p><p>Example of effectiveness: A "
                      "case</p><p>Ann was seen.</p></body></html>", encoding="utf-8")
    output = _import_and_build(source, tmp_path)
    assert "page.html:2: section 'Mystery work' matches no practice theme" in output
    report = next((tmp_path / "content" / "reports").glob("*.yml")).read_text()
    assert "Anns case was good." in report


def test_a_paragraph_that_starts_in_bold_stays_bold(tmp_path: Path) -> None:
    """Found by a trial: '**Note:** ...' was written '\\**Note:** ...', which shows stars."""
    source = tmp_path / "page.html"
    source.write_text("<html><body><h1>A title</h1><p><strong>Note:</strong> the plan was "
                      "shared.</p><p>Example of effectiveness: A case</p><p><b>Housing</b> came "
                      "first.</p><p>* one star</p><p>***</p></body></html>", encoding="utf-8")
    _import_and_build(source, tmp_path)
    example = (tmp_path / "content" / "examples" / "a-case.md").read_text()
    assert "\n**Housing** came first.\n" in example
    assert "\n\\* one star\n" in example and "\n\\*\\*\\*\n" in example
    page = next((tmp_path / "build" / "reports").glob("*.html")).read_text()
    assert "<strong>Note:</strong> the plan was shared." in page
    assert "<strong>Housing</strong> came first." in page


def test_an_imported_link_whose_address_holds_personal_details_is_stopped(tmp_path: Path
                                                                          ) -> None:
    source = tmp_path / "page.html"
    source.write_text(
        "<html><body><h1>Spotlight on resettlement</h1><h2>Resettlement</h2>"
        "<h3>Example of effectiveness: Finding a home</h3><p>Kai was released on licence. See "
        '<a href="https://delius.example.org/case/X654321?dob=1990-03-03">his record</a>, the '
        '<a href="https://maps.example.org/?q=9+Birch+Close+EM4+7TT">map</a> and <a href='
        '"https://www.gov.uk/guidance/probation-form-finder">the forms</a>.</p>'
        "<p>Outcome: Kai moved into his flat.</p></body></html>", encoding="utf-8")
    assert run("import", str(source), "--out", str(tmp_path / "content")).exit_code == 0
    set_dates(tmp_path / "content")
    built = run("build", "--content", str(tmp_path / "content"), "--out",
                str(tmp_path / "build"), "--no-pdf")
    assert built.exit_code == 1
    found = sorted(re.findall(r"error: (anon-[a-z-]+): in a web address \(a link's or a "
                              r"picture's, published in the page\), '([^']+)'", built.output))
    assert found == [("anon-address", "9 Birch Close"), ("anon-case-number", "X654321"),
                     ("anon-date-of-birth", "1990-03-03"), ("anon-postcode", "EM4 7TT")]
    assert not (tmp_path / "build").exists()
