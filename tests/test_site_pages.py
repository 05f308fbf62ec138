"""The pages around the reports: home, a page per practice theme, region, PDU and standard,
a permalink page per example, and the files a web host and feed readers look for."""

from __future__ import annotations

import itertools
import posixpath
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from spotlight.content.load import load
from spotlight.content.site_fields import in_a_sentence
from spotlight.content.validate import validate
from spotlight.site.editions import in_language

from .conftest import SAMPLE, overlay, run
from .html_helpers import Element, Page

BASE_URL = "https://spotlights.example.org/"
SHARED = "planned-transfer-between-regions"
ATOM = "{http://www.w3.org/2005/Atom}"


@cache
def _front_matter(language: str = "en") -> dict[str, dict]:
    """The sample's examples in ``language``: English, the site's main language, unless
    asked for its Welsh ones (cy), which have pages of their own."""
    found = {}
    for path in sorted((SAMPLE / "examples").rglob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if front.get("language", "en") == language:
            found[front.get("slug", path.stem)] = front
    return found


@cache
def _site() -> dict:
    return yaml.safe_load((SAMPLE / "site.yml").read_text(encoding="utf-8"))


def _welsh_pages() -> set[str]:
    """The sample's Welsh report and example pages (outside the cy/ folder)."""
    return {"reports/westvale-2026-cy.html",
            *(f"examples/{slug}.html" for slug in _front_matter("cy"))}


def _page(build: Path, path: str) -> Page:
    return Page((build / path).read_text(encoding="utf-8"))


def _links(element: Element) -> list[Element]:
    found = []
    for child in element.children:
        if child.tag == "a":
            found.append(child)
        found.extend(_links(child))
    return found


def _card_slugs(page: Page) -> list[str]:
    return [posixpath.basename(a.attrs["href"])[:-5]
            for card in page.find_all("li", class_="example-card")
            for a in _links(card)[:1]]


def _html_pages(build: Path) -> list[str]:
    return sorted(p.relative_to(build).as_posix() for p in build.rglob("*.html"))


def test_every_page_type_is_built(sample_build: Path) -> None:
    site = _site()
    expected = ["index.html", "404.html", "about/accessibility.html", "search/index.html",
                "reports/northshire-2025.html", "reports/westvale-2026.html",
                *(f"examples/{slug}.html" for slug in _front_matter()),
                *(f"practice-themes/{t['slug']}.html" for t in site["practice_themes"]),
                *(f"regions/{r['slug']}.html" for r in site["regions"]),
                *(f"pdus/{p['slug']}.html" for r in site["regions"] for p in r["pdus"]),
                *(f"standards/{s['code'].replace('.', '-')}.html" for s in site["standards"])]
    welsh = _front_matter("cy")
    expected += ["cy/index.html", "cy/about/accessibility.html", "cy/search/index.html",
                 "reports/westvale-2026-cy.html", *(f"examples/{slug}.html" for slug in welsh),
                 *{f"cy/practice-themes/{t}.html" for f in welsh.values()
                   for t in (f["practice_theme"], *f.get("also_practice_themes", ()))},
                 *{f"cy/regions/{f['region']}.html" for f in welsh.values()},
                 *{f"cy/pdus/{f['pdu']}.html" for f in welsh.values()},
                 *{f"cy/standards/{s.replace('.', '-')}.html" for f in welsh.values()
                   for s in f["standards"]}]
    assert _html_pages(sample_build) == sorted(expected)
    for other in ("feed.xml", "sitemap.xml", "robots.txt", "pagefind/pagefind.js"):
        assert (sample_build / other).is_file(), other


def test_every_internal_link_and_resource_resolves(sample_build: Path) -> None:
    pages = {p: _page(sample_build, p) for p in _html_pages(sample_build) if p != "404.html"}
    ids = {path: set(page.ids()) for path, page in pages.items()}
    broken = []
    for path, page in pages.items():
        for element in page.elements:
            for attribute in ("href", "src"):
                url = element.attrs.get(attribute)
                if url is None or (element.tag == "a" and urlsplit(url).scheme in
                                   ("http", "https", "mailto")):
                    continue
                if element.tag == "link" and element.attrs.get("rel") == "canonical":
                    continue
                parts = urlsplit(url)
                assert not parts.scheme and not parts.netloc and not url.startswith("/"), \
                    f"{path}: {url} is not a relative link"
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path))
                if not parts.path:
                    target = path
                if not (sample_build / target).is_file():
                    broken.append(f"{path}: {url}")
                elif target in ids and parts.fragment and parts.fragment not in ids[target]:
                    broken.append(f"{path}: {url} (no such id)")
    assert broken == []


