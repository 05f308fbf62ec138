"""spotlight publish wordpress against a real WordPress (Debian's, started by the tests on
127.0.0.1: see tests/wordpress/server.py): what a reader of the site then sees, what the API
holds, what publishing again does, and every failure the issue names.

The reference-elements site (every element of a real spotlight: contents, sections, examples
with outcomes, quotations and citations, references with back-links, an SVG figure) is
published, with a PNG figure added, and a small Welsh translation of its report (the site then
publishes in English and Welsh) whose introduction links a section of the English report."""

from __future__ import annotations

import io
import json
import re
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from spotlight.cli import main
from spotlight.errors import SpotlightError

from .conftest import SITES, overlay
from .wordpress.proxy import proxy_to
from .wordpress.server import WordPress, free_port

SLUG = "elements-2025"
WELSH = "elements-2025-cy"
FIGURE_ALT = "A bar chart of the cases reviewed in each PDU"


@pytest.fixture(scope="session")
def wordpress() -> Iterator[WordPress]:
    """A WordPress of the tests' own, for the whole session."""
    site = WordPress().start()
    print(f"WordPress started in {site.started_in:.1f} s")  # shown with pytest -s
    yield site
    site.stop()


def publish(wp: WordPress, content: Path, *extra: str, user: str = "editor1",
            password: str | None = None, site: str | None = None) -> Result:
    """Run spotlight publish wordpress as a user would, with the password in the environment."""
    env = {"WORDPRESS_APP_PASSWORD": wp.passwords[user] if password is None else password}
    args = ["publish", "wordpress", "--content", str(content), "--out",
            str(content.parent / "build"), "--site", site or wp.url, "--user", user, *extra]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    for secret in wp.passwords.values():
        assert secret not in result.output  # never printed, not even in an error
    assert "Traceback" not in result.output
    return result


def _png(colour: str = "navy") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 40), colour).save(out, "PNG")
    return out.getvalue()


def _project(folder: Path, name: str = "reference-elements") -> Path:
    """A copy of a test site, without handouts (publishing sends the reports' PDFs only)."""
    content = folder / "content"
    shutil.copytree(SITES / name, content)
    with (content / "site.yml").open("a", encoding="utf-8") as site:
        site.write("pdf:\n  handouts: false\n")
    return content


def _with_figure(content: Path) -> Path:
    report = content / "reports" / f"{SLUG}.yml"
    text = report.read_text(encoding="utf-8").replace(
        "  This spotlight highlights where practice was effective.\n",
        "  This spotlight highlights where practice was effective.\n\n"
        f"  ![{FIGURE_ALT}](images/chart.png \"Figure 2: Cases by PDU\")\n")
    overlay(content, {"images/chart.png": _png(), f"reports/{SLUG}.yml": text})
    return content


def _with_welsh(content: Path) -> Path:
    """The site in English and Welsh, with a Welsh translation of its report and of one of
    its examples (the others untranslated, which translations: warning allows)."""
    site = (content / "site.yml").read_text(encoding="utf-8").replace(
        "language: en-GB\n", "language: en-GB\nlanguages: [en, cy]\ntranslations: warning\n")
    report = f"""title: "Sbotolau Arfer Effeithiol: rhanbarth Elfennau"
language: cy
translation_of: {SLUG}
region: north
fieldwork:
  start: 2025-02-24
  end: 2025-04-04
published: 2025-07-01
introduction: |
  Wrth arolygu Elfennau fe wnaethom asesu achosion yn erbyn ein safonau (gweler [gwaith llys
  yn yr adroddiad Saesneg]({SLUG}.html#court-work)).
summary:
  facts:
    - key: cases
      label: Achosion a adolygwyd
      value: 10
  text: |
    - Cynhaliwyd y gwaith maes ym mhob uned.
sections:
  - practice_theme: court-work
"""
    example = """---
title: Ymholiadau trylwyr cyn dedfrydu
language: cy
translation_of: court-one
reports: [elements-2025-cy]
practice_theme: court-work
region: north
pdu: north-city
standards: ["2.1"]
sentence_type: community-order
order: 1
---
Cafodd dyn ei asesu ar gyfer adroddiad cyn dedfrydu.

## Canlyniad

Cafodd y llys adroddiad trylwyr.
"""
    overlay(content, {"site.yml": site, f"reports/{WELSH}.yml": report,
                      "examples/court-one-cy.md": example})
    return content


