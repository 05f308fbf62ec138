"""Dates written in words in a spotlight: "between 24 February and 04 April 2025", and its
publication date ("Published: 3 September 2026", in Welsh "Cyhoeddwyd: 3 Medi 2026")."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|" \
         r"ionawr|chwefror|[mf]awrth|ebrill|[mf]ai|[mf]ehefin|g?orffennaf|awst|medi|hydref|" \
         r"[td]achwedd|rhagfyr)"  # Welsh, with the forms they take after "o" or "ym"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE = re.compile(rf"\b{_DAY}\s+{_MONTH}\.?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
_RANGE = re.compile(rf"\b{_DAY}\s+{_MONTH}\.?(?:,?\s+(\d{{4}}))?\s*(?:and|to|until|a|ac|i|tan|"
                    rf"hyd at|-|–|—)\s*"
                    rf"{_DAY}\s+{_MONTH}\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _date(day: str, month: str, year: str) -> dt.date | None:
    number = _month_number(month)
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def date_range(text: str) -> tuple[dt.date, dt.date] | None:
    """The first "D Month [YYYY] and/to D Month YYYY" range in ``text``, start before end."""
    for match in _RANGE.finditer(text):
        day1, month1, year1, day2, month2, year2 = match.groups()
        end = _date(day2, month2, year2)
        start = _date(day1, month1, year1 or year2)
        if start and end and start > end and not year1:
            start = _date(day1, month1, str(int(year2) - 1))
        if start and end and start <= end:
            return start, end
    return None


def single_date(text: str) -> dt.date | None:
    """The first full date in ``text``: "14 August 2025" or "2025-08-14"."""
    if match := _ISO.search(text):
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    for match in _DATE.finditer(text):
        day, month, year = match.groups()
        if year and (found := _date(day, month, year)):
            return found
    return None


# Welsh month names, with the forms they take after "o" or "ym" ("ym Mawrth" -> "Fawrth").
_WELSH_MONTHS = (("ionawr",), ("chwefror",), ("mawrth", "fawrth"), ("ebrill",), ("mai", "fai"),
                 ("mehefin", "fehefin"), ("gorffennaf", "orffennaf"), ("awst",), ("medi",),
                 ("hydref",), ("tachwedd", "dachwedd"), ("rhagfyr",))
_PUBLISHED = re.compile(
    r"^\s*(?:(?:date\s+(?:first\s+)?published|(?:first\s+)?published(?:\s+on)?|publication\s+"
    r"date|date\s+of\s+publication|cyhoeddwyd(?:\s+ar)?|dyddiad\s+cyhoeddi)\s*(?:[:\-\u2013\u2014]"
    r"\s*|\s))(?P<date>.+?)\s*\.?\s*$", re.IGNORECASE)
_WEEKDAY = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|dydd\s+\w+),?\s+",
                      re.IGNORECASE)
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|af|ain|ydd|eg|fed)?\s+([^\W\d_]+)\.?,?\s+"
                    r"(\d{4})$")
_NUMBERS = re.compile(r"^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})/(\d{1,2})/(\d{4}))$")


def publication_date(text: str, term: str = "") -> dt.date | None:
    """The date of a line that gives a publication date and nothing else: "Published: 3
    September 2026", "Published 3 September 2026", "Date published: 2026-09-03", "Cyhoeddwyd:
    3 Medi 2026" (or of a term and its value: "Published", "3 September 2026"); None for any
    other text."""
    match = _PUBLISHED.match(f"{term}: {text}" if term else text)
    return whole_date(match.group("date")) if match else None


def whole_date(text: str) -> dt.date | None:
    """``text`` as a date when it is one date and nothing more: "3 September 2026", "Wednesday
    3 September 2026", "3 Medi 2026", "2026-09-03" or "03/09/2026" (day first)."""
    text = _WEEKDAY.sub("", " ".join(text.split()))
    if match := _NUMBERS.match(text):
        iso = match.group(1, 2, 3)
        year, month, day = iso if iso[0] else match.group(6, 5, 4)
        return _valid(int(year), int(month), int(day))
    if not (match := _WORDS.match(text)):
        return None
    day, name, year = match.groups()
    name = name.lower()
    for number, english in enumerate(_MONTHS, start=1):
        welsh = _WELSH_MONTHS[number - 1]
        if name in welsh or name == english or (len(name) >= 3 and english.startswith(name)):
            return _valid(int(year), number, int(day))
    return None


def _month_number(name: str) -> int:
    """A month's number from its English name (or the start of it) or its Welsh name."""
    name = name.lower()
    for number, welsh in enumerate(_WELSH_MONTHS, start=1):
        if name in welsh:
            return number
    return next(i for i, english in enumerate(_MONTHS, start=1) if english.startswith(name[:3]))


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
