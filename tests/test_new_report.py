"""`spotlight new report`: a new region's spotlight, asked for or given as options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotlight.cli import main
from spotlight.content import fields

from .conftest import run


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    assert run("init", "proj").exit_code == 0
    monkeypatch.chdir(tmp_path / "proj")
    return tmp_path / "proj"


def test_asks_for_a_new_region_and_adds_it_to_the_site_file(project: Path) -> None:
    site = project / "content" / "site.yml"
    before = site.read_text()
    answers = "East Midlands\nDerby, Nottingham City\n\n3 March 2025\n2025-04-11\n\n"
    result = CliRunner().invoke(main, ["new", "report"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Region (known: Example region; a new name adds one):" in result.output
    assert "Title [Effective Practice Spotlight: The Probation Service – East Midlands " \
        "region]:" in result.output
    assert result.output.splitlines()[-4:] == [
        "Created content/reports/east-midlands-2025.yml",
        "Added the region East Midlands to site.yml",
        "Added the PDU(s) Derby, Nottingham City to site.yml",
        'Next: spotlight new example --report east-midlands-2025 --theme court-work "Title of '
        'the example"']
    report = (project / "content" / "reports" / "east-midlands-2025.yml").read_text()
    assert 'title: "Effective Practice Spotlight: The Probation Service – East Midlands region"' \
        in report
    assert "region: east-midlands\nfieldwork:\n  start: 2025-03-03\n  end: 2025-04-11\n" in report
    assert "published: 1900-01-01  # PLACEHOLDER" in report
    assert "Between March and April 2025, we inspected probation services in the East " \
        "Midlands." in report
    for spec in fields.REPORT.fields:  # every key a report may have: given, or commented out
        assert re.search(rf"^(# )?{spec.name}:", report, re.MULTILINE), spec.name
    after = site.read_text()
    added = ("  - slug: east-midlands\n    name: East Midlands\n    pdus:\n"
             "      - slug: derby\n        name: Derby\n"
             "      - slug: nottingham-city\n        name: Nottingham City\n")
    assert after == before.replace("\nsentence_types:", added + "\nsentence_types:")
    assert "# Abbreviations every reader knows" in after, "the comments are kept"
    # Everything but the date it was not given, which stops publishing, and the examples it
    # has yet to have (a warning).
    checked = run("check")
    assert checked.exit_code == 1
    assert [line.split(": ")[2] for line in checked.stdout.splitlines()] == [
        "ref-empty", "unfinished-placeholder"]


def test_options_add_a_pdu_to_a_known_region_and_never_overwrite(project: Path) -> None:
    args = ["new", "report", "--region", "Example region", "--pdu", "West PDU", "--pdu",
            "North PDU", "--start", "2026-01-05", "--end", "20 February 2026", "--published",
            "2026-06-01", "--title", "Example region 2026"]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["Created content/reports/example-region-2026.yml",
                                              "Added the PDU(s) West PDU to site.yml"]
    site = (project / "content" / "site.yml").read_text()
    assert ("      - slug: south-pdu\n        name: South PDU\n"
            "      - slug: west-pdu\n        name: West PDU\n") in site
    report = project / "content" / "reports" / "example-region-2026.yml"
    assert "title: Example region 2026\n" in report.read_text()
    assert "published: 2026-06-01\n" in report.read_text()
    report.write_text(report.read_text() + "# my edits\n")
    again = run(*args)
    assert again.exit_code == 1
    assert again.stderr.splitlines() == [
        "content/reports/example-region-2026.yml: already exists: edit it, or give another "
        "--slug", "1 problem. Nothing was written."]
    assert report.read_text().endswith("# my edits\n")
    assert (project / "content" / "site.yml").read_text() == site
    assert run("build", "--no-pdf", "--no-search").exit_code == 0


def test_a_near_miss_of_a_known_region_is_refused(project: Path) -> None:
    site = (project / "content" / "site.yml").read_text()
    result = run("new", "report", "--region", "Example regoin", "--start", "2026-01-05",
                 "--end", "2026-02-20", "--title", "T")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "content/site.yml:112: unknown region 'Example regoin'; did you mean 'example-region' "
        "(Example region)? A new region needs a name of its own")
    assert (project / "content" / "site.yml").read_text() == site
    assert sorted(p.name for p in (project / "content" / "reports").iterdir()) == [
        "example-region-2025.yml"]


def test_a_date_that_is_not_one_is_asked_again(project: Path) -> None:
    # Published the year after: the report is named by its fieldwork's year, as import does.
    answers = "example-region\nsoon\n2026-01-05\n2026-02-20\n2027-01-07\n"
    result = CliRunner().invoke(main, ["new", "report", "--title", "T"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Write the date like 2025-03-03 or 3 March 2025." in result.output
    text = (project / "content" / "reports" / "example-region-2026.yml").read_text()
    assert "start: 2026-01-05" in text and "published: 2027-01-07" in text


def test_without_answers_it_names_the_option_to_give(project: Path) -> None:
    result = CliRunner().invoke(main, ["new", "report"], input="")
    assert result.exit_code == 2
    assert "Error: no answer to 'Region': where the command cannot ask, give it as --region" \
        in result.output
    result = CliRunner().invoke(main, ["new", "report", "--region", "Example region",
                                       "--start", "2026-01-05"], input="")
    assert "Error: no answer to 'Last day of fieldwork': where the command cannot ask, give it " \
        "as --end" in result.output
    # What has a default takes it: the title offered, and no publication date (a draft).
    result = CliRunner().invoke(main, ["new", "report", "--region", "Example region",
                                       "--start", "2026-01-05", "--end", "2026-02-20"], input="")
    assert result.exit_code == 0, result.output
    text = (project / "content" / "reports" / "example-region-2026.yml").read_text()
    assert 'title: "Effective Practice Spotlight: The Probation Service – Example region"' in text
    assert "published: 1900-01-01  # PLACEHOLDER" in text


def test_starts_a_welsh_translation_of_a_report(project: Path) -> None:
    content = project / "content"
    site = content / "site.yml"
    site.write_text(site.read_text().replace("language: en-GB\n",
                                             "language: en-GB\nlanguages: [en, cy]\n"))
    result = run("new", "report", "--translation-of", "example-region-2025")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Created content/reports/example-region-2025-cy.yml: translate each text marked "
        "PLACEHOLDER, and set its publication date when it is known (until then the build "
        "leaves it out, as a draft)",
        "Next: translate each of its examples with: spotlight new example --translation-of "
        "<the example's file name> --language cy"]
    text = (content / "reports" / "example-region-2025-cy.yml").read_text()
    assert "language: cy\ntranslation_of: example-region-2025\n" in text
    assert text.startswith("# A Welsh translation of reports/example-region-2025.yml: ")
    assert ("title: 'Effective Practice Spotlight: The Probation Service – Example region'  "
            "# PLACEHOLDER: translate into Welsh\n") in text
    assert "region: example-region\nfieldwork:\n  start: 2025-03-03\n  end: 2025-04-11\n" in text
    assert "published: 1900-01-01  # PLACEHOLDER" in text
    assert ("# PLACEHOLDER: translate into Welsh (the text below)\nintroduction: |\n"
            "  Between March and April 2025") in text
    assert "      label: Cases reviewed  # PLACEHOLDER: translate into Welsh\n" in text
    # Its examples' translations go into it; until its date is set it is a draft, left out.
    assert run("new", "example", "--translation-of", "court-work-example").exit_code == 0
    assert "reports: [example-region-2025-cy]" in (
        content / "examples" / "court-work-example-cy.md").read_text()
    built = run("build", "--no-pdf")
    assert built.exit_code == 0, built.output
    assert "example-region-2025-cy.yml:12: not built: this report is a draft" in built.output
    # With its date set, the build refuses it until every text is translated.
    (content / "reports" / "example-region-2025-cy.yml").write_text(
        text.replace("published: 1900-01-01", "published: 2025-10-01"))
    checked = run("check")
    marks = [line.split(": ")[0] for line in checked.stdout.splitlines()
             if "example-region-2025-cy.yml" in line and "'# PLACEHOLDER' mark" in line]
    assert len(marks) == 10  # the title, 3 labels, 5 Markdown texts and the date's mark
    again = run("new", "report", "--translation-of", "example-region-2025")
    assert again.exit_code == 1
    assert ("content/reports/example-region-2025-cy.yml: is already the Welsh translation of "
            "report 'example-region-2025': edit it") in again.output


def test_a_translation_keeps_its_originals_region_and_dates(project: Path) -> None:
    result = run("new", "report", "--translation-of", "example-region-2025", "--start",
                 "2025-03-03")
    assert result.exit_code == 2
    assert ("--start cannot go with --translation-of: a translation keeps its original's "
            "region, dates and PDUs, and its title is translated in the file") in result.output


def test_a_file_name_with_accents_is_refused_with_one_without(project: Path) -> None:
    result = run("new", "report", "--region", "Example region", "--start", "2025-03-03",
                 "--end", "2025-04-11", "--title", "Sbotolau", "--slug", "rhanbarth-tŷ-2025")
    assert result.exit_code == 1
    assert ("--slug: 'rhanbarth-tŷ-2025' cannot be the report's file name and address: use "
            "lower-case letters without accents, digits and hyphens only, such as "
            "'rhanbarth-ty-2025'") in result.output


def test_the_title_offered_for_wales_has_no_region(project: Path) -> None:
    answers = "Wales\nCardiff and the Vale\n\n3 March 2025\n2025-04-11\n\n"
    result = CliRunner().invoke(main, ["new", "report"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Title [Effective Practice Spotlight: The Probation Service – Wales]:" \
        in result.output
    report = (project / "content" / "reports" / "wales-2025.yml").read_text()
    assert 'title: "Effective Practice Spotlight: The Probation Service – Wales"\n' in report
    assert "we inspected probation services in Wales." in report  # a nation: no "the"


def test_the_introduction_says_the_region_as_the_site_file_writes_it_in_a_sentence(
        project: Path) -> None:
    """A region's ``in_sentence`` is how its name reads in the introduction's sentence."""
    site = project / "content" / "site.yml"
    site.write_text(site.read_text().replace(
        "    in_sentence: the Example region\n", "    in_sentence: our example region\n"))
    result = run("new", "report", "--region", "example-region", "--start", "2026-01-05",
                 "--end", "2026-02-20")
    assert result.exit_code == 0, result.output
    text = (project / "content" / "reports" / "example-region-2026.yml").read_text()
    assert "we inspected probation services in our example region. This" in text
