"""Incremental builds on random histories: every build equals a clean build, byte for byte.

Each example applies a random sequence of changes to a small site (edits to an example's text,
title and front matter; renames, deletions and new examples; edits to the site file, the
report and an image; a theme override given on the command line or named in the site file,
and edited; options switched), building after each change twice: incrementally, into the
folder of the previous build, and from scratch (``clean``) into another folder. The two must
hold the same files with the same bytes, or both builds must fail with the same problems.

Example counts are kept small for CI; to search harder, scale them up:

    SPOTLIGHT_PROPERTY_SCALE=20 python3 -m pytest tests/test_incremental_property.py
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotlight.build import BuildOptions, build
from spotlight.errors import SpotlightError

from .conftest import copy_site, overlay

SCALE = int(os.environ.get("SPOTLIGHT_PROPERTY_SCALE", "1"))
WORDS = ("alpha", "beta", "PP", "delta")
SQUARE = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
          '<rect width="40" height="40" fill="{}"/></svg>')
# Shows the first example's Outcome and the report's glossary on the home page: an override
# may show any text anywhere, and an edit must still reach every page that shows it.
OVERRIDE = ('{% extends "!default/index.html" %}{% block content %}{{ super() }}'
            '{% for e in site.library.examples[:1] %}<div>{{ e.outcome }}</div>{% endfor %}'
            '{% for r in site.reports %}<ul>{% for term, meaning in r.glossary %}'
            '<li>{{ term }} {{ meaning }}</li>{% endfor %}</ul>{% endfor %}'
            '<p>{{ word }}</p>{% endblock %}')
EXAMPLE = ("---\ntitle: Case {n}\nreports: [north-2025]\npractice_theme: {theme}\n"
           "region: north\n---\nDev met the PP every week{image}.\n\n## Outcome\n\n"
           "Dev did {word}.\n")


@dataclass
class Site:
    """A scratch site, with the options its next build uses."""

    root: Path
    options: BuildOptions

    @property
    def content(self) -> Path:
        return self.root / "content"

    def examples(self) -> list[Path]:
        return sorted((self.content / "examples").glob("*.md"))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1) if old in text else text, encoding="utf-8")


def _change(site: Site, change: tuple[str, int, str]) -> None:
    """Apply one change to the site or to its options."""
    kind, n, word = change
    examples = site.examples()
    example = examples[n % len(examples)] if examples else None
    if kind == "text" and example:
        _edit(example, "## Outcome\n\n", f"## Outcome\n\nThen {word}. ")
    elif kind == "title" and example:
        _edit(example, "title: ", f"title: {word.title()} ")
    elif kind == "front" and example:
        _edit(example, "region: north\n", f"region: north\ntags: [{word}]\norder: {n}\n")
    elif kind == "rename" and example:
        example.rename(example.with_name(f"{example.stem}-{n}.md"))
    elif kind == "delete" and example and len(examples) > 1:
        example.unlink()
    elif kind == "add":
        image = ' ![A square](images/square.svg "Square")' if n % 2 else ""
        overlay(site.content, {f"examples/case-{n}.md": EXAMPLE.format(
            n=n, word=word, image=image, theme=("court-work", "resettlement")[n % 2])})
    elif kind == "glossary":
        _edit(site.content / "site.yml", "PP: probation practitioner",
              f"PP: probation practitioner {word}")
    elif kind == "report":
        _edit(site.content / "reports" / "north-2025.yml", "The introduction.",
              f"The introduction, {word}.")
    elif kind == "image":
        overlay(site.content, {"images/square.svg": SQUARE.format(("#000", "#fff")[n % 2])})
    elif kind == "override":
        overlay(site.root / "look" / "templates",
                {"index.html": OVERRIDE.replace("{{ word }}", word)})
        site_file = site.content / "site.yml"
        named = "theme_override: ../look\n"
        text = site_file.read_text(encoding="utf-8").replace(named, "")
        how = n % 3  # none, on the command line, or named in the site file
        site_file.write_text(text + (named if how == 2 else ""), encoding="utf-8")
        site.options = replace(site.options, theme_override=(
            site.root / "look" if how == 1 else None))
    elif kind == "search":
        site.options = replace(site.options, search=not site.options.search)
    elif kind == "handouts":
        site.options = replace(site.options, handouts=(None, False)[n % 2])
    elif kind == "modified":
        modified = dt.datetime(2026, 1, 1 + n, tzinfo=dt.UTC) if n % 2 else None
        site.options = replace(site.options, modified=modified)


def _files(folder: Path) -> dict[str, str]:
    """Every file's digest; but Pagefind's index, whose file names vary from one run of
    Pagefind to the next over the same pages."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and p.relative_to(folder).parts[0] != "pagefind"}


def _outcome(options: BuildOptions) -> dict[str, str] | tuple[str, ...]:
    """The files a build wrote, or the problems it failed with."""
    try:
        build(options)
    except SpotlightError as error:
        return tuple(str(p) for p in error.problems)
    return _files(options.out)


def _history(changes: list[tuple[str, int, str]], pdf: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        copy_site("minimal", root / "content")
        overlay(root / "content", {"images/square.svg": SQUARE.format("#000")})
        site = Site(root, BuildOptions(content=root / "content", out=root / "out", pdf=pdf,
                                       search=False, handouts=False))
        build(site.options)
        for change in changes:
            _change(site, change)
            incremental = _outcome(site.options)
            clean = _outcome(replace(site.options, out=root / "clean", clean=True))
            assert incremental == clean, f"after {change}"


CHANGES = ("text", "title", "front", "rename", "delete", "add", "glossary", "report", "image",
           "override", "search")
change = st.tuples(st.sampled_from(CHANGES), st.integers(0, 5), st.sampled_from(WORDS))


@settings(max_examples=10 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(change, min_size=1, max_size=4))
def test_every_incremental_build_equals_a_clean_build(changes: list[tuple[str, int, str]]
                                                      ) -> None:
    _history(changes, pdf=False)


PDF_CHANGES = ("text", "title", "image", "handouts", "modified", "override")
pdf_change = st.tuples(st.sampled_from(PDF_CHANGES), st.integers(0, 5), st.sampled_from(WORDS))


@settings(max_examples=SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pdf_change, min_size=1, max_size=2))
def test_every_incremental_build_with_pdfs_equals_a_clean_build(
        changes: list[tuple[str, int, str]]) -> None:
    _history(changes, pdf=True)
