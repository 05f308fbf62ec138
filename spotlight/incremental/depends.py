"""The rule of what a page or PDF depends on, in one place.

A page or PDF of the previous build is kept, not made again, when none of these changed:

1. **spotlight's version and the build options that change output**: every field of the
   options, except those declared ``NOT_OUTPUT`` (see ``digests.option_words``);
2. **every input file but the examples' texts**: the site file, the report files, the content
   folder's other files (images, fonts...), and every template and static file of the visual
   theme chain;
3. **of every example, what any page may show**: every field of its front matter, and all that
   is found in its text (description, citations, images, links...), but not the text itself;
4. **the text of each example it read** (``example:<slug>``) while it rendered. Reading a
   field of a model declared with ``metadata=EXAMPLE_TEXT`` (see model/report.py: an
   example's body and Outcome, a glossary made from examples' texts) notes the texts of the
   examples the object holds, whatever the template that reads it.

The first three make the ``shared`` key that every page's key includes; the fourth makes each
page's own part. A PDF depends, besides, on its HTML and on the files WeasyPrint reads: every
input of 2 that is not a content file read into the model (images, fonts, stylesheets).

Nothing here lists fields or files by hand: new options, fields and files count by themselves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .. import __version__
from .digests import digest

if TYPE_CHECKING:
    from ..model import Content, ExampleSource

#: What a field marked ``EXAMPLE_TEXT`` depends on is named ``example:<slug>``.
TEXT = "example:"
#: The fields of an example that say where its file is: pages never show them.
_WHERE = ("path", "name")
#: The fields of parsed Markdown that hold the text itself (rule 4), not what is found in it.
_OWN_TEXT = {"html": "", "outcome_html": None, "text": ""}


def page_inputs(inputs: Mapping[str, str], example_files: Iterable[str],
                options: Iterable[str], content: Content,
                memo: dict[int, tuple[Any, str, str]] | None = None
                ) -> tuple[str, dict[str, str]]:
    """What pages are made from, split in two: (``shared``, ``texts``).

    ``texts`` digests, by name, each example's text (rule 4); ``shared`` digests rules 1 to 3.
    ``example_files`` names the inputs that are examples' files. ``memo`` (the preview keeps
    one between saves) keeps the digests of each example object, by its identity: replaced
    with only this content's examples.
    """
    examples = set(example_files)
    parts = [__version__, *options,
             *(f"{name}\0{value}" for name, value in sorted(inputs.items())
               if name not in examples)]
    texts: dict[str, str] = {}
    known = dict(memo) if memo is not None else {}
    if memo is not None:
        memo.clear()
    for example in sorted(content.examples, key=lambda e: e.name):
        found = known.get(id(example))
        if found is None or found[0] is not example:
            found = (example, digest(example.body.text), digest(repr(shown(example))))
        if memo is not None:
            memo[id(example)] = found
        texts[f"{TEXT}{example.slug}"] = found[1]
        parts.append(found[2])
    return digest(*parts), texts


def shown(example: ExampleSource) -> tuple[object, ...]:
    """What any page may show of an example: every field but where its file is, with its
    parsed body less the text itself (rule 3)."""
    return tuple(dataclasses.replace(value, **_OWN_TEXT) if spec.name == "body"
                 else value for spec in dataclasses.fields(example)
                 if spec.name not in _WHERE for value in (getattr(example, spec.name),))


def page_key(shared: str, texts: Mapping[str, str], deps: Iterable[str]) -> str:
    """The key of a page that read the texts ``deps``."""
    return digest(shared, *(f"{dep}\0{texts.get(dep, '-')}" for dep in deps))


def watched(modules: Iterable[ModuleType]
            ) -> dict[tuple[type, str], Callable[[Any], Iterable[str]]]:
    """Rule 4 as the template environment uses it: (model type, field name) -> what reading
    it depends on, for every field declared ``EXAMPLE_TEXT`` in the models of ``modules``."""
    found: dict[tuple[type, str], Callable[[Any], Iterable[str]]] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value):
                for spec in dataclasses.fields(value):
                    if spec.metadata.get("example_text"):
                        found[(value, spec.name)] = texts_of
    return found


def texts_of(holder: Any) -> tuple[str, ...]:
    """The texts a model holds: those of its ``examples``, of its ``example``, or its own."""
    if hasattr(holder, "examples"):
        return tuple(f"{TEXT}{e.slug}" for e in holder.examples)
    if hasattr(holder, "example"):
        return (f"{TEXT}{holder.example.slug}",)
    return (f"{TEXT}{holder.slug}",)
