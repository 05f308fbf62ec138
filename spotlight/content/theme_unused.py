"""An override folder's templates that change nothing: a file named as no template of the
visual theme is (``exmaple.html``, ``header.html``) and that no other template of the
override brings in with ``{% include %}``, ``{% extends %}`` or ``{% import %}``."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator, Mapping

import jinja2
from jinja2 import meta

from . import suggest

#: Where a part of every page is, for a file named after it.
_PARTS = {"header": "the page header is the block 'header' of 'base.html'",
          "footer": "the page footer is the block 'footer' of 'base.html'",
          "head": "what goes in a page's <head> is the block 'head' of 'base.html'",
          "nav": "the navigation is 'partials/site_nav.html'",
          "navigation": "the navigation is 'partials/site_nav.html'"}


def unused_templates(override: Mapping[str, str], known: Iterable[str]) -> Iterator[
        tuple[str, str]]:
    """(name, message) for each template of the override (name -> source) that no page uses:
    not a template of the theme it overrides (``known``), nor one that a template of the
    override that is used brings in. Nothing when a template names another by a variable,
    which cannot be followed."""
    names = set(known)
    used = {name for name in override if name in names}
    references: dict[str, set[str]] = {}
    for name, source in override.items():
        found = _references(source)
        if found is None:
            return
        references[name] = found
    todo = list(used)
    while todo:
        for target in references.get(todo.pop(), ()):
            if target in override and target not in used:
                used.add(target)
                todo.append(target)
    for name in sorted(set(override) - used):
        yield name, _message(name, names)


def _references(source: str) -> set[str] | None:
    """The templates ``source`` brings in, by name; None where one is named by a variable
    (or the template cannot be read: its mistake is reported when it is rendered)."""
    environment = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    try:
        found = set(meta.find_referenced_templates(environment.parse(source)))
    except jinja2.TemplateSyntaxError:
        return set()
    if None in found:
        return None
    return {name.removeprefix("!override/") for name in found if name is not None}


def _message(name: str, known: set[str]) -> str:
    said = ("is not used: no template of the visual theme is called "
            f"'{name}', and no other template of the override folder brings it in")
    same = sorted(k for k in known if posixpath.basename(k) == posixpath.basename(name))
    if same:
        return f"{said}; did you mean '{same[0]}'?"
    if hint := suggest.did_you_mean(name, sorted(known)):
        return said + hint
    stem = posixpath.splitext(posixpath.basename(name))[0].lower()
    part = next((text for word, text in _PARTS.items() if word in stem.split("_")
                 or word in stem.split("-") or stem == word), None)
    where = (f"; {part}: override that template and its block"
             if part else "; a file replaces the template of the same name")
    return f"{said}{where} (see 'Visual themes' in the README)"