def test_every_page_has_a_description_open_graph_and_a_canonical_link(sample_build: Path) -> None:
    for path in _html_pages(sample_build):
        page = _page(sample_build, path)
        meta = {e.attrs.get("name") or e.attrs.get("property"): e.attrs.get("content", "")
                for e in page.find_all("meta")}
        assert len(meta["description"]) > 30, path
        assert meta["og:description"] == meta["description"], path
        welsh = path.startswith("cy/") or path in _welsh_pages()
        title = _site()["cy"]["title"] if welsh else _site()["title"]
        assert meta["og:title"] and meta["og:site_name"] == title, path
        welsh = path.startswith("cy/") or path in _welsh_pages()
        assert meta["og:type"] in ("website", "article")
        assert meta["og:locale"] == ("cy_GB" if welsh else "en_GB"), path
        canonical = [e.attrs["href"] for e in page.find_all("link", rel="canonical")]
        if path == "404.html":
            assert canonical == [] and "og:url" not in meta
            continue
        expected = BASE_URL + ("" if path == "index.html" else path)
        assert canonical == [expected], path
        assert meta["og:url"] == expected, path


def test_home_page_offers_the_latest_reports_and_every_way_in(sample_build: Path) -> None:
    page = _page(sample_build, "index.html")
    headings = [(h.attrs.get("id"), " ".join(h.text.split())) for h in page.find_all("h2")]
    assert headings[:4] == [("reports", "Latest reports"), ("practice-themes", "Practice themes"),
                            ("regions", "Regions"), ("standards", "Standards")]
    hrefs = [a.attrs["href"] for a in page.find_all("a")]
    reports = [h for h in hrefs if h.startswith("reports/") and h.endswith(".html")]
    assert reports == ["reports/westvale-2026.html", "reports/northshire-2025.html"]
    site = _site()
    for theme in site["practice_themes"]:
        assert f"practice-themes/{theme['slug']}.html" in hrefs
    for region in site["regions"]:
        assert f"regions/{region['slug']}.html" in hrefs
        assert all(f"pdus/{p['slug']}.html" in hrefs for p in region["pdus"])
    assert "standards/2-1.html" in hrefs
    form = page.find_all("form", role="search")[0]
    assert form.attrs["action"] == "search/index.html"


def _expected(kind: str, key: str) -> set[str]:
    def matches(front: dict) -> bool:
        if kind == "practice-themes":
            return key in (front["practice_theme"], *front.get("also_practice_themes", ()))
        if kind == "regions":
            return front["region"] == key
        if kind == "pdus":
            return front.get("pdu") == key
        return key in front.get("standards", ())
    return {slug for slug, front in _front_matter().items() if matches(front)}


def test_each_listing_page_lists_exactly_its_examples_once(sample_build: Path) -> None:
    site = _site()
    keys = ([("practice-themes", t["slug"], t["slug"]) for t in site["practice_themes"]]
            + [("regions", r["slug"], r["slug"]) for r in site["regions"]]
            + [("pdus", p["slug"], p["slug"]) for r in site["regions"] for p in r["pdus"]]
            + [("standards", s["code"].replace(".", "-"), s["code"])
               for s in site["standards"]])
    for folder, slug, key in keys:
        listed = _card_slugs(_page(sample_build, f"{folder}/{slug}.html"))
        assert len(listed) == len(set(listed)), f"{folder}/{slug}: an example listed twice"
        assert set(listed) == _expected(folder, key), f"{folder}/{slug}"


def test_listing_groups_by_report_newest_first_with_shared_example_once(
        sample_build: Path) -> None:
    page = _page(sample_build, "practice-themes/public-protection.html")
    groups = page.text_of("h2", class_="listing-group__title")
    assert groups == [
        "From Effective Practice Spotlight: The Probation Service – Westvale region",
        "From Effective Practice Spotlight: The Probation Service – Northshire region"]
    sections = page.find_all("section", class_="listing-group")
    first = [a.attrs["href"] for a in _links(sections[0])]
    assert f"../examples/{SHARED}.html" in first, "the shared example sits with its newest report"
    cards = [c for c in page.find_all("li", class_="example-card")
             if _links(c)[0].attrs["href"] == f"../examples/{SHARED}.html"]
    assert len(cards) == 1
    in_reports = [a.attrs["href"] for a in _links(cards[0])[1:]]
    assert in_reports == [f"../reports/westvale-2026.html#example-{SHARED}",
                          f"../reports/northshire-2025.html#example-{SHARED}"]


