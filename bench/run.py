"""Benchmark spotlight against the floor, on synthetic content of several sizes, as users run it.

    python3 bench/run.py                          # N = 100, 1,000 and 5,000
    python3 bench/run.py --sizes 1000             # one size
    python3 bench/run.py --sizes 5000 --leak-saves 100 --no-pdf   # memory, preview included

Each build runs in a fresh process (interpreter start-up included, as a user sees it), with
search on (the default), and is the best of --repeat rounds; each round runs the floor,
Pagefind alone and spotlight in turn, so that both sides meet the same conditions. Wall and
CPU time (user + system, of the process and every process it waited for) are both reported.
The preview's figure is the median of --saves saves of one example, each timed from the save
to the moment a real HTTP client polling the page first gets the edited page. See
docs/performance.md for what is measured and why.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synth import generate

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"cpu_floor": 1.5, "search": 1.3, "noop": 0.1, "served_s": 0.3, "peak_mb": 1024,
           "pdf": 1.1}


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float


def _run(args: list[str]) -> Run:
    """Run a command in a fresh process; its wall time, CPU time (with the processes it waited
    for: forked workers, Pagefind) and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        assert process.stderr is not None
        raise SystemExit(f"failed: {' '.join(args)}\n{process.stderr.read().decode()}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def _best(runs: list[Run]) -> Run:
    return Run(min(r.seconds for r in runs), min(r.cpu for r in runs),
               max(r.peak_mb for r in runs))


def _spotlight(*args: str) -> list[str]:
    return [sys.executable, "-m", "spotlight", *args]


def _pagefind() -> str:
    from pagefind.service import get_executable

    found = get_executable()
    assert found is not None, "Pagefind is not installed"
    return str(found)


def measure(n: int, repeat: int, work: Path, saves: int, leak_saves: int) -> dict[str, float]:
    """Every measurement of the builds and the preview for one size."""
    reports = max(1, n // 100)
    content = generate(work / f"n{n}" / "content", n, reports)
    out = work / f"n{n}" / "build"
    html = ["build", "--content", str(content), "--out", str(out), "--no-pdf"]
    floor_args = [sys.executable, str(REPO / "bench" / "floor.py"), str(content),
                  str(work / f"n{n}" / "floor")]
    target = content / "examples" / "example-00000.md"
    runs: dict[str, list[Run]] = {k: [] for k in ("floor", "pagefind", "html", "full", "noop",
                                                  "edit")}
    # Round by round, so that the floor and spotlight meet the same conditions (this machine's
    # disk and CPU vary from one minute to the next).
    for attempt in range(repeat):
        runs["floor"].append(_run(floor_args))
        runs["html"].append(_run(_spotlight(*html, "--no-search", "--clean")))
        runs["full"].append(_run(_spotlight(*html, "--clean")))
        # Pagefind alone, on the very pages spotlight wrote (a copy: the build stays as it is).
        pages = work / f"n{n}" / "pagefind-alone"
        shutil.rmtree(pages, ignore_errors=True)
        shutil.copytree(out, pages, ignore=shutil.ignore_patterns("pagefind"))
        runs["pagefind"].append(_run([_pagefind(), "--site", str(pages), "--glob",
                                      "examples/*.html", "--output-subdir", "pagefind",
                                      "--silent"]))
        runs["noop"].append(_run(_spotlight(*html)))
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("## Outcome", f"## Outcome\n\nEdit {attempt}.", 1),
                          encoding="utf-8")
        runs["edit"].append(_run(_spotlight(*html)))
    best = {name: _best(found) for name, found in runs.items()}
    result: dict[str, float] = {"n": n}
    for name, run in best.items():
        result[name] = run.seconds
        result[f"{name}_cpu"] = run.cpu
    result["peak_mb"] = max(best["full"].peak_mb, best["edit"].peak_mb)
    result |= preview(content, work / f"n{n}" / "preview", saves, leak_saves)
    return result


def preview(content: Path, out: Path, saves: int, leak_saves: int) -> dict[str, float]:
    """Start ``spotlight serve``; save one example ``saves`` times, each time timing the save
    to the edited page served (the median is reported) after letting the search index catch
    up; then, with ``leak_saves``, that many saves more, to see whether memory grows."""
    command = _spotlight("serve", "--content", str(content), "--out", str(out), "--port", "0",
                         "--no-pdf")
    process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if "Serving the preview at" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(600):
            raise SystemExit("the preview did not start:\n" + "".join(lines))
        found = re.search(r"http://([\d.]+):(\d+)/", "".join(lines))
        assert found is not None
        client = _Client(found.group(1), int(found.group(2)))
        example = content / "examples" / "example-00001.md"
        page = "/examples/example-00001.html"
        times = []
        for save in range(saves + leak_saves):
            if save == saves:
                after_saves = _memory(process.pid)
            text = example.read_text(encoding="utf-8")
            mark = f"Saved {save} {time.time_ns()}."
            started = time.perf_counter()
            edited = re.sub(r"(## Outcome\n\n)(Saved \d+ \d+\.\n\n)?",
                            lambda m, mark=mark: f"{m.group(1)}{mark}\n\n", text, count=1)
            example.write_text(edited, encoding="utf-8")
            while mark not in client.get(page):
                time.sleep(0.005)  # a poll every few milliseconds: the measure, not a load
            times.append(time.perf_counter() - started)
            if save < saves:  # the author glances at the page: the index catches up meanwhile
                while "Search results are being updated" in client.get("/search/"):
                    time.sleep(0.05)
        result = {"served": statistics.median(times[:saves]), "served_max": max(times[:saves])}
        memory = _memory(process.pid)
        result["preview_peak_mb"] = memory["peak"]
        if leak_saves:
            result["preview_rss_after_saves"] = after_saves["rss"]
            result["preview_rss_after_leak"] = memory["rss"]
        return result
    finally:
        process.terminate()
        process.wait(60)


class _Client:
    """A real HTTP client, as a browser would fetch the page."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def get(self, path: str) -> str:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request("GET", path)
            return connection.getresponse().read().decode("utf-8", "replace")
        finally:
            connection.close()


def _memory(pid: int) -> dict[str, float]:
    """A process's resident memory now and at its peak, in MB."""
    found = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", Path(f"/proc/{pid}/status")
                            .read_text(), re.M))
    return {"rss": int(found["VmRSS"]) / 1024, "peak": int(found["VmHWM"]) / 1024}