def pages(wp: WordPress, slug: str) -> list[dict[str, Any]]:
    found = wp.api(f"/wp/v2/pages?slug={slug}&status=publish,draft&context=edit")
    assert isinstance(found, list)
    return found


def media(wp: WordPress) -> list[dict[str, Any]]:
    found = wp.api("/wp/v2/media?per_page=100")
    assert isinstance(found, list)
    return found


def revisions(wp: WordPress, page: int) -> int:
    found = wp.api(f"/wp/v2/pages/{page}/revisions")
    assert isinstance(found, list)
    return len(found)


def ours(wp: WordPress) -> list[dict[str, Any]]:
    """The media items of the elements site's English report: its PDF and its PNG figure."""
    return [m for m in media(wp) if m["slug"].startswith((f"{SLUG}-pdf-", "spotlight-images-"))]


@dataclass
class Published:
    content: Path
    first: Result
    dry: Result
    #: The site's pages and media items before the dry run, and after it.
    before: tuple[int, int]
    after_dry: tuple[int, int]


@pytest.fixture(scope="module")
def published(wordpress: WordPress, tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The elements site, dry-run first, then published."""
    content = _with_welsh(_with_figure(_project(tmp_path_factory.mktemp("publish"))))

    def count() -> tuple[int, int]:
        found = wordpress.api("/wp/v2/pages?status=publish,draft&per_page=100")
        assert isinstance(found, list)
        return len(found), len(media(wordpress))

    before = count()
    dry = publish(wordpress, content, "--dry-run")
    after_dry = count()
    first = publish(wordpress, content)
    return Published(content, first, dry, before, after_dry)


class _Reader(HTMLParser):
    """What a reader's browser finds in a page: ids, links with their text, pictures."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.images: list[dict[str, str | None]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href") is not None:
            self._open.append([str(values["href"]), ""])
        if tag == "img":
            self.images.append(values)

    def handle_data(self, data: str) -> None:
        for link in self._open:
            link[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.links.append((href, " ".join(text.split())))


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    return reader


def test_dry_run_sends_nothing(published: Published, wordpress: WordPress) -> None:
    assert published.dry.exit_code == 0, published.dry.output
    assert f"would create page: {SLUG}" in published.dry.output
    assert "would upload: chart.png" in published.dry.output
    assert f"would upload: {SLUG}.pdf" in published.dry.output
    assert f"would create page: {WELSH}" in published.dry.output
    assert f"would upload: {WELSH}.pdf" in published.dry.output
    assert "Nothing was sent." in published.dry.output
    assert published.after_dry == published.before
    assert published.first.exit_code == 0, published.first.output
    assert f"create page: {SLUG}" in published.first.output
    assert "in the page itself: cycle.svg (the site takes no such file)" in \
        published.first.output


def test_the_report_is_a_page_a_reader_can_use(published: Published,
                                               wordpress: WordPress) -> None:
    [page] = pages(wordpress, SLUG)
    assert page["status"] == "publish"
    assert page["title"]["raw"] == "Effective Practice Spotlight: Elements region"
    built = published.content.parent / "build"
    html = wordpress.get(page["link"]).decode()
    body = html[html.index('id="contents"') - 200:]
    reader = _read(html)
    # The contents, a "Back to top" link to it at the end of every section, and every in-page
    # link going to an id the page has.
    assert 'id="contents"' in html
    sections = re.findall(r"<section[^>]*id=\"([^\"]+)\"", body)
    assert {"introduction", "summary", "our-standards", "court-work",
            "references-and-acknowledgements"} <= set(sections)
    back = [href for href, text in reader.links if text == "Back to top"]
    assert back == ["#contents"] * len(sections)
    anchors = [href[1:] for href, _ in reader.links if href.startswith("#")]
    assert anchors and set(anchors) <= reader.ids
    # Citations and the references' links back to them.
    assert any(text.startswith("Back to citation") for _, text in reader.links)
    assert "Example of effectiveness:" in body and "Outcome" in body
    # Every link works inside WordPress: no relative path, nothing .html on WordPress's host.
    for href, text in reader.links:
        assert href.startswith(("#", "http://", "https://", "mailto:")), (href, text)
        if href.endswith(".html"):
            assert href.startswith("https://test.example.org/"), href
    # The site chrome and classes are left out of the page's content.
    rendered = page["content"]["rendered"]
    assert "site-header" not in rendered and "<script" not in rendered
    assert set(re.findall(r'class="([^"]*)"', page["content"]["raw"])) <= {"screen-reader-text"}
    # The PDF: GOV.UK link text, and the bytes the build made.
    [(pdf_link, pdf_text)] = [(h, t) for h, t in reader.links if h.endswith(".pdf")]
    assert re.fullmatch(r"Effective Practice Spotlight: Elements region "
                        r"\(PDF, [\d.]+ [KM]B, \d+ pages\)", pdf_text), pdf_text
    assert pdf_link.startswith(wordpress.url + "wp-content/uploads/")
    assert wordpress.get(pdf_link) == (built / "reports" / f"{SLUG}.pdf").read_bytes()
    # The PNG figure is the uploaded copy, with its alt text; the SVG is in the page itself.
    [chart] = [img for img in reader.images if img.get("alt") == FIGURE_ALT]
    assert str(chart["src"]).startswith(wordpress.url + "wp-content/uploads/")
    assert wordpress.get(str(chart["src"])) == (built / "images" / "chart.png").read_bytes()
    [cycle] = [img for img in reader.images if "curiosity cycle" in str(img.get("alt"))]
    assert str(cycle["src"]).startswith("data:image/svg+xml;base64,")
    uploaded = sorted((m["mime_type"], m["alt_text"]) for m in ours(wordpress))
    assert uploaded == [("application/pdf", ""), ("image/png", FIGURE_ALT)]


def test_the_welsh_report_is_its_own_page_linking_its_original(
        published: Published, wordpress: WordPress) -> None:
    [english], [welsh] = pages(wordpress, SLUG), pages(wordpress, WELSH)
    assert welsh["status"] == "publish" and welsh["id"] != english["id"]
    assert welsh["title"]["raw"] == "Sbotolau Arfer Effeithiol: rhanbarth Elfennau"
    # Its language is marked on the block's outer element (a page's own lang is the site's).
    assert welsh["content"]["raw"].startswith('<!-- wp:html -->\n<article lang="cy">')
    assert english["content"]["raw"].startswith('<!-- wp:html -->\n<article lang="en-GB">')
    html = wordpress.get(welsh["link"]).decode()
    assert '<article lang="cy">' in html and "Cyflwyniad" in html
    # The language switches and the Welsh introduction's link to the English report go to
    # the WordPress pages, whichever page was made first (the English one was, then updated).
    welsh_links = _read(html).links
    english_links = _read(wordpress.get(english["link"]).decode()).links
    assert (english["link"], "English") in welsh_links
    assert (welsh["link"], "Cymraeg") in english_links
    assert (english["link"] + "#court-work", "gwaith llys yn yr adroddiad Saesneg") in welsh_links
    assert f"create page: {WELSH}" in published.first.output
    assert f"update page: {SLUG}" in published.first.output, published.first.output
    # Its PDF, in the media library, with the Welsh GOV.UK link text.
    [(pdf_link, pdf_text)] = [(h, t) for h, t in welsh_links if h.endswith(".pdf")]
    assert re.fullmatch(r"Sbotolau Arfer Effeithiol: rhanbarth Elfennau "
                        r"\(PDF, [\d.]+ [KM]B, \d+ tudalen\)", pdf_text), pdf_text
    built = published.content.parent / "build"
    assert wordpress.get(pdf_link) == (built / "reports" / f"{WELSH}.pdf").read_bytes()
    [record] = (published.content.parent / ".spotlight" / "publish").glob("*.json")
    assert set(json.loads(record.read_text(encoding="utf-8"))["pages"]) == {SLUG, WELSH}


def test_published_again_changes_nothing_then_updates_in_place(
        published: Published, wordpress: WordPress) -> None:
    [page] = pages(wordpress, SLUG)
    state = (revisions(wordpress, page["id"]), len(ours(wordpress)), page["modified_gmt"])
    again = publish(wordpress, published.content)
    assert again.exit_code == 0, again.output
    assert "2 page(s) unchanged" in again.output and "upload" not in again.output
    assert "cycle.svg" not in again.output  # not tried again
    [same] = pages(wordpress, SLUG)
    assert (revisions(wordpress, page["id"]), len(ours(wordpress)),
            same["modified_gmt"]) == state
    # A page changed by hand in WordPress is put back.
    wordpress.api(f"/wp/v2/pages/{page['id']}", payload={"content": "Changed by hand."})
    restored = publish(wordpress, published.content)
    assert f"update page: {SLUG}" in restored.output, restored.output
    [back] = pages(wordpress, SLUG)
    assert back["content"]["raw"] == page["content"]["raw"]
    state = (revisions(wordpress, page["id"]), *state[1:])
    # The records are beside the content, not in the website folder.
    assert list((published.content.parent / ".spotlight" / "publish").glob("*.json"))
    assert not list((published.content.parent / "build").rglob("*wordpress*"))

    # An edit and a new picture: the same page is updated; the PDF and the picture, changed,
    # replace their old media items.
    [old_pdf] = [m for m in ours(wordpress) if m["mime_type"] == "application/pdf"]
    [old_png] = [m for m in ours(wordpress) if m["mime_type"] == "image/png"]
    example = published.content / "examples" / "curious.md"
    example.write_text(example.read_text(encoding="utf-8").replace(
        "Eddie's needs were understood.", "Eddie's needs were understood and met."),
        encoding="utf-8")
    overlay(published.content, {"images/chart.png": _png("maroon")})
    edited = publish(wordpress, published.content)
    assert edited.exit_code == 0, edited.output
    assert f"update page: {SLUG}" in edited.output
    assert f"replace: {SLUG}.pdf" in edited.output and "replace: chart.png" in edited.output
    # The PDF's address is the old one: links to it sent out (by e-mail, from GOV.UK) still
    # work, and give the new PDF.
    assert f"same address: {SLUG}.pdf ({old_pdf['source_url']} now answers the new PDF)" in \
        edited.output, edited.output
    assert "2 file(s) replaced, 1 PDF(s) kept at their address, 2 old media item(s) deleted" in \
        edited.output
    [updated] = pages(wordpress, SLUG)
    assert updated["id"] == page["id"]
    assert "understood and met" in updated["content"]["raw"]
    # One new revision for the edit, one for the PDF put back at its address.
    assert revisions(wordpress, page["id"]) == state[0] + 2
    assert len(ours(wordpress)) == state[1]  # one PDF and one picture, as before
    built = published.content.parent / "build"
    for old, path in ((old_pdf, f"reports/{SLUG}.pdf"), (old_png, "images/chart.png")):
        [new] = [m for m in ours(wordpress) if m["mime_type"] == old["mime_type"]]
        assert new["id"] != old["id"] and new["source_url"] in updated["content"]["raw"]
        assert wordpress.get(new["source_url"]) == (built / path).read_bytes()
        assert wordpress.api(f"/wp/v2/media?include={old['id']}") == []  # deleted
    [new_pdf] = [m for m in ours(wordpress) if m["mime_type"] == "application/pdf"]
    assert new_pdf["source_url"] == old_pdf["source_url"]
    assert wordpress.get(old_pdf["source_url"]) == (built / f"reports/{SLUG}.pdf").read_bytes()

    # Without the records, nothing is made twice: the page and files are found by their slugs.
    shutil.rmtree(published.content.parent / ".spotlight" / "publish")
    found = publish(wordpress, published.content)
    assert "2 page(s) unchanged" in found.output and "upload" not in found.output

    # As drafts: the same page, taken off the site, as the command says before and after; its
    # PDF and picture taken out of the media library, where anyone could read them.
    [pdf] = [m for m in ours(wordpress) if m["mime_type"] == "application/pdf"]
    [png] = [m for m in ours(wordpress) if m["mime_type"] == "image/png"]
    dry = publish(wordpress, published.content, "--status", "draft", "--dry-run")
    assert f"would take off the site: {SLUG} ({page['link']} is published now: it becomes a " \
        "draft, which the public cannot see)" in dry.output, dry.output
    assert dry.output.count(f"would delete old media: {SLUG}.pdf ({pdf['source_url']})") == 1
    draft = publish(wordpress, published.content, "--status", "draft")
    assert draft.exit_code == 0, draft.output
    lines = draft.output.splitlines()
    assert lines[0].startswith("As drafts: the pages are visible only to people signed in to "
                               "WordPress, not to the public."), lines[0]
    assert lines.index(f"  take off the site: {SLUG} ({page['link']} is published now: it "
                       "becomes a draft, which the public cannot see)") < \
        lines.index(f"  delete old media: {SLUG}.pdf ({pdf['source_url']})")
    assert f"  delete old media: images/chart.png ({png['source_url']})" in lines
    assert lines[-1] == (f"2 report(s) put up as drafts, not visible to the public, on "
                         f"{wordpress.url}: 2 published page(s) taken off the site (made "
                         "drafts), 3 old media item(s) deleted."), lines[-1]
    [drafted] = pages(wordpress, SLUG)
    assert drafted["id"] == page["id"] and drafted["status"] == "draft"
    assert ours(wordpress) == []
    for gone in (pdf, png):
        with pytest.raises(urllib.error.HTTPError) as missing:
            wordpress.get(gone["source_url"])
        assert missing.value.code == 404
    raw = drafted["content"]["raw"]
    assert "wp-content/uploads" not in raw and 'src="data:image/png;base64,' in raw
    # Published again: the PDF is back at its address.
    again = publish(wordpress, published.content)
    assert again.exit_code == 0 and "As drafts" not in again.output, again.output
    assert pages(wordpress, SLUG)[0]["status"] == "publish"
    [back_pdf] = [m for m in ours(wordpress) if m["mime_type"] == "application/pdf"]
    assert back_pdf["source_url"] == pdf["source_url"]
    assert wordpress.get(pdf["source_url"]) == (built / f"reports/{SLUG}.pdf").read_bytes()


@contextmanager
def _serving(server: ThreadingHTTPServer) -> Iterator[int]:
    """Run ``server`` in the background while the block runs; its port."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _fails(result: Result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    for said in words:
        assert said in result.output, result.output


def test_wrong_password_and_missing_capabilities(published: Published,
                                                 wordpress: WordPress) -> None:
    wrong = publish(wordpress, published.content, password="abcd efgh ijkl mnop qrst uvwx")
    _fails(wrong, "did not accept the user name 'editor1' or the application password in "
           "WORDPRESS_APP_PASSWORD", "not the password you sign in with",
           "go to Users → Profile, find Application Passwords", "Add New Application Password")
    assert "WordPress says" not in wrong.output  # "You are not currently logged in."
    assert "abcd efgh" not in wrong.output
    for user, lacking in (("author1", "edit pages"), ("contributor1", "upload files")):
        refused = publish(wordpress, published.content, user=user)
        _fails(refused, f"the user '{user}' is not allowed to", lacking, "Editor role")
    _fails(publish(wordpress, published.content, password=""),
           "WORDPRESS_APP_PASSWORD: is not set", "Application Passwords")


def test_a_site_named_without_https_is_taken_as_https(published: Published,
                                                      wordpress: WordPress,
                                                      network_guard: Any) -> None:
    from spotlight.publishing.client import check_address

    bare = publish(wordpress, published.content, site="www.example.org")
    assert "Taking the site's address as https://www.example.org/ (https" in bare.output
    _fails(bare, "https://www.example.org/: could not be reached")
    assert network_guard.attempts == ["look up www.example.org"]  # over https, never http
    network_guard.attempts.clear()
    for site, said in (("www.example.org/news", "did you mean https://www.example.org/news/?"),
                       ("wordpress site",
                        "give the site's address, such as https://www.example.org/")):
        with pytest.raises(SpotlightError) as refused:
            check_address(site)
        assert str(refused.value.problems[0]) == f"{site}: is not a web address: {said}"


def test_plain_http_and_sites_that_are_not_wordpress(published: Published,
                                                     wordpress: WordPress) -> None:
    # Refused before anything is sent (the tests' network guard would see any attempt).
    _fails(publish(wordpress, published.content, site="http://www.example.org/"),
           "plain http://", "https://")
    _fails(publish(wordpress, published.content, site=f"http://127.0.0.1:{free_port()}/"),
           "refused the connection", "site down")

    class Static(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = b"<!DOCTYPE html><title>Not WordPress</title><p>Hello</p>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    with _serving(ThreadingHTTPServer(("127.0.0.1", 0), Static)) as port:
        _fails(publish(wordpress, published.content, site=f"http://127.0.0.1:{port}/"),
               "does not look like a WordPress site")
    with proxy_to(wordpress.url) as proxy:
        proxy.html = lambda method, path: "rest_route" in path
        _fails(publish(wordpress, published.content, site=proxy.url),
               "with a web page instead of WordPress data")


def test_a_timeout_midway_and_a_rerun_that_finishes(wordpress: WordPress,
                                                    tmp_path: Path) -> None:
    content = _project(tmp_path, "minimal")
    with proxy_to(wordpress.url) as proxy:
        for route in ("/wp/v2/media", "/wp/v2/pages"):  # the upload's answer, then the page's
            proxy.stall = lambda method, path, route=route: method == "POST" and route in path
            cut = publish(wordpress, content, "--timeout", "3", site=proxy.url)
            _fails(cut, "did not answer within 3 seconds", "run the command again")
        proxy.stall = None
        again = publish(wordpress, content, "--timeout", "10", site=proxy.url)
        assert again.exit_code == 0, again.output
        [page] = pages(wordpress, "north-2025")  # created once: the lost answer was found
        pdfs = [m for m in media(wordpress) if m["slug"].startswith("north-2025-pdf")]
        assert len(pdfs) == 1
        assert "north-2025.pdf" in page["content"]["raw"]

        # A report gone from the content: its page is left on the site, and the command says so.
        (content / "reports" / "north-2025.yml").rename(content / "reports" / "north-2026.yml")
        for example in (content / "examples").glob("*.md"):
            example.write_text(example.read_text(encoding="utf-8").replace(
                "north-2025", "north-2026"), encoding="utf-8")
        moved = publish(wordpress, content, site=proxy.url)
    assert "create page: north-2026" in moved.output, moved.output
    assert "left on the site, its report no longer in the content: north-2025" in moved.output
    assert [p["id"] for p in pages(wordpress, "north-2025")] == [page["id"]]


def _edit(content: Path, words: str) -> None:
    """An edit to the minimal site's report, which changes its page and its PDF."""
    report = content / "reports" / "north-2025.yml"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "The introduction.", f"The introduction. {words}"), encoding="utf-8")


