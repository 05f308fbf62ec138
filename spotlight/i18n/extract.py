"""The messages of the interface, gathered from where they are written, and the catalogues kept
up to date with them.

Run ``python3 -m spotlight.i18n.extract`` after changing a message in a template, a
stylesheet's template or the Python: each language's ``.po`` file gains the new messages
(untranslated, for a translator to fill in) and loses those no longer used; then it says how
many messages each language still lacks. The tests fail while any is missing.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from . import DOMAIN, LANGUAGES, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parent.parent
#: The built-in visual theme's templates: inside the installed package, or the source tree.
TEMPLATES = next(p for p in (PACKAGE / "themes" / "default" / "templates",
                             PACKAGE.parent / "themes" / "default" / "templates") if p.is_dir())

#: The functions that mark a message in the templates: gettext's, and ``js_plural`` (the forms
#: of a plural message for a script; see site/environment.py).
TEMPLATE_KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2),
                     "pgettext": ((1, "c"), 2), "js_plural": (1, 2)}
#: In the Python, ``i18n.gettext`` and its kin take the language first; ``N_`` marks a message
#: that is translated where it is shown.
PYTHON_KEYWORDS = {"N_": None, "gettext": (2,), "ngettext": (2, 3), "pgettext": ((2, "c"), 3)}


def template_messages() -> Catalog:
    """Every message of the built-in visual theme's templates and the package's Python."""
    catalog = Catalog(domain=DOMAIN, project="spotlight", charset="utf-8")
    for path, line, message, comments, context in _extracted():
        catalog.add(message, locations=[(path, line)], auto_comments=comments, context=context)
    return catalog


def _extracted() -> Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]]:
    templates = TEMPLATES
    method_map = [("**.html", "jinja2"), ("**.xml", "jinja2"), ("**.txt", "jinja2")]
    options = {"**": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}
    for name, line, message, comments, context in extract_from_dir(
            templates, method_map, options, TEMPLATE_KEYWORDS, comment_tags=("Translators:",)):
        yield f"templates/{name}", line, message, comments, context
    for name, line, message, comments, context in extract_from_dir(
            PACKAGE, [("**.py", "python")], {}, PYTHON_KEYWORDS, comment_tags=("Translators:",)):
        yield f"spotlight/{name}", line, message, comments, context


def catalogue_path(language: str) -> Path:
    """The ``.po`` file of ``language``."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(language: str) -> Catalog:
    """The catalogue of ``language`` as its ``.po`` file has it."""
    with catalogue_path(language).open("rb") as source:
        return read_po(source, locale=language, domain=DOMAIN)


def untranslated(catalog: Catalog, wanted: Catalog) -> list[str]:
    """The messages of ``wanted`` that ``catalog`` does not translate (or only fuzzily)."""
    missing = []
    for message in wanted:
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        strings = found.string if found else None
        texts = strings if isinstance(strings, tuple) else (strings,)
        if found is None or found.fuzzy or not all(texts):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update() -> dict[str, list[str]]:
    """Bring every catalogue up to date with the messages; what each still lacks."""
    wanted = template_messages()
    lacking = {}
    for language in LANGUAGES:
        if language == "en":
            continue
        catalog = read_catalogue(language)
        created = catalog.creation_date
        catalog.update(wanted, no_fuzzy_matching=True)
        catalog.creation_date = created  # the file changes only when its messages do
        catalog.obsolete.clear()
        written = io.BytesIO()
        write_po(written, catalog, width=100, omit_header=False, sort_output=False)
        if written.getvalue() != catalogue_path(language).read_bytes():
            catalogue_path(language).write_bytes(written.getvalue())
        lacking[language] = untranslated(catalog, wanted)
    return lacking


def main() -> int:
    """Update the catalogues; say what is left to translate."""
    lacking = update()
    for language, missing in lacking.items():
        print(f"{catalogue_path(language)}: {len(missing)} message(s) to translate")
        for message in missing:
            print(f"  {message}")
    return 1 if any(lacking.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
