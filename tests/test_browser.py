"""The built sample in Debian's headless chromium: axe-core finds no WCAG 2.2 A or AA failure
on any page type; keyboard focus, search and its filters work; nothing scrolls sideways at
320 px; no page asks another site for anything."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import REFERENCE, SAMPLE, run
from .import_helpers import set_dates

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

#: One page of every type in the sample build. The 404 page is what the server sends for an
#: address that does not exist, here three folders deep.
PAGE_TYPES = {
    "home": "index.html",
    "report": "reports/northshire-2025.html",
    "example": "examples/planned-transfer-between-regions.html",
    "practice theme": "practice-themes/public-protection.html",
    "region": "regions/northshire.html",
    "PDU": "pdus/ravensholm.html",
    "standard": "standards/2-2.html",
    "search": "search/index.html?q=probation",  # more than a page of results
    "search, nothing found": "search/index.html?q=zqxwv&region=westvale",
    "accessibility statement": "about/accessibility.html",
    "not found": "no/such/page.html",
}
#: The same types of page in Welsh: the sample's Welsh edition (see content/site.yml).
WELSH_PAGE_TYPES = {
    "Welsh home": "cy/index.html",
    "Welsh report": "reports/westvale-2026-cy.html",
    "Welsh example": "examples/sylwi-ar-arwyddion-cwcwio.html",
    "Welsh practice theme": "cy/practice-themes/professional-curiosity.html",
    "Welsh region": "cy/regions/westvale.html",
    "Welsh PDU": "cy/pdus/tallowgate.html",
    "Welsh standard": "cy/standards/2-1.html",
    "Welsh search": "cy/search/index.html?q=cyfieithydd",
    "Welsh search, nothing found": "cy/search/index.html?q=zqxwv",
    "Welsh accessibility statement": "cy/about/accessibility.html",
}


@pytest.fixture(scope="module")
def reference_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published reference spotlight imported and built as a website (no PDF)."""
    root = tmp_path_factory.mktemp("reference-site")
    assert run("import", str(REFERENCE), "--out", str(root / "content")).exit_code == 0
    set_dates(root / "content")  # the import's placeholder dates stop a build
    built = run("build", "--content", str(root / "content"), "--out", str(root / "build"),
                "--no-pdf", "--no-search")
    assert built.exit_code == 0, built.output
    return root / "build"


def _open(tab: Any, url: str) -> None:
    tab.goto(url)
    if "search/" in url:
        tab.wait_for_selector(".search-result, #search-help:not([hidden])")


def _axe(tab: Any) -> Any:
    return Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})


def test_axe_reports_no_violation_on_any_page_type(tab: Any, served: str) -> None:
    tab.set_viewport_size({"width": 1024, "height": 768})
    reports = {}
    for name, path in {**PAGE_TYPES, **WELSH_PAGE_TYPES}.items():
        _open(tab, served + path)
        result = _axe(tab)
        assert len(result.response["passes"]) >= 10, f"axe checked little on the {name} page"
        if result.violations_count:
            reports[name] = result.generate_report()
    assert not reports, "\n".join(f"{name}: {report}" for name, report in reports.items())


def test_axe_is_able_to_fail(tab: Any) -> None:
    tab.set_content('<!DOCTYPE html><html lang="en"><title>t</title>'
                    '<main><img src="x.png"><a href="#"></a></main></html>')
    found = {v["id"] for v in _axe(tab).response["violations"]}
    assert {"image-alt", "link-name"} <= found


def test_no_page_requests_anything_from_another_site(tab: Any, served: str) -> None:
    requested: list[str] = []

    def record(request: Any) -> None:
        requested.append(request.url)

    tab.on("request", record)
    try:
        for path in PAGE_TYPES.values():
            _open(tab, served + path)
    finally:
        tab.remove_listener("request", record)
    assert any(u.endswith("/static/site.css") for u in requested)
    assert any("/pagefind/" in u for u in requested)
    assert [u for u in requested if not u.startswith(served)] == []


