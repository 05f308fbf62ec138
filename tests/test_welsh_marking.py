"""A bilingual site whose site file leaves some names untranslated: its Welsh pages show them
in English, each marked ``lang="en-GB"`` so that a screen reader says them as English; and the
rest of a Welsh page is Welsh, down to an example's fallback description."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from .conftest import REPO, overlay, run
from .html_helpers import Page
from .welsh_fixtures import WELSH_REPORT, welsh_example

WELSH_WORDS = """languages: [en, cy]
translations: warning
cy:
  title: Sbotoleuadau Prawf
  practice_themes:
    - slug: court-work
      title: Gwaith llys
"""


#: A Welsh example whose body has no paragraph before its outcome: a heading and a table.
WELSH_EXAMPLE = welsh_example("""## Cefndir

| Cam | Pryd |
| --- | ---- |
| Asesu | Ionawr |

## Canlyniad

Cwblhaodd Ann ei gorchymyn.
""")


def _bilingual(site) -> Path:  # type: ignore[no-untyped-def]
    """The minimal site in English and Welsh, with Welsh names for the site's title and one
    practice theme only, a Welsh report and one Welsh example; the second example has no
    translation."""
    folder = site("minimal")
    text = (folder / "site.yml").read_text(encoding="utf-8")
    overlay(folder, {"site.yml": text + WELSH_WORDS,
                     "reports/north-2025-cy.yml": WELSH_REPORT,
                     "examples/achos-cyntaf.md": WELSH_EXAMPLE})
    return folder


def _built(site, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    _bilingual(site)
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _page(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def test_a_welsh_example_without_a_first_paragraph_is_described_in_welsh(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = _built(site, tmp_path)
    page = Page(_page(out, "examples/achos-cyntaf.html"))
    described = [m.attrs["content"] for m in page.find_all("meta")
                 if m.attrs.get("name") == "description"]
    assert described == ["Enghraifft o effeithiolrwydd: Achos cyntaf"]
    card = Page(_page(out, "cy/practice-themes/court-work.html"))
    assert card.text_of("p", class_="example-card__description") == [
        "Enghraifft o effeithiolrwydd: Achos cyntaf"]


def test_english_names_on_welsh_pages_are_marked_english(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = _built(site, tmp_path)
    # The standard has no Welsh name: its link, heading and text say so wherever shown.
    link = '<a href="../cy/standards/2-1.html" lang="en-GB">2.1 Assessment</a>'
    assert link in _page(out, "examples/achos-cyntaf.html")
    assert link in _page(out, "cy/index.html")
    standard = _page(out, "cy/standards/2-1.html")
    assert '<h1><span lang="en-GB">2.1 Assessment</span></h1>' in standard
    assert '<p lang="en-GB">Assessment is well informed.</p>' in standard
    # The region, the PDU, the sentence type and the organisation have no Welsh name either.
    report = _page(out, "reports/north-2025-cy.html")
    assert ('<a href="#summary">Crynodeb o arfer effeithiol <span lang="en-GB">North</span></a>'
            in report)
    example = _page(out, "examples/achos-cyntaf.html")
    assert ('<a href="../cy/regions/north.html" data-pagefind-filter="region" lang="en-GB">'
            'North</a>') in example
    assert '<a href="../cy/pdus/north-city.html" lang="en-GB">North City</a>' in example
    assert '<span lang="en-GB">Community order</span>' in example
    assert 'gan <span lang="en-GB">Test Inspectorate</span> yn ystod' in _page(out, "cy/index.html")
    # The practice theme the site file names in Welsh is not marked.
    assert '<h1>Gwaith llys</h1>' in _page(out, "cy/practice-themes/court-work.html")
    # English pages mark nothing.
    assert 'lang="en-GB">' not in _page(out, "examples/first-case.html").split("<body", 1)[1]


def test_the_build_says_which_translations_are_unfinished(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _bilingual(site)
    # No Welsh report; the Welsh example (in no report) names an original that is not there.
    example = WELSH_EXAMPLE.replace("translation_of: first-case", "translation_of: first-cas")
    overlay(folder, {"reports/north-2025-cy.yml": None, "examples/achos-cyntaf.md":
                     example.replace("reports: [north-2025-cy]", "reports: []")})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert ("site/reports/north-2025.yml:1: report 'north-2025' has no Welsh translation"
            in result.output)
    assert ("site/examples/achos-cyntaf.md:4: translation_of names an unknown example "
            "'first-cas'; did you mean 'first-case'? (warning)") in result.output


def test_the_welsh_feed_links_to_the_welsh_home_page_and_marks_english_names(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = _built(site, tmp_path)
    welsh = _page(out, "cy/feed.xml")
    assert ('<link rel="alternate" type="text/html" '
            'href="https://test.example.org/cy/index.html"/>') in welsh
    assert "<title>Sbotoleuadau Prawf</title>" in welsh  # the site file's Welsh title
    assert '<author><name xml:lang="en-GB">Test Inspectorate</name></author>' in welsh
    english = _page(out, "feed.xml")
    assert '<link rel="alternate" type="text/html" href="https://test.example.org/"/>' in english
    assert "<author><name>Test Inspectorate</name></author>" in english


def test_the_logos_english_alt_text_is_tagged_english_in_a_welsh_pdf(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _bilingual(site)
    logo = (REPO / "tests" / "sites" / "reference-elements" / "images" / "logo.svg").read_bytes()
    text = (folder / "site.yml").read_text(encoding="utf-8")
    overlay(folder, {"images/logo.svg": logo, "site.yml": text.replace(
        "licence:", "logo:\n  src: images/logo.svg\n  alt: Test Inspectorate logo\nlicence:")})
    result = run("build", "--content", "site", "--out", "out", "--no-handouts")
    assert result.exit_code == 0, result.output

    def logos(pdf_path: Path) -> list[str | None]:
        with pikepdf.open(pdf_path) as pdf:
            return [str(o.Lang) if "/Lang" in o else None for o in pdf.objects
                    if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure"
                    and str(o.get("/Alt", "")) == "Test Inspectorate logo"]

    assert logos(tmp_path / "out" / "reports" / "north-2025-cy.pdf") == ["en-GB", "en-GB"]
    assert logos(tmp_path / "out" / "reports" / "north-2025.pdf") == [None, None]


def test_a_site_file_without_welsh_words_marks_every_english_fallback(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """No ``cy:`` in the site file: the practice theme's intro a Welsh report falls back on is
    marked English, like its heading, on the page, in the fragment (WordPress) and the PDF."""
    folder = site("minimal")
    text = (folder / "site.yml").read_text(encoding="utf-8")
    overlay(folder, {"site.yml": text + "languages: [en, cy]\ntranslations: warning\n",
                     "reports/north-2025-cy.yml": WELSH_REPORT,
                     "examples/achos-cyntaf.md": WELSH_EXAMPLE})
    result = run("build", "--content", "site", "--out", "out", "--fragments", "--no-handouts")
    assert result.exit_code == 0, result.output
    intro = '<div lang="en-GB">\n<p>Default court work intro.</p>\n</div>'
    report = _page(tmp_path / "out", "reports/north-2025-cy.html")
    assert '<h2 id="court-work-title"><span lang="en-GB">Court work</span></h2>' in report
    assert intro in report
    assert intro in _page(tmp_path / "out", "cy/fragments/north-2025-cy.html")
    assert intro in _page(tmp_path / "out", "cy/practice-themes/court-work.html")
    with pikepdf.open(tmp_path / "out" / "reports" / "north-2025-cy.pdf") as pdf:
        marked = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                  and o.get("/S") == "/Div" and str(o.get("/Lang", "")) == "en-GB"]
    assert marked  # the intro's <div lang="en-GB">
    assert '<div lang="en-GB">' not in _page(tmp_path / "out", "reports/north-2025.html")


def test_a_welsh_section_without_a_welsh_example_is_warned_of_and_left_out(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """As in English: ``spotlight check`` says so, and the report shows no heading and intro
    with nothing after them; its count of practice themes agrees with the sections shown."""
    folder = _bilingual(site)
    overlay(folder, {"reports/north-2025-cy.yml": WELSH_REPORT + (
        "sections:\n  - practice_theme: resettlement\n  - practice_theme: court-work\n")})
    result = run("check", "--content", "site")
    assert ("site/reports/north-2025-cy.yml:12:5: warning: ref-empty: section 'resettlement' "
            "of report 'north-2025-cy' has no examples in Welsh: it is left out of the "
            "published report; add one, or remove the section") in result.output
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    html = _page(tmp_path / "out", "reports/north-2025-cy.html")
    page = Page(html)
    assert [s.attrs["id"] for s in page.find_all("section", class_="practice-theme")] == [
        "court-work"]
    assert "Resettlement" not in html
    assert "<dd>1, ar draws 1 thema ymarfer</dd>" in html


def test_spotlight_check_reads_a_welsh_report_as_it_does_an_english_one(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _bilingual(site)
    overlay(folder, {"reports/north-2025-cy.yml": WELSH_REPORT.replace(
        "  Y cyflwyniad.", "  Y cyflwyniad, a [dolen](dim-yma.html).")
        + "references:\n  - key: safonau\n    text: Safonau arolygu.\n"})
    result = run("check", "--content", "site")
    found = [line.split(": ")[0] + ": " + line.split(": ")[2] for line in
             result.output.splitlines() if "north-2025-cy.yml" in line]
    assert found == ["site/reports/north-2025-cy.yml:2:1: translation-names",  # its names
                     "site/reports/north-2025-cy.yml:10:27: ref-link",
                     "site/reports/north-2025-cy.yml:12:5: ref-uncited"]
