"""Dates written in words in a spotlight: "between 24 February and 04 April 2025"."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE = re.compile(rf"\b{_DAY}\s+{_MONTH}\.?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
_RANGE = re.compile(rf"\b{_DAY}\s+{_MONTH}\.?(?:,?\s+(\d{{4}}))?\s*(?:and|to|until|-|–|—)\s*"
                    rf"{_DAY}\s+{_MONTH}\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _date(day: str, month: str, year: str) -> dt.date | None:
    number = next(i for i, name in enumerate(_MONTHS, start=1)
                  if name.startswith(month[:3].lower()))
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
