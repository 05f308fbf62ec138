"""The sample site in English and Welsh: each language's pages, the links between a page and
its translation, the feeds, the sitemap, search and the Welsh PDF; and starting a translation
with ``spotlight new example --translation-of``."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import yaml

from .conftest import SAMPLE, overlay, run
from .html_helpers import Page
from .pdf_helpers import Pdf

WELSH_REPORT = "reports/westvale-2026-cy.html"
ENGLISH_REPORT = "reports/westvale-2026.html"


def _page(build: Path, path: str) -> Page:
    return Page((build / path).read_text(encoding="utf-8"))


def _alternates(page: Page) -> dict[str, str]:
    return {link.attrs["hreflang"]: link.attrs["href"]
            for link in page.find_all("link", rel="alternate") if "hreflang" in link.attrs}


def _switch(page: Page) -> list[tuple[str, str, str | None]]:
    """The language switch: (text, lang, href or None for the current language)."""
    nav = page.find_all("nav", class_="language-switch")
    assert len(nav) == 1
    found = []
    for item in nav[0].children[0].children:
        inner = item.children[0]
        found.append((inner.text, inner.attrs["lang"], inner.attrs.get("href")))
    return found


def test_a_report_and_its_translation_link_to_each_other(sample_build: Path) -> None:
    welsh, english = _page(sample_build, WELSH_REPORT), _page(sample_build, ENGLISH_REPORT)
    assert welsh.find_all("html")[0].attrs["lang"] == "cy"
    assert _alternates(welsh) == _alternates(english) == {
        "en-GB": "../reports/westvale-2026.html", "cy": "../reports/westvale-2026-cy.html"}
    assert _switch(english) == [("English", "en-GB", None),
                                ("Cymraeg", "cy", "../reports/westvale-2026-cy.html")]
    assert _switch(welsh) == [("English", "en-GB", "../reports/westvale-2026.html"),
                              ("Cymraeg", "cy", None)]
    # A report without a translation has no switch and no alternates.
    northshire = _page(sample_build, "reports/northshire-2025.html")
    assert _alternates(northshire) == {}
    assert northshire.find_all("nav", class_="language-switch") == []


def test_the_welsh_report_is_welsh_with_the_site_files_welsh_names(
        sample_build: Path) -> None:
    html = (sample_build / WELSH_REPORT).read_text(encoding="utf-8")
    page = Page(html)
    assert page.text_of("h2", id="contents-title") == ["Cynnwys"]
    assert "Yn ôl i’r brig" in page.text_of("a", class_="back-to-top__link")
    assert page.text_of("h2", id="summary-title") == ["Crynodeb o arfer effeithiol Westvale"]
    assert '<time datetime="2026-03-05">5 Mawrth 2026</time>' in html
    assert "Canlyniad" in page.text_of("h4", class_="outcome__title")
    # The names and the licence come from the site file's Welsh words (cy:), unmarked.
    assert '<h2 id="court-work-title">Gwaith llys</h2>' in html
    assert '<span class="site-header__org">Arolygiaeth Prawf EF</span>' in html
    assert '<span class="standards__code">2.1 Asesu:</span>' in html
    assert '<div class="licence"><p>© Hawlfraint y Goron.' in html
    assert "Example of effectiveness" not in html and "Back to top" not in html
    assert "Court work" not in html  # (the references are English titles, and stay so)


def test_each_language_has_its_home_page_feed_and_listings(sample_build: Path) -> None:
    home = _page(sample_build, "cy/index.html")
    reports = [a.attrs["href"] for a in home.find_all("a")
               if a.attrs.get("href", "").startswith("../reports/")]
    assert reports == ["../reports/westvale-2026-cy.html", "../reports/westvale-2026-cy.pdf"]
    assert home.text_of("h2", id="reports") == ["Adroddiadau diweddaraf"]
    english = [a.attrs["href"] for a in _page(sample_build, "index.html").find_all("a")]
    assert "reports/westvale-2026-cy.html" not in english
    listing = _page(sample_build, "cy/practice-themes/resettlement.html")
    cards = [a.attrs["href"] for a in listing.find_all("a")
             if a.attrs.get("href", "").startswith("../../examples/")]
    assert cards == ["../../examples/paratoi-ar-gyfer-rhyddhau-cyntaf.html"]
    assert _alternates(listing) == {"en-GB": "../../practice-themes/resettlement.html",
                                    "cy": "../../cy/practice-themes/resettlement.html"}
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(sample_build / "cy" / "feed.xml").getroot()
    assert feed.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == "cy"
    assert [e.findtext(f"{atom}title") for e in feed.findall(f"{atom}entry")] == [
        "Sbotolau Arfer Effeithiol: Y Gwasanaeth Prawf – rhanbarth Westvale"]
    english_feed = ET.parse(sample_build / "feed.xml").getroot()
    assert len(english_feed.findall(f"{atom}entry")) == 2


def test_the_sitemap_lists_both_versions_with_their_alternates(sample_build: Path) -> None:
    sitemap = ET.parse(sample_build / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "x": "http://www.w3.org/1999/xhtml"}
    base = "https://spotlights.example.org/"
    urls = {u.findtext("s:loc", namespaces=ns): {
        link.attrib["hreflang"]: link.attrib["href"]
        for link in u.findall("x:link", ns)} for u in sitemap.findall("s:url", ns)}
    pair = {"en-GB": base + ENGLISH_REPORT, "cy": base + WELSH_REPORT}
    assert urls[base + ENGLISH_REPORT] == urls[base + WELSH_REPORT] == pair
    assert urls[base] == {"en-GB": base, "cy": base + "cy/index.html"}
    assert urls[base + "reports/northshire-2025.html"] == {}


def test_search_indexes_and_word_lists_per_language(sample_build: Path) -> None:
    entry = json.loads((sample_build / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en-gb", "cy"}
    welsh = json.loads((sample_build / "pagefind" / "words-cy.json").read_text())
    english = json.loads((sample_build / "pagefind" / "words-en-GB.json").read_text())
    assert "cyfieithydd" in welsh["words"] and "cyfieithydd" not in english["words"]
    assert "interpreter" in english["words"] and "interpreter" not in welsh["words"]
    search = (sample_build / "cy" / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-words="../../pagefind/words-cy.json"' in search


def test_the_welsh_pdf_is_welsh_throughout(sample_build: Path) -> None:
    path = sample_build / "reports" / "westvale-2026-cy.pdf"
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "cy"
    pdf = Pdf(path)
    text = pdf.text()
    assert f"Tudalen 2 o {pdf.pages}" in pdf.texts[1] and "Page 2 of" not in text
    assert "Cynnwys" in pdf.texts[1]
    for words in ("Rhanbarth", "Gwaith maes", "Cyhoeddwyd", "5 Mawrth 2026", "Geirfa",
                  "Y byrfoddau a ddefnyddir yn y ddogfen hon.", "Manylion cyhoeddi"):
        assert words in text, words
    assert not re.search(r"\b(?:Contents|Glossary|Fieldwork|Published)\b", text)


def test_new_example_starts_a_welsh_translation_the_gate_holds_back(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    text = (content / "site.yml").read_text(encoding="utf-8")
    overlay(content, {"site.yml": text.replace("language: en-GB",
                                               "language: en-GB\nlanguages: [en, cy]"),
                      "reports/north-2025-cy.yml": (
                          "title: Sbotolau'r Gogledd\nlanguage: cy\ntranslation_of: north-2025\n"
                          "region: north\nfieldwork: {start: 2025-01-06, end: 2025-02-14}\n"
                          "published: 2025-06-01\nintroduction: Y cyflwyniad.\n")})
    result = run("new", "example", "--content", "site", "--translation-of", "first-case",
                 "--language", "cy")
    assert result.exit_code == 0, result.output
    written = content / "examples" / "first-case-cy.md"
    assert result.output.strip() == f"Created {Path('site/examples/first-case-cy.md')}"
    source = written.read_text(encoding="utf-8")
    front = yaml.safe_load(source.split("---")[1])
    assert front == {"language": "cy", "translation_of": "first-case", "title": "First case",
                     "reports": ["north-2025-cy"], "practice_theme": "court-work",
                     "region": "north", "pdu": "north-city", "standards": ["2.1"],
                     "sentence_type": "community-order"}
    assert "title: First case  # PLACEHOLDER: translate into Welsh" in source
    assert "# | Ann, a 30-year-old woman, received a community order." in source
    assert "# | ## Outcome" in source
    # Until it is translated, the build refuses it, naming what is left to do.
    built = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert built.exit_code == 1
    assert "site/examples/first-case-cy.md:8:" in built.output  # the title's line
    assert "unfinished-placeholder" in built.output and "unfinished-mark" in built.output
    # Never overwrites, and says what it does not know.
    again = run("new", "example", "--content", "site", "--translation-of", "first-case")
    assert again.exit_code == 1 and "already exists" in again.output
    unknown = run("new", "example", "--content", "site", "--translation-of", "first-cas")
    assert unknown.exit_code == 1 and "unknown example 'first-cas'" in unknown.output
    assert "first-case" in unknown.output


def test_the_sample_marks_its_welsh_as_to_be_checked() -> None:
    welsh = [p for p in (SAMPLE / "examples").glob("*.md")
             if "language: cy" in p.read_text(encoding="utf-8")]
    assert len(welsh) >= 3
    for path in [*welsh, SAMPLE / "reports" / "westvale-2026-cy.yml"]:
        assert "have a\n# Welsh speaker check it before any real use" in \
            path.read_text(encoding="utf-8"), path.name


def test_the_404_page_says_it_in_both_languages(sample_build: Path) -> None:
    """A server shows one 404 page for every address: it is in each language, the Welsh
    marked as Welsh, each with a link to its own home page."""
    page = _page(sample_build, "404.html")
    assert page.find_all("html")[0].attrs["lang"] == "en-GB"
    assert page.text_of("h1") == ["Page not found"]
    welsh = page.find_all("div", class_="not-found__translation")
    assert [d.attrs["lang"] for d in welsh] == ["cy"]
    html = (sample_build / "404.html").read_text(encoding="utf-8")
    part = html.split('<div class="not-found__translation" lang="cy">', 1)[1]
    assert "<h2>Heb ddod o hyd i’r dudalen</h2>" in part
    assert '<a href="/cy/index.html">fynd i’r hafan</a>' in part
    assert "Page not found" not in part


def test_references_the_welsh_report_keeps_in_english_are_marked_english(
        sample_build: Path) -> None:
    """The Welsh report keeps its original's references word for word (English titles): each
    is marked lang="en-GB"; the English report's are not marked."""
    welsh = Page((sample_build / WELSH_REPORT).read_text(encoding="utf-8"))
    texts = welsh.find_all("div", class_="references__text")
    assert len(texts) == 2
    for text in texts:
        inner = text.children[0]
        assert inner.attrs.get("lang") == "en-GB"
        assert inner.text.startswith("HM Inspectorate of Probation (2024).")
    english = Page((sample_build / ENGLISH_REPORT).read_text(encoding="utf-8"))
    assert all(t.children[0].tag == "p" for t in english.find_all("div", class_="references__text"))