def _page_pdf(wp: WordPress, slug: str) -> str:
    """The address of the PDF that a report's page links."""
    [page] = pages(wp, slug)
    [link] = re.findall(r'href="([^"]+\.pdf)"', page["content"]["raw"])
    return str(link)


def test_a_pdf_changed_keeps_its_address_even_when_cut_short(wordpress: WordPress,
                                                            tmp_path: Path) -> None:
    """The PDF put back at its address is uploaded after the old one is deleted: a
    publication cut short then leaves the page linking a PDF, and the next one finishes."""
    content = _project(tmp_path, "minimal")
    built = tmp_path / "build" / "reports" / "north-2025.pdf"
    with proxy_to(wordpress.url) as proxy:
        assert publish(wordpress, content, site=proxy.url).exit_code == 0
        address = _page_pdf(wordpress, "north-2025")
        first = built.read_bytes()
        _edit(content, "A first edit.")
        uploads: list[str] = []

        def second_upload(method: str, path: str) -> bool:
            if method == "POST" and "/wp/v2/media" in path:
                uploads.append(path)
                return len(uploads) == 2
            return False

        proxy.stall = second_upload
        cut = publish(wordpress, content, "--timeout", "3", site=proxy.url)
        _fails(cut, "did not answer within 3 seconds while putting north-2025.pdf back at its "
               "address", "run the command again")
        assert built.read_bytes() != first
        # The page links a PDF, the new one, all along.
        linked = _page_pdf(wordpress, "north-2025")
        assert linked != address and wordpress.get(linked) == built.read_bytes()
        proxy.stall = None
        again = publish(wordpress, content, site=proxy.url)
        assert again.exit_code == 0, again.output
        assert f"same address: north-2025.pdf ({address} now answers the new PDF)" in \
            again.output
        assert _page_pdf(wordpress, "north-2025") == address
        assert wordpress.get(address) == built.read_bytes()
    pdfs = [m for m in media(wordpress) if m["slug"].startswith("north-2025-pdf")]
    assert len(pdfs) == 1  # the copy made for the while is gone


