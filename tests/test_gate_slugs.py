"""Personal details in a page's address: an example's or a report's slug (its file name, or
the example's ``slug:``) is published in the addresses of its page and PDF, so the gate reads
it as it reads a picture's file name (found by a new user's trial)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spotlight.checks.gate_scan import scan_file
from spotlight.checks.prose import source_prose

ROOT = Path(__file__).parent.parent
EXAMPLE = ("---\ntitle: A case\nreports: [north-2025]\n{slug}kind: person\n---\n"
           "Ben, a 30-year-old man, was helped to {word}.\n")


def _found(slug: str, *, field: str = "", word: str = "settle",
           pseudonyms: frozenset[str] = frozenset()) -> list[str]:
    text = EXAMPLE.format(slug=f"slug: {field}\n" if field else "", word=word)
    source = source_prose(f"examples/{slug}.md", text, True)
    return [f"{f.line}:{f.col} {f.code} {f.text}"
            for f in scan_file(source, pseudonyms, frozenset(), slug)]


@pytest.mark.parametrize("slug, expected", [
    ("supporting-kyle-brennan-into-college", ["1:1 anon-name Kyle Brennan"]),
    ("kyle-brennan-07700900461", ["1:1 anon-name Kyle Brennan", "1:1 anon-phone 07700900461"]),
    ("ben-a1234bc", ["1:1 anon-prison-number a1234bc"]),
    ("ben-ab123456c-ab12cde", ["1:1 anon-ni-number ab123456c", "1:1 anon-vehicle ab12cde"]),
    ("helping-mr-whitlock", ["1:1 anon-name Mr Whitlock"]),
    ("ben-x123456-ng7-2qp", ["1:1 anon-case-number x123456", "1:1 anon-postcode ng7 2qp"]),
    ("back-to-14-acacia-avenue", ["1:1 anon-address 14 acacia avenue"]),
    ("ben-born-1992", ["1:1 anon-date-of-birth 1992"]),
    ("r-v-brennan-2024", ["1:1 anon-name R v Brennan"]),
    ("after-r-v-secretary-of-state", []),
])
def test_a_detail_in_the_file_name_is_found(slug: str, expected: list[str]) -> None:
    assert sorted(_found(slug)) == expected


def test_the_slug_field_is_read_where_it_is_written() -> None:
    assert sorted(_found("second-case", field="kyle-brennan-07700900461")) == [
        "4:7 anon-name Kyle Brennan", "4:7 anon-phone 07700900461"]
    assert _found("kyle-brennan", field="second-case") == [], "the slug, not the file name"


def test_a_pseudonym_with_a_surname_is_found() -> None:
    assert _found("helping-kwame-osei", pseudonyms=frozenset({"Kwame"})) == [
        "1:1 anon-name Kwame Osei"]


def test_a_report_file_name_is_read() -> None:
    source = source_prose("reports/kyle-brennan-2025.yml", "title: A report\n", False)
    assert [f.message for f in scan_file(source, frozenset(), frozenset(),
                                         "kyle-brennan-2025")] == [
        "in the file name, which names the report's page and PDF, 'Kyle Brennan' looks like a "
        "full name: use a first-name pseudonym only; rename the file (links to it change with it)"]


def _synthetic_slugs() -> list[str]:
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import synth

    folder = Path(__import__("tempfile").mkdtemp())
    synth.generate(folder, 30, 3)
    return [p.stem for p in folder.rglob("*") if p.suffix in (".md", ".yml")]


ORDINARY = ["working-with-an-interpreter-at-court", "joint-working-with-a-leaving-care-team",
            "supporting-a-young-victim-into-adulthood", "using-polygraph-disclosures",
            "jack-of-all-trades", "will-power-and-a-plan", "a-plan-b-for-release",
            "building-hope-through-work", "the-ds-team-and-pc-support", "northshire-2025",
            "westvale-2026-cy", "a-1-1-session-plan", "section-18-gbh-and-a-safety-plan",
            *(p.stem for p in (ROOT / "content").rglob("*") if p.suffix in (".md", ".yml"))]


@pytest.mark.parametrize("slug", ORDINARY)
def test_an_ordinary_slug_passes(slug: str) -> None:
    assert _found(slug) == []
    assert _found("second-case", field=slug) == []


def test_the_synthetic_slugs_pass() -> None:
    assert [slug for slug in _synthetic_slugs() if _found(slug)] == []


def test_a_word_of_the_text_is_no_surname() -> None:
    """A word the file's own text has in lower case is an ordinary word, not a surname; any
    other word after a first name is taken for one (a name in a page's address costs more than
    a file renamed): "helping-grace-blossom" is Grace Blossom unless the text speaks of
    blossom."""
    assert _found("helping-grace-blossom", word="blossom") == []
    assert _found("helping-grace-blossom", word="find friends") == [
        "1:1 anon-name Grace Blossom"]
    assert _found("helping-sarah-whitlock", word="whitlock") == []
    assert _found("helping-sarah-whitlock", word="find friends") == [
        "1:1 anon-name Sarah Whitlock"]


def test_new_example_refuses_a_title_that_names_a_person(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The title makes the file name, the web address of the example's page: a title the
    gate would refuse there is refused at once, and nothing is written."""
    from .conftest import run

    monkeypatch.chdir(tmp_path)
    run("init")
    before = sorted(p.name for p in (tmp_path / "content/examples").iterdir())
    for title, said in (("Supporting Kyle Brennan into college", "'Kyle Brennan' looks like a "
                         "full name"),
                        ("Working with Mr Smith", "'Mr Smith' looks like a title and name"),
                        ("Visits to 14 Acacia Avenue", "'14 acacia avenue' looks like a house "
                         "number and street")):
        result = run("new", "example", "-r", "example-region-2025", "-t", "court-work", title)
        assert result.exit_code == 1, result.output
        first, last = result.stderr.splitlines()
        assert first.startswith(f"title: {said}: ") and first.endswith(
            "; the title makes the example's file name, which is also the web address of its "
            "page, so change the title"), first
        assert last == "1 problem. Nothing was written."
    assert sorted(p.name for p in (tmp_path / "content/examples").iterdir()) == before
    wrong = run("new", "example", "-r", "nowhere", "-t", "court-work", "Working with Mr Smith")
    assert [line.split(":")[0] for line in wrong.stderr.splitlines()] == [
        "--report", "title", "2 problems. Nothing was written."], "said together"
    ordinary = run("new", "example", "-r", "example-region-2025", "-t", "court-work",
                   "Helping Grace settle into college")
    assert ordinary.exit_code == 0 and ordinary.stderr == ""