def test_a_welsh_collection_links_to_the_welsh_home_page(sample_build: Path) -> None:
    welsh = Pdf(sample_build / "cy" / "practice-themes" / "court-work.pdf").text()
    assert "Ei darllen ar-lein: https://spotlights.example.org/cy/index.html" in welsh
    english = Pdf(sample_build / "practice-themes" / "court-work.pdf").text()
    assert "Read it online: https://spotlights.example.org/index.html" in english


def _languages_marked(path: Path) -> dict[str, list[str]]:
    """The /Lang of the PDF's structure elements that have one: language -> their types."""
    found: dict[str, list[str]] = {}
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/S" in obj and "/Lang" in obj:
                found.setdefault(str(obj.Lang), []).append(str(obj.S))
    return found


def test_english_inside_the_welsh_pdf_is_tagged_english(sample_build: Path) -> None:
    """The two references kept in English are tagged /Lang en-GB, so that a screen reader
    reads them as English (the licence is the site file's Welsh one); the English PDF needs
    no such tag."""
    assert _languages_marked(sample_build / WELSH_REPORT.replace(".html", ".pdf")) == {
        "en-GB": ["/Div", "/Div"]}
    assert _languages_marked(sample_build / ENGLISH_REPORT.replace(".html", ".pdf")) == {}


