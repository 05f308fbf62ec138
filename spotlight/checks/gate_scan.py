"""The publish gate's scan: every gate finding in every content file (see gate.py), each
file's findings kept in the parse cache (and by the preview between saves) while the file and
what the rules depend on are unchanged."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..content.load import RawContent, SourceFile
from ..incremental import digest
from ..incremental.parse_cache import ParseCache
from ..parallel import shared_map
from . import people, unfinished
from .addresses import slug_hits
from .anonymisation import Context, hits
from .finding import Finding, finding
from .pictures import picture_findings
from .prose import SourceProse, example_parts, source_prose
from .sources import blank_non_prose, definitions
from .targets import address_hits

#: Report fields that name people on purpose (the authors of a reference, the inspection's
#: staff): names there are not flagged, every other detail is.
NAMED_ON_PURPOSE = frozenset({"references", "acknowledgements"})
#: The site file's keys whose contact details are the publisher's own, published on purpose
#: (the Regulations ask an accessibility statement for them): no e-mail or phone rule there.
CONTACT_ON_PURPOSE = frozenset({"accessibility_statement", "accessibility"})
_CONTACT_CODES = frozenset({"anon-email", "anon-phone"})
#: What a word processor puts between the words or digits of a name or a number, each read
#: as the plain space or hyphen it stands for (one character for one, so that positions stay
#: the source's): no-break, narrow, thin and other spaces, zero-width spaces and joiners, the
#: soft hyphen, and the non-breaking, figure and minus hyphens. "Sarah\u00a0Khan" and
#: "07700\u00a0900123" are then found as "Sarah Khan" and "07700 900123" are.
_SPACES = str.maketrans(
    {**dict.fromkeys((0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000,
                      0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD), " "),
     **dict.fromkeys((0x2010, 0x2011, 0x2012, 0x2212), "-")})

#: A character reference in the source, "&nbsp;", "&#160;", "&#xA0;": one that stands for a
#: space of ``_SPACES`` is read as spaces, one for each character it is written with.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")


def _entity_spaces(text: str) -> str:
    """``text`` with each character reference to a space blanked out: "Sarah&nbsp;Khan" is
    found as "Sarah Khan" is, at the same place."""
    return _ENTITY.sub(_entity_space, text)


def _entity_space(reference: re.Match[str]) -> str:
    written = reference.group()
    char = html.unescape(written)
    if char in (" ", "\t") or (len(char) == 1 and char.translate(_SPACES) == " "):
        return " " * len(written)
    return written


def scan(raw: RawContent, abbreviations: frozenset[str] = frozenset(),
         cache: ParseCache | None = None) -> list[Finding]:
    """Every gate finding in every content file that could be read, valid or not."""
    sources = [(f, False) for f in (raw.site, *raw.reports) if f is not None]
    sources += [(f, True) for f in raw.examples]
    named = {id(f) for f in (*raw.reports, *raw.examples)}  # a page's address is their slug
    # The preview keeps each file's place, pseudonym and findings between saves (``_Kept``).
    known = [_Kept.of(f, raw, example, cache) for f, example in sources]
    pseudonyms = frozenset(k.pseudonym for k in known if k.pseudonym)
    found: set[Finding] = set()
    common = digest("gate", _rules(), *sorted(pseudonyms), "\0", *sorted(abbreviations))
    kept: dict[str, str] = {}
    #: (key, path, text, example, slug) of each file not in the cache
    todo: list[tuple[str, str, str, bool, str | None]] = []
    waiting: list[_Kept] = []
    for (source, example), mine in zip(sources, known, strict=True):
        if mine.common == common:  # the preview's: scanned for an earlier save
            found.update(mine.findings)
            kept[mine.key] = mine.line
            continue
        # Keyed and kept without the content folder's place: a cache is the same wherever
        # the content is.
        key = digest(common, mine.relative, source.text)
        line = cache.line(key) if cache is not None else None
        if line is not None:
            try:
                mine.keep(common, key, line, [Finding(source.name, *item)
                                              for item in json.loads(line)])
                found.update(mine.findings)
                kept[key] = line
                continue
            except (ValueError, TypeError):
                pass
        todo.append((key, source.name, source.text, example,
                     source.path.stem if id(source) in named else None))
        waiting.append(mine)

    def scan_one(item: tuple[str, str, str, bool, str | None]) -> list[Finding]:
        _, path, text, example, slug = item
        source = source_prose(path, text, front_matter=example)
        return sorted(set(scan_file(source, pseudonyms, abbreviations, slug)))

    for (key, *_), mine, findings in zip(todo, waiting, shared_map(scan_one, todo),
                                             strict=True):
        found.update(findings)
        kept[key] = json.dumps([[f.line, f.col, f.severity, f.code, f.message, f.text]
                                for f in findings], ensure_ascii=False, separators=(",", ":")
                               ) if findings else "[]"  # most files: said without json
        mine.keep(common, key, kept[key], findings)
    if cache is not None:
        cache.keep(kept)
    found.update(picture_findings(raw, abbreviations, pseudonyms))  # what an SVG picture says
    return sorted(found)


class _Kept:
    """What the gate knows of one file as read: its path in the content folder, the
    pseudonym it introduces, and its findings as last scanned (with the digest of what they
    depend on besides the text, its cache key and line). The preview keeps it between saves,
    by file as read (``ParseCache.validated``), so that an unchanged file costs no work."""

    def __init__(self, relative: str, pseudonym: str | None) -> None:
        self.relative, self.pseudonym = relative, pseudonym
        self.common, self.key, self.line = "", "", ""
        self.findings: list[Finding] = []

    @classmethod
    def of(cls, source: SourceFile, raw: RawContent, example: bool,
           cache: ParseCache | None) -> _Kept:
        key = (source, raw.assets, "gate")
        if cache is not None and isinstance(known := cache.validated(key), _Kept):
            return known
        made = cls(_relative(source, raw), _pseudonym(source.text) if example else None)
        if cache is not None:
            cache.remember(key, made)
        return made

    def keep(self, common: str, key: str, line: str, findings: list[Finding]) -> None:
        self.common, self.key, self.line, self.findings = common, key, line, findings


def scan_file(source: SourceProse, pseudonyms: frozenset[str],
              abbreviations: frozenset[str], slug: str | None = None) -> Iterable[Finding]:
    """The gate's findings in one file; ``slug``, the name of a file whose name is a page's
    address (a report's or an example's, whose ``slug:`` overrides it)."""
    file, path = source.file, source.path
    seen: set[tuple[str, int]] = set()
    placeholder_lines: set[int] = set()
    contexts: dict[tuple[bool, bool], Context] = {}
    for span in source.spans:
        text = file.text[span.start:span.end]
        if not text.isascii():
            text = text.translate(_SPACES)  # a name or number "Sarah Khan" held together
        if "&" in text:
            text = _entity_spaces(text)  # "Sarah&nbsp;Khan" in the Markdown source
        if _PLAIN.fullmatch(text):
            continue  # a slug, a plain tag, a theme's name: nothing any rule looks for
        person = source.kind == "person" and span.key in ("title", "body")
        names = span.key not in NAMED_ON_PURPOSE
        if (context := contexts.get((person, names))) is None:
            context = contexts[person, names] = Context(person, pseudonyms, abbreviations,
                                                        names=names)
        # A short value (a tag, a region, a report's slug) is often the same in many files.
        found = _short_value(text, context) if len(text) <= _SHORT else _value_hits(text, context)
        for code, index, message, flagged in found:
            if code in _CONTACT_CODES and span.key in CONTACT_ON_PURPOSE \
                    and path.rsplit("/", 1)[-1] == "site.yml":
                continue
            position = file.position(span.start + index)
            if code == "unfinished-placeholder":
                placeholder_lines.add(position[0])
            seen.add((code, position[0]))
            yield finding(code, path, position, message, flagged)
    if slug is not None:
        yield from _slug_findings(source, slug, Context(False, pseudonyms, abbreviations), seen)
    for offset in source.placeholders:
        position = file.position(offset)
        if position[0] not in placeholder_lines:
            yield finding("unfinished-placeholder", path, position,
                          "a '# PLACEHOLDER' mark: set the real value, then remove the mark",
                          "PLACEHOLDER")


def _slug_findings(source: SourceProse, slug: str, context: Context,
                   seen: set[tuple[str, int]]) -> Iterable[Finding]:
    """The details in the slug that makes a file's page address: its ``slug:`` (an example's,
    when set) or its file name."""
    file, what = source.file, "example" if source.kind else "report"
    field = next((span for span in source.spans if span.key == "slug" and source.kind
                  and not span.markdown), None)
    if field is not None:
        slug = file.text[field.start:field.end].strip("'\"")
        position = file.position(field.start)
        where, fix = f"the {what}'s 'slug'", "change 'slug'"
    else:
        position, where, fix = (1, 1), "the file name", "rename the file"
    for code, _, flagged, message in slug_hits(slug, context, file.text):
        if (code, position[0]) not in seen:  # said of the value already
            yield finding(code, source.path, position, f"in {where}, which names the {what}'s "
                          f"page and PDF, {message}; {fix} (links to it change with it)",
                          flagged)


def _value_hits(text: str, context: Context) -> tuple[tuple[str, int, str, str], ...]:
    """(code, index, message, flagged text) of each gate finding in one published value."""
    links = _links(text)
    prose = blank_non_prose(text) if links else text
    raw = _CITATION.sub(_blank, text) if "[@" in text else text
    found = [(code, index, message, flagged)
             for code, index, flagged, message in hits(prose, raw, context, text)]
    if links:  # what a link's or a picture's web address says
        defined = definitions(text) if "]:" in text else []
        found += [(code, index, message, flagged) for code, index, flagged, message
                  in address_hits(text, prose, context, defined)]
    found += [("unfinished-mark", index, f"'{flagged}' is an editorial mark: finish the text "
               "and remove it", flagged) for index, flagged in unfinished.marks(prose)]
    if left := list(unfinished.guidance(prose)):  # said once, at its first sentence
        (index, sentence), more = left[0], len(left) - 1
        found.append(("unfinished-guidance", index, f"'{sentence}' is guidance that 'spotlight "
                      "new example' wrote" + (f" (and {more} more of its sentences follow)"
                                               if more else "")
                      + ": replace it with the example's own text", sentence))
    found += [("unfinished-placeholder", index, f"'{unfinished.PLACEHOLDER_DATE}' is a "
               "placeholder date, not a real one: set the real date",
               unfinished.PLACEHOLDER_DATE) for index in unfinished.placeholder_dates(text)]
    return tuple(found)


#: Values up to this long are remembered with their findings (``_short_value``).
_SHORT = 200
_short_value = lru_cache(maxsize=4096)(_value_hits)


_PLAIN = re.compile(r"[a-z ,.'’-]*")
_CITATION = re.compile(r"\[@[^\]\n]*\]")


def _links(text: str) -> bool:
    """True when ``text`` holds what blank_non_prose blanks: each starts with one of these."""
    return "](" in text or "://" in text or "[@" in text or "]:" in text


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


@lru_cache(maxsize=1)
def _rules() -> str:
    """A digest of the gate's own code and data."""
    folder = Path(__file__).parent
    return digest(*(path.read_text(encoding="utf-8") for path in _rule_files(folder)))


def _rule_files(folder: Path) -> list[Path]:
    """The files the gate's findings depend on, besides the content: its code and its lists
    (every module and data file of this package, so that no new rule can be left out). When
    one changes, no finding kept in the parse cache is used."""
    return sorted([*folder.glob("*.py"), *(folder / "data").glob("*.txt")])


def _relative(source: SourceFile, raw: RawContent) -> str:
    """A content file's path inside the content folder."""
    try:
        return source.path.relative_to(raw.root).as_posix()
    except ValueError:
        return source.name


def _pseudonym(text: str) -> str | None:
    """The pseudonym a case about a person introduces in its body, if any."""
    kind, body = example_parts(text)
    if kind != "person":
        return None
    return people.pseudonym(body.lstrip(), people.OPENERS)
