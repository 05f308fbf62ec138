"""The report-level sections of a spotlight: the summary and "Our standards"."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from . import yaml_writer as y
from .dates import date_range
from .document import Block, Kind
from .outline import Section, normalise
from .site_file import SiteFile

_CODED = re.compile(r"^(\S*\d\S*)\s+([^:]{1,60}):\s+(.+)$")
_SUBJECT = re.compile(r"^(.{3,80}?)\s+(?:is|are|was|were|has|have)\b")
_DERIVED = ("examples in this spotlight",)


@dataclass
class ReportParts:
    """What the report file is assembled from, gathered section by section."""

    introduction: list[Block] = field(default_factory=list)
    summary: list[Block] = field(default_factory=list)
    facts: list[tuple[str, int]] = field(default_factory=list)
    fieldwork: tuple[dt.date, dt.date] | None = None
    published: dt.date | None = None
    standards_intro: list[Block] = field(default_factory=list)
    standards_list: list[Block] = field(default_factory=list)
    new_standard_codes: list[str] = field(default_factory=list)
    new_standards: list[dict[str, Any]] = field(default_factory=list)  # code and text of each
    acknowledgements: list[Block] = field(default_factory=list)


def summary_parts(section: Section, parts: ReportParts) -> None:
    """The summary: "Term: value" rows become fieldwork dates and facts; the rest is text."""
    for block in section.blocks:
        if block.kind == Kind.FIELD:
            term = " ".join(block.term.split())
            value = block.text.replace(",", "").strip()
            if term.lower() == "fieldwork" and (found := date_range(block.text)):
                parts.fieldwork = parts.fieldwork or found
                continue
            if term.lower() in _DERIVED:
                continue  # derived from the examples by every build
            if value.isdigit():
                parts.facts.append((term, int(value)))
                continue
        parts.summary.append(block)
    if parts.fieldwork is None:
        parts.fieldwork = date_range(" ".join(b.text for b in section.blocks))


def standards_entries(section: Section, parts: ReportParts, site: SiteFile) -> None:
    """"Our standards": list items become catalogue entries; the rest is the standards intro."""
    known = [*site.items("standards"), *parts.new_standards]  # another such section's too
    codes = {str(s.get("code")) for s in known}
    for block in section.blocks:
        if block.kind not in (Kind.BULLET, Kind.NUMBERED):
            parts.standards_intro.append(block)
            continue
        parts.standards_list.append(block)
        text = " ".join(block.text.split())
        code, title = "", ""
        if match := _CODED.match(text):
            code, title, text = match.groups()
        if code and code in codes:
            continue
        same = _same_text(text, known)
        if same is not None:
            continue
        if not code:
            code = _free_code(codes)
        codes.add(code)
        title = title or _title_of(text)
        parts.new_standard_codes.append(code)
        parts.new_standards.append({"code": code, "text": text})
        known.append(parts.new_standards[-1])
        site.add("standards", f"- code: {y.scalar(code)}\n  title: {y.scalar(title)}\n"
                              f"  text: {y.scalar(text)}")


def _same_text(text: str, known: list[dict[str, Any]]) -> dict[str, Any] | None:
    wanted = normalise(text)
    for standard in known:
        have = normalise(str(standard.get("text", "")))
        if have == wanted or difflib.SequenceMatcher(None, have, wanted).ratio() >= 0.92:
            return standard
    return None


def _free_code(codes: set[str]) -> str:
    number = 1
    while f"S{number}" in codes:
        number += 1
    return f"S{number}"


def _title_of(text: str) -> str:
    """A short name for a standard: the subject of its wording, or its first words."""
    if match := _SUBJECT.match(text):
        subject = re.sub(r"^(?:a|an|the)\s+", "", match.group(1).strip(" ,"), flags=re.I)
        if len(subject.split()) <= 8:
            return subject[0].upper() + subject[1:]
    words = text.rstrip(".").split()
    return " ".join(words[:5]) + ("…" if len(words) > 5 else "")
