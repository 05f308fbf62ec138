"""``spotlight new report``: start a new region's spotlight.

Writes ``reports/<slug>.yml`` with what the author gave (region, title, fieldwork and
publication dates) and a first introduction to edit, and adds the region, or its PDUs, to
``site.yml`` when they are new, as text, so that the file's comments and order are kept. Never
overwrites a file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .content import fields, suggest
from .content.drafts import PLACEHOLDER_DATE  # a date not known yet: the report is a draft
from .content.load import REPORTS_DIR, SITE_FILE
from .content.scaffold import SCHEMA_DIR, slugify
from .content.site_fields import in_a_sentence
from .content.yamlio import YList, YMap
from .errors import Problem, SpotlightError, display_path
from .importing.dates import single_date
from .importing.site_additions import NATIONS
from .importing.site_file import SiteFile
from .importing.yaml_writer import scalar


@dataclass(frozen=True)
class NewReport:
    """What the author asked for. ``region`` is a region's name or slug; a name the site file
    does not know adds a region. ``pdus`` are PDU names; new ones are added to the region."""

    region: str
    start: dt.date
    end: dt.date
    title: str | None = None
    published: dt.date | None = None
    pdus: tuple[str, ...] = ()
    slug: str | None = None


@dataclass(frozen=True)
class Written:
    """The report file written, and what was added to the site file."""

    path: Path
    region_added: str | None
    pdus_added: tuple[str, ...]


def parse_date(text: str) -> dt.date | None:
    """A date as an author types it: 2025-03-03, 3 March 2025, 3 Mar 2025."""
    return single_date(text.strip()) if text.strip() else None


def regions(content: Path) -> dict[str, str]:
    """The site file's regions, slug -> name (empty when there is no readable site file)."""
    try:
        site = _site(content)
    except SpotlightError:
        return {}
    return {str(r.get("slug")): str(r.get("name")) for r in site.items("regions")}


def region_name(content: Path, wanted: str) -> str | None:
    """The name of the known region ``wanted`` names, or None for a new region; raises
    SpotlightError for a near miss of a known one."""
    region = find_region(_site(content), wanted)
    return None if region is None else str(region.get("name"))


def default_title(region_name: str) -> str:
    """The title a spotlight of ``region_name`` usually has, as published: "Effective Practice
    Spotlight: The Probation Service – East Midlands region"; "– Wales" for Wales, a nation
    and not a region of England."""
    plain = region_name.strip().lower()
    region = region_name if plain.endswith(" region") or plain in NATIONS \
        else f"{region_name} region"
    return f"Effective Practice Spotlight: The Probation Service – {region}"


def find_region(site: SiteFile, wanted: str) -> dict[str, object] | None:
    """The site file's region that ``wanted`` names (by slug or name), or None for a new one.

    Raises SpotlightError when ``wanted`` is a near miss of a known region, which is more
    likely a typing slip than a new region."""
    known = {str(r.get("slug")): r for r in site.items("regions")}
    names = {slug: str(r.get("name")) for slug, r in known.items()}
    found = suggest.nearest(wanted, names)
    if found is None:
        return None
    exact = wanted.strip().lower() in (found.lower(), names[found].lower()) or \
        slugify(wanted) in (found, slugify(names[found]))
    if not exact:
        raise SpotlightError([Problem(site.name, site.data.line_of("regions"),
                                      f"unknown region '{wanted}'; did you mean '{found}' "
                                      f"({names[found]})? A new region needs a name of its own")])
    return known[found]