def test_a_draft_cut_short_then_published_again_keeps_its_pdf(wordpress: WordPress,
                                                             tmp_path: Path) -> None:
    """Files a draft would delete are deleted only once its page is a draft: a publication cut
    short before, then published again, keeps them."""
    content = _project(tmp_path, "minimal")
    built = tmp_path / "build" / "reports" / "north-2025.pdf"
    with proxy_to(wordpress.url) as proxy:
        assert publish(wordpress, content, site=proxy.url).exit_code == 0
        address = _page_pdf(wordpress, "north-2025")
        proxy.stall = lambda method, path: method == "POST" and "/wp/v2/pages" in path
        cut = publish(wordpress, content, "--status", "draft", "--timeout", "3", site=proxy.url)
        _fails(cut, "did not answer within 3 seconds")
        proxy.stall = None
        again = publish(wordpress, content, site=proxy.url)
        assert again.exit_code == 0, again.output
        assert "delete" not in again.output
        assert pages(wordpress, "north-2025")[0]["status"] == "publish"
        assert _page_pdf(wordpress, "north-2025") == address
        assert wordpress.get(address) == built.read_bytes()


def test_a_page_left_on_the_site_keeps_its_pictures(wordpress: WordPress,
                                                    tmp_path: Path) -> None:
    """A report renamed leaves its old page on the site, which shows the same pictures: a
    draft of the renamed report does not delete them from under the old page."""
    content = _with_figure(_project(tmp_path))
    overlay(content, {"images/chart.png": _png("teal")})

    def rename(old: str, new: str) -> None:
        (content / "reports" / f"{old}.yml").rename(content / "reports" / f"{new}.yml")
        for file in (content / "examples").glob("*.md"):
            file.write_text(file.read_text(encoding="utf-8").replace(old, new),
                            encoding="utf-8")

    rename(SLUG, "left-2025")
    assert publish(wordpress, content).exit_code == 0
    [old_page] = pages(wordpress, "left-2025")
    [chart] = [img["src"] for img in _read(old_page["content"]["raw"]).images
               if img.get("alt") == FIGURE_ALT]
    rename("left-2025", "left-2026")
    moved = publish(wordpress, content)
    assert "left on the site, its report no longer in the content: left-2025" in moved.output
    draft = publish(wordpress, content, "--status", "draft")
    assert draft.exit_code == 0, draft.output
    assert "chart.png" not in draft.output  # not deleted: the old page shows it
    assert pages(wordpress, "left-2025")[0]["status"] == "publish"
    assert wordpress.get(str(chart)) == _png("teal")


