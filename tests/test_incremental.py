"""Incremental builds: nothing done when nothing changed, only what depends on an edit redone,
and always the same output as a clean build."""

from __future__ import annotations

import hashlib
import itertools
import time
from pathlib import Path

import pytest

from spotlight.incremental import Records
from spotlight.incremental.records import STAT, StatRecord

from .conftest import overlay, run

SECOND_REPORT = {
    "reports/south-2026.yml": (
        "title: Test Spotlight South\nregion: north\nfieldwork:\n  start: 2026-01-05\n"
        "  end: 2026-02-13\npublished: 2026-06-01\nintroduction: |\n  The south introduction.\n"),
    "examples/third-case.md": (
        "---\ntitle: Third case\nreports: [south-2026]\npractice_theme: court-work\n"
        "region: north\n---\nCara received a community order.\n\n## Outcome\n\n"
        "Cara completed it.\n"),
}


def _files(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file: (SHA-256, inode). A file rewritten gets a new inode; a kept one does not."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                               p.stat().st_ino)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(*extra: str) -> str:
    result = run("build", "--content", "site", "--out", "out", "--no-search", *extra)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def two_reports(site):  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, SECOND_REPORT)
    return content


def test_a_rebuild_with_nothing_changed_does_nothing(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _build()
    before = _files(tmp_path / "out")
    output = _build("-v")
    assert output.strip() == "Nothing changed: out is up to date.", "and no file listed as written"
    assert _files(tmp_path / "out") == before


def test_an_edit_redoes_only_what_depends_on_it(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _build()
    before = _files(tmp_path / "out")
    first = two_reports / "examples" / "first-case.md"
    first.write_text(first.read_text().replace("Ann completed her order.",
                                               "Ann completed her order early."))
    _build()
    after = _files(tmp_path / "out")
    changed = {path for path in after if after[path] != before.get(path)}
    assert {"reports/north-2025.html", "examples/first-case.html", "reports/north-2025.pdf",
            "examples/first-case.pdf"} <= changed
    untouched = {"reports/south-2026.html", "reports/south-2026.pdf", "examples/third-case.pdf",
                 "examples/second-case.pdf", "static/site.css"}
    assert not untouched & changed, "files that do not depend on the edit are kept as they were"
    assert all(after[path][1] == before[path][1] for path in untouched)


def test_incremental_output_is_identical_to_a_clean_build(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _build()
    overlay(two_reports, {
        "examples/first-case.md": (two_reports / "examples" / "first-case.md").read_text()
        .replace("Ann completed her order.", "Ann completed her order early."),
        "examples/second-case.md": None,
        "examples/fourth-case.md": ("---\ntitle: Fourth case\nreports: [north-2025, south-2026]"
                                    "\npractice_theme: resettlement\nregion: north\n---\n"
                                    "Dev was released on licence.\n"),
    })
    _build()
    incremental = {path: sha for path, (sha, _) in _files(tmp_path / "out").items()}
    result = run("build", "--content", "site", "--out", "clean", "--no-search", "--clean")
    assert result.exit_code == 0, result.output
    clean = {path: sha for path, (sha, _) in _files(tmp_path / "clean").items()}
    assert incremental == clean
    assert "examples/second-case.html" not in incremental
    assert "examples/fourth-case.pdf" in incremental


def test_clean_rebuilds_everything(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _build()
    before = _files(tmp_path / "out")
    _build("--clean")
    after = _files(tmp_path / "out")
    assert {p: sha for p, (sha, _) in after.items()} == {p: sha for p, (sha, _) in before.items()}
    assert all(after[path][1] != before[path][1] for path in after)


def test_warnings_of_a_kept_pdf_are_still_reported(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paragraph = "Ben met his probation practitioner every week and talked about work. " * 12
    overlay(two_reports, {"examples/second-case.md": (
        "---\ntitle: Second case\nreports: [north-2025]\npractice_theme: resettlement\n"
        "region: north\n---\n" + "\n\n".join([paragraph] * 14) + "\n")})
    first = run("build", "--content", "site", "--out", "out", "--no-search")
    assert "examples/second-case.pdf: PDF: runs to" in first.output
    first_case = two_reports / "examples" / "first-case.md"
    first_case.write_text(first_case.read_text().replace("Ann", "Anna"))
    second = run("build", "--content", "site", "--out", "out", "--no-search")
    assert "examples/second-case.pdf: PDF: runs to" in second.output
    strict = run("build", "--content", "site", "--out", "out", "--no-search", "--strict")
    assert strict.exit_code == 1


def _lines(output: str, verb: str) -> set[str]:
    """The files a verbose build says it wrote (or kept), relative to the output folder."""
    marker = f"  {verb} out/"
    return {line[len(marker):].removesuffix(" (unchanged)")
            for line in output.splitlines() if line.startswith(marker)}


def test_an_edit_to_a_text_renders_again_only_the_pages_that_show_it(two_reports) -> None:  # type: ignore[no-untyped-def]
    _build("--no-pdf")
    first = two_reports / "examples" / "first-case.md"
    first.write_text(first.read_text().replace("Ann completed her order.",
                                               "Ann completed her order early."))
    output = _build("--no-pdf", "-v")
    assert _lines(output, "wrote") == {"examples/first-case.html", "reports/north-2025.html"}
    assert {"index.html", "examples/second-case.html", "reports/south-2026.html",
            "practice-themes/court-work.html"} <= _lines(output, "kept")
    assert output.splitlines()[-1].endswith("13 page(s) and 0 PDF(s) in out (11 unchanged)")
    # A title is shown on many pages: every page is rendered again (and still only the
    # changed files written).
    first.write_text(first.read_text().replace("title: First case", "title: First case, renamed"))
    output = _build("--no-pdf", "-v")
    assert {"index.html", "practice-themes/court-work.html",
            "examples/second-case.html"} <= _lines(output, "wrote")
    assert "unchanged" not in output.splitlines()[-1]


OVERRIDE = {
    # Shows, on the home page, the text of the first example and the first report's glossary:
    # a theme may show anything anywhere, and an edit must still reach every page showing it.
    "index.html": ('{% extends "!default/index.html" %}{% block content %}{{ super() }}'
                   '{% for e in site.library.examples if e.slug == "first-case" %}'
                   '<div id="first">{{ e["outcome"] }}</div>{% endfor %}'
                   '{% for r in site.reports if r.slug == "north-2025" %}<ul id="terms">'
                   '{% for term, meaning in r | attr("glossary") %}<li>{{ term }}</li>{% endfor %}'
                   '</ul>{% endfor %}{% endblock %}'),
}


def test_pages_follow_the_texts_a_theme_override_shows(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    overlay(tmp_path / "override" / "templates", OVERRIDE)
    args = ("--no-pdf", "--theme-override", "override")
    _build(*args)
    index = tmp_path / "out" / "index.html"
    assert "<li>PP</li>" not in index.read_text()
    first = two_reports / "examples" / "first-case.md"
    first.write_text(first.read_text().replace("Ann completed her order.",
                                               "Ann completed her order with her PP."))
    output = _build(*args, "-v")
    assert "index.html" in _lines(output, "wrote")
    html = index.read_text()
    # The example's own page spells out "PP" at its first use there.
    assert "Ann completed her order with her PP (probation practitioner)." in html
    assert "<li>PP</li>" in html
    result = run("build", "--content", "site", "--out", "clean", "--no-search", *args, "--clean")
    assert result.exit_code == 0, result.output
    assert _files(tmp_path / "clean").keys() == _files(tmp_path / "out").keys()
    assert {p: sha for p, (sha, _) in _files(tmp_path / "clean").items()} == \
        {p: sha for p, (sha, _) in _files(tmp_path / "out").items()}


def test_an_edit_right_after_a_build_is_never_missed(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    time.sleep(1.1)  # older than a build's racy window: the build trusts the files' stat data
    _build("--no-pdf")
    record = StatRecord.loads((Records(two_reports, tmp_path / "out").folder / STAT).read_bytes())
    assert record is not None and record.key, "the next build may skip reading the files"
    first = two_reports / "examples" / "first-case.md"
    names = ["Ann", "Bob", "Cal", "Dee"]  # the same size each time: only the file's times change
    for before, after in itertools.pairwise(names):
        first.write_text(first.read_text().replace(before, after))
        _build("--no-pdf")
        page = (tmp_path / "out" / "examples" / "first-case.html").read_text()
        assert f"{after} completed her order." in page


def test_a_file_touched_but_unchanged_is_still_nothing_to_do(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _build("--no-pdf")
    before = _files(tmp_path / "out")
    (two_reports / "examples" / "first-case.md").touch()
    assert _build("--no-pdf").strip() == "Nothing changed: out is up to date."
    assert _files(tmp_path / "out") == before


def test_a_folder_link_added_after_a_build_is_reported(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _build("--no-pdf")
    (tmp_path / "elsewhere").mkdir()
    (two_reports / "examples" / "linked").symlink_to(tmp_path / "elsewhere")
    result = run("build", "--content", "site", "--out", "out", "--no-search", "--no-pdf")
    assert result.exit_code == 1
    assert "is a link to a folder" in result.output


def test_an_override_named_in_the_site_file_is_watched_too(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site_file = two_reports / "site.yml"
    site_file.write_text(site_file.read_text() + "theme_override: look\n")
    overlay(two_reports / "look" / "templates", {
        "404.html": '{% extends "!default/404.html" %}{% block title %}Lost{% endblock %}'})
    time.sleep(1.1)  # older than a build's racy window: the build trusts the files' stat data
    _build("--no-pdf")
    record = (Records(two_reports, tmp_path / "out").folder / STAT).read_bytes()
    assert StatRecord.loads(record) == StatRecord("look", StatRecord.loads(record).key)
    assert _build("--no-pdf").strip() == "Nothing changed: out is up to date."
    template = two_reports / "look" / "templates" / "404.html"
    template.write_text(template.read_text().replace("Lost", "Gone"))  # the same size
    _build("--no-pdf")
    assert "<title>Gone</title>" in (tmp_path / "out" / "404.html").read_text()


SQUARE = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
          '<rect width="40" height="40" fill="{}"/></svg>')


def test_an_image_beside_the_examples_is_an_input_of_the_pdfs(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = two_reports / "examples" / "first-case.md"
    overlay(two_reports, {
        "examples/square.svg": SQUARE.format("#000000"),
        "examples/first-case.md": first.read_text().replace(
            "## Outcome", '![A black square](examples/square.svg "The square")\n\n## Outcome')})
    _build()
    before = _files(tmp_path / "out")
    overlay(two_reports, {"examples/square.svg": SQUARE.format("#ffffff")})
    _build()
    after = _files(tmp_path / "out")
    assert after["examples/square.svg"] != before["examples/square.svg"]
    assert after["examples/first-case.pdf"][0] != before["examples/first-case.pdf"][0]
    result = run("build", "--content", "site", "--out", "clean", "--no-search", "--clean")
    assert result.exit_code == 0, result.output
    clean = _files(tmp_path / "clean")
    assert {p: sha for p, (sha, _) in after.items()} == {p: sha for p, (sha, _) in clean.items()}


def test_links_to_a_pdf_follow_its_size_and_pages_when_only_the_pdf_changed(
        two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from .html_helpers import Page
    from .pdf_helpers import Pdf

    def labels() -> dict[str, str]:
        pdf = tmp_path / "out" / "reports" / "north-2025.pdf"
        pages = Pdf(pdf).pages
        size = pdf.stat().st_size
        expected = f"PDF, {round(size / 1024)} KB, {pages} page{'s' if pages > 1 else ''}"
        index = Page((tmp_path / "out" / "index.html").read_text())
        report = Page((tmp_path / "out" / "reports" / "north-2025.html").read_text())
        shown = {link.attrs["href"]: " ".join(link.text.split())
                 for page in (index, report) for link in page.find_all("a")
                 if link.attrs.get("href", "").endswith("north-2025.pdf")}
        assert shown and all(text.endswith(f"({expected})") for text in shown.values()), shown
        return shown

    _build("--no-handouts")
    before = labels()
    # The example's text is shown by the report's page and PDF, not by the home page: the
    # home page is not made again for the text, but its link must follow the longer PDF.
    first = two_reports / "examples" / "first-case.md"
    first.write_text(first.read_text().replace(
        "Ann completed her order.", "Ann completed her order.\n\n" + "A long paragraph. " * 900))
    output = _build("--no-handouts", "-v")
    assert labels() != before
    # The other report's PDF was kept from the first build: its link still gives its facts.
    assert "reports/south-2026.pdf" in _lines(output, "kept")
    index = (tmp_path / "out" / "index.html").read_text()
    assert index.count(" KB, 1 page)") + index.count(" pages)") == 2
