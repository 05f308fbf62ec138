"""A Welsh report never shows English names without its author knowing.

Starting a translation on a site that does not publish Welsh says what to add to the site
file; ``spotlight check`` and the build say, once for each Welsh report, which names of the
site file its pages would show in English, and where under ``cy:`` to give them; the licence
can be given in Welsh too."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import overlay, run
from .html_helpers import Page
from .welsh_fixtures import WELSH_REPORT, welsh_example


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``spotlight init``'s project: one English report, in a site in English alone."""
    monkeypatch.chdir(tmp_path)
    assert run("init", "proj").exit_code == 0
    monkeypatch.chdir(tmp_path / "proj")
    return tmp_path / "proj"


def test_a_translation_on_an_english_site_says_what_to_add_to_the_site_file(
        project: Path) -> None:
    result = run("new", "report", "--translation-of", "example-region-2025")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Note: content/site.yml does not publish Welsh yet, so 'spotlight check' and the build "
        "will refuse the translation until it does. To publish the site in English and Welsh, "
        "add the line 'languages: [en, cy]' to content/site.yml, at the start of a line as "
        "'title:' is."]
    site = project / "content" / "site.yml"
    assert "languages" not in site.read_text(), "the site file is the editor's to change"
    # As the note says: the check no longer refuses the language.
    assert "is not one that the site publishes" in run("check").output
    site.write_text("languages: [en, cy]\n" + site.read_text())
    assert "is not one that the site publishes" not in run("check").output
    # Once the site publishes Welsh, an example's translation has nothing to add.
    example = run("new", "example", "--translation-of", "court-work-example")
    assert example.exit_code == 0 and example.stderr == ""


def test_the_note_says_when_other_reports_would_need_a_translation_too(project: Path) -> None:
    """Publishing Welsh makes each English report without a Welsh version an error: the
    note says which, and how to make them warnings while they are translated; it names the
    list the site file has already."""
    content = project / "content"
    report = (content / "reports" / "example-region-2025.yml").read_text()
    (content / "reports" / "second-2025.yml").write_text(report)
    (content / "reports" / "third-2025.yml").write_text(
        report.replace("published: 2025", "published: 1900-01-01  # a draft\n# was: 2025"))
    site = content / "site.yml"
    site.write_text("languages: [en]\n" + site.read_text())
    result = run("new", "example", "--translation-of", "court-work-example")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Note: content/site.yml does not publish Welsh yet, so 'spotlight check' and the build "
        "will refuse the translation until it does. To publish the site in English and Welsh, "
        "change 'languages: [en]' to 'languages: [en, cy]' in content/site.yml. Then every "
        "English report needs a Welsh translation before the build will publish, and 2 have "
        "none yet (example-region-2025, second-2025): while they are being translated, also "
        "add the line 'translations: warning', so that the build only warns.\n")



WELSH_EXAMPLE = welsh_example("""Cwblhaodd Ann ei gorchymyn, gyda chymorth ei PP.

## Canlyniad

Cwblhaodd Ann ei gorchymyn.
""")

#: Welsh for everything the Welsh report's pages show of the minimal site's site file.
ALL_WELSH = """cy:
  title: Sbotoleuadau Prawf
  organisation: Arolygiaeth Brawf
  practice_themes:
    - slug: court-work
      title: Gwaith llys
      intro: Cyflwyniad i waith llys.
  standards:
    - code: "2.1"
      title: Asesu
      text: Mae'r asesiad yn wybodus.
  regions:
    - slug: north
      name: Gogledd
  pdus:
    - slug: north-city
      name: Dinas y Gogledd
  sentence_types:
    - slug: community-order
      name: Gorchymyn cymunedol
  glossary:
    PP: ymarferydd prawf
  licence: Testun y drwydded.
"""


def _welsh_site(site, words: str = ""):  # type: ignore[no-untyped-def]
    folder = site("minimal")
    text = (folder / "site.yml").read_text(encoding="utf-8")
    overlay(folder, {"site.yml": text + "languages: [en, cy]\n" + words,
                     "reports/north-2025-cy.yml": WELSH_REPORT,
                     "examples/achos-cyntaf.md": WELSH_EXAMPLE})
    return folder


