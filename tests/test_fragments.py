"""spotlight build --fragments: each report as a stand-alone HTML fragment for another
website, as someone pasting it into a content management system would find it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from spotlight.publishing.client import Client, _api_link
from spotlight.publishing.page import page_body
from spotlight.site.fragment import fragment

from .conftest import _build, run
from .test_html_valid import VNU
from .test_wordpress import _read

SLUG = "elements-2025"


@pytest.fixture(scope="module")
def fragments_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build("reference-elements", tmp_path_factory.mktemp("fragments"), "--fragments",
                  "--no-pdf")


def _text(html: str) -> str:
    """The words a reader sees, on one line."""
    return " ".join(re.sub(r"<[^>]*>", " ", html).split())


def test_a_fragment_is_the_report_without_the_site(fragments_build: Path,
                                                   elements_build: Path) -> None:
    assert not (elements_build / "fragments").exists()  # only when asked for
    text = (fragments_build / "fragments" / f"{SLUG}.html").read_text(encoding="utf-8")
    page = (fragments_build / "reports" / f"{SLUG}.html").read_text(encoding="utf-8")
    # Nothing of the site around the report: no document, chrome, scripts or classes.
    for chrome in ("<html", "<head>", "<body", "<script", "<main", "<footer",
                   "Skip to main content", "tabindex", 'aria-label="Site"'):
        assert chrome not in text
    assert set(re.findall(r'class="([^"]*)"', text)) == {"screen-reader-text"}
    assert text.lstrip().startswith('<article lang="en-GB">')
    assert "<h1>Effective Practice Spotlight: Elements region</h1>" in text
    # The same report: from the contents list to its end, the words of the report page.
    body = page[page.index('<nav class="contents"'):page.rindex("</article>")]
    mine = text[text.index('<nav id="contents"'):text.rindex("</article>")]
    assert _text(mine) == _text(body)
    assert mine.count(">Back to top</a>") == body.count(">Back to top</a>") >= 5
    # Every link absolute under base_url (or another site's), every anchor an id of its own.
    reader = _read(text)
    for href, _ in reader.links:
        assert href.startswith(("#", "https://")) and ".html#" not in href, href
    assert {h[1:] for h, _ in reader.links if h.startswith("#")} <= reader.ids
    # Built without PDFs, it links to none (test_wordpress: published, to its uploaded PDF).
    assert not [h for h, _ in reader.links if h.endswith(".pdf")]
    assert any(h == "https://test.example.org/examples/curious.html" for h, _ in reader.links)
    [figure] = reader.images
    assert figure["src"] == "https://test.example.org/images/cycle.svg"


def test_a_fragment_is_valid_html(fragments_build: Path, tmp_path: Path) -> None:
    text = (fragments_build / "fragments" / f"{SLUG}.html").read_text(encoding="utf-8")
    document = tmp_path / "pasted.html"
    document.write_text(f"<!DOCTYPE html><html lang=en-GB><title>Pasted</title>{text}",
                        encoding="utf-8")
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                           str(document)], capture_output=True, text=True, timeout=300,
                          check=False)
    assert json.loads(done.stderr)["messages"] == []


def test_a_page_body_links_only_what_works_in_wordpress() -> None:
    text = fragment(
        '<article><header><h1>Title &amp; more</h1><p><a href="../reports/r.pdf">Title '
        '(PDF)</a></p></header><nav id="contents"><a href="#one">One</a></nav>'
        '<section id="one"><p>See <a href="../examples/e.html">the example</a>, '
        '<a href="../reports/r.html#one">here</a> and <a href="https://other.org/x.html">'
        'elsewhere</a>.</p><img src="../images/p.png" alt="A chart"></section></article>',
        None)
    body = page_body(text, "reports/r.html", None,
                     {"reports/r.pdf": "https://wp.example/r.pdf",
                      "images/p.png": "https://wp.example/p.png"})
    assert body.startswith("<!-- wp:html -->") and body.endswith("<!-- /wp:html -->")
    assert "<h1>" not in body  # the page's title
    assert '<a href="https://wp.example/r.pdf">Title (PDF)</a>' in body
    assert "See the example, " in body  # no website to link to: its words only
    assert '<a href="#one">here</a>' in body
    assert '<a href="https://other.org/x.html">elsewhere</a>' in body
    assert '<img src="https://wp.example/p.png" alt="A chart">' in body
    with_site = page_body(text, "reports/r.html", "https://site.example/s/", {})
    assert '<a href="https://site.example/s/examples/e.html">the example</a>' in with_site


def test_a_translation_links_the_wordpress_pages_of_other_reports() -> None:
    # A Welsh fragment (its links, as every fragment's, written as on its report's page),
    # linking its original, on WordPress, and a report that is not.
    text = fragment(
        '<article lang="cy"><header><nav><a href="../reports/r.html" hreflang="en-GB">'
        'English</a></nav><h1>Teitl</h1></header><p>Gweler <a href="../reports/o.html#two">'
        'hwn</a> a <a href="../reports/r-cy.pdf">PDF</a>.</p></article>', None)
    body = page_body(text, "reports/r-cy.html", "https://site.example/",
                     {"reports/r-cy.pdf": "https://wp.example/r-cy.pdf"},
                     {"reports/r.html": "https://wp.example/r/"})
    assert body.startswith('<!-- wp:html -->\n<article lang="cy">')
    assert '<a href="https://wp.example/r/" hreflang="en-GB">English</a>' in body
    assert '<a href="https://site.example/reports/o.html#two">hwn</a>' in body
    assert '<a href="https://wp.example/r-cy.pdf">PDF</a>' in body


def test_the_api_root_from_a_header_or_a_link_element() -> None:
    from email.message import Message

    headers = Message()
    headers["Link"] = '<https://x.org/wp-json/>; rel="https://api.w.org/"'
    assert _api_link(headers, b"") == "https://x.org/wp-json/"
    page = b'<html><head><link rel="https://api.w.org/" href="https://x.org/?rest_route=/">'
    assert _api_link(Message(), page) == "https://x.org/?rest_route=/"
    client = Client("https://x.org/", "editor1", "secret")
    client.api = "https://x.org/wp-json/"
    assert client.url("/wp/v2/pages", {"slug": "a"}) == "https://x.org/wp-json/wp/v2/pages?slug=a"
    client.api = "https://x.org/index.php?rest_route=/"
    assert client.url("/wp/v2/pages/5", {"context": "edit"}) == \
        "https://x.org/index.php?rest_route=/wp/v2/pages/5&context=edit"


def test_fragments_without_a_base_url_are_said_once_to_need_one(site) -> None:  # type: ignore[no-untyped-def]
    """Without base_url, a fragment's pictures and links are relative (../images/...), which
    break once it is pasted into another website: the build says so, once, and what to do."""
    content = site("minimal")
    settings = (content / "site.yml").read_text(encoding="utf-8")
    without = settings.replace("base_url: https://test.example.org/\n", "")
    assert without != settings
    (content / "site.yml").write_text(without, encoding="utf-8")
    args = ("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
    plain = run(*args)
    assert plain.exit_code == 0 and "base_url" not in plain.output  # no fragments, no need
    built = run(*args, "--fragments")
    assert built.exit_code == 0, built.output
    warning = ("site/site.yml: no base_url: the pictures and links of the fragments "
               "(fragments/) lead to this website's files by relative addresses, such as "
               "../images/picture.png, which break once a fragment is pasted into another "
               "website. Set base_url in site.yml to the address this website will be "
               "published at, for example base_url: \"https://www.example.org/spotlights/\" "
               "(warning)")
    assert built.output.count("no base_url") == 1 and warning in built.output
    again = run(*args, "--fragments")  # nothing changed: said again, as every warning is
    assert "Nothing changed" in again.output and again.output.count("no base_url") == 1
    assert run(*args, "--fragments", "--strict").exit_code == 1
    (content / "site.yml").write_text(settings, encoding="utf-8")
    with_address = run(*args, "--fragments")
    assert with_address.exit_code == 0 and "base_url" not in with_address.output
