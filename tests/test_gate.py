"""The publish gate as an author meets it: a build that would publish a personal detail or
unfinished work stops, names the file, line and column, and leaves the previous build as it
was; a waiver lets the detail through, and the build says so."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest

from .conftest import SAMPLE, overlay, run

FRONT = ("---\ntitle: {title}\nreports: [north-2025]\npractice_theme: resettlement\n"
         "region: north\n{extra}---\n")
BODY = "Ben was released on licence.\n\n{detail}\n"

# (what, file, text written, the finding's first words)
PLANTED = [
    ("postcode", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(detail="He moved to NG7 2QP."),
     "site/examples/second-case.md:9:13: error: anon-postcode: 'NG7 2QP'"),
    ("date of birth", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(detail="DOB: 14.3.92"),
     "site/examples/second-case.md:9:6: error: anon-date-of-birth: '14.3.92'"),
    ("full name in a title", "examples/second-case.md",
     FRONT.format(title="Helping Darren Whitlock", extra="") + BODY.format(detail=""),
     "site/examples/second-case.md:2:16: error: anon-name: 'Darren Whitlock'"),
    ("handle in a tag", "examples/second-case.md",
     FRONT.format(title="Second case", extra="tags: [housing, '@dazza_88']\n")
     + BODY.format(detail=""),
     "site/examples/second-case.md:6:18: error: anon-social: '@dazza_88'"),
    ("address in alt text", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(
         detail="![The door of 14 Acacia Avenue](door.png \"His home\")"),
     "site/examples/second-case.md:9:15: error: anon-address: '14 Acacia Avenue'"),
    ("editorial mark", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(detail="He settled [check]."),
     "site/examples/second-case.md:9:12: error: unfinished-mark: '[check]'"),
    # (A publication date left as the placeholder makes the report a draft: test_drafts.py.)
    ("placeholder date", "reports/north-2025.yml",
     "title: Test Spotlight North\nregion: north\nfieldwork:\n  start: 1900-01-01  # "
     "PLACEHOLDER: set the real one\n  end: 2025-02-14\npublished: 2025-06-01\n"
     "introduction: |\n  The introduction.\n",
     "site/reports/north-2025.yml:4:10: error: unfinished-placeholder: '1900-01-01'"),
    ("full name in the file name", "examples/supporting-kyle-brennan-into-college.md",
     FRONT.format(title="Supporting Kyle into college", extra="") + BODY.format(detail=""),
     "site/examples/supporting-kyle-brennan-into-college.md:1:1: error: anon-name: in the file "
     "name, which names the example's page and PDF, 'Kyle Brennan' looks like a full name: use "
     "a first-name pseudonym only; rename the file (links to it change with it)"),
    ("telephone number in the file name", "examples/kyle-07700900461.md",
     FRONT.format(title="Second case", extra="") + BODY.format(detail=""),
     "site/examples/kyle-07700900461.md:1:1: error: anon-phone: in the file name"),
    ("prison number in the slug", "examples/second-case.md",
     FRONT.format(title="Second case", extra="slug: ben-a1234bc\n") + BODY.format(detail=""),
     "site/examples/second-case.md:6:7: error: anon-prison-number: in the example's 'slug', "
     "which names the example's page and PDF, 'a1234bc' looks like a prison number: leave it "
     "out; change 'slug' (links to it change with it)"),
    ("e-mail address in a link", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(
         detail="[His PP](mailto:jane.whitfield@justice.gov.uk) arranged it."),
     "site/examples/second-case.md:9:17: error: anon-email: 'jane.whitfield@justice.gov.uk'"),
    ("case number in a link's web address", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(
         detail="See [his record](https://delius.example.org/case/X654321) first."),
     "site/examples/second-case.md:9:50: error: anon-case-number: in a web address (a link's "
     "or a picture's, published in the page), 'X654321' looks like a case reference number: "
     "leave it out"),
    ("date of birth in a reference's web address", "reports/north-2025.yml",
     "title: Test Spotlight North\nregion: north\nfieldwork:\n  start: 2025-01-06\n"
     "  end: 2025-02-14\npublished: 2025-06-01\nintroduction: |\n  The introduction.\n"
     "references:\n  - key: records\n    text: Home Office (2024) Records.\n"
     "    url: https://example.org/r?dob=1990-03-03\n",
     "site/reports/north-2025.yml:12:36: error: anon-date-of-birth: in a web address (a link's "
     "or a picture's, published in the page), '1990-03-03' looks like a date of birth"),
    ("name after a footnote's label", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(
         detail="[^1]: Karen Bailey is the victim."),
     "site/examples/second-case.md:9:7: error: anon-name: 'Karen Bailey'"),
    ("name held together by a character reference", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(
         detail="His partner Emma&nbsp;Rowe came too."),
     "site/examples/second-case.md:9:13: error: anon-name: 'Emma Rowe'"),
    ("name split by emphasis", "examples/second-case.md",
     FRONT.format(title="Second case", extra="") + BODY.format(
         detail="He met **Carl** Webster there."),
     "site/examples/second-case.md:9:10: error: anon-name: 'Carl Webster'"),
    ("someone on licence thanked by name", "reports/north-2025.yml",
     "title: Test Spotlight North\nregion: north\nfieldwork:\n  start: 2025-01-06\n"
     "  end: 2025-02-14\npublished: 2025-06-01\nintroduction: |\n  The introduction.\n"
     "acknowledgements: |\n  We thank Nathan Briggs, who was on licence in Carlisle, for "
     "his time.\n",
     "site/reports/north-2025.yml:10:12: error: anon-name: 'Nathan Briggs' names someone on "
     "probation: use a first-name pseudonym, or leave the name out"),
    ("phone number in the glossary", "site.yml", None,
     "site/site.yml:29:36: error: anon-phone: '0115 496 0123'"),
]


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("what, path, text, expected", PLANTED, ids=[p[0] for p in PLANTED])
def test_a_planted_detail_stops_the_build(site, what: str, path: str, text: str | None,
                                          expected: str) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    before = _snapshot(Path("out"))
    assert any(name.startswith("pagefind/") for name in before), "the search index is built"
    if text is None:  # a glossary entry
        text = (content / path).read_text().replace(
            "  PP: probation practitioner\n",
            "  PP: probation practitioner (call 0115 496 0123)\n")
    overlay(content, {path: text, "door.png": _png()})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(expected), result.stderr
    assert len(lines) == 2, "one finding, then the verdict"
    assert lines[-1] == "Build failed: 1 problem; the previous build is unchanged."
    assert _snapshot(Path("out")) == before, "the previous build, search index included"


def test_a_waived_detail_builds_and_the_build_says_so(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    front = FRONT.format(title="Second case", extra=(
        "waivers:\n  - code: anon-postcode\n    match: SW1A 1AA\n"
        "    reason: the address of a public building, not of a person\n"))
    overlay(content, {"examples/second-case.md": front + BODY.format(
        detail="He reported to the office at SW1A 1AA.")})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert ("1 finding of the publish gate waived: 'spotlight check --waivers' lists them with "
            "their reasons.") in result.stderr
    assert "SW1A 1AA" in Path("out/reports/north-2025.html").read_text()
    listed = run("check", "--content", "site", "--waivers")
    assert listed.stdout.splitlines() == [
        "site/examples/second-case.md:13:30: waived: anon-postcode: 'SW1A 1AA' looks like a "
        "postcode: name the area in words, or leave it out (reason: the address of a public "
        "building, not of a person)"]


def test_a_stale_waiver_is_a_warning(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    front = FRONT.format(title="Second case", extra=(
        "waivers:\n  - code: anon-postcode\n    match: SW1A 1AA\n    reason: a court\n"))
    overlay(content, {"examples/second-case.md": front + BODY.format(detail="")})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert ("site/examples/second-case.md:7:5: warning: waiver-unused: waiver for anon-postcode "
            "'SW1A 1AA' matches no finding: remove it") in result.stderr.splitlines()
    listed = run("check", "--content", "site", "--waivers")
    assert "waiver-unused" in listed.stdout


def test_every_finding_is_reported_in_the_order_of_the_text(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"examples/second-case.md": FRONT.format(title="Second case", extra="")
                      + BODY.format(detail="Tomasz Kowalczyk (born 14/03/1992), of 23 Mill "
                                           "Lane, Fenwick EM4 7QT, TODO.")})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1
    assert [line.split(": ")[:3] for line in result.stderr.splitlines()[:-1]] == [
        ["site/examples/second-case.md:9:1", "error", "anon-name"],
        ["site/examples/second-case.md:9:24", "error", "anon-date-of-birth"],
        ["site/examples/second-case.md:9:40", "error", "anon-address"],
        ["site/examples/second-case.md:9:62", "error", "anon-postcode"],
        ["site/examples/second-case.md:9:71", "error", "unfinished-mark"]]
    assert not Path("out").exists()


def test_an_incremental_build_is_gated_too(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    assert "up to date" in run("build", "--content", "site", "--out", "out", "--no-pdf").stdout
    before = _snapshot(Path("out"))
    first = (content / "examples" / "first-case.md").read_text()
    overlay(content, {"examples/first-case.md": first + "\nShe lives at ng72qp.\n"})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1
    assert "site/examples/first-case.md:16:14: error: anon-postcode: 'ng72qp'" in result.stderr
    assert _snapshot(Path("out")) == before
    again = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert again.exit_code == 1, "a failed build never leaves a record that skips the gate"


def test_check_reports_a_postcode_beside_a_broken_file(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {
        "examples/first-case.md": "---\ntitle: 'First case\nreports: [north-2025]\n---\n"
                                  "Ann lives at 9 Orchard Close.\n",
        "examples/second-case.md": FRONT.format(title="Second case", extra="")
        + BODY.format(detail="He moved to NG7 2QP.")})
    result = run("check", "--content", "site")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(": error: invalid: " in line and "first-case.md" in line for line in lines)
    assert any(line.startswith("site/examples/first-case.md:5:14: error: anon-address: "
                               "'9 Orchard Close'") for line in lines), lines
    assert any(line.startswith("site/examples/second-case.md:9:13: error: anon-postcode: "
                               "'NG7 2QP'") for line in lines), lines


def test_the_reference_name_reused_is_only_a_warning(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {
        "examples/second-case.md": FRONT.format(title="Second case", extra="kind: person\n")
        + "Ann, a 41-year-old woman, was released on licence.\n\n## Outcome\n\nShe settled.\n"})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    checked = run("check", "--content", "site")
    assert ": warning: anon-name-reused: the first name 'Ann'" in checked.stdout


def test_the_sample_content_with_the_hooks_probe_does_not_build(tmp_path: Path) -> None:
    content = shutil.copytree(SAMPLE, tmp_path / "content")
    first = sorted((content / "examples").glob("*.md"))[0]
    first.write_text(first.read_text() + "\n\nHe moved to 14 Acacia Avenue, NG7 2QP, and gave "
                     "his date of birth as 14/03/1992.\n")
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"),
                 "--no-pdf", "--no-search")
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 4
    assert not (tmp_path / "out").exists()
