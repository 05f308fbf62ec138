"""The Jinja environment templates render in: sandboxed, autoescaping, StrictUndefined, over
a visual theme's lookup chain (see theme.py)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import uuid
from collections.abc import Callable

import jinja2
from jinja2.filters import do_lower
from markupsafe import Markup

from .. import i18n
from ..content.theme import ThemeLayer, VisualTheme
from . import messages
from .foreign import keeping
from .fragment import fragment
from .messages import lookup, page_language
from .sandbox import TemplateEnvironment

_PDF_LABEL = re.compile(r"PDF, ([0-9.]+) (MB|KB), ([0-9]+) pages?")
#: No attribute (see ``lang_of``), made once.
_NOTHING = Markup("")


def environment(theme: VisualTheme) -> TemplateEnvironment:
    """A sandboxed Jinja environment with autoescaping and StrictUndefined, over the theme chain.

    The sandbox keeps a template to the models it is given: no ``__class__`` or other private
    attribute, so a theme cannot reach Python's internals, the disk or the network.

    An override can extend the template it replaces with ``{% extends "!theme/report.html" %}``
    (the chosen theme's copy) or ``"!default/report.html"`` (the built-in one).
    """
    def loader(layer: ThemeLayer) -> jinja2.BaseLoader:
        return _LayerLoader(layer)

    prefixed = {f"!{layer.label}": loader(layer) for layer in theme.layers}
    if "!theme" not in prefixed:
        prefixed["!theme"] = prefixed["!default"]
    env = TemplateEnvironment(
        loader=jinja2.ChoiceLoader([*(loader(layer) for layer in theme.layers),
                                    jinja2.PrefixLoader(prefixed, delimiter="/")]),
        autoescape=_by_name(jinja2.select_autoescape(["html", "xml"], default_for_string=True)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
        auto_reload=False,  # the layers are read once, and never change while it renders
        extensions=["jinja2.ext.i18n"],
    )
    # Every message is looked up in the catalogue of the page's language, ``lang`` (see
    # spotlight/i18n.py); as Jinja's "newstyle" gettext does, the values put into a message
    # are escaped (see messages.py).
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    env.globals.update(messages.callables(), npgettext=None)
    env.filters["long_date"] = long_date
    env.filters["time"] = time_element
    env.filters["translate"] = _translate
    env.filters["site_text"] = site_text
    env.filters["label"] = _label
    env.filters["lower"] = _lower
    env.filters["iso_date"] = lambda d: d.isoformat()
    env.filters["figure"] = lambda number: f"{number:,}"  # 1,296: thousands grouped, as in reports
    env.filters["plural"] = plural
    env.filters["urn_uuid"] = lambda text: f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, text)}"
    env.globals["pdf_label"] = _pdf_label
    env.globals["has_pdf"] = _has_pdf
    env.globals["js_plural"] = _js_plural
    env.globals["site_lang"] = _site_lang
    env.globals["lang_of"] = _lang_of
    # What a page that is not in a bilingual site's other language has (see editions.py).
    env.globals["prefix"] = ""
    env.globals["alternates"] = ()
    env.globals["words_file"] = lambda lang: f"words-{lang}.json"
    env.globals["language_name"] = lambda lang: i18n.NAMES[i18n.interface_language(lang)]
    env.filters["fragment"] = fragment
    env.trust(*(value for value in env.globals.values() if callable(value)))
    return env


def _by_name(autoescape: Callable[[str | None], bool]) -> Callable[[str | None], bool]:
    """``autoescape``, asked once for each template name: Jinja asks it for every context it
    makes (each page and each include)."""
    known: dict[str | None, bool] = {}

    def by_name(name: str | None) -> bool:
        found = known.get(name)
        if found is None:
            found = known[name] = autoescape(name)
        return found

    return by_name


@functools.cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja's own cache of compiled templates, in a folder of the system's temporary folder
    that only this user may use (Jinja checks): a build compiles only templates that changed.
    None where that folder cannot be made."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


@jinja2.pass_context
def _translate(context: jinja2.runtime.Context, message: str) -> str:
    """A message the Python wrote (marked there with ``N_``), in the page's language. Unlike
    ``_``, it formats nothing: safe on text that may hold a '%'."""
    translated = i18n.gettext(page_language(context), str(message))
    return Markup(translated) if isinstance(message, Markup) else translated


def _foreign(context: jinja2.runtime.Context, text: str) -> str | None:
    """The language of a text of the site file, where it is not the page's; else None.

    Only a name the site file gives in no other language says it is in another language
    (``Foreign``, see foreign.py): any other text is the page's own, whether a word of the
    interface (translated) or a name the site file gives in the page's language."""
    written = getattr(text, "lang", None)
    if written is None:
        return None
    return None if _same_language(written, page_language(context)) else written


def _same_language(one: str, other: str) -> bool:
    """Whether two language tags are of the same language ("en-GB" and "en")."""
    return one == other or one.split("-")[0].lower() == other.split("-")[0].lower()


@jinja2.pass_context
def site_text(context: jinja2.runtime.Context, text: str) -> str | Markup:
    """Text of the site file, marked with its language (``<span lang="en-GB">``) on a page in
    another language, so that a screen reader pronounces it as written."""
    other = _foreign(context, text)
    if other is None:
        return text
    return Markup('<span lang="%s">%s</span>') % (other, text)


def _lower(text: str) -> str:
    """Jinja's ``lower``, that keeps the language of a name the site file gives only in
    another language (``Foreign``), so that ``site_text`` still marks it."""
    lowered = do_lower(text)
    return keeping(lowered, text) if isinstance(text, str) else lowered


@jinja2.pass_context
def _lang_of(context: jinja2.runtime.Context, text: str) -> Markup:
    """` lang="en-GB"` for an element whose text is ``text`` of the site file, where that is
    not in the page's language (a link's text, which a span inside would split)."""
    other = _foreign(context, text)
    return Markup(' lang="%s"') % other if other else _NOTHING


@jinja2.pass_context
def _site_lang(context: jinja2.runtime.Context) -> Markup:
    """` lang="en-GB"` for an element holding the site file's text that no other language
    has (the logo's text, the accessibility statement's contact details), on a page in
    another language; nothing otherwise."""
    main = lookup(context, "main_lang")
    written = main if isinstance(main, str) and main else page_language(context)
    if _same_language(written, page_language(context)):
        return _NOTHING
    return Markup(' lang="%s"') % written


@jinja2.pass_context
def _label(context: jinja2.runtime.Context, message: str) -> str | Markup:
    """A label the Python wrote (see ``translate``), or a name from the site file: translated
    when the catalogue has it, else marked as the site file's text."""
    translated = _translate(context, message)
    return translated if str(translated) != str(message) else site_text(context, message)


@jinja2.pass_context
def time_element(context: jinja2.runtime.Context, value: dt.date) -> Markup:
    """A date as a ``<time>`` element, written out in the page's language."""
    if type(value) is dt.date:  # made once for each date and language
        return _date_element(value, page_language(context))
    return Markup('<time datetime="%s">%s</time>') % (
        value.isoformat(), i18n.long_date(value, page_language(context)))


@functools.lru_cache(maxsize=4096)
def _date_element(value: dt.date, language: str) -> Markup:
    return Markup('<time datetime="%s">%s</time>') % (
        value.isoformat(), i18n.long_date(value, language))


@jinja2.pass_context
def _js_plural(context: jinja2.runtime.Context, singular: str, plural: str) -> dict[str, str]:
    """A plural message for the page's scripts: its form for each CLDR plural category of the
    page's language ("one", "other"; Welsh also "zero", "two", "few", "many"), which a script
    picks with ``Intl.PluralRules``."""
    lang = page_language(context)
    return {category: i18n.ngettext(lang, singular, plural, count)
            for category, count in i18n.plural_samples(lang).items()}


@jinja2.pass_context
def _has_pdf(context: jinja2.runtime.Context, path: str) -> bool:
    """Whether the build has a PDF at ``path``."""
    return bool(context.environment.has_pdf(path))  # type: ignore[attr-defined]


@jinja2.pass_context
def _pdf_label(context: jinja2.runtime.Context, path: str) -> str:
    """"PDF, 1.2 MB, 30 pages" in the page's language."""
    english = context.environment.pdf_label(path)  # type: ignore[attr-defined]
    lang = page_language(context)
    if not (found := _PDF_LABEL.fullmatch(english)):
        return i18n.gettext(lang, english)
    size, unit, count = found.groups()
    pages = int(count)
    return i18n.gettext(lang, "PDF, %(size)s, %(pages)s") % {
        "size": f"{size} {unit}",
        "pages": i18n.ngettext(lang, "%(num)d page", "%(num)d pages", pages) % {"num": pages}}


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 example", "3 examples": the count and the English word, in the singular or the
    plural. The default templates use ``ngettext`` instead, which knows every language's
    plural forms; this filter is kept for visual themes that use it."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


@jinja2.pass_context
def long_date(context: jinja2.runtime.Context, value: dt.date) -> str:
    """24 February 2025 (or 24 Chwefror 2025 on a Welsh page), whatever the machine's locale."""
    return i18n.long_date(value, page_language(context))


class _LayerLoader(jinja2.BaseLoader):
    """Serves one layer's templates from memory, naming their files so errors can cite them."""

    def __init__(self, layer: ThemeLayer) -> None:
        self._templates = layer.templates

    def get_source(self, environment: jinja2.Environment, template: str):  # type: ignore[no-untyped-def]
        if template not in self._templates:
            raise jinja2.TemplateNotFound(template)
        source, path = self._templates[template]
        return source, str(path), lambda: True

    def list_templates(self) -> list[str]:
        return sorted(self._templates)