#: Sample pages that carry a long web address, a long word or a long title.
LONG_LINES = {
    "report with a long address in its references": "reports/northshire-2025.html",
    "example with a long title, address and word":
        "examples/joint-working-with-a-leaving-care-team.html",
    "listing of that example": "practice-themes/resettlement.html",
    "search results with that title": "search/index.html?q=interdepartmental",
}


def _wider_than(tab: Any, urls: dict[str, str], width: int) -> dict[str, int]:
    tab.set_viewport_size({"width": width, "height": 640})
    try:
        wide = {}
        for name, url in urls.items():
            _open(tab, url)
            scroll = tab.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                wide[name] = scroll
        return wide
    finally:
        tab.set_viewport_size({"width": 1024, "height": 768})


def test_every_page_shows_an_icon_and_nothing_is_missing(tab: Any, served: str) -> None:
    answers: list[tuple[str, int]] = []

    def record(response: Any) -> None:
        answers.append((response.url, response.status))

    tab.on("response", record)
    try:
        for name, path in PAGE_TYPES.items():
            _open(tab, served + path)
            icon = tab.eval_on_selector("link[rel=icon]", "link => link.href")
            assert tab.request.get(icon).status == 200, name
    finally:
        tab.remove_listener("response", record)
    missing = [url for url, status in answers if status >= 400]
    assert missing == [served + PAGE_TYPES["not found"]]


def test_the_sample_has_long_addresses_words_and_titles_to_wrap(tab: Any, served: str) -> None:
    _open(tab, served + LONG_LINES["example with a long title, address and word"])
    longest = tab.evaluate("""() => Math.max(...document.querySelector('main').innerText
        .split(/[\\s,;]+/).map(w => w.length))""")
    assert longest > 60, "a web address longer than a phone screen is wide"
    assert len(tab.text_content("h1")) > 100
    _open(tab, served + LONG_LINES["report with a long address in its references"])
    assert max(len(a) for a in tab.eval_on_selector_all(
        ".references__url a", "links => links.map(a => a.textContent)")) > 100


def test_the_imported_reference_home_page_says_what_is_true(
        tab: Any, reference_build: Path) -> None:
    tab.goto((reference_build / "index.html").as_uri())
    text = tab.inner_text("main")
    assert "No examples have been published yet" not in text
    assert "do not name the standards they meet" in text
    assert tab.locator("#practice-themes + ul a").count() > 5


def test_no_sideways_scrolling_at_320_pixels(tab: Any, served: str) -> None:
    pages = {name: served + path
             for name, path in (PAGE_TYPES | WELSH_PAGE_TYPES | LONG_LINES).items()}
    assert _wider_than(tab, pages, 320) == {}


def test_no_page_of_the_imported_reference_scrolls_sideways_at_320_pixels(
        tab: Any, reference_build: Path) -> None:
    pages = {p.relative_to(reference_build).as_posix(): p.as_uri()
             for p in sorted(reference_build.rglob("*.html"))}
    assert "reports/east-midlands-2025.html" in pages and len(pages) > 30
    assert _wider_than(tab, pages, 320) == {}


def _in_view(tab: Any, selector: str) -> bool:
    return tab.evaluate("""selector => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
    }""", selector)


def test_back_to_top_from_the_last_section_moves_view_and_focus_to_contents(
        tab: Any, served: str) -> None:
    tab.set_viewport_size({"width": 1024, "height": 768})
    tab.goto(served + PAGE_TYPES["report"])
    last = tab.locator(".back-to-top__link").last
    last.focus()
    assert tab.evaluate("document.activeElement.closest('section').id") == \
        "references-and-acknowledgements"
    assert not _in_view(tab, "#contents")
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.activeElement.id === 'contents'")
    assert _in_view(tab, "#contents")
    assert _top(tab, "#contents-title") >= 15, "the heading is clear of the window's edge"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.getAttribute('href')") == "#introduction"


def _top(tab: Any, selector: str) -> float:
    return tab.eval_on_selector(selector, "e => e.getBoundingClientRect().top")


