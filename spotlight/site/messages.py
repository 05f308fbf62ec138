"""The interface's messages in templates: ``_`` (``gettext``), ``ngettext`` and ``pgettext``,
looked up in the catalogue of the page's language (see spotlight/i18n).

They do what the callables of Jinja's i18n extension do in its "newstyle" (translate; mark
the translation safe where the template autoescapes; format it with the variables, which are
escaped), but in one call where Jinja makes four, and a message without variables is
translated and formatted once per language and kept: a build asks for tens of thousands of
messages, nearly all of them the same few dozen labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
import markupsafe
from markupsafe import Markup

from .. import i18n

#: ``str(markupsafe.escape(text))`` of a ``str``, without making a ``Markup`` where
#: markupsafe has the function that does it.
_escape_inner: Callable[[str], str] = getattr(markupsafe, "_escape_inner", None) or (
    lambda text: str(markupsafe.escape(text)))


def page_language(context: jinja2.runtime.Context | Mapping[str, Any]) -> str:
    """The language of the page a template renders: its ``lang``, else the site's."""
    if isinstance(context, jinja2.runtime.Context):  # ``lookup``, in one step
        local = context.vars
        lang = local["lang"] if "lang" in local else context.parent.get("lang")
    else:
        lang = context.get("lang")
    if isinstance(lang, str) and lang:
        return lang
    site = lookup(context, "site")
    return str(getattr(site, "language", "en"))


def lookup(context: jinja2.runtime.Context | Mapping[str, Any], name: str) -> Any:
    """``context.get(name)``: the variable ``name`` of a template's context (or a mapping),
    None where there is none. Read as ``Context.resolve_or_missing`` reads it, in one step:
    templates ask for the page's language tens of thousands of times a build."""
    if isinstance(context, jinja2.runtime.Context):
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
    if not autoescape:
        return translated % variables
    escaped = _escaped(translated, variables)
    if escaped is None:
        return Markup(translated) % variables
    return Markup(translated % escaped)


#: A conversion in a message: ``%%``, or ``%(name)`` and its flags and type.
_SPEC = re.compile(r"%(?:%|\(([^)]*)\)([#0 +\-]*[0-9*]*(?:\.[0-9*]*)?[a-zA-Z]?))")
#: translation -> {name: "s" or "d"} where each of its variables is written plainly so (see
#: ``_escaped``), else None.
_PLAIN: dict[str, dict[str, str] | None] = {}


def _plain(translated: str) -> dict[str, str] | None:
    """The variables of ``translated`` by name, each written with a plain ``%(name)s`` or
    ``%(name)d``; None where a '%' is anything else (a width, ``%r``, a name written both
    ways...)."""
    if translated in _PLAIN:
        return _PLAIN[translated]
    found: dict[str, str] | None = {}
    rest = _SPEC.sub("", translated)
    if "%" in rest:
        found = None
    for match in _SPEC.finditer(translated):
        name, kind = match.groups()
        if found is None or name is None:
            continue
        if kind not in ("s", "d") or found.setdefault(name, kind) != kind:
            found = None
    if len(_PLAIN) > 4096:
        _PLAIN.clear()
    _PLAIN[translated] = found
    return found


def _escaped(translated: str, variables: Mapping[str, Any]) -> dict[str, Any] | None:
    """What ``Markup(translated) % variables`` puts in, written out before: each variable
    the message shows, escaped as markupsafe escapes it (a number for ``%d``). None where
    that is not sure to be the same (a value of another kind): then markupsafe formats it.

    ``Markup.__mod__`` wraps each value in a helper whose ``str`` is the escaped value and
    whose ``int`` the value's; doing so here for the values a message shows, and only for
    text (which always has a ``str``) and ints, writes the same characters for less.
    """
    names = _plain(translated)
    if names is None:
        return None
    escaped: dict[str, Any] = {}
    for name, kind in names.items():
        if name not in variables:
            return None
        value = variables[name]
        cls = type(value)
        if kind == "d":
            if cls is not int:
                return None
        elif cls is str:
            value = _escape_inner(value)
        elif cls is int or cls is Markup:
            pass  # its str is its escaped text
        elif isinstance(value, str) and not hasattr(cls, "__html__"):
            value = _escape_inner(str(value))
        else:
            return None
        escaped[name] = value
    return escaped
