"""Benchmark spotlight against the floor, on synthetic content of several sizes.

    python3 bench/run.py                     # N = 100, 1,000 and 5,000
    python3 bench/run.py --sizes 100 1000    # a quicker run
    python3 bench/run.py --pdf-sizes 100     # which sizes also build every report's PDF

Each measurement runs in a fresh process (interpreter start-up included, as a user sees it)
and is the best of --repeat runs. See docs/performance.md for what is measured and why.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synth import generate

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"full": 1.5, "noop": 0.1, "edit_seconds": 0.5, "peak_mb_5000": 1024}


@dataclass
class Run:
    seconds: float
    peak_mb: float


def _run(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command in a fresh process; return its wall time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{process.stderr.read().decode()}")
    return Run(seconds, usage.ru_maxrss / 1024)


def _best(runs: list[Run]) -> Run:
    return Run(min(r.seconds for r in runs), max(r.peak_mb for r in runs))


def _spotlight(*args: str) -> list[str]:
    return [sys.executable, "-m", "spotlight", "build", *args]


def measure(n: int, repeat: int, pdf: bool, work: Path) -> dict[str, float]:
    """Every measurement for one size."""
    reports = max(1, n // 100)
    content = generate(work / f"n{n}" / "content", n, reports)
    out = work / f"n{n}" / "build"
    html = ["--content", str(content), "--out", str(out), "--no-pdf", "--no-search"]
    floor_args = [sys.executable, str(REPO / "bench" / "floor.py"), str(content),
                  str(work / f"n{n}" / "floor")]
    target = content / "examples" / "example-00000.md"
    floors, fulls, noops, edits = [], [], [], []
    # Round by round, so that the floor and spotlight meet the same conditions (this machine's
    # disk and CPU vary from one minute to the next).
    for attempt in range(repeat):
        floors.append(_run(floor_args))
        fulls.append(_run(_spotlight(*html, "--clean")))
        noops.append(_run(_spotlight(*html)))
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("## Outcome", f"## Outcome\n\nEdit {attempt}.", 1),
                          encoding="utf-8")
        edits.append(_run(_spotlight(*html)))
    floor, full, noop, edit = _best(floors), _best(fulls), _best(noops), _best(edits)
    result = {"n": n, "floor": floor.seconds, "full": full.seconds, "noop": noop.seconds,
              "edit": edit.seconds, "peak_mb": max(full.peak_mb, edit.peak_mb)}
    if pdf:
        one = content / "reports" / "report-0.yml"
        others = [p for p in (content / "reports").glob("*.yml") if p != one]
        moved = work / f"n{n}" / "held-back"
        moved.mkdir(exist_ok=True)
        for path in others:  # one report alone: hold the others back
            shutil.move(path, moved / path.name)
        examples = content / "examples"
        held = work / f"n{n}" / "held-examples"
        held.mkdir(exist_ok=True)
        for path in examples.glob("*.md"):
            if "reports: [report-0]" not in path.read_text(encoding="utf-8"):
                shutil.move(path, held / path.name)
        pdf_out = ["--content", str(content), "--out", str(work / f"n{n}" / "pdf-one"),
                   "--no-search", "--no-handouts"]
        result["pdf_one"] = _run(_spotlight(*pdf_out, "--clean")).seconds
        for path in moved.iterdir():
            shutil.move(path, one.parent / path.name)
        for path in held.iterdir():
            shutil.move(path, examples / path.name)
        all_out = ["--content", str(content), "--out", str(work / f"n{n}" / "pdf-all"),
                   "--no-search", "--no-handouts"]
        result["pdf_all"] = _run(_spotlight(*all_out, "--clean")).seconds
    return result


def main() -> None:
    """Run the benchmark and print one table."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--pdf-sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    # As an installed package would be: compiled to bytecode once, not at every run (this
    # matters where PYTHONDONTWRITEBYTECODE is set, as on the development machine).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "spotlight")],
                   check=True, stdout=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="spotlight-bench-"))
    rows = []
    try:
        for n in args.sizes:
            rows.append(measure(n, args.repeat, n in args.pdf_sizes, work))
            print(f"measured N={n}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(_table(rows))
    print(f"\nReproduce: python3 bench/run.py --sizes {' '.join(map(str, args.sizes))} "
          f"--pdf-sizes {' '.join(map(str, args.pdf_sizes))} --repeat {args.repeat}")


def _table(rows: list[dict[str, float]]) -> str:
    head = ("| N | floor s | full HTML s | full/floor | no-op s | no-op/full | edit one s "
            "| peak MB | PDF one report s | PDF all reports s |")
    lines = [head, "|" + "---|" * 10]
    for r in rows:
        pdf_one = f"{r['pdf_one']:.2f}" if "pdf_one" in r else "–"
        pdf_all = f"{r['pdf_all']:.2f}" if "pdf_all" in r else "–"
        lines.append(
            f"| {r['n']:,} | {r['floor']:.2f} | {r['full']:.2f} | {r['full'] / r['floor']:.2f} "
            f"| {r['noop']:.3f} | {r['noop'] / r['full']:.3f} | {r['edit']:.3f} "
            f"| {r['peak_mb']:.0f} | {pdf_one} | {pdf_all} |")
    lines.append("")
    lines.append(f"Targets: full/floor ≤ {TARGETS['full']}, no-op/full ≤ {TARGETS['noop']}, "
                 f"edit one of 1,000 < {TARGETS['edit_seconds']} s, "
                 f"peak for 5,000 < {TARGETS['peak_mb_5000']} MB.")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
