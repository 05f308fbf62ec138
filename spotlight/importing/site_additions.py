"""What an import adds to site.yml: the region and its PDUs, the practice themes of the
source's sections (and that a theme's examples have no Outcome), and the abbreviations the
source uses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from . import abbreviations
from . import yaml_writer as y
from .document import Document, Kind, Warn
from .examples import slugify, unique
from .outline import Outline, Section, normalise
from .site_file import SiteFile

#: What parts a title: a colon, an en or em dash, or a hyphen with a space on each side (not
#: the hyphen of "North-West").
_TITLE_PARTS = re.compile(r"\s*[:–—]\s*|\s+-\s+")
#: A title's last part as a region: "Wales", "North West region", "the North West".
_REGION_PART = re.compile(r"(?:the\s+)?(?P<name>.+?)(?P<region>\s+region)?[\s.]*",
                          re.IGNORECASE)
_REGION_IN_SUMMARY = re.compile(r"^(.+?)\s+effective practice summary$|^crynodeb o (?:y|a)rfer "
                                r"effeithiol (?:yng?\s+)?(.+?)\.?$", re.IGNORECASE)
#: Regions of the Probation Service that are a nation, named without "region" ("– Wales").
NATIONS = ("wales", "cymru")


def region_in_title(title: str, known: Iterable[str] = ()) -> str | None:
    """The region a spotlight's title names, as written, or None.

    The published form is "Effective Practice Spotlight: The Probation Service – North West
    region" ("– Wales" for Wales): the region is the title's last part, after an en or em
    dash, a spaced hyphen or a colon, without "the" or "region". It is taken when it says
    "region", follows "The Probation Service", or is a nation or a region of ``known`` (the
    site file's names), whether or not the site file has it already; so a thematic title
    ("Effective Practice Spotlight: Work with women") names none."""
    parts = _TITLE_PARTS.split(" ".join(title.split()))
    if len(parts) < 2 or not (found := _REGION_PART.fullmatch(parts[-1])):
        return None
    name = found.group("name").strip()
    if not normalise(name):
        return None
    if found.group("region") or normalise(parts[-2]).endswith(("probation service",
                                                              "gwasanaeth prawf")) \
            or normalise(name) in {*NATIONS, *(normalise(k) for k in known)}:
        return name
    return None


def find_region(shape: Outline, title: str, site: SiteFile,
                warn: Warn) -> tuple[str, str | None, dict[str, str]]:
    """The region's slug, its name when it is new to site.yml, and its PDUs by name."""
    name = None
    for section in shape.sections:
        if section.role == "summary" and (match := _REGION_IN_SUMMARY.match(section.title)):
            name = (match.group(1) or match.group(2)).strip()
            break
    if name is None:
        name = region_in_title(title, (str(r.get("name")) for r in site.items("regions")))
    if name is not None and normalise(name) in ("cymru", "nghymru"):
        name = "Wales"  # the region's name in site.yml (a Welsh site gives it as Cymru under cy:)
    if name is None:
        warn(shape.title.line if shape.title else 1,
             f"no region found in the title '{title}' (such as '... – North West region' or "
             "'... – Wales'): the region is 'Unknown region' for now; put the region's name "
             "in the title and import again, or rename the region in site.yml and in the "
             "report (its region and its file name)")
        name = "Unknown region"
    for region in site.items("regions"):
        if normalise(str(region.get("name"))) == normalise(name) or \
                str(region.get("slug")) == slugify(name):
            pdus = {str(p.get("name", "")).lower(): str(p.get("slug"))
                    for p in region.get("pdus") or () if isinstance(p, dict)}
            return str(region.get("slug")), None, pdus
    return slugify(name), name, {}


def region_yaml(slug: str, name: str, pdus: dict[str, str]) -> str:
    """A new region's entry of site.yml, with its PDUs."""
    text = f"- slug: {y.scalar(slug)}\n  name: {y.scalar(name)}"
    if pdus:
        text += "\n  pdus:" + "".join(f"\n    - slug: {y.scalar(s)}\n      name: {y.scalar(n)}"
                                      for s, n in sorted(pdus.items()))
    return text


def theme_of(section: Section, site: SiteFile, used: set[str], warn: Warn) -> tuple[str, bool]:
    """The practice theme of a section, and whether its title differs from the section's."""
    title = section.title or "Examples of effectiveness"
    line = section.heading.line if section.heading else 0
    match = site.match_theme(title)
    if match is not None and str(match["slug"]) not in used:
        slug = str(match["slug"])
        if normalise(title) not in site.theme_titles(match):
            warn(line, f"section '{title}' is the practice theme '{match['title']}' ({slug}): "
                       f"its heading reads '{match['title']}'")
            used.add(slug)
            return slug, True
        used.add(slug)
        return slug, False
    slugs = {str(t.get("slug")) for t in site.items("practice_themes")} | used
    slug = unique(slugify(title, 40), slugs)
    used.add(slug)
    site.add("practice_themes", y.comment(f"Added by spotlight import (line {line}): check the "
                                          "title and write an intro.") +
             f"\n- slug: {y.scalar(slug)}\n  title: {y.scalar(title)}\n  intro: \"\"")
    warn(line, f"section '{title}' matches no practice theme: added the practice theme "
               f"'{slug}' to site.yml")
    return slug, False


def mark_no_outcomes(section: Section, theme: str, site: SiteFile, warn: Warn) -> None:
    """Set ``outcome_expected: false`` on the practice theme of a section whose examples have
    no Outcome at all (statutory victim work, management oversight): that is its form."""
    if not section.examples or any(b.kind == Kind.OUTCOME for part in section.examples
                                   for b in part.blocks):
        return
    entry = next((t for t in site.items("practice_themes") if str(t.get("slug")) == theme), None)
    if entry is not None and entry.get("outcome_expected") is False:
        return
    site.extend_item("practice_themes", theme, [
        "# Its examples in the imported spotlight have no Outcome.", "outcome_expected: false"])
    warn(section.heading.line if section.heading else 0,
         f"no example in section '{section.title}' has an Outcome: site.yml says "
         f"'outcome_expected: false' for practice theme '{theme}'")


def add_abbreviations(document: Document, site: SiteFile, warn: Warn) -> None:
    """Glossary entries for the abbreviations the source spells out, and a commented draft of
    those it uses without spelling them out."""
    texts = [b.text for b in document.blocks]
    glossary = site.data.get("glossary")
    have = set(glossary) if isinstance(glossary, dict) else set()
    known = site.data.get("known_abbreviations")
    have |= {str(k) for k in known} if isinstance(known, list) else set()
    # the commented draft an earlier import left, still to complete ("# PSR: ?")
    drafted = set(re.findall(r"(?m)^[ \t]*#[ \t]*([A-Z][A-Za-z]+):[ \t]*\?[ \t]*$", site.text))
    spelled = {k: v for k, v in abbreviations.definitions("\n".join(texts)).items()
               if k not in have}
    draft = [a for a in abbreviations.used(texts)
             if a not in have and a not in spelled and a not in drafted]
    if not spelled and not draft:
        return
    site.add_glossary(abbreviations.glossary_lines(spelled, draft,
                                                   PurePosixPath(document.source).name))
    if spelled:
        warn(0, f"added {len(spelled)} abbreviation(s) the source spells out to the glossary in "
                f"site.yml: {', '.join(sorted(spelled))}")
    if draft:
        warn(0, f"{len(draft)} abbreviation(s) used without being spelled out: "
                f"{', '.join(sorted(draft))}; site.yml lists them under 'glossary' as a draft "
                "to complete")
