"""CPU time of each stage of one clean HTML build (no PDFs, no search), in one process.

    taskset -c 0 python3 bench/stages.py CONTENT     # one core: every stage's CPU is here

CONTENT is a content folder, such as the synthetic one `bench/synth.py` makes
(`python3 -c "import sys; sys.path.insert(0, 'bench'); from synth import generate; from
pathlib import Path; generate(Path('/tmp/n1000'), 1000, 10)"`). Each stage is timed with
`time.process_time` around it (not with cProfile, which makes Python-heavy code look dearer);
markdown-it's own parse and render are timed inside validation. See docs/performance.md.
"""

from __future__ import annotations

import time

STARTED = time.process_time()

import functools  # noqa: E402
import importlib  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from spotlight.build import BuildOptions, build  # noqa: E402

IMPORTED = time.process_time()
spent: dict[str, float] = {}


def timed(module: str, name: str, label: str, owner: Any = None) -> None:
    """Replace ``module.name`` (or ``owner.name``) with a function that adds its CPU time to
    ``spent[label]`` (the outermost call only, if it calls itself)."""
    target = owner if owner is not None else importlib.import_module(module)
    function: Callable[..., Any] = getattr(target, name)
    depth = [0]

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if depth[0]:
            return function(*args, **kwargs)
        depth[0] += 1
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - start
            depth[0] -= 1

    setattr(target, name, wrapper)


def main() -> None:
    """Build once and print each stage's CPU time."""
    for module in ("spotlight.content.validate", "spotlight.site.editions",
                   "spotlight.site.render", "spotlight.checks.gate"):
        importlib.import_module(module)
    stages_imported = time.process_time()
    timed("spotlight.pipeline", "load", "load (reading the files)")
    timed("spotlight.content.validate", "validate", "validate")
    timed("spotlight.site.editions", "assemble_site", "assemble")
    timed("spotlight.build", "_gate", "publish gate")
    timed("spotlight.site.render", "render", "render (pages)")
    timed("spotlight.build", "write", "write")
    from spotlight.markdown import syntax

    timed("", "parse", "  of which markdown-it's parse", owner=syntax.PARSER)
    timed("", "render", "  of which markdown-it's render", owner=syntax.PARSER.renderer)
    content = Path(sys.argv[1])
    # Beside the content, on its disk, as a project's build folder is.
    with tempfile.TemporaryDirectory(dir=content.resolve().parent) as out:
        start = time.process_time()
        build(BuildOptions(content=content, out=Path(out), pdf=False, search=False,
                           clean=True))
        built = time.process_time() - start
    print(f"{'imports':34} {stages_imported - STARTED:.3f}  "
          f"(spotlight.build {IMPORTED - STARTED:.3f})")
    for label, seconds in spent.items():
        print(f"{label:34} {seconds:.3f}")
    print(f"{'the build in all':34} {built:.3f}")
    print(f"{'in all, imports included':34} {time.process_time() - STARTED:.3f}")


if __name__ == "__main__":
    main()
