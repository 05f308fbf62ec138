"""What every content file's validation checks alike: its Markdown fields and the files they
name (images, the logo, the favicon), a slug made of a file name, entries listed once."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from .. import markdown
from ..errors import Problem
from ..file_names import lookalike, shown, slug_problem
from .load import SourceFile
from .schema import SLUG_RE
from .suggest import slugify
from .yamlio import YMap

#: Image formats every PDF reader and browser shows.
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


class MarkdownField:
    """Parses a Markdown field of a record, located at the record's key, and checks it."""

    def __init__(self, name: str, assets: frozenset[str], found: list[Problem]) -> None:
        self._name, self._assets, self._found = name, assets, found

    def __call__(self, record: Any, key: str) -> markdown.Parsed:
        text = record.get(key) or ""
        line = record.line_of(key) if isinstance(record, YMap) else 1
        parsed = markdown.parse(text, line + 1 if "\n" in text.strip("\n") or
                                text.endswith("\n") else line)
        check_markdown(parsed, self._name, self._assets, self._found)
        return parsed


def check_markdown(parsed: markdown.Parsed, name: str, assets: frozenset[str],
                   found: list[Problem]) -> None:
    """Add to ``found`` what is wrong in a parsed Markdown field of the file ``name``: a
    top-level heading, what would reach readers as text, images missing or without alt text."""
    for heading in parsed.top_headings:
        found.append(Problem(name, heading.line,
                             "headings start at '##' here: the title is set elsewhere"))
    found.extend(Problem(name, finding.line, finding.message) for finding in parsed.findings)
    for image in parsed.images:
        found.extend(Problem(name, image.line, m) for m in _image_problems(image, assets))


def _image_problems(image: markdown.Image, assets: frozenset[str]) -> list[str]:
    problems = [message] if (message := file_problem(image.value, assets, "image")) else []
    if not image.alt:
        problems.append(f"image '{image.value}' has no alt text: describe it between the "
                        "brackets of ![...]")
    return problems


def file_problem(src: str, assets: frozenset[str], noun: str) -> str | None:
    """What is wrong with ``src``, a file of the content folder (the ``noun``: an image, the
    logo...), if anything."""
    if markdown.url_scheme(src) != "" or src.startswith("//"):
        return (f"{noun} '{src}' is not a file of the content folder: copy it into images/ "
                "(remote images are never fetched)")
    path = posixpath.normpath(unquote(urlsplit(src).path))
    if path.startswith("/") or path == ".." or path.startswith("../"):
        # Written from the file's own folder (as some editors' previews read it), it may name
        # a file of the content folder: say how to write it.
        inside = path.lstrip("/")
        while inside.startswith("../"):
            inside = inside[3:]
        if inside in assets:
            return (f"{noun} '{src}': paths are written from the content folder, not from "
                    f"this file's folder; write '{shown(inside)}'")
        return f"{noun} '{src}' is outside the content folder"
    if path not in assets:
        twin = lookalike(path, assets)
        return f"{noun} '{shown(src)}' not found in the content folder" + (
            f"; there is '{shown(twin)}', whose name looks the same" if twin else "")
    if noun == "image" and not path.lower().endswith(IMAGE_TYPES):
        # a page opened from the site could run scripts
        return f"image '{src}' is not a picture: use a PNG, JPEG, GIF, WebP or SVG file"
    return None


def slug_of(source: SourceFile, found: list[Problem]) -> str | None:
    """The slug a file's name makes, or None (the problem added to ``found``)."""
    slug = source.path.stem
    if not SLUG_RE.match(slug):
        fixed = slugify(slug)
        such = f", such as '{fixed}{source.path.suffix}'" if fixed else ""
        found.append(Problem(source.name, None, (
            f"file name '{shown(source.path.name)}' cannot be used: the addresses of its pages "
            "are made from it, so name the file with lower-case letters without accents, "
            f"digits and hyphens only{such}")))
        return None
    if message := slug_problem(slug):
        found.append(Problem(source.name, None, f"file name '{source.path.name}' {message}"))
        return None
    return slug


def unique(items: Iterable[Any], key: str, label: str, name: str, found: list[Problem]) -> None:
    """Add to ``found`` each entry of ``items`` whose ``key`` an earlier one has already."""
    seen: set[str] = set()
    for item in items:
        value = item[key]
        if value in seen:
            found.append(Problem(name, item.line_of(key), f"{label} '{value}' is listed twice"))
        seen.add(value)