def test_listing_count_says_newest_report_first_only_with_several_reports(
        sample_build: Path) -> None:
    for path in _html_pages(sample_build):
        if not path.startswith(("practice-themes/", "regions/", "pdus/", "standards/")):
            continue
        page = _page(sample_build, path)
        [count] = page.text_of("p", class_="listing__count")
        groups = len(page.find_all("section", class_="listing-group"))
        if groups > 1:
            assert count.endswith(f"from {groups} reports, newest report first."), path
        else:
            assert count.endswith(" from 1 report."), path
    assert _page(sample_build, "regions/westvale.html").text_of(
        "p", class_="listing__count") == ["6 examples from 1 report."]


def test_an_example_page_spells_out_each_abbreviation_at_its_first_use(
        sample_build: Path) -> None:
    """A reader who comes straight to an example's page meets each abbreviation spelled out,
    as the report spells it out at its first use there (house style)."""
    page = _page(sample_build, "examples/following-up-a-new-relationship.html")
    [body] = page.text_of("div", class_="example__body")
    assert "received an SSO (suspended sentence order) with RAR (rehabilitative activity " \
        "requirement) days" in body
    assert "The PP (probation practitioner) asked more" in body
    assert body.count("(probation practitioner)") == 1 and "The PP recognised" in body
    assert "her SPO (senior probation officer)" in body
    # The report spelled them out in an earlier example: its page is as the author wrote it.
    report = _page(sample_build, "reports/northshire-2025.html")
    assert any("received an SSO with RAR days" in text
               for text in report.text_of("div", class_="example__body"))
    # Spelled out by the author: not again.
    own = _page(sample_build, "examples/spotting-signs-of-cuckooing.html")
    [text] = own.text_of("div", class_="example__body")
    assert "the probation practitioner (PP)" in text and "(probation practitioner)" not in text
    # A Welsh example that spells it out in Welsh (the site file's Welsh glossary) is kept.
    welsh = _page(sample_build, "examples/gweithio-gyda-chyfieithydd-yn-y-llys.html")
    [text] = welsh.text_of("div", class_="example__body")
    assert "adroddiad cyn dedfrydu (PSR)" in text and "(adroddiad cyn dedfrydu)" not in text


def _summary(page: Page) -> dict[str, str]:
    rows = page.find_all("div", class_="summary-list__row")
    return {" ".join(r.children[0].text.split()): " ".join(r.children[1].text.split())
            for r in rows}


def test_example_page_shows_its_metadata_as_a_summary_list(sample_build: Path) -> None:
    page = _page(sample_build, f"examples/{SHARED}.html")
    assert page.text_of("h1") == ["Planned transfer of a high-risk case between regions"]
    assert _summary(page) == {
        "Practice themes": "Public protection, Resettlement",
        "Region": "Northshire",
        "Probation Delivery Unit": "Ravensholm",
        "Standards met": "1.4 Information and facilities2.2 Planning2.3 Implementation and "
                         "delivery",
        "Sentence type": "Licence",
        "Reports": "Effective Practice Spotlight: The Probation Service – Westvale region, "
                   "published 5 March 2026Effective Practice Spotlight: The Probation Service "
                   "– Northshire region, published 14 August 2025",
        "Tags": "MAPPAtransferapproved premisesvictim liaisonelectronic monitoring",
    }
    crumbs = [a.attrs["href"] for a in _links(page.find_all("nav", class_="breadcrumbs")[0])]
    assert crumbs == ["../index.html", "../index.html#practice-themes",
                      "../practice-themes/public-protection.html"]
    hrefs = [a.attrs["href"] for a in page.find_all("a")]
    for report in ("westvale-2026", "northshire-2025"):
        assert f"../reports/{report}.html#example-{SHARED}" in hrefs
    assert page.find_all("div", class_="outcome")


