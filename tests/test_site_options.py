"""Site settings and build options that change the website: the base URL, search on or off,
the theme override setting, and a search indexer that fails."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from spotlight.incremental import RECORDS

from .conftest import overlay, run
from .html_helpers import Page

ATOM = "{http://www.w3.org/2005/Atom}"


def _set_base_url(site: Path, value: str | None) -> None:
    text = (site / "site.yml").read_text()
    line = "base_url: https://test.example.org/\n"
    assert line in text
    (site / "site.yml").write_text(text.replace(line, f"base_url: {value}\n" if value else ""))


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_without_a_base_url_pages_omit_canonical_links_and_the_sitemap(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _set_base_url(content, None)
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    out = tmp_path / "out"
    for path in sorted(out.rglob("*.html")):
        html = path.read_text()
        assert 'rel="canonical"' not in html and "og:url" not in html, path
        assert 'property="og:title"' in html and 'name="description"' in html, path
    assert not (out / "sitemap.xml").exists()
    assert (out / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    feed = ET.parse(out / "feed.xml").getroot()
    assert feed.findtext(f"{ATOM}id", "").startswith("urn:uuid:")
    entry = feed.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.find(f"{ATOM}link").attrib["href"] == "reports/north-2025.html"
    not_found = Page((out / "404.html").read_text())
    assert not_found.find_all("link", rel="stylesheet")[0].attrs["href"] == "static/site.css"


def test_a_base_url_with_a_path_gives_canonical_links_and_a_404_page_for_any_depth(
        site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _set_base_url(content, "https://example.org/spotlights")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    out = tmp_path / "out"
    page = Page((out / "examples" / "first-case.html").read_text())
    assert page.find_all("link", rel="canonical")[0].attrs["href"] == \
        "https://example.org/spotlights/examples/first-case.html"
    not_found = Page((out / "404.html").read_text())
    assert not_found.find_all("link", rel="stylesheet")[0].attrs["href"] == \
        "/spotlights/static/site.css"
    assert "/spotlights/index.html" in [a.attrs["href"] for a in not_found.find_all("a")]


def test_no_search_builds_no_index_and_no_way_to_it(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    result = run("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert not (out / "search").exists() and not (out / "pagefind").exists()
    for path in out.rglob("*.html"):
        html = path.read_text()
        assert "search/index.html" not in html and 'role="search"' not in html, path


def test_search_indexes_only_example_pages_with_their_filters(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    out = tmp_path / "out"
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    assert [language["page_count"] for language in entry["languages"].values()] == [2]
    search = Page((out / "search" / "index.html").read_text())
    boxes = [(i.attrs["name"], i.attrs["value"]) for i in search.find_all("input", type="checkbox")]
    assert boxes == [("practice_theme", "Court work"), ("practice_theme", "Resettlement"),
                     ("region", "North")]
    example = Page((out / "examples" / "first-case.html").read_text())
    filters = [(a.attrs["data-pagefind-filter"], a.text) for a in example.elements
               if "data-pagefind-filter" in a.attrs]
    assert filters == [("practice_theme", "Court work"), ("region", "North")]


def test_search_lists_the_indexed_words_for_correcting_slips(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"examples/first-case.md": (content / "examples" / "first-case.md")
                      .read_text().replace("received a community order.",
                                           "received a community order after DA enquiries.")})
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    words = json.loads((tmp_path / "out" / "pagefind" / "words.json").read_text())
    assert words["shortest"] == 3 and words["short"] == ["da"]
    assert words["words"]["order"] == 2 and words["words"]["enquiries"] == 1
    # Only the text Pagefind indexes: not the metadata list it ignores, nor numbers or "a".
    assert "court" not in words["words"] and "north" not in words["words"]
    assert "30" not in words["words"] and "a" not in words["words"]


def test_the_same_content_builds_the_same_website_bytes(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    assert run("build", "--content", "site", "--out", "one", "--no-pdf").exit_code == 0
    assert run("build", "--content", "site", "--out", "two", "--no-pdf").exit_code == 0
    one, two = _snapshot(tmp_path / "one"), _snapshot(tmp_path / "two")
    assert any(p.startswith("pagefind/") for p in one)
    # Pagefind writes its filters in hash-map order, so only its index may differ.
    assert {p: h for p, h in one.items() if not p.startswith("pagefind/")} == \
        {p: h for p, h in two.items() if not p.startswith("pagefind/")}


@pytest.mark.parametrize("binary", ["#!/bin/sh\necho 'index exploded' >&2\nexit 3\n", None])
def test_a_failing_search_indexer_leaves_the_previous_build(
        site, tmp_path, monkeypatch, binary: str | None) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    before = _snapshot(tmp_path / "out")
    fake = tmp_path / "fake-pagefind"
    if binary is not None:
        fake.write_text(binary)
        fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    result = run("build", "--content", "site", "--out", "out", "--no-pdf", "--clean")
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("search: Pagefind could not index the site: ")
    if binary is not None:
        assert first.endswith("index exploded")
    assert _snapshot(tmp_path / "out") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [RECORDS, "out", "site"] + (["fake-pagefind"] if binary is not None else []))


def test_theme_override_set_in_site_yml(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(tmp_path / "look", {"static/brand.css": "/* brand */\n", "templates/base.html": (
        '{% extends "!default/base.html" %}\n'
        '{% block head %}<link rel="stylesheet" href="{{ root }}static/brand.css">'
        '{% endblock %}\n')})
    overlay(tmp_path / "other", {"static/brand.css": "/* other */\n"})
    with (content / "site.yml").open("a") as site_yml:
        site_yml.write("theme_override: ../look\n")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    assert (tmp_path / "out" / "static" / "brand.css").read_text() == "/* brand */\n"
    assert 'href="../static/brand.css"' in (tmp_path / "out" / "examples" /
                                             "first-case.html").read_text()
    result = run("build", "--content", "site", "--out", "out", "--no-pdf",
                 "--theme-override", "other")
    assert result.exit_code == 0, "the command-line option wins over the setting"
    assert (tmp_path / "out" / "static" / "brand.css").read_text() == "/* other */\n"


def test_theme_override_setting_naming_no_folder(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    with (content / "site.yml").open("a") as site_yml:
        site_yml.write("theme_override: my-look\n")
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "site/site.yml:34: theme_override: there is no folder 'my-look' (it is looked for from "
        "the content folder); correct the name, or create the folder")


def test_a_site_without_examples_yet_builds_without_search(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"examples/first-case.md": None, "examples/second-case.md": None})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert not (out / "search").exists() and not (out / "pagefind").exists()
    home = Page((out / "index.html").read_text())
    assert "No examples have been published yet." in home.text_of("p")
    assert not home.find_all("form")


def test_home_page_says_when_examples_name_no_standard(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    first = content / "examples" / "first-case.md"
    overlay(content, {"examples/first-case.md": first.read_text().replace(
        'standards: ["2.1"]\n', "")})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
    assert result.exit_code == 0, result.output
    home = Page((tmp_path / "out" / "index.html").read_text())
    paragraphs = home.text_of("p")
    assert "The examples published so far do not name the standards they meet." in paragraphs
    assert "No examples have been published yet." not in paragraphs
    assert home.find_all("a", href="practice-themes/court-work.html")


def _icons(out: Path) -> set[str]:
    return {link.attrs["href"].lstrip("./") for page in out.rglob("*.html")
            for link in Page(page.read_text()).find_all("link", rel="icon")}


def test_every_page_has_the_default_icon(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    out = tmp_path / "out"
    pages = list(out.rglob("*.html"))
    assert all(len(Page(p.read_text()).find_all("link", rel="icon")) == 1 for p in pages)
    assert _icons(out) == {"static/favicon.svg"}
    assert (out / "static" / "favicon.svg").read_text().startswith("<svg ")


def test_the_organisations_icon_from_the_site_file(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    icon = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
            '<rect width="1" height="1"/></svg>')
    overlay(content, {"images/icon.svg": icon})
    with (content / "site.yml").open("a") as site_yml:
        site_yml.write("favicon: images/icon.svg\n")
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert _icons(out) == {"images/icon.svg"}
    assert (out / "images" / "icon.svg").read_text().startswith('<svg xmlns="http://www.w3.org/2000/svg"')


@pytest.mark.parametrize(("value", "message"), [
    ("images/none.png", "favicon 'images/none.png' not found in the content folder"),
    ("images/icon.bmp", "favicon 'images/icon.bmp' is not an icon: use one of .png, .svg, "
                        ".ico, .gif"),
])
def test_a_wrong_icon_is_reported_with_its_line(site, value: str, message: str) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    overlay(content, {"images/icon.bmp": b"BM"})
    lines = len((content / "site.yml").read_text().splitlines())
    with (content / "site.yml").open("a") as site_yml:
        site_yml.write(f"favicon: {value}\n")
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 1
    assert f"site/site.yml:{lines + 1}: {message}" in result.stderr