def test_the_contents_list_each_example_and_jump_to_it(tab: Any, served: str) -> None:
    tab.set_viewport_size({"width": 1024, "height": 768})
    tab.goto(served + PAGE_TYPES["report"])
    listed = tab.locator(".contents__examples a")
    assert listed.count() == tab.locator("article.example").count() > 5
    last = listed.last
    title = last.text_content()
    last.click()
    anchor = last.get_attribute("href")
    tab.wait_for_function("hash => location.hash === hash", arg=anchor)
    heading = f"{anchor}-title"
    assert tab.text_content(heading).endswith(title)
    assert _in_view(tab, heading)
    assert _top(tab, anchor) >= 15, "the example is clear of the window's edge"


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(
        tab: Any, served: str) -> None:
    tab.goto(served + PAGE_TYPES["example"])
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "Skip to main content"
    assert _in_view(tab, ".skip-link"), "the focused skip link is visible"
    skip = _box(tab, ".skip-link")
    for other in (".site-header__name", ".site-header__org", ".site-nav"):
        box = _box(tab, other)
        assert box["top"] >= skip["bottom"], f"the focused skip link covers {other}"
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.activeElement.id === 'main-content'")


def _settled(tab: Any) -> None:
    """Waits until the search asked for last is wholly on the page: the page marks its results
    list aria-busy from the moment a search is asked for until its results, its count and the
    filters' counts are shown (the list is emptied first, so a count of results alone can be
    caught half way)."""
    tab.wait_for_selector("#search-results[aria-busy=false]", state="attached")


def _search(tab: Any, served: str, words: str) -> list[dict[str, str]]:
    tab.goto(served + "search/index.html")
    tab.fill("#search-input", words)
    tab.press("#search-input", "Enter")
    _settled(tab)
    return _results(tab)


def _results(tab: Any) -> list[dict[str, str]]:
    return tab.eval_on_selector_all(".search-result", """items => items.map(item => ({
        title: item.querySelector("a").textContent,
        href: item.querySelector("a").href,
        meta: item.querySelector(".search-result__meta").textContent}))""")


def _english_examples() -> list[Path]:
    """The sample's English examples: those the English search page searches (the Welsh
    ones, language: cy, are in the Welsh index)."""
    return [p for p in (SAMPLE / "examples").glob("*.md")
            if "\nlanguage: cy\n" not in p.read_text(encoding="utf-8")]


def _examples_containing(word: str) -> list[str]:
    return sorted(p.stem for p in _english_examples()
                  if word in p.read_text(encoding="utf-8").lower())


def test_search_finds_an_example_by_a_distinctive_word(tab: Any, served: str) -> None:
    assert _examples_containing("cuckooing") == ["spotting-signs-of-cuckooing"]
    results = _search(tab, served, "cuckooing")
    assert [r["title"] for r in results] == ["Spotting the signs of cuckooing"]
    assert tab.text_content("#search-status") == "1 example found for ‘cuckooing’"
    tab.click(".search-result a")
    tab.wait_for_url("**/examples/spotting-signs-of-cuckooing.html")
    assert tab.text_content("h1") == "Spotting the signs of cuckooing"


def test_each_language_searches_its_own_examples_and_speaks_its_language(
        tab: Any, served: str) -> None:
    # "Tomasz" is in the English example and in its Welsh translation: each search page finds
    # its own language's, as Pagefind keeps an index per language.
    english = _search(tab, served, "Tomasz")
    assert [r["href"].rsplit("/", 1)[1] for r in english] == [
        "working-with-an-interpreter-at-court.html"]
    tab.goto(served + "cy/search/index.html?q=Tomasz")
    tab.wait_for_selector(".search-result")
    assert [r["href"].rsplit("/", 1)[1] for r in _results(tab)] == [
        "gweithio-gyda-chyfieithydd-yn-y-llys.html"]
    assert tab.text_content("#search-status") == \
        "Wedi dod o hyd i 1 enghraifft ar gyfer ‘Tomasz’"
    assert tab.get_attribute("html", "lang") == "cy"
    assert tab.text_content("label[for=search-input]") == "Chwilio am"


