"""What a screen reader reads in which language: on a Welsh page, only the site file's names
that it gives in English alone (and the like) are marked English, never a Welsh word of the
page; on an English page of a site whose main language is Welsh, the same the other way.

Each page is read as a screen reader reads it: every piece of text in the language of the
nearest element that says one (``lang``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml

from .conftest import SAMPLE, overlay, run
from .pdf_content import content_texts
from .welsh_fixtures import WELSH_REPORT, welsh_example

VOID = {"meta", "link", "img", "br", "hr", "input", "source", "col", "area", "base", "wbr"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class _Voices(HTMLParser):
    """Each piece of text of a page's body with the language it is read in (the head's
    title is the window's, whose language browsers do not pass on)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.voices: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not data.strip() or any(tag in ("head", "script", "style") for tag, _ in self.stack):
            return
        lang = next((lang for _, lang in reversed(self.stack) if lang), "")
        self.voices.append((" ".join(data.split()), lang))


def voices(html: str) -> list[tuple[str, str]]:
    """(text, language) of each piece of text of a page."""
    parser = _Voices()
    parser.feed(html)
    return parser.voices


def _pages(out: Path, language: str) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Each page of the built site in ``language`` ("cy" or "en"), with its voices."""
    for path in sorted(out.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        found = re.search(r'<html[^>]* lang="([^"]+)"', html)
        if found and found.group(1).split("-")[0] == language:
            yield path.relative_to(out).as_posix(), voices(html)


def _strings(value: Any, leave_out: str) -> Iterator[str]:
    """Every text a site file's data holds, without its ``leave_out`` key (its other
    language's words)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "glossary" and isinstance(item, dict):
                yield from item  # its abbreviations
            if key != leave_out:
                yield from _strings(item, leave_out)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, leave_out)
    elif isinstance(value, str):
        yield value


