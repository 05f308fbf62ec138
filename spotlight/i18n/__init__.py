"""The words of the interface in each language: gettext catalogues, dates and plurals.

Every string spotlight shows a reader (a label, a heading, a month, "3 examples") is written
in English in the templates, the stylesheets and the Python, marked for translation, and
looked up here in the catalogue of the page's language: ``spotlight/locale/<lang>/LC_MESSAGES/
spotlight.po``. The catalogue is read from its ``.po`` file with Babel when first needed (no
compiled ``.mo`` is kept beside it, so the file a translator edits is the one that counts).
Dates and plural rules come from the Unicode CLDR through Babel: Welsh has six plural forms
(zero, one, two, few, many, other).

English is the language the messages are written in, so it needs no catalogue. Any language
without a catalogue is shown the English interface.

Owns: looking messages, dates and plural forms up (this module); gathering the messages from
the templates and the Python, and keeping the catalogues up to date with them (extract.py);
the catalogues themselves are in ``spotlight/locale/``.
May import: nothing of spotlight's: it is part of the foundation.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
import io
from collections.abc import Iterable
from pathlib import Path

#: Where the catalogues are, one folder per language, as gettext lays them out.
LOCALE_DIR = Path(__file__).parent.parent / "locale"
DOMAIN = "spotlight"
#: The languages of the interface: English (the source) and those with a catalogue.
LANGUAGES = ("en", "cy")
#: What each language is called in itself, for the switch between a page and its translation.
NAMES = {"en": "English", "cy": "Cymraeg"}


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is written; it is translated when shown."""
    return message


def interface_language(tag: str | None) -> str:
    """The interface language of a content language tag: ``cy`` for ``cy``/``cy-GB``,
    otherwise ``en``."""
    primary = (tag or "").split("-")[0].lower()
    return primary if primary in LANGUAGES else "en"


@functools.cache
def translations(language: str) -> _gettext.NullTranslations:
    """The catalogue of ``language`` (a tag such as ``cy`` or ``en-GB``), read once."""
    lang = interface_language(language)
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == "en" or not po.is_file():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def gettext(language: str, message: str) -> str:
    """``message`` in ``language``."""
    return translations(language).gettext(message)


def pgettext(language: str, context: str, message: str) -> str:
    """``message`` in ``language``, where the same English may be translated in more than one
    way: ``context`` says where it is used."""
    return translations(language).pgettext(context, message)


def ngettext(language: str, singular: str, plural: str, count: int) -> str:
    """The form of a message that suits ``count``, by the CLDR plural rules of ``language``."""
    return translations(language).ngettext(singular, plural, count)


@functools.cache
def plural_samples(language: str) -> dict[str, int]:
    """A number of each CLDR plural category of ``language``: {"one": 1, "other": 0} in
    English; Welsh has zero, one, two, few, many and other."""
    from babel import Locale

    locale = Locale.parse(_babel_locale(language))
    samples: dict[str, int] = {}
    for count in (*range(0, 30), 100, 1000, 1000000):
        samples.setdefault(locale.plural_form(count), count)
    return samples


#: The months as the CLDR writes them in British English (Babel's ``en_GB``, "d MMMM y"):
#: English dates need neither Babel nor its locale data, 20 ms of CPU to load.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@functools.lru_cache(maxsize=4096)
def long_date(value: dt.date, language: str) -> str:
    """24 February 2025 in English, 24 Chwefror 2025 in Welsh: whatever the machine's locale."""
    value.day  # noqa: B018 - anything but a date fails here, saying what it lacks
    if interface_language(language) == "en":
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date

    return format_date(value, "d MMMM y", locale=_babel_locale(language))


def load_dates(languages: Iterable[str]) -> None:
    """Load what formatting a date in each of ``languages`` needs (Babel's dates and the
    locale's data: 20 to 30 ms of CPU; none for English), before forked workers render pages:
    loaded once, in the process they copy, not again in each."""
    for language in sorted(set(languages)):
        long_date(dt.date(2000, 1, 1), language)


def _babel_locale(language: str) -> str:
    lang = interface_language(language)
    return "en_GB" if lang == "en" else lang
