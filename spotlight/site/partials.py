"""Included templates rendered once for the same values: a listing page shows each example's
card, and an example is on several listing pages, all at the same depth of the site.

A template an ``{% include %}`` brings in gets the whole context of the page, but writes what
the variables it reads say, and nothing else: Jinja tells which names those are (with the
names the templates it includes read in turn), and spotlight's own filters read the page's
language and the site's (``lang``, ``main_lang``, ``site``). So its output is
kept by the values of those names (the model objects, which nothing changes once assembled,
by identity) when they come a second time (a short output, the first time), and used again
each time after. What a rendering
read of the example texts (``TemplateEnvironment.seen``) is noted again each time its output
is used, so a page's record of what it shows is the same.

Not kept: a template that extends, defines blocks or macros, imports, sets a variable for
its includer, or includes a template named by a variable; one that reads the page's own
``path`` or ``canonical`` (its output is that page's alone); and a rendering given a value
that could change (a list, a dictionary, a namespace, a loop). Whatever a visual theme's
templates are, a page is written as it would be without this.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import jinja2
from jinja2.runtime import Context, missing
from markupsafe import Markup

from .template_reads import template_reads

#: What spotlight's filters and globals read of the context besides what a template names
#: (see environment.py and messages.py).
CONTEXT_READS = frozenset({"lang", "site", "main_lang"})
#: A template reading these is written for one page.
PAGE_OWN = frozenset({"path", "canonical"})
#: How much text is kept at most, in characters, for one rendering stage.
LIMIT = 32_000_000
#: The longest output kept the first time it is rendered, in characters: an example's card
#: (shown on several listing pages) is rendered once, not twice; a longer output, most often
#: shown once (an example's text), is kept only the second time.
SHORT = 2_000
#: How much text is kept at most, in characters, of what was kept the first time (beside
#: ``LIMIT``, so that what does come again is still kept).
FIRST_LIMIT = 16_000_000

_VALUES = frozenset({Markup, int, float, bool, type(None)})
_KEPT_AS_THEY_ARE = frozenset({tuple, frozenset, dt.date, dt.datetime, types.FunctionType,
                               types.BuiltinFunctionType, type})

RenderFunction = Callable[[Context], Iterable[str]]


class _Watching(Protocol):
    seen: set[str] | None


class Partials:
    """The kept output of the included templates of one environment."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self._env = environment
        self._watching: _Watching = environment  # type: ignore[assignment]
        self._kept: dict[tuple[Any, ...], tuple[str, frozenset[str]]] = {}
        #: Every key rendered, with the objects it holds (most renderings are of a page's
        #: own things, and not kept).
        self._once: dict[tuple[Any, ...], list[Any]] = {}
        self._size = 0
        self._first = 0  # how much of ``_kept`` was kept the first time

    def clear(self) -> None:
        """Forget every kept output (what the templates read may have changed)."""
        self._kept.clear()
        self._once.clear()
        self._size = self._first = 0

    def preload(self) -> None:
        """Load the templates of the ``partials/`` folders, and find what each reads: once,
        before the pages are rendered on every core, not by each. One that does not load is
        left to fail where a page uses it, as it would have."""
        for name in self._env.list_templates(filter_func=lambda name: name.startswith(
                "partials/")):
            try:
                self._env.get_template(name)
            except jinja2.TemplateError:
                continue

    def wrap(self, name: str, render: RenderFunction) -> RenderFunction:
        """``render`` (the compiled root function of template ``name``), keeping its output
        where the template allows it (see the module's docstring)."""
        names = self._reads(name)
        if names is None:
            return render

        def kept(context: Context) -> Iterable[str]:
            # Not a generator itself, so that a rendering not kept is the template's own
            # generator, without another in between (an include iterates over what this
            # returns at once, then closes it).
            made = self._key(render, context, names)
            if made is None:
                return render(context)
            key, objects = made
            found = self._kept.get(key)
            if found is None:
                if key not in self._once:
                    self._once[key] = objects
                    if self._first >= FIRST_LIMIT:
                        # The first time: written out as it comes, and only the key noted.
                        return render(context)
                    # A short output (an example's card) is kept the first time already.
                    found = self._keep(key, render, context, SHORT)
                else:
                    found = self._keep(key, render, context)
            if (seen := self._watching.seen) is not None:
                seen.update(found[1])
            return _written(found[0])

        return kept

    def _keep(self, key: tuple[Any, ...], render: RenderFunction, context: Context,
              first: int | None = None) -> tuple[str, frozenset[str]]:
        """Render again what is rendered a second time, and keep it (within ``LIMIT``),
        with the names of what it read; given ``first``, render what is rendered the first
        time, and keep it if it is no longer than that (within ``FIRST_LIMIT``)."""
        env = self._watching
        outer = env.seen
        inner: set[str] | None = None if outer is None else set()
        env.seen = inner
        try:
            text = "".join(render(context))
        finally:
            env.seen = outer
        found = (text, frozenset(inner or ()))
        if first is not None:
            if len(text) <= first and self._first + len(text) <= FIRST_LIMIT:
                self._kept[key] = found
                self._first += len(text)
        elif self._size + len(text) <= LIMIT:
            self._kept[key] = found
            self._size += len(text)
        return found

    def _reads(self, name: str) -> tuple[str, ...] | None:
        """The names whose values decide what template ``name`` writes, or None where its
        output is not to be kept."""
        try:
            names = template_reads(self._env, name)
        except jinja2.TemplateError:
            return None
        if names is None or names & PAGE_OWN:
            return None
        return tuple(sorted(names | CONTEXT_READS))

    def _key(self, render: RenderFunction, context: Context, names: tuple[str, ...]
             ) -> tuple[tuple[Any, ...], list[Any]] | None:
        """What the output of ``render`` depends on in ``context``, and the objects that
        are part of it by identity (kept alive as long as the key is: an identity is
        another object's once its object is gone); None if a value could change."""
        key: list[Any] = [render]
        objects: list[Any] = []
        local, parent = context.vars, context.parent  # as Context.resolve_or_missing reads
        for name in names:
            value = local[name] if name in local else parent.get(name, missing)
            kind = type(value)
            how = _HOW.get(kind)
            if how is None:
                how = _how(kind)
            if how is _TEXT:
                key.append(value)
            elif how is _VALUE:
                key.append((kind, value))
            elif how is _IDENTITY:
                key.append(id(value))
                objects.append(value)
            elif value is missing:
                key.append(missing)
            else:
                return None
        return tuple(key), objects


def _written(text: str) -> Iterator[str]:
    """What a rendering writes, as Jinja's includes expect it: a generator."""
    yield text


_TEXT, _VALUE, _IDENTITY, _NOT = "text", "value", "identity", "not"
#: How a value of each type is part of a key: see ``_how``.
_HOW: dict[type, str] = {}


def _how(kind: type) -> str:
    """How a value of type ``kind`` is part of a key: text as it is (no other type's value
    equals a ``str``); another simple value with its type (``1`` is not ``True``, nor
    ``Markup("a")`` ``"a"``); an object nothing changes (a frozen dataclass, a tuple, a
    date, a function) by its identity (an int, so never equal to the others); anything
    else (a list, a dictionary, a namespace, a loop, Jinja's ``missing``) not at all."""
    if kind is str:
        how = _TEXT
    elif kind in _VALUES:
        how = _VALUE
    elif kind in _KEPT_AS_THEY_ARE or (
            dataclasses.is_dataclass(kind)
            and bool(getattr(getattr(kind, "__dataclass_params__", None), "frozen", False))):
        how = _IDENTITY
    else:
        how = _NOT
    _HOW[kind] = how
    return how