def test_a_pdf_in_another_uploads_folder_says_its_address_changed(wordpress: WordPress,
                                                                  tmp_path: Path) -> None:
    """WordPress files each month's uploads in a folder of their own: a PDF changed in another
    month cannot keep its address (here the site stops using month folders, as its
    administrator may in Settings → Media: from then on the address is kept for good)."""
    content = _project(tmp_path, "minimal")
    built = tmp_path / "build" / "reports" / "north-2025.pdf"
    assert publish(wordpress, content).exit_code == 0
    old = _page_pdf(wordpress, "north-2025")
    assert re.search(r"/uploads/\d{4}/\d\d/north-2025(-\d+)?\.pdf$", old), old
    wordpress.option("uploads_use_yearmonth_folders", "0")
    try:
        _edit(content, "Edited in another month.")
        moved = publish(wordpress, content)
        new = _page_pdf(wordpress, "north-2025")
        assert new == wordpress.url + "wp-content/uploads/north-2025.pdf"
        assert f"new address: north-2025.pdf (was {old}, now {new})" in moved.output
        assert (f"The PDF north-2025.pdf has a new address (was {old}, now {new}): links to its "
                "old address no longer work, since WordPress files each month's uploads in a "
                "folder of its own.") in moved.output
        with pytest.raises(urllib.error.HTTPError):
            wordpress.get(old)  # the old PDF is not left readable
        _edit(content, "Edited again.")
        kept = publish(wordpress, content)
        assert f"same address: north-2025.pdf ({new} now answers the new PDF)" in kept.output
        assert _page_pdf(wordpress, "north-2025") == new
        assert wordpress.get(new) == built.read_bytes()
    finally:
        wordpress.option("uploads_use_yearmonth_folders", "1")