EVERYTHING_IN_ENGLISH = (
    "site/reports/north-2025-cy.yml:2:1: warning: translation-names: report 'north-2025-cy' "
    "is in Welsh, but site.yml gives no Welsh for some of the names its pages show, so they "
    "appear in English: the site's title 'Test Spotlights' and the organisation 'Test "
    "Inspectorate' (under 'cy:', add 'title' and 'organisation' in Welsh); the practice "
    "theme 'Court work' (under 'cy:', in 'practice_themes', add '- slug: court-work' with "
    "its Welsh 'title' and 'intro'); the standard 2.1 'Assessment' (under 'cy:', in "
    "'standards', add '- code: \"2.1\"' with its Welsh 'title' and 'text'); the region "
    "'North' (under 'cy:', in 'regions', add '- slug: north' with its Welsh 'name'); the "
    "PDU 'North City' (under 'cy:', in 'pdus', add '- slug: north-city' with its Welsh "
    "'name'); the sentence type 'Community order' (under 'cy:', in 'sentence_types', add "
    "'- slug: community-order' with its Welsh 'name'); the abbreviation PP, spelled out in "
    "the glossary (under 'cy:', in 'glossary', add it with its Welsh expansion); the licence "
    "(under 'cy:', add 'licence' in Welsh). 'Welsh and English' in the README shows an "
    "example")


def test_check_and_build_name_what_a_welsh_report_shows_in_english(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """As in the trial: a site file without ``cy:`` names, a Welsh report and its example."""
    _welsh_site(site)
    checked = run("check", "--content", "site")
    said = [line for line in checked.output.splitlines() if "translation-names" in line]
    assert said == [EVERYTHING_IN_ENGLISH]
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert built.exit_code == 0, built.output
    warning = EVERYTHING_IN_ENGLISH.replace(":2:1: warning: translation-names: ", ":2: ")
    assert warning + " (warning)" in built.output.splitlines()


def test_a_site_file_that_gives_some_welsh_names_hears_of_the_rest(
        site) -> None:  # type: ignore[no-untyped-def]
    """A practice theme named in Welsh without its intro, and a second Welsh report that
    shows only the region: one warning each, of what each shows."""
    folder = _welsh_site(site, "cy:\n  title: Sbotoleuadau Prawf\n  organisation: Arolygiaeth"
                         "\n  licence: Testun y drwydded.\n  practice_themes:\n"
                         "    - slug: court-work\n      title: Gwaith llys\n")
    overlay(folder, {"reports/south-2025.yml": (folder / "reports" / "north-2025.yml")
                     .read_text(encoding="utf-8"),
                     "reports/de-2025.yml": WELSH_REPORT.replace("north-2025", "south-2025")})
    checked = run("check", "--content", "site")
    said = [line.split("appear in English: ")[1] for line in checked.output.splitlines()
            if "translation-names" in line]
    assert said == [
        "the region 'North' (under 'cy:', in 'regions', add '- slug: north' with its Welsh "
        "'name'). 'Welsh and English' in the README shows an example",
        "the introduction of the practice theme 'court-work' (under 'cy:', in "
        "'practice_themes', add its Welsh 'intro'); the standard 2.1 'Assessment' (under "
        "'cy:', in 'standards', add '- code: \"2.1\"' with its Welsh 'title' and 'text'); the "
        "region 'North' (under 'cy:', in 'regions', add '- slug: north' with its Welsh 'name'); "
        "the PDU 'North City' (under 'cy:', in 'pdus', add '- slug: north-city' with its Welsh "
        "'name'); the sentence type 'Community order' (under 'cy:', in 'sentence_types', add "
        "'- slug: community-order' with its Welsh 'name'); the abbreviation PP, spelled out "
        "in the glossary (under 'cy:', in 'glossary', add it with its Welsh expansion). "
        "'Welsh and English' in the README shows an example"]


def test_a_site_file_with_every_welsh_name_gives_no_warning_and_its_welsh_licence(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _welsh_site(site, ALL_WELSH)
    checked = run("check", "--content", "site")
    assert "translation-names" not in checked.output
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert built.exit_code == 0, built.output
    assert "site.yml gives no Welsh" not in built.output
    welsh = Page((tmp_path / "out" / "reports" / "north-2025-cy.html").read_text("utf-8"))
    english = Page((tmp_path / "out" / "reports" / "north-2025.html").read_text("utf-8"))
    assert welsh.text_of("div", class_="licence") == ["Testun y drwydded."]
    assert welsh.find_all("div", class_="licence")[0].attrs == {"class": "licence"}
    assert english.text_of("div", class_="licence") == ["Test licence text."]
    assert 'lang="en-GB"' not in welsh.html.split("<body", 1)[1].replace(
        'hreflang="en-GB" lang="en-GB">English</a>', "")


def test_a_waiver_sets_the_warning_aside(site) -> None:  # type: ignore[no-untyped-def]
    folder = _welsh_site(site)
    overlay(folder, {"reports/north-2025-cy.yml": WELSH_REPORT + (
        "waivers:\n  - code: translation-names\n    reason: the Welsh names are on their way\n")})
    checked = run("check", "--content", "site")
    assert "warning: translation-names" not in checked.output
    assert "waived: translation-names" in checked.output
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert "site.yml gives no Welsh" not in built.output
