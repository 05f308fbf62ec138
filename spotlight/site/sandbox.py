"""The sandboxed Jinja environment spotlight renders with, made cheaper where it can be
without changing what a template may do or what it writes.

Jinja's sandbox asks, of every attribute a template reads and every call it makes, whether
it is allowed; a build asks the same few questions hundreds of thousands of times, so the
answers are kept. Autoescaping and StrictUndefined are untouched: a value is escaped as
markupsafe escapes it, only without making a ``Markup`` of each piece of a page that is
joined into one string at once.
"""

from __future__ import annotations

import types
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Any

import jinja2
import markupsafe
from jinja2.runtime import BlockReference, Context, Macro, new_context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import _PassArg
from markupsafe import Markup

from .partials import Partials

_escape_inner: Callable[[str], str] | None = getattr(markupsafe, "_escape_inner", None)


def _escape(value: Any) -> str:
    """``markupsafe.escape(value)``, as text: what a compiled template writes out."""
    kind = type(value)
    if kind is str:
        return _escape_inner(value)  # type: ignore[misc]
    if kind is Markup:
        return value
    return markupsafe.escape(value)


class CompiledTemplate(jinja2.Template):
    """A template whose output is escaped by ``_escape``.

    A compiled template escapes each value it writes out with ``escape``, which makes it a
    ``Markup``; the pieces are then joined into one string (a page, a block, a macro's or an
    include's output), which Jinja marks safe itself where it is used as a value. So each
    piece needs the escaped text, not a ``Markup`` of it: the same characters, made for less.
    """

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment,
                        namespace: MutableMapping[str, Any],
                        globals: MutableMapping[str, Any]) -> jinja2.Template:
        if _escape_inner is not None and namespace.get("escape") is markupsafe.escape:
            namespace["escape"] = _escape
        template = super()._from_namespace(environment, namespace, globals)
        partials = getattr(environment, "partials", None)
        if isinstance(partials, Partials) and template.name is not None:
            template.root_render_func = partials.wrap(  # type: ignore[assignment]
                template.name, template.root_render_func)
        return template

    def new_context(self, vars: dict[str, Any] | None = None, shared: bool = False,
                    locals: Mapping[str, Any] | None = None) -> Context:
        # A page's context starts as a copy of the template's globals, a ``ChainMap`` of the
        # template's own (none) over the environment's: Jinja copies it with ``dict()``,
        # which asks the maps for each name in turn, raising a KeyError in each that lacks
        # it (about 20 us a page). The same dictionary, made map by map.
        if shared or not isinstance(self.globals, ChainMap):
            return super().new_context(vars, shared, locals)
        parent: dict[str, Any] = {}
        for mapping in reversed(self.globals.maps):
            parent.update(mapping)
        parent.update(vars or ())
        return new_context(self.environment, self.name, self.blocks, parent, True,
                           self.globals, locals)


class TemplateContext(Context):
    """Jinja's context, which reads the names of its template's globals (for an ``import``
    with context) only when they are asked for: made for every page and every include, it
    made a set of them each time, from a ``ChainMap``."""

    def __init__(self, environment: jinja2.Environment, parent: dict[str, Any],
                 name: str | None, blocks: dict[str, Callable[[Context], Iterator[str]]],
                 globals: MutableMapping[str, Any] | None = None) -> None:
        super().__init__(environment, parent, name, blocks)
        self._globals = globals
        self._globals_keys: set[str] | None = None

    @property  # type: ignore[override]
    def globals_keys(self) -> set[str]:
        """The names of the template's globals, as Jinja's ``Context`` has them."""
        keys = self._globals_keys
        if keys is None:
            keys = self._globals_keys = set() if self._globals is None else set(self._globals)
        return keys

    @globals_keys.setter
    def globals_keys(self, value: set[str]) -> None:
        self._globals_keys = value