def test_a_practice_theme_filter_narrows_the_results(tab: Any, served: str) -> None:
    everything = _search(tab, served, "victim")
    tab.check("#filter-practice_theme-statutory-victim-work")
    _settled(tab)
    narrowed = _results(tab)
    assert 0 < len(narrowed) < len(everything)
    assert all("Statutory victim work" in r["meta"] for r in narrowed)
    assert {r["href"] for r in narrowed} < {r["href"] for r in everything}
    assert tab.text_content("#search-status").endswith(" in Statutory victim work")


def test_the_filters_are_a_few_tab_stops_from_the_search_box_at_any_width(
        tab: Any, served: str) -> None:
    """Beside the results on a wide screen, after them in the page: a link before the results
    takes the keyboard there without passing every result (23 stops before)."""
    for width in (1280, 375):
        tab.set_viewport_size({"width": width, "height": 800})
        _search(tab, served, "the")
        tab.focus("#search-input")
        for _ in range(4):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.getAttribute('href')") == "#search-filters":
                break
        else:
            raise AssertionError(f"no link to the filters within 4 stops at {width} pixels")
        tab.keyboard.press("Enter")
        tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.closest('#search-filters') !== null")
    tab.set_viewport_size({"width": 1024, "height": 768})


def test_a_region_filter_alone_lists_that_regions_examples(tab: Any, served: str) -> None:
    tab.goto(served + "search/index.html")
    tab.check("#filter-region-westvale")
    _settled(tab)
    titles = sorted(r["title"] for r in _results(tab) if "Westvale" in r["meta"])
    assert len(titles) == len(_results(tab)) > 0


def test_search_page_without_javascript_says_so_and_links_to_practice_themes(
        browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served + "search/index.html")
        assert "Search needs JavaScript, which is turned off" in page.inner_text("main")
        assert not page.is_visible("#search-form")
        link = page.get_by_role("link", name="browse the examples by practice theme")
        assert link.count() == 1 and link.is_visible()
        link.click()
        page.wait_for_url(served + "index.html#practice-themes")
    finally:
        context.close()


def test_opened_from_disk_pages_work_and_search_says_it_needs_a_server(
        tab: Any, sample_build: Path) -> None:
    tab.goto((sample_build / "index.html").as_uri())
    assert tab.evaluate("getComputedStyle(document.querySelector('.site-header'))"
                        ".backgroundColor") == "rgb(11, 12, 12)", "the stylesheet loads"
    tab.click("text=Court work")
    tab.wait_for_url("**/practice-themes/court-work.html")
    tab.goto((sample_build / "search" / "index.html").as_uri())
    tab.wait_for_selector("#search-unavailable", state="visible")
    assert "browse the examples by practice theme" in tab.inner_text("#search-unavailable")


@pytest.mark.parametrize("path", ["no-such-page.html", "reports/gone/deeper/page.html"])
def test_the_404_page_keeps_its_look_at_any_depth(tab: Any, served: str, path: str) -> None:
    response = tab.goto(served + path)
    assert response.status == 404
    assert tab.text_content("h1") == "Page not found"
    assert tab.evaluate("getComputedStyle(document.querySelector('.site-header'))"
                        ".backgroundColor") == "rgb(11, 12, 12)"
    tab.click("text=go to the home page")
    tab.wait_for_url(served + "index.html")


