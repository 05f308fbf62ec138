"""What an included template reads: the names of the context whose values decide what it
writes (see partials.py), found in its source once per build, not at each rendering.

A name is counted as read unless the template binds it where it is read: a loop's target and
``loop`` in the loop's body, the names of a ``with`` in its body. A name counted too many
(a ``set`` inside a loop, read after it) only makes an output kept for more values, never
used for a value it was not made with.
"""

from __future__ import annotations

import re

import jinja2
from jinja2 import meta, nodes


def template_reads(env: jinja2.Environment, name: str,
                   including: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The context names template ``name`` (and what it includes) reads; None where the
    template does more than write out what it reads: it extends, defines blocks or macros,
    imports, sets a variable for its includer, or includes a template named by a variable
    (or itself)."""
    if name in including:
        return None  # includes itself
    source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    found = _analysis(env, source, name, filename)
    if found is None:
        return None
    names, included = found
    for other in included:
        more = template_reads(env, other, (*including, name))
        if more is None:
            return None
        names |= more
    return names


#: A tag that makes a template's output not kept (see ``_analysis``), as it is written in the
#: source. Matched before parsing, to spare parsing the pages' own templates (which extend
#: and define blocks); a match inside a comment or a raw block only makes a template not
#: kept that could have been, which changes nothing that is written.
_NOT_KEPT_TAG = re.compile(r"\{%[-+]?\s*(?:extends|block|macro|import|from)\b")
#: (name, source) -> analysis, for every environment: all are made alike (environment.py).
_ANALYSES: dict[tuple[str, str], tuple[frozenset[str], tuple[str, ...]] | None] = {}


def _analysis(env: jinja2.Environment, source: str, name: str, filename: str | None
              ) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """(names read, templates included) of one template's source, or None; kept by source,
    as the same templates are read for every build."""
    key = (name, source)
    if key in _ANALYSES:
        return _ANALYSES[key]
    result: tuple[frozenset[str], tuple[str, ...]] | None = None
    tree = None if _NOT_KEPT_TAG.search(source) else env.parse(source, name, filename)
    if tree is not None \
            and not any(tree.find_all((nodes.Extends, nodes.Block, nodes.Macro, nodes.Import,
                                       nodes.FromImport))) \
            and not any(isinstance(node, (nodes.Assign, nodes.AssignBlock))
                        for node in tree.body):
        included = tuple(meta.find_referenced_templates(tree))
        if all(isinstance(other, str) for other in included):
            read: set[str] = set()
            _read(tree, frozenset(), read)
            result = (frozenset(read - env.globals.keys()),
                      tuple(str(other) for other in included))
    if len(_ANALYSES) > 512:
        _ANALYSES.clear()
    _ANALYSES[key] = result
    return result


def _read(node: nodes.Node, bound: frozenset[str], read: set[str]) -> None:
    """Add to ``read`` the names ``node`` reads of the context, but for those ``bound``
    where it is: as ``jinja2.meta.find_undeclared_variables`` finds them, less the names of
    the environment's globals (which that leaves out too), without generating the
    template's code."""
    if isinstance(node, nodes.Name):
        if node.ctx == "load" and node.name not in bound:
            read.add(node.name)
    elif isinstance(node, nodes.NSRef):  # ``{% set ns.x = ... %}`` reads ``ns``
        if node.name not in bound:
            read.add(node.name)
    elif isinstance(node, nodes.For):
        _read(node.iter, bound, read)
        inner = bound | _targets(node.target)
        if node.test is not None:
            _read(node.test, inner, read)
        for child in node.body:
            _read(child, inner | {"loop"}, read)
        for child in node.else_:
            _read(child, bound, read)
    elif isinstance(node, nodes.With):
        for value in node.values:
            _read(value, bound, read)
        inner = bound.union(*(_targets(target) for target in node.targets))
        for child in node.body:
            _read(child, inner, read)
    else:
        for child in node.iter_child_nodes():
            _read(child, bound, read)


def _targets(target: nodes.Node) -> frozenset[str]:
    """The names a loop or a ``with`` binds: ``x``, or ``a, b``."""
    return frozenset(name.name for name in target.find_all(nodes.Name)) \
        if not isinstance(target, nodes.Name) else frozenset((target.name,))