def test_example_citations_lead_to_the_references_listed_on_its_own_page(
        sample_build: Path) -> None:
    """A reader of an example's own page does not leave it to read what [1] is: the
    references it cites are numbered afresh and listed at its end, each linking back."""
    page = _page(sample_build, f"examples/{SHARED}.html")
    citations = page.find_all("a", class_="citation")
    assert [(a.attrs["href"], a.text) for a in citations] == [("#ref-hmip-mappa", "[1]")]
    assert page.text_of("section", class_="example-page__references")[0].startswith(
        "References [1] ")
    listed = page.find_all("li", id="ref-hmip-mappa")
    assert len(listed) == 1 and listed[0].attrs["value"] == "1"
    report = _page(sample_build, "reports/westvale-2026.html")
    text = page.text_of("div", class_="references__text")[0].split("Back to citation")[0]
    assert len(text) > 40 and text in report.text_of("li", id="ref-hmip-mappa")[0]
    assert [a.attrs["href"] for a in page.find_all("a", class_="references__back")] == [
        f"#{citations[0].attrs['id']}"]
    plain = _page(sample_build, "examples/credible-alternative-to-custody.html")
    assert not plain.find_all("section", class_="example-page__references")


def test_previous_and_next_walk_each_practice_theme_once(sample_build: Path) -> None:
    def neighbours(slug: str) -> dict[str, str]:
        page = _page(sample_build, f"examples/{slug}.html")
        return {a.attrs["rel"]: posixpath.basename(a.attrs["href"])[:-5]
                for a in page.find_all("a", class_="pagination__link")}

    for theme, language in itertools.product(_site()["practice_themes"], ("en", "cy")):
        members = {s for s, f in _front_matter(language).items()
                   if f["practice_theme"] == theme["slug"]}
        if not members:
            continue
        firsts = [s for s in members if "prev" not in neighbours(s)]
        assert len(firsts) == 1, theme["slug"]
        walked = [firsts[0]]
        while "next" in (links := neighbours(walked[-1])):
            assert neighbours(links["next"])["prev"] == walked[-1]
            walked.append(links["next"])
        assert sorted(walked) == sorted(members), theme["slug"]


def test_report_page_links_every_example_to_its_own_page(sample_build: Path) -> None:
    page = _page(sample_build, "reports/northshire-2025.html")
    articles = page.find_all("article", class_="example")
    own = [a.attrs["href"] for a in page.find_all("a")
           if a.attrs.get("href", "").startswith("../examples/")]
    assert own == [f"../examples/{a.attrs['id'].removeprefix('example-')}.html"
                   for a in articles]


def test_feed_lists_every_report_newest_first(sample_build: Path) -> None:
    feed = ET.parse(sample_build / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == BASE_URL + "feed.xml"
    assert feed.findtext(f"{ATOM}updated") == "2026-03-05T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").attrib["href"] for e in entries] == [
        BASE_URL + "reports/westvale-2026.html", BASE_URL + "reports/northshire-2025.html"]
    assert all(e.findtext(f"{ATOM}summary") for e in entries)
    index = _page(sample_build, "index.html")
    alternate = index.find_all("link", rel="alternate")[0]
    assert (alternate.attrs["type"], alternate.attrs["href"]) == ("application/atom+xml",
                                                                 "feed.xml")