def test_every_stop_of_the_keyboard_shows_where_focus_is(tab: Any, served: str) -> None:
    tab.goto(served + "search/index.html?q=court")
    tab.wait_for_selector(".search-result")
    tab.evaluate("document.activeElement.blur()")
    seen = []
    for _ in range(80):
        tab.keyboard.press("Tab")
        style = tab.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return {tag: e.tagName, outline: s.outlineStyle !== 'none' &&
                    parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)',
                    shadow: s.boxShadow !== 'none', background: s.backgroundColor};
        }""")
        if style["tag"] == "BODY":
            break  # past the last stop
        seen.append(style["tag"])
        assert style["outline"] or style["shadow"] or \
            style["background"] == "rgb(255, 221, 0)", style
    assert {"A", "INPUT", "BUTTON"} <= set(seen) and len(seen) > 20


def _printed(tab: Any, script: str) -> Any:
    tab.emulate_media(media="print")
    try:
        return tab.evaluate(script)
    finally:
        tab.emulate_media(media="screen")


def test_printing_hides_what_only_works_on_screen(tab: Any, served: str) -> None:
    tab.goto(served + PAGE_TYPES["report"])
    script = """selectors => selectors.map(s => [...document.querySelectorAll(s)].map(
        e => getComputedStyle(e).display))"""
    selectors = [".skip-link", ".site-header", ".site-nav", ".breadcrumbs", ".back-to-top",
                 ".references__backlinks", ".site-footer"]
    on_screen = tab.evaluate(script, selectors)
    assert all(shown and "none" not in shown for shown in on_screen[1:]), on_screen
    printed = _printed(tab, f"({script})({selectors!r})")
    assert [set(shown) for shown in printed] == [{"none"}] * len(selectors)
    tab.goto(served + "search/index.html?q=court")
    tab.wait_for_selector(".search-result")
    assert _printed(tab, """() => ['#search-form', '#search-filters'].map(
        s => getComputedStyle(document.querySelector(s)).display)""") == ["none", "none"]


def test_printed_text_is_sized_against_an_11pt_body(tab: Any, served: str) -> None:
    pt = 96 / 72  # CSS pixels in a point
    for path in (PAGE_TYPES["report"], PAGE_TYPES["example"]):
        tab.goto(served + path)
        sizes = _printed(tab, """() => Object.fromEntries(['body', 'h1', 'h2', '.caption',
            '.report__meta', '.summary-list--metadata', '.contents__list a', 'main p']
            .map(s => [s, document.querySelector(s)]).filter(([s, e]) => e)
            .map(([s, e]) => [s, parseFloat(getComputedStyle(e).fontSize)]))""")
        assert sizes["body"] == pytest.approx(11 * pt, abs=0.01)
        assert sizes["main p"] <= 11 * pt + 0.01
        assert 11 * pt < sizes["h2"] < sizes["h1"] <= 20 * pt + 0.01, sizes
        for small in (".caption", ".report__meta", ".summary-list--metadata"):
            if small in sizes:
                assert sizes[small] <= 11 * pt + 0.01, (path, small, sizes[small])


def _after(tab: Any, selector: str) -> list[list[str]]:
    """Each link's text, address and what is printed after it."""
    return tab.eval_on_selector_all(selector, """links => links.map(a => [a.textContent,
        a.getAttribute('href'), getComputedStyle(a, '::after').content])""")


def test_printing_shows_an_address_once(tab: Any, served: str) -> None:
    tab.goto(served + "about/accessibility.html")
    tab.emulate_media(media="print")
    try:
        linked = _after(tab, "main a[href^='http']")  # the contact, EHRC, EASS
        assert len(linked) >= 3
        assert all(after == ("none" if text == href else f'" ({href})"')
                   for text, href, after in linked), linked
        assert any(text != href for text, href, _ in linked)
        tab.goto(served + PAGE_TYPES["report"])
        addresses = _after(tab, ".references__url a")
        tab.goto(served + LONG_LINES["example with a long title, address and word"])
        addresses += _after(tab, "main p a[href^='http'], main li a[href^='http']")
    finally:
        tab.emulate_media(media="screen")
    assert len(addresses) > 3
    assert all(text == href and after == "none" for text, href, after in addresses), addresses


def test_the_home_page_search_box_leads_to_results(tab: Any, served: str) -> None:
    tab.goto(served + "index.html")
    tab.fill("#home-search", "polygraph")
    tab.press("#home-search", "Enter")
    tab.wait_for_selector(".search-result")
    assert tab.input_value("#search-input") == "polygraph"
    assert [r["title"] for r in _results(tab)] == [
        "Using polygraph disclosures to strengthen risk management"]