def pdf(n: int, work: Path, runs: int) -> dict[str, float]:
    """One report's PDF (report-0, a hundred examples) against WeasyPrint alone on the same
    HTML, with bench/pdf.py on a content folder holding that report alone."""
    source = work / f"n{n}" / "content"
    content = work / f"n{n}" / "pdf-content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(source, content, ignore=shutil.ignore_patterns("examples", "reports"))
    (content / "reports").mkdir()
    (content / "examples").mkdir()
    shutil.copy(source / "reports" / "report-0.yml", content / "reports")
    for path in (source / "examples").glob("*.md"):
        if "reports: [report-0]" in path.read_text(encoding="utf-8"):
            shutil.copy(path, content / "examples")
    done = subprocess.run([sys.executable, str(REPO / "bench" / "pdf.py"), "--content",
                           str(content), "--report", "report-0", "--runs", str(runs),
                           "--json"], cwd=REPO, capture_output=True, text=True, check=True)
    return {f"pdf_{k}": v for k, v in json.loads(done.stdout.splitlines()[-1]).items()}


def main() -> None:
    """Run the benchmark and print one table."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--saves", type=int, default=5,
                        help="preview saves timed (the median is reported)")
    parser.add_argument("--leak-saves", type=int, default=0,
                        help="preview saves more, to see whether its memory grows")
    parser.add_argument("--pdf-size", type=int, default=1000,
                        help="the size whose report-0 PDF is timed against WeasyPrint alone")
    parser.add_argument("--pdf-runs", type=int, default=1)
    parser.add_argument("--no-pdf", action="store_true", help="leave the PDF out")
    args = parser.parse_args()
    # As an installed package would be: compiled to bytecode once, not at every run (this
    # matters where PYTHONDONTWRITEBYTECODE is set, as on the development machine).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "spotlight")],
                   check=True, stdout=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="spotlight-bench-"))
    rows = []
    load = os.getloadavg()[0]
    try:
        for n in args.sizes:
            row = measure(n, args.repeat, work, args.saves, args.leak_saves)
            if n == args.pdf_size and not args.no_pdf:
                row |= pdf(n, work, args.pdf_runs)
            rows.append(row)
            print(f"measured N={n}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(_table(rows))
    print(f"\nLoad average (1 min) at the start and end: {load:.2f}, {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores.")
    print(f"Reproduce: python3 bench/run.py {' '.join(sys.argv[1:])}".rstrip())


def _table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| N | floor s (CPU) | HTML s (CPU) | HTML/floor CPU | Pagefind alone s (CPU) "
        "| full with search s (CPU) | full/(floor+Pagefind) CPU | no-op s | no-op/full "
        "| edit one s | edit → served s (median, max) | peak MB (preview) |",
        "|" + "---|" * 12]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['floor']:.2f} ({r['floor_cpu']:.2f}) "
            f"| {r['html']:.2f} ({r['html_cpu']:.2f}) | {r['html_cpu'] / r['floor_cpu']:.2f} "
            f"| {r['pagefind']:.2f} ({r['pagefind_cpu']:.2f}) "
            f"| {r['full']:.2f} ({r['full_cpu']:.2f}) "
            f"| {r['full_cpu'] / (r['floor_cpu'] + r['pagefind_cpu']):.2f} "
            f"| {r['noop']:.3f} | {r['noop'] / r['full']:.3f} | {r['edit']:.3f} "
            f"| {r['served']:.3f} ({r['served_max']:.3f}) "
            f"| {r['peak_mb']:.0f} ({r['preview_peak_mb']:.0f}) |")
    lines.append("")
    for r in rows:
        if "preview_rss_after_leak" in r:
            lines.append(f"Preview at N={r['n']:,}: resident memory "
                         f"{r['preview_rss_after_saves']:.0f} MB after the timed saves, "
                         f"{r['preview_rss_after_leak']:.0f} MB after the saves that followed.")
        if "pdf_spotlight" in r:
            lines.append(f"One report's PDF at N={r['n']:,} (report-0, its examples alone): "
                         f"spotlight {r['pdf_spotlight']:.2f} s (CPU "
                         f"{r['pdf_spotlight_cpu']:.2f}), WeasyPrint alone on the same HTML "
                         f"{r['pdf_weasyprint']:.2f} s (CPU {r['pdf_weasyprint_cpu']:.2f}): "
                         f"{r['pdf_spotlight_cpu'] / r['pdf_weasyprint_cpu']:.2f}× in CPU time.")
    lines.append(
        f"Targets at 1,000: HTML CPU ≤ {TARGETS['cpu_floor']}× the floor's; full with search "
        f"≤ {TARGETS['search']}× floor + Pagefind alone (CPU); no-op ≤ {TARGETS['noop']} of "
        f"full; edit → served ≤ {TARGETS['served_s']} s; one PDF ≤ {TARGETS['pdf']}× "
        f"WeasyPrint alone; peak at 5,000 < {TARGETS['peak_mb']} MB, preview included.")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
