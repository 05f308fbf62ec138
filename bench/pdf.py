"""Benchmark (not a test): how long spotlight takes to make a report's PDF, against WeasyPrint
alone turning the same HTML into a PDF.

    python3 bench/pdf.py                          # the sample report, 3 runs each
    python3 bench/pdf.py --report westvale-2026 --runs 5
    python3 bench/pdf.py --all                    # also every PDF of the build

"spotlight" runs the pipeline up to the report's PDF bytes (load, validate, assemble, render
and pdf, nothing written); "WeasyPrint alone" is HTML(string=...).write_pdf() on the HTML that
spotlight rendered, with the same stylesheet, fonts and PDF/UA variant but WeasyPrint's own
URL fetcher. The difference is what spotlight adds; the share of it spent tidying the
structure tree (``pdf_tags.tidy``, WeasyPrint's finisher) is shown apart. Each figure is the
best of --runs runs, taken in turn, after one warm-up run of each, in this one process; wall
and CPU time. On a shared machine the median of each round's ratio is the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from spotlight.content.load import load  # noqa: E402
from spotlight.content.theme import load_theme  # noqa: E402
from spotlight.content.validate import validate  # noqa: E402
from spotlight.outputs import pdf_tags  # noqa: E402
from spotlight.outputs.pdf import PDF_VARIANT, render_pdfs  # noqa: E402
from spotlight.site.assemble import assemble  # noqa: E402
from spotlight.site.assemble_print import assemble_print  # noqa: E402
from spotlight.site.render import render  # noqa: E402


def main() -> None:
    """Time the chosen report's PDF both ways and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--report", default="northshire-2025", help="the report's slug")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--all", action="store_true", help="also time every PDF of the build")
    parser.add_argument("--json", action="store_true",
                        help="also print the two times as JSON, last (for bench/run.py)")
    args = parser.parse_args()

    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    def pipeline(everything: bool = False) -> dict[str, bytes]:
        raw, problems = load(args.content)
        theme, theme_problems = load_theme("default", None)
        content = validate(raw, [*problems, *theme_problems])
        assert theme is not None
        site = assemble(content)
        extra = assemble_print(content, site, handouts=True) if everything else None
        documents = render(site, theme, args.content, extra).pdfs
        if not everything:
            documents = tuple(d for d in documents if d.path == f"reports/{args.report}.pdf")
        pdfs, _ = render_pdfs(documents, args.content, theme)
        return pdfs

    raw, _ = load(args.content)
    theme, _ = load_theme("default", None)
    assert theme is not None
    site = assemble(validate(raw))
    document = next(d for d in render(site, theme, args.content).pdfs
                    if d.path == f"reports/{args.report}.pdf")

    def weasyprint_alone() -> bytes:
        fonts = FontConfiguration()
        css = [weasyprint.CSS(filename=path, font_config=fonts) for path in document.stylesheets]
        return weasyprint.HTML(string=document.html, base_url=document.base_url).write_pdf(
            stylesheets=css, font_config=fonts, pdf_variant=PDF_VARIANT)

    tidying: list[float] = []  # CPU seconds in the tidy pass, one entry per PDF
    tidy = pdf_tags.tidy

    def timed_tidy(document: object, pdf: object) -> None:
        cpu = time.process_time()
        try:
            tidy(document, pdf)  # type: ignore[arg-type]
        finally:
            tidying.append(time.process_time() - cpu)

    pdf_tags.tidy = timed_tidy  # type: ignore[assignment]

    # Round by round, after one warm-up run each (imports, fonts), so that both sides meet
    # the same conditions on a shared machine; CPU time beside wall time.
    pipeline()
    weasyprint_alone()
    ours: list[tuple[float, float]] = []
    alone: list[tuple[float, float]] = []
    tidied: list[float] = []
    for _ in range(args.runs):
        tidying.clear()
        ours.append(_timed(pipeline))
        tidied.append(sum(tidying))
        alone.append(_timed(weasyprint_alone))
    # Each round's two runs meet about the same load: their ratio is steadier than the ratio
    # of two bests, which may come from different rounds.
    ratios = [mine[1] / theirs[1] for mine, theirs in zip(ours, alone, strict=True)]
    rows = [("spotlight, load to PDF bytes", _best(ours)),
            ("WeasyPrint alone, same HTML", _best(alone))]
    if args.all:
        rows.append(("spotlight, every PDF of the build", _timed(lambda: pipeline(True))))
    print(f"{args.report}.pdf: {len(weasyprint_alone()) // 1024} KiB, "
          f"best of {args.runs} run(s)")
    for label, (seconds, cpu) in rows:
        print(f"  {label:<36} {seconds:6.2f} s  (CPU {cpu:6.2f} s)")
    overhead = rows[0][1][1] - rows[1][1][1]
    print(f"  {'spotlight adds (CPU)':<36} {overhead:6.2f} s ({overhead / rows[1][1][1]:+.0%})")
    print(f"  {'  of which tidying the tree (CPU)':<36} {min(tidied):6.2f} s")
    print(f"  {'spotlight / WeasyPrint alone (CPU)':<36} {rows[0][1][1] / rows[1][1][1]:6.2f}"
          f"  (round by round: median {_median(ratios):.2f}, from {min(ratios):.2f} "
          f"to {max(ratios):.2f})")
    if args.json:
        print(json.dumps({"spotlight": rows[0][1][0], "weasyprint": rows[1][1][0],
                          "spotlight_cpu": rows[0][1][1], "weasyprint_cpu": rows[1][1][1],
                          "tidy_cpu": min(tidied), "ratio_cpu_median": _median(ratios)}))


def _timed(job: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run, in this process (one PDF renders here, not in a
    worker)."""
    start, cpu = time.perf_counter(), time.process_time()
    job()
    return time.perf_counter() - start, time.process_time() - cpu


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return min(r[0] for r in runs), min(r[1] for r in runs)


if __name__ == "__main__":
    main()