def test_a_picture_file_name_is_read_whatever_its_case(site) -> None:  # type: ignore[no-untyped-def]
    import json

    from .conftest import overlay, run

    content = site("minimal")
    overlay(content, {"images/car-ab12cde-a1234bc.png": b"", "images/door@2x.png": b""})
    result = run("check", "--content", "site", "--format", "json")
    found = sorted((f["path"], f["code"], f["message"]) for f in json.loads(result.stdout)
                   ["findings"] if f["code"].startswith("anon-"))
    assert found == [
        ("site/images/car-ab12cde-a1234bc.png", "anon-prison-number", "in the picture's file "
         "name, 'a1234bc' looks like a prison number: leave it out; rename the file, and the "
         "address that names it"),
        ("site/images/car-ab12cde-a1234bc.png", "anon-vehicle", "in the picture's file name, "
         "'ab12cde' looks like a vehicle registration: leave it out; rename the file, and the "
         "address that names it")]


def test_a_picture_file_name_of_a_name_and_ordinary_words(site) -> None:  # type: ignore[no-untyped-def]
    """A word the content's text has in lower case is no surname ("chloe-victim-statement",
    where an example speaks of her victim statement); any other word after a first name is
    taken for one, so "tracey-kyle-mum" (Tracey Kyle? Kyle Mum?) is asked about too: a file
    renamed costs less than a name published."""
    import json

    from .conftest import overlay, run

    content = site("minimal")
    second = content / "examples" / "second-case.md"
    overlay(content, {"images/chloe-victim-statement.png": b"", "images/tracey-kyle-mum.png": b"",
                      "images/kyle-brennan-at-work.png": b"",
                      "examples/second-case.md": second.read_text()
                      + "\nChloe read her victim statement to the panel.\n"})
    result = run("check", "--content", "site", "--format", "json")
    found = sorted((f["path"], f["message"]) for f in json.loads(result.stdout)["findings"]
                   if f["code"] == "anon-name")
    assert found == [
        ("site/images/kyle-brennan-at-work.png", "in the picture's file name, 'Kyle Brennan' "
         "looks like a full name: use a first-name pseudonym only; rename the file, and the "
         "address that names it"),
        *(("site/images/tracey-kyle-mum.png", f"in the picture's file name, '{pair}' looks "
           "like a full name: use a first-name pseudonym only; rename the file, and the address "
           "that names it") for pair in ("Kyle Mum", "Tracey Kyle"))]