def test_long_result_lists_come_in_pages_of_twenty(tab: Any, served: str) -> None:
    northshire = [s for s in _english_examples()
                  if "\nregion: northshire\n" in s.read_text(encoding="utf-8")]
    assert len(northshire) > 20
    tab.goto(served + "search/index.html")
    tab.check("#filter-region-northshire")
    tab.wait_for_selector("#search-more:visible")
    assert len(_results(tab)) == 20
    assert tab.text_content("#search-status") == \
        f"{len(northshire)} examples found in Northshire"
    more = len(northshire) - 20
    assert tab.text_content("#search-more") == \
        f"Show {more} more result{'s' if more > 1 else ''}"
    tab.click("#search-more")
    tab.wait_for_function(f"document.querySelectorAll('.search-result').length === "
                          f"{len(northshire)}")
    assert not tab.is_visible("#search-more")
    assert tab.evaluate("document.activeElement.textContent") == _results(tab)[20]["title"]


# --- Search that forgives and guides --------------------------------------------------------


def _status(tab: Any, served: str, address: str) -> str:
    tab.goto(served + "search/index.html" + address)
    tab.wait_for_function("document.getElementById('search-status').textContent !== ''")
    return tab.text_content("#search-status")


def test_a_spelling_slip_finds_the_examples_of_the_word_meant(tab: Any, served: str) -> None:
    meant = _examples_containing("accommodation")
    assert 0 < len(meant) < 33
    results = _search(tab, served, "acommodation")
    assert sorted(r["href"].rsplit("/", 1)[1].removesuffix(".html") for r in results) == meant
    assert tab.text_content("#search-status") == \
        f"{len(meant)} examples found for ‘accommodation’"
    assert tab.text_content("#search-note") == ("No example contains ‘acommodation’, so these "
                                                "are the examples with ‘accommodation’.")
    assert [r["title"] for r in _search(tab, served, "polygraf")] == [
        "Using polygraph disclosures to strengthen risk management"]


def test_one_letter_is_not_searched_for(tab: Any, served: str) -> None:
    assert _status(tab, served, "?q=a") == "Type a word of three letters or more"
    assert tab.locator(".search-result").count() == 0
    assert "left out: ‘a’" in tab.text_content("#search-note")
    # A short word written in capitals (an abbreviation) is searched for as it is.
    assert _status(tab, served, "?q=a+DA+hub") == "2 examples found for ‘DA hub’"
    # ... and whole: not every word that begins with those letters (day, data, Darren).
    abbreviated = sorted(p.stem for p in _english_examples()
                         if re.search(r"\bDA\b", p.read_text(encoding="utf-8")))
    assert _status(tab, served, "?q=DA") == f"{len(abbreviated)} examples found for ‘DA’"
    assert sorted(r["href"].rsplit("/", 1)[1].removesuffix(".html")
                  for r in _results(tab)) == abbreviated


def test_nothing_found_says_what_to_try(tab: Any, served: str) -> None:
    status = _status(tab, served, "?q=zqxwv&region=westvale")
    assert status == "No examples found for ‘zqxwv’ in Westvale"
    assert tab.is_visible("#search-help")
    assert [line for line in tab.inner_text("#search-help").split("\n") if line] == [
        "You could:", "check the spelling", "use fewer words, or other words for the same thing",
        "remove a filter", "browse the examples by practice theme"]
    tab.uncheck("#filter-region-westvale")
    tab.wait_for_function("document.getElementById('search-status').textContent === "
                          "'No examples found for ‘zqxwv’'")
    assert not tab.is_visible("#search-help-filters")
    tab.click("#search-help li:last-child a")
    tab.wait_for_url(served + "index.html#practice-themes")


def test_a_known_word_with_filters_that_leave_nothing_says_no_examples(
        tab: Any, served: str) -> None:
    """Found by a trial: it said "0 examples found for ‘probation’ in Interventions,
    Westvale"."""
    status = _status(tab, served, "?q=probation&practice_theme=interventions&region=westvale")
    assert status == "No examples found for ‘probation’ in Interventions, Westvale"
    assert tab.is_visible("#search-help")


def _box(tab: Any, selector: str) -> dict[str, float]:
    return tab.eval_on_selector(selector, "e => e.getBoundingClientRect().toJSON()")