def test_sitemap_and_robots_list_every_page(sample_build: Path) -> None:
    sitemap = ET.parse(sample_build / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = sorted(loc.text or "" for loc in sitemap.iter(f"{ns}loc"))
    pages = [p for p in _html_pages(sample_build) if p != "404.html"]
    assert locs == sorted(BASE_URL + ("" if p == "index.html" else p) for p in pages)
    robots = (sample_build / "robots.txt").read_text()
    assert robots.splitlines() == ["User-agent: *", "Allow: /",
                                   f"Sitemap: {BASE_URL}sitemap.xml"]


def test_accessibility_statement_has_the_sites_own_contact_words(sample_build: Path) -> None:
    page = _page(sample_build, "about/accessibility.html")
    assert page.text_of("h1") == [f"Accessibility statement for {_site()['title']}"]
    first_words = " ".join(_site()["accessibility"].split()[:4])
    assert first_words in " ".join(page.text_of("main")[0].split())
    footer = [a.attrs["href"] for a in page.find_all("a")]
    assert "../about/accessibility.html" in footer


STATEMENT = {
    "en": (["Reporting accessibility problems and asking for another format",
            "Enforcement procedure", "Technical information about this website’s accessibility",
            "Non-accessible content", "What we’re doing to improve accessibility",
            "How we tested this website", "Preparation of this accessibility statement"],
           ["Compliance status", "Documents in PDF", "Search"],
           ["This website is partially compliant with the Web Content Accessibility Guidelines "
            "version 2.2 AA standard, due to the non-compliances listed below.",
            "This website was last tested on 26 February 2026.",
            "This statement was prepared on 2 March 2026. It was last reviewed on 2 March 2026."]),
    "cy": (["Rhoi gwybod am broblemau hygyrchedd a gofyn am fformat arall", "Y drefn orfodi",
            "Gwybodaeth dechnegol am hygyrchedd y wefan hon", "Cynnwys nad yw’n hygyrch",
            "Beth rydym yn ei wneud i wella hygyrchedd", "Sut y gwnaethom brofi’r wefan hon",
            "Paratoi’r datganiad hygyrchedd hwn"],
           ["Statws cydymffurfio", "Dogfennau PDF", "Chwilio"],
           ["Mae’r wefan hon yn cydymffurfio’n rhannol â safon AA Canllawiau Hygyrchedd Cynnwys "
            "y We fersiwn 2.2, oherwydd yr achosion o beidio â chydymffurfio a restrir isod.",
            "Profwyd y wefan hon ddiwethaf ar 26 Chwefror 2026.",
            "Paratowyd y datganiad hwn ar 2 Mawrth 2026. Fe’i hadolygwyd ddiwethaf ar "
            "2 Mawrth 2026."]),
}


def test_accessibility_statement_has_every_section_the_regulations_require(
        sample_build: Path) -> None:
    """The sections of GOV.UK's model statement, in English and Welsh, with the site's own
    compliance status, known problems, test and preparation dates, contact and improvements."""
    settings = _site()["accessibility_statement"]
    for language, folder in (("en", ""), ("cy", "cy/")):
        page = _page(sample_build, f"{folder}about/accessibility.html")
        sections, subsections, sentences = STATEMENT[language]
        assert page.text_of("h2") == sections
        assert page.text_of("h3") == subsections
        paragraphs = [" ".join(p.split()) for p in page.text_of("p")]
        for sentence in sentences:
            assert sentence in paragraphs
        main = " ".join(page.text_of("main")[0].split())
        for key in ("known_issues", "improvements", "tested_by"):
            assert " ".join(settings[key].lstrip("- ").split()[:8]) in main
        hrefs = [a.attrs["href"] for a in page.find_all("a")]
        for address in (settings["contact"], "https://www.equalityhumanrights.com/",
                        "https://www.equalityadvisoryservice.com/"):
            assert address in hrefs
        links = [" ".join(a.split()) for a in page.text_of("a")]
        assert "Equality and Human Rights Commission (EHRC)" in links if language == "en" \
            else "Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC)" in links


def test_a_region_reads_in_a_sentence_with_the_where_it_takes_one(site) -> None:  # type: ignore[no-untyped-def]
    """"Probation Delivery Units in the North West", "in Wales", or as the site file says;
    a Welsh page keeps the name as it is (its mutation after "yn" is not guessed)."""
    content = site("minimal")
    settings = (content / "site.yml").read_text(encoding="utf-8")

    def label(name: str, extra: str = "") -> str:
        overlay(content, {"site.yml": settings.replace(
            "    name: North\n", f"    name: {name}\n{extra}")})
        built = run("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
        assert built.exit_code == 0, built.output
        [nested] = _page(content.parent / "out", "index.html").find_all(
            "ul", class_="browse-list--nested")
        return nested.attrs["aria-label"]

    assert label("North West") == "Probation Delivery Units in the North West"
    assert label("Wales") == "Probation Delivery Units in Wales"
    assert label("Kent, Surrey and Sussex") == \
        "Probation Delivery Units in Kent, Surrey and Sussex"
    assert label("Northshire", "    in_sentence: the Northshire area\n") == \
        "Probation Delivery Units in the Northshire area"
    assert [in_a_sentence(n) for n in ("East Midlands", "East of England", "Greater Manchester",
                                       "South Yorkshire", "Example region")] == [
        "the East Midlands", "the East of England", "Greater Manchester", "South Yorkshire",
        "the Example region"]
    overlay(content, {"site.yml": settings.replace("    name: North\n", "    name: North West\n")
                      .replace("language: en-GB\n", "language: en-GB\nlanguages: [en, cy]\n"
                               "translations: warning\n")})
    raw, problems = load(content)
    english = validate(raw, problems, None).settings
    assert english.region("north").in_sentence == "the North West"
    assert in_language(english, "cy").region("north").in_sentence == "North West"
