"""A report whose publication date is still the placeholder is a draft: the build and the
preview leave it out, and what only it lists, with a warning; ``check`` still reads it."""

from __future__ import annotations

from pathlib import Path

from .conftest import overlay, run
from .test_serve import _start

DRAFT = ("title: Test Spotlight South\nregion: north\nfieldwork:\n  start: 2026-01-05\n"
         "  end: 2026-02-20\npublished: 1900-01-01  # PLACEHOLDER\nintroduction: |\n"
         "  TODO: write the introduction.\n")
ONLY_IN_DRAFT = ("---\ntitle: A new case\nreports: [south-2026]\npractice_theme: resettlement\n"
                 "region: north\n---\nIntroduce the person by a pseudonym, with their age, then "
                 "their sentence and offence. Ben lives at 14 Acacia Avenue.\n")
WARNING = ("site/reports/south-2026.yml:6: not built: this report is a draft, its publication "
           "date still the placeholder 1900-01-01, with the 1 example(s) only it lists; set the "
           "date (the one planned will do) to build and preview it (warning)")


def _with_draft(content: Path) -> None:
    first = (content / "examples" / "first-case.md").read_text(encoding="utf-8")
    overlay(content, {"reports/south-2026.yml": DRAFT, "examples/new-case.md": ONLY_IN_DRAFT,
                      # In a published report and in the draft: built, with the published one.
                      "examples/first-case.md": first.replace("reports: [north-2025]",
                                                              "reports: [north-2025, south-2026]")})


def test_a_draft_is_left_out_of_the_build_and_what_only_it_lists(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _with_draft(content)
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert built.exit_code == 0, built.output
    assert WARNING in built.stderr.splitlines()
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["north-2025.html"]
    assert not (out / "examples" / "new-case.html").exists()
    assert "Ann, a 30-year-old woman" in (out / "examples" / "first-case.html").read_text()
    assert "Test Spotlight South" not in (out / "index.html").read_text()
    # A draft is unfinished on purpose: --strict says it is left out, and builds the rest.
    strict = run("build", "--content", "site", "--out", "out", "--no-pdf", "--strict")
    assert strict.exit_code == 0, strict.output
    assert WARNING in strict.stderr.splitlines()
    # check reads the draft: what is left to do before it can be published.
    checked = run("check", "--content", "site")
    codes = [line.split(": ")[2] for line in checked.stdout.splitlines()]
    assert {"unfinished-placeholder", "unfinished-mark", "unfinished-guidance",
            "anon-address"} <= set(codes), checked.stdout


def test_a_draft_with_its_date_set_is_built(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _with_draft(content)
    overlay(content, {"reports/south-2026.yml": DRAFT.replace(
        "1900-01-01  # PLACEHOLDER", "2026-06-30").replace("TODO: write", "We wrote")})
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert built.exit_code == 1, "no longer a draft: the publish gate reads its example"
    assert "anon-address" in built.stderr and "unfinished-guidance" in built.stderr


def test_every_report_a_draft_is_a_problem(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    report = (content / "reports" / "north-2025.yml").read_text(encoding="utf-8")
    overlay(content, {"reports/north-2025.yml": report.replace("published: 2025-06-01",
                                                               "published: 1900-01-01")})
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert built.exit_code == 1
    assert built.stderr.splitlines()[0] == (
        "site/reports/north-2025.yml:6: every report is a draft, its publication date still the "
        "placeholder 1900-01-01: set the date of one (the one planned will do) to build it")


def test_the_preview_serves_the_published_reports_beside_a_draft(tmp_path: Path) -> None:
    for preview in _start(tmp_path, "--no-pdf", prepare=_with_draft):
        page = preview.until("/reports/north-2025.html", lambda body: "Ann completed" in body)
        assert "not built: this report is a draft" in page, "said under the pages"
        assert preview.get("/reports/south-2026.html")[0] == 404


def test_a_preview_with_no_good_build_yet_does_not_claim_to_serve_one(tmp_path: Path) -> None:
    def broken(content: Path) -> None:
        first = (content / "examples" / "first-case.md").read_text(encoding="utf-8")
        overlay(content, {"examples/first-case.md": first + "\nAnn lives at 14 Acacia Avenue.\n"})

    for preview in _start(tmp_path, "--no-pdf", prepare=broken):
        status, page = preview.get("/reports/north-2025.html")
        assert status == 503 and "anon-address" in page
        first = (preview.content / "examples" / "first-case.md").read_text(encoding="utf-8")
        overlay(preview.content, {"examples/first-case.md": first + "Call 01632 960 001.\n"})
        said = []
        while not any("problem(s)" in line for line in said):
            said.append(preview.log.get(timeout=60))
        assert "there is no good build to show yet" in said[-1], said


def test_a_link_to_an_example_only_a_draft_lists_is_pointed_out(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _with_draft(content)
    second = (content / "examples" / "second-case.md").read_text(encoding="utf-8")
    overlay(content, {"examples/second-case.md": second + "\nSee [a new case](new-case.md).\n"})
    at = second.count("\n") + 2
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert built.exit_code == 0, built.output
    assert [line for line in built.stderr.splitlines() if "new-case.md" in line] == [
        f"site/examples/second-case.md:{at}: link 'new-case.md' leads to an example that only "
        "a draft report lists, which is not built: the link leads nowhere until that report is "
        "published (warning)"]
    # A link that would lead nowhere is a warning like any other: --strict fails on it.
    strict = run("build", "--content", "site", "--out", "out", "--no-pdf", "--strict")
    assert strict.exit_code == 1, strict.output
    assert "leads to an example that only a draft report lists" in strict.stderr
    assert "not built: this report is a draft" not in strict.stderr
