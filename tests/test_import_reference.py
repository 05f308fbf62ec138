"""Importing the published East Midlands spotlight (plain text), then building it.

The reference is read from ../shared/reference/ beside the repository. Its 12 top-level
sections are the lines that end in "(Back to top)": the summary, "Our standards", nine
practice-theme sections and "References and acknowledgements". The three paragraphs before the
summary have no heading in the source: they become the report's introduction, which the built
page shows as its own "Introduction" section before those 12.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import REFERENCE, SAMPLE, run
from .html_helpers import Element, Page
from .import_helpers import missing_sentences, normalise, set_dates, source_sentences
from .pdf_structure import audit

SOURCE = REFERENCE.read_text(encoding="utf-8")
LINES = SOURCE.splitlines()
SECTIONS = [line.removesuffix(" (Back to top)") for line in LINES
            if line.endswith("(Back to top)")]
# The one section title the import maps onto a practice theme with a different title.
THEME_TITLES = {"Public protection work": "Public protection"}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Page, str]:
    """The reference imported into a new content folder and built, PDF included."""
    root = tmp_path_factory.mktemp("reference")
    result = run("import", str(REFERENCE), "--out", str(root / "content"))
    assert result.exit_code == 0, result.output
    assert "published: 1900-01-01  # PLACEHOLDER" in (
        root / "content" / "reports" / "east-midlands-2025.yml").read_text()
    unset = run("build", "--content", str(root / "content"), "--out", str(root / "build"),
                "--no-pdf")
    assert unset.exit_code == 1, "without its publication date, the report is a draft"
    assert ("east-midlands-2025.yml:7: every report is a draft, its publication date still the "
            "placeholder 1900-01-01") in unset.output
    assert not (root / "build").exists()
    set_dates(root / "content")
    built = run("build", "--content", str(root / "content"), "--out", str(root / "build"))
    assert built.exit_code == 0, built.output
    assert (root / "build" / "reports" / "east-midlands-2025.pdf").read_bytes()[:5] == b"%PDF-"
    page = Page((root / "build" / "reports" / "east-midlands-2025.html").read_text())
    return root, page, result.output


def _sections(page: Page) -> list[Element]:
    return page.find_all("section", class_="report-section")


def _heading(section: Element) -> str:
    return " ".join(next(c for c in section.children if c.tag == "h2").text.split())


def test_reference_has_what_the_acceptance_counts() -> None:
    assert len(SECTIONS) == 12
    assert sum(line.startswith("Example of effectiveness: ") for line in LINES) == 22
    assert sum(bool(re.match(r"^\[\d\] ", line)) for line in LINES) == 6


def test_at_least_99_percent_of_sentences_reach_the_page(imported) -> None:  # type: ignore[no-untyped-def]
    root, page, _ = imported
    sentences = source_sentences(SOURCE)
    missing = missing_sentences(sentences, page.html)
    assert len(sentences) > 350
    assert len(missing) <= len(sentences) // 100, missing
    assert missing == ["Public protection work"], "only the renamed heading may be missing"
    files = "".join(p.read_text() for p in (root / "content").rglob("*.yml"))
    assert "# the source's heading: Public protection work" in files, "but it is not dropped"


def test_twelve_top_level_sections_in_order(imported) -> None:  # type: ignore[no-untyped-def]
    _, page, _ = imported
    headings = [_heading(s) for s in _sections(page)]
    assert headings[0] == "Introduction"
    assert headings[1:] == [THEME_TITLES.get(t, t) for t in SECTIONS]


def test_each_example_is_its_own_article_in_its_section(imported) -> None:  # type: ignore[no-untyped-def]
    _, page, _ = imported
    expected: dict[str, list[str]] = {}
    section = ""
    for line in LINES:
        if line.endswith("(Back to top)"):
            section = THEME_TITLES.get(line[:-14], line[:-14])
        elif line.startswith("Example of effectiveness: "):
            expected.setdefault(section, []).append(normalise(line))
    found = {}
    for element in _sections(page):
        titles = [normalise(a.text) for a in element.children
                  if a.tag == "article" and "example" in a.attrs.get("class", "").split()
                  for a in [next(c for c in a.children if c.tag == "h3")]]
        if titles:
            found[_heading(element)] = titles
    assert found == expected
    articles = page.find_all("article", class_="example")
    assert len(articles) == 22 == len({a.attrs["id"] for a in articles})


def test_outcomes_and_subheadings_are_kept(imported) -> None:  # type: ignore[no-untyped-def]
    _, page, _ = imported
    outcomes = [line for line in LINES if line.startswith("Outcome: ")]
    blocks = page.find_all("div", class_="outcome")
    assert len(blocks) == len(outcomes) == 15
    assert normalise(outcomes[0][9:]) in normalise(blocks[0].text)
    subheadings = page.text_of("h4")
    in_source, in_example = [], False
    for line, after in itertools.pairwise(LINES):
        in_example = line.startswith("Example of") or (in_example and "(Back to top)" not in line)
        if in_example and after.startswith("- ") and not line.startswith("- ") \
                and len(line.split()) <= 8:
            in_source.append(line)
    without_colon = [line for line in in_source if not line.endswith(":")]
    assert without_colon, "the reference has subheadings without a colon"
    assert [s for s in in_source if s.rstrip(":") not in subheadings] == []


def test_six_references_linked_both_ways_from_their_citations(imported) -> None:  # type: ignore[no-untyped-def]
    _, page, _ = imported
    references = [r for r in page.find_all("li") if r.attrs.get("id", "").startswith("ref-")]
    assert len(references) == 6
    ids = set(page.ids())
    for number, reference in enumerate(references, start=1):
        citations = [a for a in page.find_all("a", class_="citation")
                     if a.attrs["href"] == f"#{reference.attrs['id']}"]
        assert citations and all(a.text == f"[{number}]" for a in citations)
        backs = [a.attrs["href"][1:] for p in reference.children[1].children
                 if "references__backlinks" in p.attrs.get("class", "")
                 for a in p.children if "references__back" in a.attrs.get("class", "")] \
            if len(reference.children) > 1 else []
        assert backs and set(backs) <= ids
    source = next(line for line in LINES if line.startswith("[1] "))
    assert "better-protection-for-victims-from-domestic-abusers" in source
    assert page.find_all("a", href=re.search(r"https://\S+abusers", source).group())


def test_quotations_become_block_quotes(imported) -> None:  # type: ignore[no-untyped-def]
    _, page, _ = imported
    quotes = page.text_of("blockquote")
    in_source = [line for line in LINES if line.startswith("‘")]
    assert len(quotes) == len(in_source) == 3
    assert [normalise(q)[:40] for q in quotes] == [normalise(line)[:40] for line in in_source]


def test_every_pdf_of_the_reference_has_a_structure_a_screen_reader_can_use(imported) -> None:  # type: ignore[no-untyped-def]
    root, page, _ = imported
    pdfs = sorted((root / "build").rglob("*.pdf"))
    assert len(pdfs) >= 1 + 9 + 22, "the report, its practice themes and its handouts"
    failures = {p.relative_to(root / "build").as_posix(): audit(p).failures() for p in pdfs}
    assert {name: found for name, found in failures.items() if found} == {}
    report = audit(root / "build" / "reports" / "east-midlands-2025.pdf")
    assert report.elements["/Art"] == 22
    assert report.elements["/Sect"] == 1 + len(_sections(page)) + 2  # cover ... back page


def test_import_explains_what_it_could_not_map_with_lines(imported) -> None:  # type: ignore[no-untyped-def]
    _, _, output = imported
    name = str(REFERENCE)
    assert f"{name}:181: section 'Public protection work' is the practice theme " \
           "'Public protection'" in output
    example = next(line for line in reversed(LINES[:154]) if line.startswith("Example of"))
    title = example.removeprefix("Example of effectiveness: ")
    assert f"{name}:154: the text after '{title}' closes the section: it is moved to the " \
           "introduction of section 'Professional curiosity'" in output
    assert f"{name}:30: the text after 'Stalking initiative, Nottinghamshire' introduces the " \
           "next example: it is moved to the introduction of section 'Organisational " \
           "arrangements and activity'" in output
    assert "no publication date found" in output
    assert "Imported 22 example(s) in 9 section(s)" in output


def test_written_files_follow_the_content_model(imported) -> None:  # type: ignore[no-untyped-def]
    root, _, _ = imported
    content = root / "content"
    report = yaml.safe_load((content / "reports" / "east-midlands-2025.yml").read_text())
    assert report["fieldwork"] == {"start": dt.date(2025, 2, 24), "end": dt.date(2025, 4, 4)}
    assert [r["key"] for r in report["references"]] == [f"ref-{n}" for n in range(1, 7)]
    site = yaml.safe_load((content / "site.yml").read_text())
    assert site["regions"] == [{"slug": "east-midlands", "name": "East Midlands"}]
    assert [s["code"] for s in site["standards"]] == ["S1", "S2", "S3", "S4", "S5"]
    assert site["standards"][0]["title"] == "Assessment"
    assert len(list((content / "examples").glob("*.md"))) == 22
    stalking = (content / "examples" / "stalking-initiative-nottinghamshire.md").read_text()
    assert "kind: initiative" in stalking and "[@ref-1]" in stalking


def test_importing_again_refuses_to_overwrite_the_report(imported) -> None:  # type: ignore[no-untyped-def]
    root, _, _ = imported
    before = (root / "content" / "site.yml").read_text()
    result = run("import", str(REFERENCE), "--out", str(root / "content"))
    assert result.exit_code == 1
    assert "reports/east-midlands-2025.yml: already exists" in result.output
    assert "Traceback" not in result.output
    assert (root / "content" / "site.yml").read_text() == before


def test_built_page_imports_back_to_the_same_content(imported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, page, _ = imported
    saved = root / "build" / "reports" / "east-midlands-2025.html"
    result = run("import", str(saved), "--out", str(tmp_path / "again"))
    assert result.exit_code == 0, result.output
    set_dates(tmp_path / "again")
    for example in (root / "content" / "examples").glob("*.md"):
        again = (tmp_path / "again" / "examples" / example.name).read_text()
        assert again.split("---", 2)[2] == example.read_text().split("---", 2)[2], example.name
    assert run("build", "--content", str(tmp_path / "again"), "--out",
               str(tmp_path / "out"), "--no-pdf").exit_code == 0
    rebuilt = Page((tmp_path / "out" / "reports" / "east-midlands-2025.html").read_text())
    assert [_heading(s) for s in _sections(rebuilt)] == [_heading(s) for s in _sections(page)]
    assert missing_sentences(source_sentences(SOURCE), rebuilt.html) == ["Public protection work"]


def test_import_into_an_existing_content_folder_adds_to_it(tmp_path: Path) -> None:
    content = shutil.copytree(SAMPLE, tmp_path / "content")
    site_before = (content / "site.yml").read_text()
    result = run("import", str(REFERENCE), "--out", str(content))
    assert result.exit_code == 0, result.output
    site_after = (content / "site.yml").read_text()
    assert site_after.startswith(site_before.split("practice_themes:")[0]), "comments kept"
    site = yaml.safe_load(site_after)
    assert [r["slug"] for r in site["regions"]][-1] == "east-midlands"
    assert len(site["practice_themes"]) == 9, "every section matched an existing theme"
    report = yaml.safe_load((content / "reports" / "east-midlands-2025.yml").read_text())
    assert "public-protection" in [s["practice_theme"] for s in report["sections"]]
    set_dates(content)
    built = run("build", "--content", str(content), "--out", str(tmp_path / "build"), "--no-pdf")
    assert built.exit_code == 0, built.output
    assert "Built 4 report(s)" in built.output  # the sample's three (one in Welsh) and this one


def _example_text(content: Path, title_start: str) -> str:
    return next(p.read_text() for p in (content / "examples").glob("*.md")
                if f"title: {title_start}" in p.read_text())


def test_bridges_and_closing_remarks_stay_with_their_section(imported) -> None:  # type: ignore[no-untyped-def]
    root, page, _ = imported
    content = root / "content"
    bridge, closing = LINES[29], LINES[153]
    assert bridge.startswith("The case below highlights")
    assert closing.startswith("You can access our professional curiosity")
    initiative = " ".join(_example_text(content, "Stalking initiative").split())
    assert bridge[:40] not in initiative
    curiosity = " ".join(_example_text(content, "Supporting change").split())
    assert closing[:40] not in curiosity
    report = yaml.safe_load((content / "reports" / "east-midlands-2025.yml").read_text())
    intros = {s["practice_theme"]: " ".join(s["intro"].split()) for s in report["sections"]}
    assert intros["organisational-arrangements"].startswith(bridge[:60])
    assert closing[:60] in intros["professional-curiosity"]
    outcomes = page.find_all("div", class_="outcome")
    assert outcomes and not any("You can access our" in o.text for o in outcomes)


def test_check_finds_only_what_is_true_of_the_original(imported) -> None:  # type: ignore[no-untyped-def]
    """The imported report carries init's defaults and the glossary the source spells out, so
    what check reports is what a reader of the original could point at: two people called
    Jack, two abbreviations never spelled out, and four spelling-out slips of the original."""
    root, _, _ = imported
    content = root / "content"
    result = run("check", "--content", str(content), "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    got = sorted((f["code"], f["message"].split("'")[1]) for f in findings)
    assert got == sorted([
        ("anon-name-reused", "Jack"), ("anon-name-reused", "Jack"),
        ("style-abbr-unknown", "IOM"), ("style-abbr-unknown", "LGBT"),  # never spelled out
        ("style-abbr-not-expanded", "COM"),  # spelled out only in a subheading
        ("style-abbr-not-expanded", "ASPIRE"),  # "the ASPIRE model by ...", no brackets
        ("style-abbr-expanded-again", "PSR"),  # "pre-sentence report (PSR)" twice
        ("style-abbr-expanded-again", "PP"),  # spelled out again in the last section
    ])
    site = (content / "site.yml").read_text()
    assert "  VLSPO: victim liaison senior probation officer\n" in site
    assert "  MOSOVO: management of sexual or violent offenders\n" in site
    assert "  # IOM: ?\n  # LGBT: ?\n" in site
    assert "known_abbreviations: [GP, GPS, HM, HMP, NHS, UK]" in site