def test_a_picture_in_a_welsh_example_is_in_every_pdf_that_shows_it(tmp_path: Path) -> None:
    # The Welsh practice-theme collection lives a folder deeper (cy/practice-themes/...):
    # its pictures came from content/cy/images/, which does not exist.
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    example = content / "examples" / "paratoi-ar-gyfer-rhyddhau-cyntaf.md"
    overlay(content, {example.relative_to(content).as_posix(): example.read_text(
        encoding="utf-8").replace("\n## Canlyniad", "\n![Cylch o bedwar cam](images/curiosity-"
                                  "cycle.svg \"Ffigur 1: Y cylch\")\n\n## Canlyniad", 1)})
    built = run("build", "--content", str(content), "--out", str(tmp_path / "out"),
                "--no-search")
    assert built.exit_code == 0, built.output
    assert "Failed to load image" not in built.stderr, built.stderr
    for pdf in ("cy/practice-themes/resettlement.pdf", "reports/westvale-2026-cy.pdf",
                "examples/paratoi-ar-gyfer-rhyddhau-cyntaf.pdf"):
        with pikepdf.open(tmp_path / "out" / pdf) as opened:
            drawn = [name for page in opened.pages
                     for name, item in (page.Resources.get("/XObject") or {}).items()]
            assert drawn, f"no picture in {pdf}"


