"""The package's architecture, checked: each part imports only the parts below it, and no
module imports itself round a cycle.

The parts, lowest first (see each package's ``__init__`` docstring for what it owns):

- the foundation: ``errors``, ``file_names`` (what a file may be called), ``parallel``, ``i18n``
  (the interface's words in each language) and the
  package's own ``__init__`` (the version);
- ``markdown/``: markdown-it and spotlight's plugins;
- ``content/``: what an author writes and the visual theme, as read and validated, with
  ``model/``, the typed models every stage after validation reads;
- ``incremental/``: what a build reuses from the previous one;
- ``site/``: the assembled site and its rendering, in memory;
- ``outputs/``: writing the output folder, the PDFs, the search index;
- ``pipeline.py``: the stage runner every command calls;
- ``checks/``: ``spotlight check`` and the publish gate;
- ``build.py``: ``build()``;
- ``preview/``, ``editor/`` (the form editor of ``serve --edit``), ``importing/``,
  ``publishing/``, ``project.py``, ``new_report.py`` and ``cli/``: the commands.

Imports made only for type checking (under ``if TYPE_CHECKING:``) never run, and are left out
of the layers; but they make no cycle either, so that a reader (and mypy) can follow every
module from the bottom up.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "spotlight"
LAYERS = (
    {"spotlight", "errors", "parallel", "file_names", "i18n"},
    {"markdown"},
    {"content", "model"},
    {"incremental"},
    {"site"},
    {"outputs"},
    {"pipeline"},
    {"checks"},
    {"build"},
    {"preview", "editor", "importing", "publishing", "project", "new_report", "cli",
     "__main__"},
)
LAYER = {part: n for n, parts in enumerate(LAYERS) for part in parts}


def _module(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(module: str) -> str:
    """The part of the package a module belongs to: its sub-package or top-level module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "spotlight"


class _Imports(ast.NodeVisitor):
    """The spotlight modules a module imports when it runs, and which at its top level."""

    def __init__(self, module: str, is_package: bool, typing: bool = False) -> None:
        self.module, self.is_package, self.typing = module, is_package, typing
        self.found: list[tuple[str, bool]] = []  # (module, imported at the top level)
        self._depth = 0

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
            for child in [*node.body, *node.orelse] if self.typing else node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def _nested(self, node: ast.AST) -> None:
        self._depth += 1
        self.generic_visit(node)
        self._depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _nested

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] == "spotlight":
                self.found.append((alias.name, self._depth == 0))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.module.split(".")
            if not self.is_package:
                base = base[:-1]
            base = base[:len(base) - node.level + 1]
            source = ".".join([*base, *([node.module] if node.module else [])])
        else:
            source = node.module or ""
        if source.split(".")[0] != "spotlight":
            return
        for alias in node.names:
            name = f"{source}.{alias.name}"
            known = _file(name) is not None
            self.found.append((name if known else source, self._depth == 0))


def _file(module: str) -> Path | None:
    path = REPO.joinpath(*module.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _graph(typing: bool = False) -> dict[str, list[tuple[str, bool]]]:
    """What each module imports; with ``typing``, counting imports for type checking too."""
    graph = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        visitor = _Imports(module, path.name == "__init__.py", typing)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        graph[module] = visitor.found
    return graph


def test_each_part_imports_only_the_parts_below_it() -> None:
    wrong = sorted({f"{module} imports {target}"
                    for module, found in _graph().items() for target, _ in found
                    if LAYER[_part(target)] > LAYER[_part(module)]})
    assert not wrong, "\n".join(wrong)


def test_every_part_has_its_place() -> None:
    parts = {_part(_module(path)) for path in PACKAGE.rglob("*.py")}
    assert parts <= set(LAYER), f"place these in LAYERS: {sorted(parts - set(LAYER))}"


@pytest.mark.parametrize("typing", [False, True], ids=["running", "type-checking"])
def test_no_import_cycles(typing: bool) -> None:
    graph = _graph(typing)
    edges: dict[str, set[str]] = {module: set() for module in graph}
    for module, found in graph.items():
        for target, top_level in found:
            if not top_level:
                continue
            parts = target.split(".")
            for n in range(2, len(parts) + 1):  # importing a.b.c runs a.b first
                prefix = ".".join(parts[:n])
                if prefix in edges and prefix != module and not module.startswith(prefix + "."):
                    edges[module].add(prefix)
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target):], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_every_package_says_what_it_owns_and_may_import() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "Owns" in doc and "May import" in doc, init.parent.name
