"""spotlight check as an author meets it: each lint rule, waivers, formats and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from .conftest import TESTS, overlay, run

CASES = yaml.safe_load((TESTS / "lint_cases.yml").read_text(encoding="utf-8"))
FRONT = ("---\ntitle: {title}\nreports: [north-2025]\npractice_theme: resettlement\n"
         "region: north\nkind: {kind}\n---\n")
OUTCOME = "\n\n## Outcome\n\nBen settled well.\n"


def check_json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = run("check", "--content", "site", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def positions(report: dict, code: str) -> list[str]:  # type: ignore[type-arg]
    return sorted(f"{f['path'].removeprefix('site/')}:{f['line']}:{f['col']}"
                  for f in report["findings"] if f["code"] == code)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_lint_rule(case, site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    body = case["body"] + (OUTCOME if case.get("outcome", True) else "\n")
    front = FRONT.format(title=case.get("title", "Second case"), kind=case.get("kind", "person"))
    overlay(content, {"examples/second-case.md": front + body, **case.get("files", {})})
    _, report = check_json()
    assert positions(report, case["code"]) == case["expect"]


def test_seeded_example_gets_each_detail_flagged_on_its_line(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"examples/second-case.md": FRONT.format(title="Second case", kind="person")
                      + "Ben was released to a hostel.\n\n"
                        "- His new address was near LS1 4AP.\n"
                        "- He gave 0113 496 0000 as his number.\n"
                        "- His prison number was A1234BC.\n"
                        "- His National Insurance number is JT 12 34 56 A.\n" + OUTCOME})
    result = run("check", "--content", "site")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in lines if ": error: anon-" in line] == [
        "site/examples/second-case.md:10:28", "site/examples/second-case.md:11:11",
        "site/examples/second-case.md:12:25", "site/examples/second-case.md:13:36"]
    assert [line.split(": ")[2] for line in lines if ": error: anon-" in line] == [
        "anon-postcode", "anon-phone", "anon-prison-number", "anon-ni-number"]


def test_sample_content_passes_with_its_waiver_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TESTS.parent)
    result = run("check", "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "content/reports/northshire-2025.yml:3:1: waived: translation-missing: report "
        "'northshire-2025' has no Welsh translation, and the site publishes in Welsh: start one "
        "with 'spotlight new report --translation-of northshire-2025 --language cy' (reason: "
        "sample content, in "
        "which only the Westvale report has a Welsh version)",
        "content/reports/northshire-2025.yml:177:45: waived: style-abbr-expanded-again: 'SPO' "
        "is spelled out again in report 'northshire-2025', after its first use at "
        "content/examples/da-safeguarding-enquiries-hub.md:14:220: write 'SPO' alone (reason: "
        "the quoted definition keeps the wording of the thematic report it comes from)"]
    assert result.stderr.strip() == "0 error(s), 0 warning(s), 2 waived"


def test_output_is_sorted_text_and_the_same_findings_in_json(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"examples/second-case.md": FRONT.format(title="Second case", kind="person")
                      + "Ben met the PP at 14 Acacia Avenue.\n\nHe moved to SW1A 1AA.\n"})
    text = run("check", "--content", "site")
    exit_code, report = check_json()
    assert text.exit_code == exit_code == 1
    assert text.stdout.splitlines() == [
        "site/examples/second-case.md:2:1: warning: style-no-outcome: this case about a person "
        "has no Outcome: end it with a '## Outcome' heading, or set 'outcome_expected: false' on "
        "practice theme 'resettlement' if its examples have none",
        "site/examples/second-case.md:8:13: warning: style-abbr-not-expanded: 'PP' is first "
        "used here in report 'north-2025' without being spelled out: write 'probation "
        "practitioner (PP)'",
        "site/examples/second-case.md:8:19: error: anon-address: '14 Acacia Avenue' looks like "
        "a house number and street: describe the place instead (a flat in the town centre)",
        "site/examples/second-case.md:10:13: error: anon-postcode: 'SW1A 1AA' looks like a "
        "postcode: name the area in words, or leave it out"]
    assert [f"{f['path']}:{f['line']}:{f['col']}: {f['severity']}: {f['code']}: {f['message']}"
            for f in report["findings"]] == text.stdout.splitlines()
    assert (report["errors"], report["warnings"], report["waived"]) == (2, 2, [])


def test_a_waiver_matches_whatever_the_capitals_and_a_near_miss_is_named(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"examples/second-case.md": (
        "---\ntitle: Second case\nreports: [north-2025]\npractice_theme: resettlement\n"
        "region: north\nwaivers:\n"
        "  - code: anon-postcode\n    match: sw1a 1aa\n    reason: the court's address\n"
        "  - code: anon-postcode\n    match: SW1A 2AB\n    reason: the other court\n"
        "---\nBen appeared at the court at SW1A 1AA, then at SW1A 2AA.\n\n## Outcome\n\nFine.\n")})
    _, report = check_json()
    assert [(w["code"], w["line"]) for w in report["waived"]] == [("anon-postcode", 14)]
    assert [f["message"] for f in report["findings"] if f["code"] == "waiver-unused"] == [
        "waiver for anon-postcode 'SW1A 2AB' matches no finding: did you mean 'SW1A 2AA' (a "
        "match is the text as flagged)"]


def test_strict_makes_warnings_fail(site) -> None:  # type: ignore[no-untyped-def]
    site("minimal")  # its second example has no Outcome: a warning, no error
    assert run("check", "--content", "site").exit_code == 0
    assert run("check", "--content", "site", "--strict").exit_code == 1


def test_the_errors_of_check_that_need_no_page_are_warnings_of_the_build(site) -> None:  # type: ignore[no-untyped-def]
    """Two examples of a report with one title, and facts that do not add up: errors of
    check, said by the build (on every build, and when nothing changed) as warnings at the
    same place, which --strict fails on and a waiver sets aside in both."""
    content = site("minimal")
    second = content / "examples" / "second-case.md"
    overlay(content, {
        "examples/second-case.md": second.read_text().replace("Second case", "First Case"),
        "reports/north-2025.yml": (content / "reports" / "north-2025.yml").read_text()
        + REPORT_FACTS.format(community=70)})
    said = sorted(line.split(": error: ")[1] for line in
                  run("check", "--content", "site").stdout.splitlines() if ": error: " in line)
    assert said == [
        "facts-exceed: the parts of 'Cases reviewed' add up to more than its 100: 70 "
        "(Community cases) + 40 (Licence cases) = 110",
        "ref-duplicate-title: title 'First Case' is already used in report 'north-2025' by "
        "site/examples/first-case.md:2; readers cannot tell the two examples apart"]
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert built.exit_code == 0, built.output
    warned = built.stderr.splitlines()
    assert warned == [
        "site/examples/second-case.md:2:1: warning: ref-duplicate-title: title 'First Case' is "
        "already used in report 'north-2025' by site/examples/first-case.md:2; readers cannot "
        "tell the two examples apart",
        "site/reports/north-2025.yml:14:7: warning: facts-exceed: the parts of 'Cases reviewed' "
        "add up to more than its 100: 70 (Community cases) + 40 (Licence cases) = 110"]
    again = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert again.stdout == "Nothing changed: out is up to date.\n"
    assert again.stderr.splitlines() == warned, "said again, word for word, when nothing changed"
    strict = run("build", "--content", "site", "--out", "out", "--no-pdf", "--strict")
    assert strict.exit_code == 1, "said again when nothing changed, and failing --strict"
    assert strict.stderr.splitlines()[-1] == "Build failed: 2 problems; the previous build is " \
        "unchanged."
    overlay(content, {"examples/second-case.md": second.read_text().replace(
        "region: north\n", "region: north\nwaivers:\n  - code: ref-duplicate-title\n"
        "    reason: the same case, told for another audience\n")})
    waived = run("build", "--content", "site", "--out", "out", "--no-pdf", "--strict")
    assert waived.exit_code == 1
    assert [line.split(": warning: ")[1].split(":")[0] for line in waived.stderr.splitlines()
            if ": warning: " in line] == ["facts-exceed"]


def test_waivers_are_honoured_listed_and_checked(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"examples/second-case.md": (
        "---\ntitle: Second case\nreports: [north-2025]\npractice_theme: resettlement\n"
        "region: north\nwaivers:\n"
        "  - code: anon-postcode\n    match: SW1A 1AA\n    reason: the address of a court\n"
        "  - code: style-no-outcome\n    reason: told as a short narrative\n"
        "  - code: anon-phone\n    reason: left over\n"
        "  - code: anon-postcod\n    match: SW1A 2AA\n    reason: a typo\n"
        "---\nBen appeared at the court at SW1A 1AA, then at SW1A 2AA.\n")})
    exit_code, report = check_json()
    assert exit_code == 1
    assert [(w["code"], w["line"], w["reason"]) for w in report["waived"]] == [
        ("style-no-outcome", 2, "told as a short narrative"),
        ("anon-postcode", 18, "the address of a court")]
    assert [(f["code"], f["line"], f["col"]) for f in report["findings"]] == [
        ("waiver-unused", 12, 5), ("waiver-unknown-code", 14, 5), ("anon-postcode", 18, 48)]
    text = run("check", "--content", "site").stdout
    assert ("site/examples/second-case.md:18:30: waived: anon-postcode: 'SW1A 1AA' looks like a "
            "postcode: name the area in words, or leave it out (reason: the address of a court)"
            in text)
    assert ("site/examples/second-case.md:14:5: warning: waiver-unknown-code: waiver for "
            "'anon-postcod' names no rule that can be waived; did you mean 'anon-postcode'?"
            in text)


def test_outcome_not_expected_for_a_practice_theme(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    site_file = (content / "site.yml").read_text()
    overlay(content, {"site.yml": site_file.replace(
        "    title: Resettlement\n", "    title: Resettlement\n    outcome_expected: false\n")})
    _, report = check_json()
    assert positions(report, "style-no-outcome") == []


REPORT_FACTS = """
summary:
  facts:
    - key: cases
      label: Cases reviewed
      value: 100
      parts_complete: true
    - label: Community cases
      value: {community}
      part_of: cases
    - label: Licence cases
      value: 40
      part_of: cases
    - key: courts
      label: Court reports
      value: 10
      parts_complete: true