def test_a_practice_theme_intro_shown_in_english_on_a_welsh_page_is_marked_english(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    report = (content / "reports" / "westvale-2026-cy.yml").read_text(encoding="utf-8")
    start = report.index("  - practice_theme: resettlement\n")
    site = (content / "site.yml").read_text(encoding="utf-8")
    welsh = site.index("      title: Ailsefydlu\n")
    overlay(content, {
        # The Welsh report gives the section no intro, nor does the site file's Welsh: the
        # English intro stands in for it.
        "reports/westvale-2026-cy.yml": report[:start] + "  - practice_theme: resettlement\n"
        + report[report.index("\nreferences:", start):],
        "site.yml": site[:welsh] + "      title: Ailsefydlu\n"
        + site[site.index("    - slug: public-protection\n", welsh):]})
    built = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--no-pdf")
    assert built.exit_code == 0, built.output
    page = Page((tmp_path / "out" / WELSH_REPORT).read_text(encoding="utf-8"))
    intros = page.find_all("div", class_="section-intro")
    assert len(intros) == 3
    marked = [i.children[0] for i in intros if i.children and i.children[0].attrs.get("lang")]
    assert [(m.attrs["lang"], m.text.split(",")[0].strip()) for m in marked] == [
        ("en-GB", "Effective resettlement starts well before release")]
    english = Page((tmp_path / "out" / ENGLISH_REPORT).read_text(encoding="utf-8"))
    assert not [d for d in english.find_all("div") if d.attrs.get("lang")], "English: unmarked"