class TemplateEnvironment(SandboxedEnvironment):
    """Jinja's sandbox, remembering its verdicts and noting what a page reads.

    Whether an attribute is safe depends only on the attribute's name and the type of the
    object (see ``jinja2.sandbox``), and pages ask the same few questions hundreds of thousands
    of times. While ``seen`` is a set, reading an attribute listed in ``watched`` (type and
    name -> a function naming what was read) adds those names to it: this is how a build knows
    which example texts a page shows, whatever the templates do.
    """

    template_class = CompiledTemplate
    context_class = TemplateContext

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        #: name -> template, as loaded: see ``get_template``.
        self._loaded: dict[str, jinja2.Template] = {}
        self._verdicts: dict[tuple[type, str], bool] = {}
        #: type -> names of its attributes found safe and not watched: see ``getattr``.
        self._plain: dict[type, set[str]] = {}
        #: type -> its attributes found safe and watched, each with what names what was read.
        self._noted: dict[type, dict[str, Callable[[Any], Iterable[str]]]] = {}
        self._watched: dict[tuple[type, str], Callable[[Any], Iterable[str]]] = {}
        self.seen: set[str] | None = None
        #: id -> (callable, what is called, whether it is given the context): see ``call``.
        self._trusted: dict[int, tuple[Any, Callable[..., Any], bool]] = {}
        #: function -> whether its bound methods are called at once: see ``_straight``.
        self._methods: dict[Any, bool] = {}
        #: The output of included templates, kept for the same values (see partials.py).
        self.partials = Partials(self)
        self._pdf_labels: Mapping[str, str] = {}

    @property
    def pdf_labels(self) -> Mapping[str, str]:
        """"PDF, 1.2 MB, 30 pages" by output path, once the PDFs are made (see build.py)."""
        return self._pdf_labels

    @pdf_labels.setter
    def pdf_labels(self, value: Mapping[str, str]) -> None:
        self._pdf_labels = value
        self.partials.clear()  # what a link to a PDF says may have changed

    def has_pdf(self, path: str) -> bool:
        """Whether this build has a PDF at ``path`` (a practice theme's collection, an
        example's handout): a page linking it reads ``pdf:<path>``, as with ``pdf_label``."""
        if self.seen is not None:
            self.seen.add(f"pdf:{path}")
        return path in self.pdf_labels

    def pdf_label(self, path: str) -> str:
        """What a link to the PDF at ``path`` says of it, as GOV.UK does: "PDF, 1.2 MB, 30
        pages"; "PDF" in a build without PDFs. A page showing it reads ``pdf:<path>``."""
        if self.seen is not None:
            self.seen.add(f"pdf:{path}")
        return self.pdf_labels.get(path, "PDF")

    @property
    def watched(self) -> dict[tuple[type, str], Callable[[Any], Iterable[str]]]:
        """The attributes whose reading is noted in ``seen``: (type, name) -> a function
        naming what was read."""
        return self._watched

    @watched.setter
    def watched(self, value: dict[tuple[type, str], Callable[[Any], Iterable[str]]]) -> None:
        self._watched = value
        self._plain, self._noted = {}, {}
        self.partials.clear()  # what a kept output read is noted by what is watched

    def get_template(self, name: str | jinja2.Template, parent: str | None = None,
                     globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        # Every include asks for its template by name, each time it runs. Without
        # ``auto_reload`` (see environment.py), Jinja's cache gives the template loaded the
        # first time, for as long as the environment lives: kept here by name, it is found
        # without Jinja's weak reference, lock and LRU bookkeeping.
        if globals is None and type(name) is str:
            found = self._loaded.get(name)
            if found is not None:
                return found
        template = super().get_template(name, parent, globals)
        if globals is None and type(name) is str and not self.auto_reload \
                and template.name == name:
            self._loaded[name] = template
        return template

    def getattr(self, obj: Any, attribute: str) -> Any:
        # ``template.name``: the sandbox's own answer, with a shortcut for the hundreds of
        # thousands of reads of a model's fields. An attribute found safe and not watched is
        # read as it is, unless it is a method named ``format`` or ``format_map`` (a
        # ``str.format``, which the sandbox wraps); anything else goes the sandbox's way.
        plain = self._plain.get(type(obj))
        if plain is not None and attribute in plain:
            value = getattr(obj, attribute, _ABSENT)
            if value is not _ABSENT and (not isinstance(value, _METHODS)
                                         or value.__name__ not in _FORMATS):
                return value
        # A watched one (an example's text) the same way, noting what was read.
        noted = self._noted.get(type(obj))
        if noted is not None and (names := noted.get(attribute)) is not None:
            value = getattr(obj, attribute, _ABSENT)
            if value is not _ABSENT and (not isinstance(value, _METHODS)
                                         or value.__name__ not in _FORMATS):
                if self.seen is not None:
                    self.seen.update(names(obj))
                return value
        return super().getattr(obj, attribute)

    def trust(self, *functions: Any) -> None:
        """Let templates call ``functions`` (spotlight's own globals, found safe once here)
        straight away: see ``call``."""
        for function in functions:
            # What ``jinja2.runtime.Context.call`` calls, and whether it passes the context.
            target: Callable[..., Any] = function
            if _PassArg.from_obj(function.__call__) is not None:
                target = function.__call__
            passed = _PassArg.from_obj(target)
            if self.is_safe_callable(function) and passed in (None, _PassArg.context):
                self._trusted[id(function)] = (function, target, passed is _PassArg.context)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,
             *args: Any, **kwargs: Any) -> Any:
        # Every call a template makes: ``_("Home")``, a macro, ``range(3)``... The sandbox
        # asks whether the callable is safe, then Jinja's context works out what to pass it;
        # for spotlight's own functions (``trust``), the templates' macros and blocks, and
        # bound methods (``_straight``) both answers are known, and the call is made here as
        # ``Context.call`` would make it.
        trusted = __self._trusted.get(id(__obj))
        if trusted is not None and trusted[0] is __obj:
            _, target, with_context = trusted
        elif (type(__obj) in _TEMPLATES_OWN and __self.is_safe_callable(__obj)) or (
                type(__obj) in _METHODS and __self._straight(__obj)):
            target, with_context = __obj, False
        else:
            return super().call(__context, __obj, *args, **kwargs)
        if kwargs:
            loop_vars = kwargs.pop("_loop_vars", None)
            block_vars = kwargs.pop("_block_vars", None)
            if with_context and loop_vars:
                __context = __context.derived(loop_vars)
            if with_context and block_vars:
                __context = __context.derived(block_vars)
        if with_context:
            args = (__context, *args)
        try:
            return target(*args, **kwargs)
        except StopIteration:
            return __self.undefined("value was undefined because a callable raised a"
                                    " StopIteration exception")

    def _straight(self, method: Any) -> bool:
        """Whether a bound method (``site.url``, ``path.startswith``) may be called at once,
        as ``Context.call`` would call it: found safely callable, given nothing of the
        context, and no ``format``. A method written in Python is asked about once, by its
        function; a built-in one has no attributes that could say otherwise."""
        if getattr(method, "__name__", None) in _FORMATS:
            return False
        function = getattr(method, "__func__", None)
        if function is None:
            return True
        straight = self._methods.get(function)
        if straight is None:
            straight = self._methods[function] = self.is_safe_callable(method) \
                and _PassArg.from_obj(method) is None
        return straight

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Every way a template reads an attribute asks this: ``.name``, ``["name"]``, the
        # ``attr`` filter, ``map(attribute=...)``, ``sort``, ``selectattr``...
        key = (type(obj), attr)
        names = self._watched.get(key)
        if names is not None and self.seen is not None:
            self.seen.update(names(obj))
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        if verdict:
            if names is None:
                self._plain.setdefault(key[0], set()).add(attr)
            else:
                self._noted.setdefault(key[0], {})[attr] = names
        return verdict


#: What the sandbox looks at twice (``str.format``): see ``TemplateEnvironment.getattr``.
_METHODS = (types.MethodType, types.BuiltinMethodType)
_FORMATS = ("format", "format_map")
#: What a template defines and calls: a macro, a block (``self.title()``).
_TEMPLATES_OWN = (Macro, BlockReference)
_ABSENT = object()


