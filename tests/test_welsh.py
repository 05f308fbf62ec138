"""A site, a page and a PDF in Welsh are Welsh throughout: labels, dates, plurals, the page
numbers of the PDF and its language."""

from __future__ import annotations

import html
import re
from pathlib import Path

from spotlight.i18n.extract import read_catalogue

from .conftest import overlay, run


def _text(page: str) -> str:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _english_messages() -> list[str]:
    """The interface's English sentences and labels of two words or more, as a reader sees
    them, where Welsh says something else."""
    found = []
    for message in read_catalogue("cy"):
        if not message.id or message.pluralizable or message.id == message.string:
            continue
        for part in re.split(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>", message.id):
            part = part.strip(" :;,.()")
            if len(part.split()) >= 2:
                found.append(part)
    return found


def _welsh_site(site) -> Path:  # type: ignore[no-untyped-def]
    folder = site("minimal")
    text = (folder / "site.yml").read_text(encoding="utf-8")
    overlay(folder, {"site.yml": text.replace("language: en-GB", "language: cy")})
    return folder


def test_a_welsh_site_speaks_welsh_on_every_page(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _welsh_site(site)
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    out = tmp_path / "out"
    pages = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
             for p in out.rglob("*.html")}
    english = _english_messages()
    assert len(english) > 50
    for path, page in pages.items():
        assert '<html lang="cy">' in page, path
        text = _text(page)
        assert [m for m in english if m in text] == [], path
        assert "Neidio i’r prif gynnwys" in text
    report = _text(pages["reports/north-2025.html"])
    for label in ("Cynnwys", "Yn ôl i’r brig", "Canlyniad", "Cyflwyniad", "Gwaith maes",
                  "Enghraifft o effeithiolrwydd: First case"):
        assert label in report
    assert "Cyhoeddwyd 1 Mehefin 2025" in report
    assert "6 Ionawr 2025 i 14 Chwefror 2025" in report
    assert "Mehefin" in _text(pages["index.html"])
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert 'xml:lang="cy"' in feed and "Adroddiadau newydd gan Test Inspectorate" in feed


def test_the_search_script_gets_welsh_messages_and_plural_forms(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _welsh_site(site)
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    page = (tmp_path / "out" / "search" / "index.html").read_text(encoding="utf-8")
    messages = html.unescape(re.search(r"data-messages='([^']*)'", page).group(1))
    import json

    found = json.loads(messages)
    assert sorted(found["found"]) == ["few", "many", "one", "other", "two", "zero"]
    assert found["found"]["one"] == "Wedi dod o hyd i {count} enghraifft"
    assert found["too_short"] == "Teipiwch air o dair llythyren neu fwy"
