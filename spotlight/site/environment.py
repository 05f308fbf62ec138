"""The Jinja environment templates render in: sandboxed, autoescaping, StrictUndefined, over
a visual theme's lookup chain (see theme.py)."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import jinja2
import markupsafe
from jinja2.sandbox import SandboxedEnvironment

from ..content.theme import ThemeLayer, VisualTheme

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


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
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["long_date"] = long_date
    env.filters["iso_date"] = lambda d: d.isoformat()
    env.filters["plural"] = plural
    env.filters["urn_uuid"] = lambda text: f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, text)}"
    env.globals["pdf_label"] = env.pdf_label
    return env


class TemplateEnvironment(SandboxedEnvironment):
    """Jinja's sandbox, remembering its verdicts and noting what a page reads.

    Whether an attribute is safe depends only on the attribute's name and the type of the
    object (see ``jinja2.sandbox``), and pages ask the same few questions hundreds of thousands
    of times. While ``seen`` is a set, reading an attribute listed in ``watched`` (type and
    name -> a function naming what was read) adds those names to it: this is how a build knows
    which example texts a page shows, whatever the templates do.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}
        #: (type, name) of the attributes found safe and not watched: see ``getattr``.
        self._plain: set[tuple[type, str]] = set()
        self._watched: dict[tuple[type, str], Callable[[Any], Iterable[str]]] = {}
        self.seen: set[str] | None = None
        #: "PDF, 1.2 MB, 30 pages" by output path, once the PDFs are made (see build.py).
        self.pdf_labels: Mapping[str, str] = {}

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
        self._plain = set()

    def getattr(self, obj: Any, attribute: str) -> Any:
        # ``template.name``: the sandbox's own answer, with a shortcut for the hundreds of
        # thousands of reads of a model's fields. An attribute found safe and not watched
        # whose value is plain data (never a method, so never a ``str.format`` that the
        # sandbox wraps) is read as it is; anything else goes the sandbox's way.
        if (type(obj), attribute) in self._plain:
            value = getattr(obj, attribute, _ABSENT)
            if type(value) in _PLAIN_DATA:
                return value
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Every way a template reads an attribute asks this: ``.name``, ``["name"]``, the
        # ``attr`` filter, ``map(attribute=...)``, ``sort``, ``selectattr``...
        key = (type(obj), attr)
        if self.seen is not None and (names := self._watched.get(key)):
            self.seen.update(names(obj))
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        if verdict and key not in self._watched:
            self._plain.add(key)
        return verdict


#: Types whose values are data, never a method: see ``TemplateEnvironment.getattr``.
_PLAIN_DATA = frozenset({str, markupsafe.Markup, int, float, bool, type(None), tuple, list,
                         dict, dt.date, dt.datetime})
_ABSENT = object()


@functools.cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja's own cache of compiled templates, in a folder of the system's temporary folder
    that only this user may use (Jinja checks): a build compiles only templates that changed.
    None where that folder cannot be made."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 example", "3 examples": the count and the word, in the singular or the plural."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def long_date(value: dt.date) -> str:
    """24 February 2025, whatever the machine's locale."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


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