def new_report(content: Path, request: NewReport) -> Written:
    """Write the report file and add what is new to the site file; return what was done."""
    site = _site(content)
    problems: list[Problem] = []
    if request.end < request.start:
        problems.append(Problem("fieldwork", None, f"the fieldwork ends ({request.end}) before "
                                f"it starts ({request.start})"))
    region = find_region(site, request.region)
    if region is None:
        name = region_words(request.region)
        slug = slugify(name)
        if not slug:
            problems.append(Problem("region", None, "the region's name needs a letter or digit"))
    else:
        slug, name = str(region.get("slug")), str(region.get("name"))
    year = request.end.year  # the inspection's year, as `spotlight import` names a report
    report_slug = request.slug or f"{slug}-{year}"
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", report_slug):
        fixed = slugify(report_slug)
        problems.append(Problem("--slug", None, f"'{report_slug}' cannot be the report's file "
                                "name and address: use lower-case letters without accents, "
                                "digits and hyphens only" + (f", such as '{fixed}'" if fixed
                                                             else "")))
    path = content / REPORTS_DIR / f"{report_slug}.yml"
    if path.exists() or path.with_suffix(".yaml").exists():
        problems.append(Problem(display_path(path), None, "already exists: edit it, or give "
                                "another --slug"))
    if problems:
        raise SpotlightError(problems)

    have = {str(p.get("slug")) for p in _pdus(region)} | {
        str(p.get("name")).lower() for p in _pdus(region)}
    new_pdus = tuple(dict.fromkeys(p.strip() for p in request.pdus if p.strip()
                                   and p.strip().lower() not in have
                                   and slugify(p) not in have))
    pdu_items = [f"- slug: {slugify(p)}\n  name: {scalar(p)}" for p in new_pdus]
    if region is None:
        pdus = ("pdus:\n" + "\n".join("  " + line for item in pdu_items
                                      for line in item.split("\n"))) if pdu_items else "pdus: []"
        site.add("regions", f"- slug: {slug}\n  name: {scalar(name)}\n  " +
                 pdus.replace("\n", "\n  "))
        site_text = site.render()
    else:
        site_text = _add_pdus(site, region, pdu_items) if pdu_items else site.text

    written = region.get("in_sentence") if region is not None else None  # "the North West"
    text = _report_text(request, name, slug, report_slug, (content / SCHEMA_DIR).is_dir(),
                        str(written).strip() if written else in_a_sentence(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": fail rather than overwrite
        out.write(text)
    if site_text != site.text:
        (content / SITE_FILE).write_text(site_text, encoding="utf-8")
    return Written(path, name if region is None else None, new_pdus)


def _site(content: Path) -> SiteFile:
    path = content / SITE_FILE
    if not path.is_file():
        raise SpotlightError([Problem(display_path(path), None, "no site file: run "
                                      "'spotlight init' first, or go into your project folder")])
    return SiteFile.parse(path.read_text(encoding="utf-8"), display_path(path))


def region_words(text: str) -> str:
    """A region's name from what was typed: a slug becomes words ("east-midlands" -> "East
    Midlands"); a name is kept as typed."""
    text = " ".join(text.split())
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text):
        return " ".join(word.capitalize() for word in text.split("-"))
    return text


def _pdus(region: dict[str, object] | None) -> list[dict[str, object]]:
    value = region.get("pdus") if region else None
    return [p for p in value if isinstance(p, dict)] if isinstance(value, list) else []


def _add_pdus(site: SiteFile, region: dict[str, object], items: list[str]) -> str:
    """The site file's text with PDU items added at the end of one region's ``pdus``."""
    assert isinstance(region, YMap)
    lines = site.text.rstrip("\n").split("\n")
    regions = site.data.get("regions")
    assert isinstance(regions, YList)
    index = next(i for i, r in enumerate(regions) if r is region)
    region_end = (regions.item_lines[index + 1] - 1 if index + 1 < len(regions)
                  else site._end_of("regions", lines))
    pdus = region.get("pdus")
    key_indent = _indent(lines[region.line_of("name") - 1])
    if "pdus" not in region or pdus is None:
        at, indent = region_end, key_indent + "  "
        new = [key_indent + "pdus:"]
    else:
        pdus_line = region.line_of("pdus")
        if not isinstance(pdus, YList) or (pdus and pdus.item_lines[0] == pdus_line):
            raise SpotlightError([Problem(site.name, pdus_line, "'pdus' is written on one line; "
                                          "write it as a list of '- ' items so that new PDUs "
                                          "can be added to it")])
        later = sorted(n for n in region.key_lines.values() if n > pdus_line)
        at = later[0] - 1 if later else region_end
        if pdus:
            first = lines[pdus.item_lines[0] - 1]
            indent, new = first[:len(first) - len(first.lstrip(" "))], []
        else:  # "pdus: []"
            lines[pdus_line - 1] = re.sub(r"\s*\[\]\s*$", "", lines[pdus_line - 1])
            indent, new = key_indent + "  ", []
    while at > 0 and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")):
        at -= 1
    new += [indent + line for item in items for line in item.split("\n")]
    lines[at:at] = new
    return "\n".join(lines) + "\n"


def _indent(line: str) -> str:
    stripped = line.lstrip(" ")
    if stripped.startswith("- "):  # "  - slug: x": the keys' column is after the dash
        return " " * (len(line) - len(stripped) + 2)
    return line[:len(line) - len(stripped)]


def _report_text(request: NewReport, region_name: str, region_slug: str, report_slug: str,
                 schemas: bool, in_sentence: str) -> str:
    start, end = request.start, request.end
    title = request.title or default_title(region_name)
    when = (f"{start:%B} and {end:%B %Y}" if start.year == end.year
            else f"{start:%B %Y} and {end:%B %Y}")
    if start.month == end.month and start.year == end.year:
        when = f"{end:%B %Y}"
    published = (f"published: {request.published.isoformat()}" if request.published else
                 f"published: {PLACEHOLDER_DATE.isoformat()}  # PLACEHOLDER: the publication "
                 "date, set before publishing (the build refuses to publish this one)")
    lines = [f"# yaml-language-server: $schema=../{SCHEMA_DIR}/report.schema.json"] if schemas \
        else []
    lines += [
        "# One report. Its examples are the files in examples/ that name it in `reports`; add",
        f"# one with: spotlight new example --report {report_slug} --theme court-work \"Title\"",
        "",
        f"title: {scalar(title)}",
        f"region: {region_slug}",
        "fieldwork:",
        f"  start: {start.isoformat()}",
        f"  end: {end.isoformat()}",
        published,
        "",
        "introduction: |",
        f"  Between {when}, we inspected probation services in {in_sentence}. This spotlight",
        "  brings together examples of effective practice we found, so that practitioners and",
        "  managers can learn from them.",
        "",
        "  Names and some details have been changed to protect the people involved.",
        "",
        "# The figures and summary of the fieldwork, shown at the start of the report:",
        "# summary:",
        "#   facts:",
        "#     - {key: cases, label: Cases reviewed, value: 100}",
        "#   text: |",
        "#     - We reviewed 100 cases.",
        "",
        "# The sections, in order; without this list, each practice theme that has examples",
        "# is a section, in the order of site.yml:",
        "# sections:",
        "#   - practice_theme: court-work",
        "",
        "# references:",
        "#   - key: standards",
        "#     text: HM Inspectorate of Probation. *Standards for inspecting probation services*.",
        "",
        "acknowledgements: |",
        "  We thank the practitioners, managers and people on probation who gave their time",
        "  during fieldwork.",
    ]
    return "\n".join(lines + _other_fields(lines)) + "\n"


def _other_fields(lines: list[str]) -> list[str]:
    """Every other declared key of a report file, commented out with its meaning."""
    named = {m.group(1) for line in lines if (m := re.match(r"^(?:# )?(\w+):", line))}
    others = [f"# {spec.name}:  # {spec.doc}" for spec in fields.REPORT.fields
              if spec.name not in named]
    return ["", "# Other keys a report file may have:", *others] if others else []
