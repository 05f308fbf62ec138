"""Importing a revised draft again (found by a new user's trial: the report was refused as
already there, and once it was removed, every example came back as a '-2' copy and the
glossary's draft was added to site.yml twice). ``import --replace`` replaces what the earlier
import wrote, keeps what another report shares, and refuses to lose a hand edit."""

from __future__ import annotations

from pathlib import Path

from .conftest import run

DRAFT = """Effective Practice Spotlight: The Probation Service – Eastmere region
Published: 2 June 2026
We inspected probation work across Eastmere between 3 March and 11 April 2026.
Court work
Example of effectiveness: A report written in time
Nia, a 27-year-old woman, was sentenced for theft. Her report for the HWT was ready on the day.
Outcome: The court followed the proposal.
Example of effectiveness: Checks made before court
The author called the police and the QRM before writing.
Outcome: The report gave the full picture.
"""


def _files(content: Path) -> dict[str, str]:
    return {p.relative_to(content).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(content.rglob("*")) if p.is_file()}


def _first(tmp_path: Path, text: str = DRAFT) -> tuple[Path, Path]:
    source = tmp_path / "draft.txt"
    source.write_text(text, encoding="utf-8")
    content = tmp_path / "content"
    result = run("import", str(source), "--out", str(content))
    assert result.exit_code == 0, result.output
    return source, content


def test_a_second_import_names_the_option_that_replaces(tmp_path: Path) -> None:
    source, content = _first(tmp_path)
    before = _files(content)
    again = run("import", str(source), "--out", str(content))
    assert again.exit_code == 1
    assert ("reports/eastmere-2026.yml: already exists: to import a revised draft of this "
            "report, import again with --replace") in again.output
    assert _files(content) == before


def test_replace_writes_the_revised_draft_over_the_first(tmp_path: Path) -> None:
    source, content = _first(tmp_path)
    first = _files(content)
    source.write_text(DRAFT.replace("ready on the day", "ready a day early").replace(
        "Example of effectiveness: Checks made before court\n", "Example of effectiveness: "
        "Help with housing\nHe was found a flat.\nOutcome: He kept it.\n"
        "Example of effectiveness: Checks made before court\n"), encoding="utf-8")
    result = run("import", str(source), "--out", str(content), "--replace")
    assert result.exit_code == 0, result.output
    assert ("Replaced: examples/a-report-written-in-time.md, examples/checks-made-before-court"
            ".md, reports/eastmere-2026.yml") in result.output
    assert "Added: examples/help-with-housing.md" in result.output
    after = _files(content)
    assert sorted(after) == sorted([*first, "examples/help-with-housing.md"])  # no '-2' copies
    assert "ready a day early" in " ".join(after["examples/a-report-written-in-time.md"].split())
    assert "order: 3" in after["examples/checks-made-before-court.md"]
    # the glossary's draft ("# HWT: ?", "# QRM: ?") is not added a second time
    assert after["site.yml"].count("# HWT: ?") == 1
    assert after["site.yml"] == first["site.yml"]


def test_replace_removes_an_example_the_draft_no_longer_has(tmp_path: Path) -> None:
    source, content = _first(tmp_path)
    source.write_text(DRAFT.split("Example of effectiveness: Checks")[0], encoding="utf-8")
    result = run("import", str(source), "--out", str(content), "--replace")
    assert result.exit_code == 0, result.output
    assert "Removed (no longer in the draft): examples/checks-made-before-court.md" in \
        result.output
    assert not (content / "examples" / "checks-made-before-court.md").exists()


def test_replace_keeps_an_example_another_report_lists(tmp_path: Path) -> None:
    source, content = _first(tmp_path)
    shared = content / "examples" / "checks-made-before-court.md"
    text = shared.read_text(encoding="utf-8").replace(
        "reports: [eastmere-2026]", "reports: [eastmere-2026, westmere-2026]")
    shared.write_text(text, encoding="utf-8")
    result = run("import", str(source), "--out", str(content), "--replace")
    assert result.exit_code == 0, result.output
    assert "Kept (another report lists it too): examples/checks-made-before-court.md" in \
        result.output
    assert shared.read_text(encoding="utf-8") == text
    assert not (content / "examples" / "checks-made-before-court-2.md").exists()


def test_replace_refuses_to_lose_a_hand_edit(tmp_path: Path) -> None:
    source, content = _first(tmp_path)
    edited = content / "examples" / "a-report-written-in-time.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line the lead added.\n",
                      encoding="utf-8")
    before = _files(content)
    result = run("import", str(source), "--out", str(content), "--replace")
    assert result.exit_code == 1
    assert ("a-report-written-in-time.md: was changed since spotlight import wrote it: "
            "--replace would lose those changes") in result.output
    assert "nothing was written" in result.output
    assert _files(content) == before


def test_without_a_record_replace_names_what_it_replaced(tmp_path: Path) -> None:
    source, content = _first(tmp_path)
    records = tmp_path / ".spotlight" / "imports"
    assert any(records.rglob("eastmere-2026.json"))  # beside the content folder, not in it
    assert not any(p.name.endswith(".json") for p in content.rglob("*"))
    for record in records.rglob("*.json"):
        record.unlink()
    mine = content / "examples" / "by-hand.md"
    mine.write_text("---\ntitle: By hand\nreports: [eastmere-2026]\npractice_theme: court-work"
                    "\nregion: eastmere\n---\nWritten by hand.\n", encoding="utf-8")
    result = run("import", str(source), "--out", str(content), "--replace")
    assert result.exit_code == 0, result.output
    assert "Replaced: examples/a-report-written-in-time.md" in result.output
    assert "no record of what the earlier import wrote" in result.output
    assert mine.exists()  # not written by an import: not replaced, not removed