def _site(folder: Path) -> dict[str, Any]:
    return yaml.safe_load((folder / "site.yml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _vocabulary(folder: Path, leave_out: str, extra: str = "") -> set[str]:
    """The words of the site file in its main language, and of ``extra``."""
    text = " ".join(_strings(_site(folder), leave_out)) + " " + extra
    return {w.lower() for w in WORD.findall(text)}


def _names(folder: Path, other: str) -> set[str]:
    """The names of the site file that it gives in no ``other`` language: its title and
    organisation, practice themes, standards, regions, PDUs and sentence types."""
    data = _site(folder)
    given = data.get(other) or {}
    names: set[str] = set()
    for key in ("title", "organisation"):
        if not given.get(key):
            names.add(data[key])
    for key, slug, name in (("practice_themes", "slug", "title"),
                            ("regions", "slug", "name"),
                            ("sentence_types", "slug", "name")):
        translated = {item[slug] for item in given.get(key, ())}
        names |= {item[name] for item in data.get(key, ()) if item[slug] not in translated}
    pdus = {item["slug"] for item in given.get("pdus", ())}
    names |= {p["name"] for r in data.get("regions", ()) for p in r.get("pdus", ())
              if p["slug"] not in pdus}
    standards = {item["code"] for item in given.get("standards", ())}
    for standard in data.get("standards", ()):
        if standard["code"] not in standards:
            names |= {standard["title"], f"{standard['code']} {standard['title']}"}
    return names


def _check(out: Path, folder: Path, page_language: str, other: str, tag: str,
           switch: str, extra: str = "") -> None:
    """On the pages in ``page_language``: what is read in the site file's main language
    (``tag``) is made of its words (or is the language switch's ``switch``); and each of its
    names without a translation is read in that language."""
    vocabulary = _vocabulary(folder, other, extra) | {switch.lower()}
    names = _names(folder, other)
    checked = 0
    for path, read in _pages(out, page_language):
        for text, lang in read:
            if lang.split("-")[0] == tag.split("-")[0]:
                strange = [w for w in WORD.findall(text) if w.lower() not in vocabulary]
                assert not strange, f"{path}: {text!r} is marked {lang}"
            elif text in names:
                raise AssertionError(f"{path}: {text!r} is not marked {tag} but {lang}")
        checked += 1
    assert checked > 5


def _nothing_marked(out: Path, page_language: str, tag: str, allowed: set[str]) -> None:
    """On the pages in ``page_language``, nothing is read in ``tag`` but ``allowed`` (the
    language switch), except on the page-not-found page, which says so in each language."""
    for path, read in _pages(out, page_language):
        if path != "404.html":
            assert not [text for text, lang in read
                        if lang.split("-")[0] == tag and text not in allowed], path


def _english_reports(folder: Path) -> str:
    """The references of the English reports, which a Welsh report may keep word for word."""
    return " ".join(p.read_text(encoding="utf-8") for p in (folder / "reports").glob("*.yml")
                    if "language: cy" not in p.read_text(encoding="utf-8"))



WELSH_EXAMPLE = welsh_example("""Cwblhaodd Ann ei gorchymyn yn gynnar, gyda chymorth ei PP.

## Canlyniad

Cwblhaodd Ann ei gorchymyn.
""")


@pytest.mark.parametrize("words", ["", "cy:\n  title: Sbotoleuadau Prawf\n  practice_themes:\n"
                                   "    - slug: court-work\n      title: Gwaith llys\n"],
                         ids=["no-welsh-names", "some-welsh-names"])
def test_welsh_pages_mark_english_only_what_is_english(
        site, tmp_path: Path, words: str) -> None:  # type: ignore[no-untyped-def]
    """As in the trial: a site file that says ``languages: [en, cy]`` with no Welsh names (or
    a few), a Welsh report and example. The breadcrumbs' "Adroddiadau", the standards' codes
    and every other word of the interface are Welsh, unmarked; the site file's names are
    English, marked."""
    folder = site("minimal")
    text = (folder / "site.yml").read_text(encoding="utf-8")
    overlay(folder, {"site.yml": text + "languages: [en, cy]\ntranslations: warning\n" + words,
                     "reports/north-2025-cy.yml": WELSH_REPORT,
                     "examples/achos-cyntaf.md": WELSH_EXAMPLE})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    report = (out / "reports" / "north-2025-cy.html").read_text(encoding="utf-8")
    assert ('<a class="breadcrumbs__link" href="../cy/index.html#reports">Adroddiadau</a>'
            in report)
    assert '<li class="breadcrumbs__item" aria-current="page"><span lang="en-GB">North</span>' \
        in report
    _check(out, folder, "cy", "cy", "en-GB", "English")
    _nothing_marked(out, "en", "cy", {"Cymraeg"})


def test_the_sample_sites_welsh_pages_mark_english_only_what_is_english(
        sample_build: Path) -> None:
    """The sample content's Welsh report (westvale-2026-cy) and its Welsh pages: its site
    file gives Welsh names for nearly everything."""
    report = (sample_build / "reports" / "westvale-2026-cy.html").read_text(encoding="utf-8")
    assert '<a class="breadcrumbs__link" href="../cy/index.html#reports">Adroddiadau</a>' \
        in report
    _check(sample_build, SAMPLE, "cy", "cy", "en-GB", "English", _english_reports(SAMPLE))
    _nothing_marked(sample_build, "en", "cy", {"Cymraeg"})


ENGLISH_REPORT = """title: North probation spotlight
language: en
translation_of: north-2025
region: north
fieldwork:
  start: 2025-01-06
  end: 2025-02-14
published: 2025-06-01
introduction: |
  The introduction.
"""

ENGLISH_EXAMPLE = """---
title: English first case
language: en
translation_of: first-case
reports: [north-2025-en]
practice_theme: court-work
region: north
pdu: north-city
standards: ["2.1"]
sentence_type: community-order
---
Ann finished her order early.

## Outcome

Ann finished her order.
"""


def test_english_pages_of_a_welsh_site_mark_welsh_only_what_is_welsh(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A site whose main language is Welsh, with an English edition and no ``en:`` names:
    its English pages mark the site file's (Welsh) names as Welsh, and only them."""
    folder = site("minimal")
    text = (folder / "site.yml").read_text(encoding="utf-8")
    overlay(folder, {"site.yml": text.replace("language: en-GB", "language: cy")
                     + "languages: [cy, en]\ntranslations: warning\n",
                     "reports/north-2025-en.yml": ENGLISH_REPORT,
                     "examples/english-first-case.md": ENGLISH_EXAMPLE})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    report = (out / "reports" / "north-2025-en.html").read_text(encoding="utf-8")
    assert '<a class="breadcrumbs__link" href="../en/index.html#reports">Reports</a>' in report
    _check(out, folder, "en", "en", "cy", "Cymraeg")
    _nothing_marked(out, "cy", "en", {"English"})


def _marked(path: Path, tag: str) -> list[str]:
    """The text of each structure element of a tagged PDF whose /Lang is ``tag``."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        texts = content_texts(pdf, Counter(), Counter())
        found: list[str] = []

        def text_of(element: pikepdf.Object, page: int | None) -> str:
            if "/Pg" in element:
                page = pages.get(element.Pg.objgen, page)
            kids = element.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
            parts = []
            for kid in kids:
                if isinstance(kid, int) and page is not None:
                    parts.append(texts.get((page, int(kid)), ""))
                elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
                    at = pages.get(kid.Pg.objgen, page) if "/Pg" in kid else page
                    parts.append(texts.get((at, int(kid.MCID)), "") if at is not None else "")
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    parts.append(text_of(kid, page))
            return "".join(parts)

        for obj in pdf.objects:
            if (isinstance(obj, pikepdf.Dictionary) and "/S" in obj
                    and str(obj.get("/Lang", "")) == tag):
                found.append(" ".join(text_of(obj, None).split()))
        return found


def test_welsh_pdfs_mark_english_only_what_is_english(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A Welsh report's PDF and its practice theme's collection, the theme's name and the
    glossary left in English: they are marked English wherever shown (the name lower-cased
    in the collection's introduction too); the rest is Welsh."""
    folder = site("minimal")
    text = (folder / "site.yml").read_text(encoding="utf-8")
    overlay(folder, {"site.yml": text + "languages: [en, cy]\ntranslations: warning\n"
                     "cy:\n  title: Sbotoleuadau Prawf\n  regions:\n    - slug: north\n"
                     "      name: Gogledd\n",
                     "reports/north-2025-cy.yml": WELSH_REPORT,
                     "examples/achos-cyntaf.md": WELSH_EXAMPLE})
    result = run("build", "--content", "site", "--out", "out", "--no-handouts")
    assert result.exit_code == 0, result.output
    vocabulary = _vocabulary(folder, "cy")
    for pdf in ("reports/north-2025-cy.pdf", "cy/practice-themes/court-work.pdf"):
        marked = _marked(tmp_path / "out" / pdf, "en-GB")
        assert "Court work" in marked, pdf
        for words in marked:
            assert all(w.lower() in vocabulary for w in WORD.findall(words)), (pdf, words)
    assert "court work" in _marked(tmp_path / "out" / "cy/practice-themes/court-work.pdf", "en-GB")
    # The glossary's abbreviation whose expansion is in English is English too.
    marked = _marked(tmp_path / "out" / "reports/north-2025-cy.pdf", "en-GB")
    assert "PP" in marked and "probation practitioner" in marked
