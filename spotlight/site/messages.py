"""The interface's messages in templates: ``_`` (``gettext``), ``ngettext`` and ``pgettext``,
looked up in the catalogue of the page's language (see spotlight/i18n).

They do what the callables of Jinja's i18n extension do in its "newstyle" (translate; mark
the translation safe where the template autoescapes; format it with the variables, which are
escaped), but in one call where Jinja makes four, and a message without variables is
translated and formatted once per language and kept: a build asks for tens of thousands of
messages, nearly all of them the same few dozen labels.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from markupsafe import Markup

from .. import i18n


def page_language(context: jinja2.runtime.Context | Mapping[str, Any]) -> str:
    """The language of the page a template renders: its ``lang``, else the site's."""
    lang = lookup(context, "lang")
    if isinstance(lang, str) and lang:
        return lang
    site = lookup(context, "site")
    return str(getattr(site, "language", "en"))


def lookup(context: jinja2.runtime.Context | Mapping[str, Any], name: str) -> Any:
    """``context.get(name)``: the variable ``name`` of a template's context (or a mapping),
    None where there is none. Read as ``Context.resolve_or_missing`` reads it, in one step:
    templates ask for the page's language tens of thousands of times a build."""
    if type(context) is jinja2.runtime.Context:
        local = context.vars
        if name in local:
            return local[name]
        return context.parent.get(name)
    return context.get(name)


def callables() -> dict[str, Callable[..., Any]]:
    """The message callables to install as a template environment's globals, by name: each
    environment its own, with its own cache."""
    # (language, autoescape, message) -> the message without variables, translated and
    # formatted as Jinja formats it (so "%%" is "%").
    plain: dict[tuple[str, bool, str], str] = {}
    counted: dict[tuple[str, bool, str, str, int], str] = {}

    @jinja2.pass_context
    def gettext(__context: jinja2.runtime.Context, __string: str, **variables: Any) -> str:
        lang = page_language(__context)
        autoescape = __context.eval_ctx.autoescape
        if not variables:
            key = (lang, autoescape, __string)
            found = plain.get(key)
            if found is None:
                found = plain[key] = _format(i18n.gettext(lang, __string), autoescape, {})
            return found
        return _format(i18n.gettext(lang, __string), autoescape, variables)

    @jinja2.pass_context
    def ngettext(__context: jinja2.runtime.Context, __singular: str, __plural: str,
                 __num: int, **variables: Any) -> str:
        lang = page_language(__context)
        autoescape = __context.eval_ctx.autoescape
        if not variables and type(__num) is int:
            key = (lang, autoescape, __singular, __plural, __num)
            found = counted.get(key)
            if found is None:
                found = counted[key] = _format(
                    i18n.ngettext(lang, __singular, __plural, __num), autoescape,
                    {"num": __num})
            return found
        variables.setdefault("num", __num)
        return _format(i18n.ngettext(lang, __singular, __plural, __num), autoescape, variables)

    @jinja2.pass_context
    def pgettext(__context: jinja2.runtime.Context, __string_ctx: str, __string: str,
                 **variables: Any) -> str:
        variables.setdefault("context", __string_ctx)
        return _format(i18n.pgettext(page_language(__context), __string_ctx, __string),
                       __context.eval_ctx.autoescape, variables)

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext, "pgettext": pgettext}


def _format(translated: str, autoescape: bool, variables: Mapping[str, Any]) -> str:
    """A translation formatted as Jinja's newstyle gettext formats it: always, even without
    variables; marked safe, with the variables escaped, where the template autoescapes."""
    return (Markup(translated) if autoescape else translated) % variables