def test_results_come_before_the_filters_on_a_phone_and_beside_them_on_a_desktop(
        tab: Any, served: str) -> None:
    try:
        tab.set_viewport_size({"width": 375, "height": 700})
        _search(tab, served, "probation")
        first, filters = _box(tab, ".search-result"), _box(tab, "#search-filters")
        assert _box(tab, "#search-status")["bottom"] <= first["top"] < 700
        assert first["bottom"] < filters["top"]
        tab.set_viewport_size({"width": 1280, "height": 900})
        first, filters = _box(tab, ".search-result"), _box(tab, "#search-filters")
        assert first["top"] < 600 and first["right"] <= filters["left"]
        assert filters["top"] < first["top"]
        # The keyboard meets the results before the filters.
        tab.focus("#search-input")
        stops = []
        for _ in range(4):
            tab.keyboard.press("Tab")
            stops.append(tab.evaluate("document.activeElement.className"))
        assert "checkboxes__input" not in stops[:3]
        assert tab.evaluate("document.activeElement.closest('.search-result') !== null")
    finally:
        tab.set_viewport_size({"width": 1024, "height": 768})


def _counts(tab: Any) -> dict[str, int]:
    return {label.rsplit(" (", 1)[0]: int(label.rsplit("(", 1)[1].rstrip(")"))
            for label in tab.eval_on_selector_all(
                ".checkboxes__label", "ls => ls.map(l => l.textContent.trim())")}


def test_filter_options_show_how_many_results_each_would_give(tab: Any, served: str) -> None:
    westvale = [p for p in _english_examples()
                if "\nregion: westvale\n" in p.read_text(encoding="utf-8")]
    tab.goto(served + "search/index.html")
    tab.wait_for_selector("#search-form")
    assert _counts(tab)["Westvale"] == len(westvale)
    _search(tab, served, "victim")  # the counts of the whole library are replaced
    counts = _counts(tab)
    assert 0 < counts["Statutory victim work"] < len(_results(tab))
    tab.check("#filter-practice_theme-statutory-victim-work")
    _settled(tab)
    assert len(_results(tab)) == counts["Statutory victim work"]
    assert _counts(tab)["Statutory victim work"] == counts["Statutory victim work"]


def test_the_query_and_filters_live_in_the_address_and_come_back_from_it(
        tab: Any, served: str) -> None:
    _search(tab, served, "risk")
    tab.check("#filter-region-westvale")
    _settled(tab)
    address = tab.url
    assert address.endswith("search/index.html?q=risk&region=westvale")
    shown = _results(tab)
    status = tab.text_content("#search-status")
    tab.goto(served + "index.html")
    tab.goto(address)
    _settled(tab)
    assert tab.input_value("#search-input") == "risk"
    assert tab.is_checked("#filter-region-westvale")
    assert not tab.is_checked("#filter-region-northshire")
    assert _results(tab) == shown and tab.text_content("#search-status") == status


def test_a_ticked_box_shows_a_tick(tab: Any, served: str) -> None:
    tab.goto(served + "search/index.html?practice_theme=court-work")
    tab.wait_for_selector(".search-result")
    ticked = tab.eval_on_selector("#filter-practice_theme-court-work",
                                  "e => getComputedStyle(e).backgroundImage")
    plain = tab.eval_on_selector("#filter-practice_theme-interventions",
                                 "e => getComputedStyle(e).backgroundImage")
    assert plain == "none"
    assert ticked.startswith('url("data:image/svg+xml,') and "path" in ticked


WIDE_TABLE = """

| Agency | Role | Contact in the first month | Lead for medication reviews | Shared plan |
|---|---|---|---|---|
| Probation | Risk management | Weekly, in person, at the office | Not applicable | Written |
| Mental health team | Medication | Fortnightly, at home | Consultant psychiatrist | Written |
"""


def _build_with_wide_table(site: Any) -> None:
    """The minimal site, its first example holding ``WIDE_TABLE``, built into ./out."""
    content = site("minimal")
    example = content / "examples" / "first-case.md"
    example.write_text(example.read_text().replace(
        "received a community order.\n", "received a community order.\n" + WIDE_TABLE))
    built = run("build", "--content", "site", "--out", "out", "--no-pdf", "--no-search")
    assert built.exit_code == 0, built.output