def test_a_certificate_that_cannot_be_verified(published: Published, wordpress: WordPress,
                                              tmp_path: Path) -> None:
    import ssl
    import subprocess

    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(tmp_path / "key.pem"),
                    "-out", str(tmp_path / "cert.pem")], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with _serving(server) as port:
        _fails(publish(wordpress, published.content, site=f"https://127.0.0.1:{port}/"),
               "TLS certificate that could not be verified")


def test_what_the_publish_gate_refuses_is_never_sent(wordpress: WordPress,
                                                     tmp_path: Path) -> None:
    content = _project(tmp_path, "minimal")
    overlay(content, {"reports/north-2025.yml": (SITES / "minimal" / "reports" /
                                                 "north-2025.yml").read_text().replace(
        "The introduction.", "The introduction. Call 0115 496 0123 for details.")})
    before = wordpress.api("/wp/v2/pages?status=publish,draft&context=edit&per_page=100")
    refused = publish(wordpress, content)
    _fails(refused, "anon-phone", "Nothing was sent")
    after = wordpress.api("/wp/v2/pages?status=publish,draft&context=edit&per_page=100")
    assert after == before
    assert "0115 496 0123" not in json.dumps(after)


def test_the_api_root_is_found_from_the_home_page(wordpress: WordPress) -> None:
    from spotlight.publishing.client import Client

    client = Client(wordpress.url, "editor1", wordpress.passwords["editor1"])
    api = client.discover()
    assert "rest_route=" in api  # this site has no pretty permalinks
    answer = client.call("GET", "/wp/v2/users/me", "reading who the user is")
    assert answer is not None and answer.data["slug"] == "editor1"
    with urllib.request.urlopen(client.url("/wp/v2/types/page")) as found:
        assert json.loads(found.read())["slug"] == "page"


