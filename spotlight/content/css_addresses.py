"""Every place a stylesheet can make a browser fetch something, found with a real CSS parser.

tinycss2 decodes escapes and drops comments as browsers do, so ``@\\69mport``, ``u\\72l(`` and
``@import/**/"x"`` are seen for what they are. What is returned is allow-listed by shape: an
``@import``'s address; every ``url()`` (token or function) and ``src()``; and every string
inside any function except the few known to hold plain text (``attr()``, ``counter()``,
``local()``, ``format()``...). So ``image-set("x.png" 1x)``, and whatever function a browser
adds next, counts as an address.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import tinycss2
from tinycss2 import ast

#: Functions whose strings are text, never addresses.
TEXT_FUNCTIONS = frozenset({
    "attr", "counter", "counters", "local", "format", "tech", "string", "leader",
    "target-counter", "target-counters", "target-text", "content", "running", "element",
    "lang", "dir", "not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type",
    "nth-last-of-type", "var", "env", "supports", "layer", "selector", "contains",
})
_BLOCKS = (ast.ParenthesesBlock, ast.SquareBracketsBlock, ast.CurlyBracketsBlock)


def stylesheet_addresses(css: str) -> list[tuple[int, str]]:
    """Every address the stylesheet ``css`` would fetch, as (line, address)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return list(_addresses(rules, fetching=False))


def declarations_addresses(css: str) -> list[tuple[int, str]]:
    """The same for a ``style`` attribute's declarations, or a presentation attribute's value."""
    return list(_addresses(tinycss2.parse_component_value_list(css, skip_comments=True),
                           fetching=False))


def _addresses(nodes: Iterable[ast.Node], fetching: bool) -> Iterator[tuple[int, str]]:
    """``fetching``: the nodes are inside a function whose strings are addresses."""
    for node in nodes:
        if isinstance(node, ast.AtRule):
            imports = node.lower_at_keyword == "import"
            yield from _addresses(node.prelude, fetching=imports)
            yield from _addresses(node.content or (), fetching=False)
        elif isinstance(node, ast.QualifiedRule):
            yield from _addresses(node.prelude, fetching=False)
            yield from _addresses(node.content, fetching=False)
        elif isinstance(node, ast.URLToken):
            yield node.source_line, node.value
        elif isinstance(node, ast.StringToken):
            if fetching:
                yield node.source_line, node.value
        elif isinstance(node, ast.FunctionBlock):
            yield from _addresses(node.arguments,
                                  fetching=node.lower_name not in TEXT_FUNCTIONS)
        elif isinstance(node, _BLOCKS):
            yield from _addresses(node.content, fetching=fetching)
        elif isinstance(node, ast.Declaration):
            yield from _addresses(node.value, fetching=False)