def test_a_wide_table_scrolls_in_its_own_box_which_a_keyboard_reaches(
        tab: Any, site: Any, tmp_path: Path) -> None:
    _build_with_wide_table(site)
    tab.set_viewport_size({"width": 320, "height": 640})
    for page in ("examples/first-case.html", "reports/north-2025.html"):
        tab.goto((tmp_path / "out" / page).as_uri())
        box = tab.locator(".table-scroll")
        assert box.evaluate("e => e.scrollWidth > e.clientWidth"), "the table is wider"
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320, "not the page"
        assert box.get_attribute("aria-label") == (
            "Agency, Role, Contact in the first month, Lead for medication reviews, Shared plan")
        violations = _axe(tab).response["violations"]
        assert violations == [], [v["id"] for v in violations]
    tab.evaluate("document.activeElement.blur()")
    for _ in range(40):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.className") == "table-scroll":
            break
    else:
        raise AssertionError("Tab never reached the table")
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function("document.querySelector('.table-scroll').scrollLeft > 0")


def _tab_stops(tab: Any) -> list[str]:
    """The class of each element Tab stops on, once round the page."""
    tab.evaluate("document.activeElement.blur()")
    stops: list[str] = []
    for _ in range(100):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement === document.body"):
            return stops
        stops.append(tab.evaluate("document.activeElement.className"))
    raise AssertionError("Tab never came back round the page")


def test_a_table_box_is_a_tab_stop_only_while_its_table_is_wider(
        tab: Any, site: Any, tmp_path: Path) -> None:
    _build_with_wide_table(site)
    name = "Agency, Role, Contact in the first month, Lead for medication reviews, Shared plan"
    tab.set_viewport_size({"width": 1280, "height": 800})
    try:
        tab.goto((tmp_path / "out" / "examples" / "first-case.html").as_uri())
        box = tab.get_by_role("region", name=name)
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), "the table fits"
        stops = _tab_stops(tab)
        assert stops and "table-scroll" not in stops
        assert _axe(tab).response["violations"] == []
        tab.set_viewport_size({"width": 320, "height": 640})  # the same page, narrowed
        tab.wait_for_function("document.querySelector('.table-scroll').tabIndex === 0")
        assert box.evaluate("e => e.scrollWidth > e.clientWidth"), "the table is wider"
        assert "table-scroll" in _tab_stops(tab)
        assert _axe(tab).response["violations"] == []
        tab.set_viewport_size({"width": 1280, "height": 800})  # and widened again
        tab.wait_for_function("!document.querySelector('.table-scroll').hasAttribute('tabindex')")
        assert "table-scroll" not in _tab_stops(tab)
    finally:
        tab.set_viewport_size({"width": 1024, "height": 768})


def test_the_window_title_says_what_the_search_found(tab: Any, served: str) -> None:
    tab.goto(served + "search/index.html")
    tab.wait_for_selector("#search-form")
    page_title = tab.title()
    assert page_title == "Search examples – Effective Practice Spotlights"
    _search(tab, served, "probation")
    status = tab.text_content("#search-status")
    assert re.fullmatch(r"\d+ examples found for ‘probation’", status)
    assert tab.title() == f"{status} – {page_title}"
    tab.fill("#search-input", "zqxwv")
    tab.press("#search-input", "Enter")
    _settled(tab)
    assert tab.title() == f"No examples found for ‘zqxwv’ – {page_title}"
    tab.fill("#search-input", "")
    tab.press("#search-input", "Enter")
    _settled(tab)
    assert tab.title() == page_title
    tab.goto(served + "cy/search/index.html?q=cyfieithydd")
    _settled(tab)
    welsh = tab.text_content("#search-status")
    assert "cyfieithydd" in welsh
    assert tab.title() == f"{welsh} – Chwilio enghreifftiau – Sbotoleuadau Arfer Effeithiol"