def test_the_page_in_a_browser(published: Published, wordpress: WordPress, tab: Any) -> None:
    """In WordPress's default theme: no WCAG 2.2 A or AA failure in the report's part of the
    page, and the contents and "Back to top" links take the reader where they say."""
    from axe_playwright_python.sync_playwright import Axe

    from .test_browser import WCAG_TAGS

    [page] = pages(wordpress, SLUG)
    tab.set_viewport_size({"width": 1024, "height": 768})
    tab.goto(page["link"])
    result = Axe().run(tab, context={"include": [["#contents"], ["section"]]},
                       options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert len(result.response["passes"]) >= 10
    assert result.violations_count == 0, result.generate_report()
    # (The theme may scroll smoothly: wait for the scrolling to end.)
    in_view = ("(id) => { const top = document.getElementById(id).getBoundingClientRect().top;"
               " return top > -2 && top < innerHeight / 2; }")
    assert not tab.evaluate(in_view, "references-and-acknowledgements")
    tab.click("#contents a[href='#references-and-acknowledgements']")
    assert tab.evaluate("location.hash") == "#references-and-acknowledgements"
    tab.wait_for_function(in_view, arg="references-and-acknowledgements", timeout=5000)
    tab.click("#references-and-acknowledgements a:text('Back to top')")
    assert tab.evaluate("location.hash") == "#contents"
    tab.wait_for_function(in_view, arg="contents", timeout=5000)
