"""Anonymisation: details that could identify a person, found in the prose of every file.

Each rule is a regular expression over the prose (link targets and web addresses blanked out),
with an optional test that cuts false positives (the NHS number's modulus 11 check, the digit
count of a telephone number). Dates are only flagged where they are tied to a person: dates
of birth anywhere, exact dates inside a case about a person. The same first name used for two
people in one report is the job of ``names.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .corpus import Corpus
from .finding import Finding, finding
from .names import reused_names
from .pictures import picture_texts
from .sources import Text

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#: A date with at least a day and a month: 3 March 2024, March 3rd, 03/03/2024, 2024-03-03.
EXACT_DATE = (rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}})?"
              rf"|{_MONTH}\s+{_DAY}\b(?:,?\s+\d{{4}})?"
              r"|(?:0?[1-9]|[12][0-9]|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\d{4}|\d{2})(?!\d)"
              r"|\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))")
_BIRTH_DATE = rf"(?:{EXACT_DATE}|{_MONTH}\s+\d{{4}}|\d{{4}})"
_STREET = (r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Crescent|Place|Gardens|Terrace"
           r"|Grove|Mews|Square|Walk|Row|Way|Hill|Parade|Rise|Vale|Park)")


def _nhs_valid(number: str) -> bool:
    digits = [int(d) for d in re.sub(r"\D", "", number)]
    remainder = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    return check != 10 and check % 11 == digits[9]


def _phone_valid(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if number.lstrip().startswith("+"):
        digits = "0" + digits[2:].removeprefix("0")
    return len(digits) in (10, 11) and digits[1] in "1235789"


@dataclass(frozen=True)
class PatternRule:
    """A lint code, the pattern it flags, what to call a match, and an optional test."""

    code: str
    pattern: re.Pattern[str]
    noun: str
    valid: Callable[[str], bool] | None = None
    people_only: bool = False


RULES = (
    PatternRule("anon-postcode", re.compile(
        r"(?<![\w-])(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPS-UW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)"
        r" ?[0-9][ABD-HJLNP-UW-Z]{2})(?![\w-])"), "a postcode"),
    PatternRule("anon-phone", re.compile(
        r"(?<![\w/.+-])(?:\+44 ?(?:\(0\) ?)?|\(?0)\d[\d ()-]{7,14}\d(?![\w/-])"),
        "a telephone number", _phone_valid),
    PatternRule("anon-email", re.compile(
        r"(?<![\w.+%-])[\w.+%-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"),
        "an e-mail address"),
    PatternRule("anon-ni-number", re.compile(
        r"(?<![\w-])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
        r" ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])"), "a National Insurance number"),
    PatternRule("anon-nhs-number", re.compile(
        r"(?<![\w/.-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w/-])"), "an NHS number", _nhs_valid),
    PatternRule("anon-prison-number", re.compile(r"(?<![\w/-])[A-Z]\d{4}[A-Z]{2}(?![\w-])"),
                "a prison number"),
    PatternRule("anon-pnc-id", re.compile(r"(?<![\w/-])(?:\d{2}|\d{4})/\d{1,7}[A-Z](?![\w-])"),
                "a Police National Computer identifier"),
    PatternRule("anon-date-of-birth", re.compile(
        rf"\b(?i:born|birthday|date of birth|dob|d\.o\.b\.?)(?![\w-])[^.\n]{{0,30}}?"
        rf"(?<![\w-])(?P<flag>{_BIRTH_DATE})(?![\w-])"), "a date of birth"),
    PatternRule("anon-address", re.compile(
        rf"(?<![\w/.-])\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’-]+\s+){{1,3}}{_STREET}(?![\w-])"),
        "a house number and street"),
    PatternRule("anon-exact-date", re.compile(rf"(?<![\w/.-]){EXACT_DATE}(?![\w/-])"),
                "an exact date", people_only=True),
)


def check(corpus: Corpus) -> list[Finding]:
    """Every anonymisation finding: patterns in every text, reused first names per report."""
    people = {(e.name, ("body",)) for e in corpus.content.examples if e.kind == "person"}
    people |= {(e.name, ("title",)) for e in corpus.content.examples if e.kind == "person"}
    found: list[Finding] = []
    for text in corpus.all_texts():
        found += scan(text, person=(text.path, text.where) in people)
    for text in picture_texts(corpus):  # what an SVG picture says
        found += scan(text, person=False)
    found += reused_names(corpus)
    return found


def scan(text: Text, person: bool) -> Iterator[Finding]:
    """The pattern findings in one text; exact dates only when it is about a person."""
    birth_spans: list[tuple[int, int]] = []
    for rule in RULES:
        if rule.people_only and not person:
            continue
        group = "flag" if "flag" in rule.pattern.groupindex else 0
        for match in rule.pattern.finditer(text.prose):
            flagged, start = match.group(group), match.start(group)
            if rule.valid is not None and not rule.valid(flagged):
                continue
            if rule.code == "anon-date-of-birth":
                birth_spans.append(match.span(group))
            elif rule.code == "anon-exact-date" and any(
                    begin <= start < end for begin, end in birth_spans):
                continue  # already reported as a date of birth
            flagged = " ".join(flagged.split())
            yield finding(rule.code, text.path, text.position(start),
                          f"'{flagged}' looks like {rule.noun}{_ADVICE[rule.code]}", flagged)


_ADVICE = {
    "anon-postcode": ": name the area in words, or leave it out",
    "anon-phone": ": leave it out",
    "anon-email": ": leave it out",
    "anon-ni-number": ": leave it out",
    "anon-nhs-number": ": leave it out",
    "anon-prison-number": ": leave it out",
    "anon-pnc-id": ": leave it out",
    "anon-date-of-birth": ": give an age instead (a 29-year-old man)",
    "anon-address": ": describe the place instead (a flat in the town centre)",
    "anon-exact-date": " tied to a person: give the month, or the time in the sentence",
}
