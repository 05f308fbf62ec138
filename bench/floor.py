"""The floor: the unavoidable work of a build, done with the libraries alone.

Read every content file, parse its front matter (pyyaml) and Markdown (markdown-it-py), render
a trivial page per example and per report (jinja2), and write the pages. spotlight's own build
is measured against this.

    python3 bench/floor.py CONTENT OUT
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt

PAGE = jinja2.Template(
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{{ title }}</title></head>"
    "<body><main><h1>{{ title }}</h1>{{ body | safe }}</main></body></html>", autoescape=True)
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def floor(content: Path, out: Path) -> int:
    """Do the floor's work; return the number of pages written."""
    md = MarkdownIt("commonmark")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    yaml.load((content / "site.yml").read_text(encoding="utf-8"), Loader=Loader)
    by_report: dict[str, list[str]] = {}
    pages = 0
    for path in sorted((content / "reports").glob("*.yml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
        by_report[path.stem] = []
    for path in sorted((content / "examples").rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.load(front, Loader=Loader)
        html = md.render(body)
        for report in meta["reports"]:
            by_report.setdefault(report, []).append(html)
        (out / f"{path.stem}.html").write_text(PAGE.render(title=meta["title"], body=html))
        pages += 1
    for report, bodies in by_report.items():
        (out / f"{report}.html").write_text(PAGE.render(title=report, body="".join(bodies)))
        pages += 1
    return pages


if __name__ == "__main__":
    print(floor(Path(sys.argv[1]), Path(sys.argv[2])))