"""


@pytest.mark.parametrize(("community", "expected"), [
    (60, ["facts-no-parts:reports/north-2025.yml:24:7"]),
    (50, ["facts-incomplete:reports/north-2025.yml:14:7",
          "facts-no-parts:reports/north-2025.yml:24:7"]),
    (70, ["facts-exceed:reports/north-2025.yml:14:7",
          "facts-no-parts:reports/north-2025.yml:24:7"]),
])
def test_facts_add_up(site, community: int, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    report_file = (content / "reports" / "north-2025.yml").read_text()
    overlay(content, {"reports/north-2025.yml":
                      report_file + REPORT_FACTS.format(community=community)})
    _, report = check_json()
    assert sorted(f"{f['code']}:{f['path'].removeprefix('site/')}:{f['line']}:{f['col']}"
                  for f in report["findings"] if f["code"].startswith("facts")) == expected


def test_uncited_reference_and_columns_inside_a_folded_block(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    report_file = (content / "reports" / "north-2025.yml").read_text()
    overlay(content, {"reports/north-2025.yml": report_file.replace(
        "introduction: |\n  The introduction.\n",
        "introduction: >-\n  The introduction cites [@used] and\n    names the centre at\n"
        "  NE1 4ST, sadly.\nreferences:\n  - key: used\n    text: A cited source.\n"
        "  - key: unused\n    text: A source nobody cites.\n")})
    _, report = check_json()
    assert [(f["code"], f["line"], f["col"]) for f in report["findings"]
            if f["path"] == "site/reports/north-2025.yml"] == [
        ("anon-postcode", 10, 3), ("ref-uncited", 14, 5)]


def test_invalid_content_is_reported_as_findings_with_columns(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"examples/second-case.md": "---\ntitle: Second case\nreports: [north-2025]"
                      "\npractice_theme: resettlement\nregion: north\n  colour: blue\n---\nBen.\n"})
    result = run("check", "--content", "site")
    assert result.exit_code == 1
    assert result.stdout.startswith("site/examples/second-case.md:6:3: error: invalid: ")
    assert "Traceback" not in result.output


def test_check_writes_nothing(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    run("check", "--content", "site")
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_colour_on_a_terminal_unless_no_color(site, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from spotlight.cli import main

    site("minimal")
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = CliRunner().invoke(main, ["check", "--content", "site"], color=True)
    assert "\x1b[33mwarning\x1b[0m" in coloured.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = CliRunner().invoke(main, ["check", "--content", "site"], color=True)
    assert "\x1b[" not in plain.output
    assert ": warning: style-no-outcome: " in plain.stdout


def test_quiet_and_verbose(site) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    quiet = run("check", "--content", "site", "-q")
    assert quiet.stderr == "" and len(quiet.stdout.splitlines()) == 1
    verbose = run("check", "--content", "site", "-v")
    assert "style-no-outcome: 1 (a case about a person without an Outcome" in verbose.stderr
    assert run("build", "--content", "site", "--out", "out", "--no-pdf", "-q").output == ""
    built = run("build", "--content", "site", "--out", "out", "--no-pdf", "-v", "--clean")
    assert "  wrote out/reports/north-2025.html" in built.stdout.splitlines()


def test_check_renders_with_the_theme_override_named_in_the_site_file(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    site_file = content / "site.yml"
    site_file.write_text(site_file.read_text() + "theme_override: look\n")
    overlay(content / "look" / "templates", {
        "404.html": '{% extends "!default/404.html" %}{% block title %}{{ site.no_such }}'
                    '{% endblock %}'})
    result = run("check", "--content", "site")
    assert result.exit_code == 1, "a broken override fails check, as it fails build"
    assert result.stdout.startswith("site/look/templates/404.html:1:1: error: invalid: ")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 1
    overlay(content / "look" / "templates", {
        "404.html": '{% extends "!default/404.html" %}{% block title %}Lost{% endblock %}'})
    assert run("check", "--content", "site").exit_code == 0


def test_links_in_a_practice_theme_intro_are_checked_from_its_page(site) -> None:  # type: ignore[no-untyped-def]
    # The intro is on practice-themes/court-work.html: a link written from the site's top
    # folder, as pictures are, leads nowhere from there, and the message says how to write it.
    content = site("minimal")
    site_file = (content / "site.yml").read_text()
    overlay(content, {"site.yml": site_file.replace(
        "intro: Default court work intro.\n",
        "intro: See [the report](reports/north-2025.html), [its PDF](../reports/north-2025.pdf)"
        " and [Ann](first-case.md).\n")})
    _, report = check_json()
    assert positions(report, "ref-link") == ["site.yml:9:29"]
    [message] = [f["message"] for f in report["findings"] if f["code"] == "ref-link"]
    # Shown on the report page too (the section's default intro), and found there first.
    assert message.startswith("link 'reports/north-2025.html' on reports/north-2025.html ")
    assert message.endswith("which the build does not publish; links are written from the "
                            "page they are on: write '../reports/north-2025.html'")
    # With an intro of the report's own for the section, the theme's page alone shows it.
    report_file = content / "reports" / "north-2025.yml"
    overlay(content, {"reports/north-2025.yml": report_file.read_text() + (
        "sections:\n  - practice_theme: court-work\n    intro: Own.\n"
        "  - practice_theme: resettlement\n")})
    _, report = check_json()
    [message] = [f["message"] for f in report["findings"] if f["code"] == "ref-link"]
    assert message.startswith("link 'reports/north-2025.html' on practice-themes/court-work.html "
                              "leads to 'practice-themes/reports/north-2025.html'")


def test_a_relative_link_in_the_licence_is_flagged_but_a_link_to_an_example_is_not(site) -> None:  # type: ignore[no-untyped-def]
    # The licence is in every page's footer: 'index.html' would lead somewhere different from
    # each depth of the site; 'first-case.md' is filled in for each page.
    content = site("minimal")
    site_file = (content / "site.yml").read_text()
    overlay(content, {"site.yml": site_file.replace(
        "licence: Test licence text.\n",
        "licence: See [home](index.html), [Ann](first-case.md) and [us](https://x.example/).\n")})
    _, report = check_json()
    assert positions(report, "ref-link") == ["site.yml:5:21"]


def test_the_spelling_out_asked_for_leaves_out_the_glossarys_note(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    settings = (content / "site.yml").read_text(encoding="utf-8")
    overlay(content, {"site.yml": settings.replace(
        "PP: probation practitioner", "PP: probation practitioner (the person who supervises)"),
        "examples/second-case.md": FRONT.format(title="Second case", kind="person")
        + "Ben met the PP weekly.\n"})
    said = [line for line in run("check", "--content", "site").stdout.splitlines()
            if "style-abbr-not-expanded" in line]
    assert said == ["site/examples/second-case.md:8:13: warning: style-abbr-not-expanded: 'PP' "
                    "is first used here in report 'north-2025' without being spelled out: "
                    "write 'probation practitioner (PP)'"]


def test_an_example_first_to_use_an_abbreviation_in_one_report_may_spell_it_out(site) -> None:  # type: ignore[no-untyped-def]
    """Shared by two reports, it is the first use in one (spelled out there) and a later use
    in the other: spelling it out is right, and not pointed out in either."""
    content = site("minimal")
    report = (content / "reports" / "north-2025.yml").read_text(encoding="utf-8")
    first = (content / "examples" / "first-case.md").read_text(encoding="utf-8")
    overlay(content, {
        "reports/south-2025.yml": report.replace("North", "South"),
        "examples/first-case.md": first.replace(
            "received a community order.",
            "received a community order. Her probation practitioner (PP) met her weekly."),
        "examples/second-case.md": FRONT.format(title="Second case", kind="person").replace(
            "reports: [north-2025]", "reports: [north-2025, south-2025]")
        + "Ben's probation practitioner (PP) saw him often.\n\n## Outcome\n\nBen settled.\n"})
    lines = run("check", "--content", "site").stdout.splitlines()
    assert [line for line in lines if "style-abbr" in line] == []
    # In one report alone, the second spelling out is pointed out as before.
    alone = FRONT.format(title="Second case", kind="person") + (
        "Ben's probation practitioner (PP) saw him often.\n\n## Outcome\n\nBen settled.\n")
    (content / "reports" / "south-2025.yml").unlink()
    overlay(content, {"examples/second-case.md": alone})
    again = [line for line in run("check", "--content", "site").stdout.splitlines()
             if "style-abbr" in line]
    assert again == ["site/examples/second-case.md:8:31: warning: style-abbr-expanded-again: "
                     "'PP' is spelled out again in report 'north-2025', after its first use at "
                     "site/examples/first-case.md:10:83: write 'PP' alone"]


def test_an_incomplete_accessibility_statement_is_pointed_out(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    text = (content / "site.yml").read_text(encoding="utf-8")
    complete = text[text.index("accessibility_statement:"):]
    contact = ("warning: statement-incomplete: the accessibility statement gives no way to "
               "report a problem or ask for another format: add `contact:` under "
               "`accessibility_statement:`, with an e-mail address or a web address")
    prepared = ("warning: statement-incomplete: the accessibility statement does not say when "
                "it was prepared: add `prepared:` under `accessibility_statement:`, with a date "
                "such as 2026-03-02")
    issues = ("warning: statement-incomplete: the accessibility statement says the website is "
              "{} but lists no content that is not accessible: list it under `known_issues:` "
              "in `accessibility_statement:`")

    def found() -> list[str]:
        lines = run("check", "--content", "site").stdout.splitlines()
        return [line for line in lines if "statement-incomplete" in line]

    assert found() == []  # status, contact and prepared date given
    overlay(content, {"site.yml": text.replace(complete, "")})
    assert found() == [f"site/site.yml:1:1: {prepared}", f"site/site.yml:1:1: {contact}",
                       "site/site.yml:1:1: " + issues.format("partially compliant")]
    line = text[:text.index(complete)].count("\n") + 1
    overlay(content, {"site.yml": text.replace(complete, "accessibility_statement:\n"
                                                         "  status: none\n")})
    assert found() == [f"site/site.yml:{line}:1: {prepared}", f"site/site.yml:{line}:1: {contact}",
                       f"site/site.yml:{line + 1}:3: " + issues.format("not compliant")]


def test_the_statements_contact_details_are_published_on_purpose(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The Regulations ask an accessibility statement for the publisher's contact details: an
    e-mail address or telephone number there is not stopped, as it is elsewhere."""
    content = site("minimal")
    settings = (content / "site.yml").read_text(encoding="utf-8")
    assert "accessibility_statement:" in settings
    overlay(content, {"site.yml": re.sub(
        r"(?m)^  contact: .*$", "  contact: enquiries@hmiprobation.gov.uk", settings)
        + "accessibility: Or call 0161 496 0000.\n"})
    built = run("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
    assert built.exit_code == 0, built.output
    page = (tmp_path / "out" / "about" / "accessibility.html").read_text(encoding="utf-8")
    assert "mailto:enquiries@hmiprobation.gov.uk" in page and "0161 496 0000" in page
    overlay(content, {"site.yml": settings.replace(  # elsewhere in the site file: stopped
        "PP: probation practitioner", "PP: probation practitioner (pp@hmiprobation.gov.uk)")})
    stopped = run("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
    assert stopped.exit_code == 1 and "anon-email" in stopped.output


def test_a_title_too_long_for_a_heading_is_said_in_plain_words(site) -> None:  # type: ignore[no-untyped-def]
    """A 400-character title fills nine lines of the handout's heading: ``check`` says so,
    with the length and what to do, for an example and for a report."""
    content = site("minimal")
    long = "Working together with the police and the prison " * 8
    example = (content / "examples" / "second-case.md").read_text(encoding="utf-8")
    report = (content / "reports" / "north-2025.yml").read_text(encoding="utf-8")
    overlay(content, {
        "examples/second-case.md": example.replace("title: Second case", f"title: {long}"),
        "reports/north-2025.yml": report.replace("title: Test Spotlight North",
                                                 f"title: {long}")})
    result = run("check", "--content", "site")
    assert result.exit_code == 0  # a warning
    length = len(long.strip())
    assert (f"site/examples/second-case.md:2:1: warning: style-title-long: this example's "
            f"title is {length} characters long: shorten it to 120 characters or fewer, and "
            "say the rest in the text. A long title fills the heading of the example's page "
            "and handout, and the handout's PDF title") in result.output
    assert (f"site/reports/north-2025.yml:1:1: warning: style-title-long: this report's title "
            f"is {length} characters long: shorten it to 120 characters or fewer") \
        in result.output
    assert run("check", "--content", "site", "--strict").exit_code == 1
