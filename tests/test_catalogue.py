"""The interface's words go through the message catalogue, and Welsh has every one of them.

After changing a message, update the catalogues with ``python3 -m spotlight.i18n.extract``
and translate what it lists.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest

from spotlight import i18n
from spotlight.i18n.extract import TEMPLATES, read_catalogue, template_messages, untranslated

from .conftest import REPO

THEME = REPO / "themes" / "default"
GETTEXT = {"_", "gettext", "ngettext", "pgettext", "js_plural"}
#: Words a template may hold outside a message: names, and values machines read.
NOT_PROSE = {"spotlight", "article", "website"}  # the generator; og:type values
#: Attributes a reader hears or sees.
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "label"}


def test_every_message_has_a_welsh_translation() -> None:
    wanted = template_messages()
    assert len([m for m in wanted if m.id]) > 100  # the templates' messages, found
    assert untranslated(read_catalogue("cy"), wanted) == []


def test_welsh_plural_messages_have_six_forms_from_cldr() -> None:
    catalog = read_catalogue("cy")
    assert catalog.num_plurals == 6
    plurals = [m for m in catalog if m.id and m.pluralizable]
    assert plurals and all(len(m.string) == 6 and all(m.string) for m in plurals)
    # zero, one, two, few, many, other
    assert i18n.plural_samples("cy") == {"zero": 0, "one": 1, "two": 2, "few": 3, "other": 4,
                                         "many": 6}
    assert [i18n.ngettext("cy", "%(num)d page", "%(num)d pages", n) % {"num": n}
            for n in (0, 1, 2, 3, 6, 11)] == [f"{n} tudalen" for n in (0, 1, 2, 3, 6, 11)]
    assert i18n.ngettext("en-GB", "%(num)d page", "%(num)d pages", 1) == "%(num)d page"


def test_one_example_of_a_collection_is_the_example_in_both_languages() -> None:
    """A practice-theme PDF of one example says "the example", not "the 1 example"."""
    one = ("This collection gathers the example of effective practice in %(practice_theme)s "
           "from this Effective Practice Spotlight:")
    many = ("This collection gathers the %(num)d examples of effective practice in "
            "%(practice_theme)s from this Effective Practice Spotlight:")

    def said(language: str, count: int) -> str:
        return i18n.ngettext(language, one, many, count) % {"num": count,
                                                            "practice_theme": "X"}

    assert said("en-GB", 1) == one.replace("%(practice_theme)s", "X")
    assert said("en-GB", 3).startswith("This collection gathers the 3 examples")
    assert said("cy", 1) == ("Mae’r casgliad hwn yn dwyn ynghyd yr enghraifft o arfer "
                             "effeithiol ym maes X o’r Sbotolau Arfer Effeithiol hwn:")
    assert said("cy", 3).startswith("Mae’r casgliad hwn yn dwyn ynghyd y 3 enghraifft")


def test_dates_are_written_in_the_page_language_from_cldr() -> None:
    assert i18n.long_date(dt.date(1992, 3, 14), "cy") == "14 Mawrth 1992"
    assert i18n.long_date(dt.date(2025, 2, 1), "cy-GB") == "1 Chwefror 2025"
    assert i18n.long_date(dt.date(2025, 2, 24), "en-GB") == "24 February 2025"
    assert i18n.long_date(dt.date(2025, 2, 24), "fr") == "24 February 2025"  # no catalogue


@pytest.mark.parametrize("language", ["en", "en-GB", "fr"])
def test_english_dates_are_written_as_cldr_writes_them(language: str) -> None:
    """English dates are written without Babel, as its British English ``d MMMM y`` is."""
    from babel.dates import format_date

    for value in (dt.date(2000 + month, month, day) for month in range(1, 13)
                  for day in (1, 9, 10, 28)):
        assert i18n.long_date(value, language) == format_date(value, "d MMMM y",
                                                              locale="en_GB")
    assert i18n.long_date(dt.date(5, 1, 2), language) == format_date(
        dt.date(5, 1, 2), "d MMMM y", locale="en_GB")


class _Text(HTMLParser):
    """The text and the read attributes of a template whose Jinja code is blanked out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        values = dict(attrs)
        self.found.extend(v for k, v in attrs if k in READ_ATTRIBUTES and v)
        if tag == "meta" and (values.get("name") == "description" or values.get("property") in (
                "og:title", "og:description", "og:site_name")):
            self.found.append(values.get("content") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.found.append(data)


def _templates() -> list[Path]:
    return sorted(p for p in TEMPLATES.rglob("*") if p.suffix in (".html", ".xml"))


def _english(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z’']+", text) if w not in NOT_PROSE]


@pytest.mark.parametrize("path", _templates(), ids=lambda p: p.relative_to(TEMPLATES).as_posix())
def test_no_english_left_in_templates_outside_messages(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    blanked = re.sub(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", " ", source, flags=re.DOTALL)
    parser = _Text()
    parser.feed(blanked)
    assert [w for text in parser.found for w in _english(text)] == []
    # Nor in the templates' code: a string a reader sees is an argument of a gettext call.
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    calls: list[str | None] = []
    last = None
    prose = []
    for _, kind, value in env.lex(source):
        if (kind, value) == ("operator", "("):
            calls.append(last)
        elif (kind, value) == ("operator", ")") and calls:
            calls.pop()
        elif kind == "string" and not (calls and calls[-1] in GETTEXT) and (
                re.search(r"[A-Z][a-z]|[a-z] [a-z]", value)):
            prose.append(value)
        last = value if kind == "name" else None
    assert prose == []


def test_no_english_in_stylesheet_content() -> None:
    for sheet in sorted((THEME / "static").glob("*.css")):
        for rule in re.findall(r"content:\s*([^;}]+)", sheet.read_text(encoding="utf-8")):
            strings = re.findall(r'"([^"]*)"', rule)
            assert [s for s in strings if re.search("[A-Za-z]", s)] == [], (sheet.name, rule)


def test_the_catalogue_is_read_from_its_po_file_not_a_compiled_copy() -> None:
    folder = REPO / "spotlight" / "locale" / "cy" / "LC_MESSAGES"
    assert sorted(p.name for p in folder.iterdir()) == ["spotlight.po"]
    assert i18n.gettext("cy", "Back to top") == "Yn ôl i’r brig"
    assert i18n.gettext("cy", "Contents") == "Cynnwys"
    assert i18n.pgettext("cy", "Page 3 of 10", "Page") == "Tudalen"
    assert i18n.gettext("en-GB", "Back to top") == "Back to top"
