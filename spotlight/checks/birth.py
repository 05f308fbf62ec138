"""Dates of birth, in every common written form, and exact dates.

A date of birth is a date tied to a word for birth: "born 14/03/1992", "born in March 1992",
"DOB: 14.3.92", "d.o.b. 1992-03-14", "date of birth 14th March '92", "his birthday, 14
March", "(b. 1992)", "14/03/1992 (date of birth)". Ages ("aged 29", "a 29-year-old") are the
way to say it and are never flagged, nor are decades ("born in the 1990s") or a month alone
("born in March"). Births that are not a person's ("the idea was born in 2021", "born out of
a need") are told apart by what comes before and after the word.

Welsh is read too, in a file of either language: the months with their soft mutations ("14
Mawrth 1992", "14eg o Fawrth"), Welsh ordinals (1af, 2il, 3ydd, 14eg, 21ain), and the words for
birth ("ganwyd", "ganed", "a anwyd", "a aned", "dyddiad geni", "ei ben-blwydd",
"genedigaeth"), and the ordinals written in words ("ar y pedwerydd ar ddeg o Fawrth 1992"). A
Welsh age ("29 oed", "yn 29 oed") is never flagged, nor a thing that is born ("Ganwyd y syniad
yn 2019": the idea was born).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

#: Welsh months, with the soft mutation of those that take one ("o Fawrth", "ers Fehefin").
WELSH_MONTH = (r"(?:Ionawr|Chwefror|[MF]awrth|Ebrill|[MF]ai|[MF]ehefin|G?orffennaf|Awst"
               r"|[MF]edi|Hydref|[TD]achwedd|Rh?agfyr)")
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         rf"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|{WELSH_MONTH})")
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth"]
_ORDINAL = (rf"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth"
            rf"|ninth)|{'|'.join(_ORDINALS)})")
DAY = rf"(?:(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)?|{_ORDINAL})"
#: The Welsh ordinals of the days of a month, 1st to 31st, as the old (vigesimal) count says
#: them: "cyntaf", "pedwerydd ar ddeg" (14th), "unfed ar hugain" (21st), "unfed ar ddeg ar
#: hugain" (31st); with the feminine "trydedd" and "pedwaredd".
_CY_UNIT = (r"(?:cyntaf|ail|trydydd|trydedd|pedwerydd|pedwaredd|pumed|chweched|seithfed"
            r"|wythfed|nawfed|degfed)")
WELSH_ORDINAL = (r"(?:unfed\s+ar\s+ddeg\s+ar\s+hugain"
                 r"|(?:unfed|ail|trydydd|trydedd|pedwerydd|pedwaredd|pumed|chweched|seithfed"
                 r"|wythfed|nawfed|degfed)\s+ar\s+hugain"
                 r"|(?:unfed|ail|pedwerydd|pedwaredd)\s+ar\s+bymtheg"
                 r"|(?:unfed|trydydd|trydedd|pedwerydd|pedwaredd)\s+ar\s+ddeg"
                 rf"|deuddegfed|pymthegfed|deunawfed|ugeinfed|{_CY_UNIT})")
_NUMERIC_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_NUMERIC_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:1[89]\d\d|20\d\d|['’]\d\d)"
_SEP = r"\s?[/.\-]\s?"
#: A date with at least a day and a month: 3 March 2024, March 3rd, 03/03/2024, 2024-03-03.
EXACT_DATE = (rf"(?:(?:the\s+|y\s+)?{DAY}(?:\s+day)?(?:\s+of|\s+o|\s+fis)?[\s-]+{MONTH}\b\.?"
              rf"(?:,?[\s-]+{_YEAR})?"
              rf"|(?:yr?\s+)?{WELSH_ORDINAL}\s+(?:o|fis)\s+{MONTH}\b(?:,?\s+{_YEAR})?"
              rf"|{MONTH}\.?\s+(?:the\s+)?{DAY}\b(?:,?\s+{_YEAR})?"
              rf"|{_NUMERIC_DAY}{_SEP}{_NUMERIC_MONTH}{_SEP}(?:\d{{4}}|\d{{2}})(?![\d/.-]\d)"
              r"|(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:[12][0-9]|3[01]|0?[1-9])(?!\d))")
#: A full or partial date that, in the few words after a word for birth, gives it away.
_FULL_BIRTH_DATE = (rf"(?:{DAY}[\s-]+{MONTH}\.?[\s-]+\d\d(?!\d)|{EXACT_DATE}"
                    rf"|\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}(?:\d{{4}}|\d{{2}})(?![\d/.-]\d)"
                    rf"|{_NUMERIC_DAY}/{_NUMERIC_MONTH}(?![\d/])"
                    rf"|{_NUMERIC_MONTH}/(?:\d{{4}}|\d{{2}})(?![\d/])"
                    # eight digits, day, month and year: "DoB 03062005"
                    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d(?!\d))")
#: A month and year, or a year, right after the word: "born in (Derby in) March 1992".
_CLOSE_BIRTH_DATE = (r"^[\s,:(]{0,3}(?:(?:hi|ef|e|o|ei\s+\w+)\s+)?"  # Welsh: "ganwyd hi ..."
                     r"(?:(?:in|on|during|around|about|circa|c\.|yn|ym|yng|ar|tua|yn\s+ystod)\s+)?"
                     r"(?:(?:mis|fis)\s+)?"
                     r"(?:(?:the\s+)?(?:spring|summer|autumn|winter|start|end|middle|beginning)"
                     r"\s+of\s+)?"
                     r"(?:(?:the\s+)?(?:[A-Z][\w'’-]*[\s,]+){1,3}(?:(?:in|yn|ym|yng)\s+)?"
                     r"(?:(?:mis|fis)\s+)?)?"
                     rf"(?P<date>(?:{MONTH}\.?,?\s+{_YEAR}|(?:(?:early|late|mid)[- ])?"
                     r"(?:1[89]\d\d|20\d\d)|['’]\d\d))(?![\w'’/-])")

_ANCHOR = re.compile(
    r"(?<![\w-])(?:born|birth[\s-]?date|birthday|date[\s-]+of[\s-]+birth|d\.?\s?o\.?\s?b(?![a-z])\.?"
    r"|b\.(?=\s*\d)|turn(?:ed|s|ing)\s+\d{1,3}|(?:\d{1,3}(?:st|nd|rd|th)|eighteenth|sixteenth"
    r"|twenty-first|twenty-fifth|thirtieth|fortieth|fiftieth|sixtieth)\s+birthday"
    # Welsh: was born, who was born, date of birth (and its initials), birthday, birth.
    r"|ganwyd|ganed|(?:a|pan)\s+an(?:wyd|ed)"
    r"|(?:dd?|n)yddiad\s+(?:ei\s+|eu\s+)?[gn]?eni|d\.g\.|(?:p|b|mh|ph)en[\s-]?blwydd"
    r"|[gn]?enedigaeth|(?:ei|eu)\s+[gn]?eni)(?![\w-])",
    re.IGNORECASE)
#: What a text with a word for birth holds, in lower case: born, birth, blwydd, "b. 1992"; dob,
#: d.o, d. o, d.g. (a pattern with a letter first finds it quickly, unlike a list of words).
_B_WORDS = re.compile(r"b(?:orn|irth|lwydd|\.\s*\d)")
_D_WORDS = re.compile(r"d(?:ob|\.o|\. o|\.g\.)")
_NOT_A_PERSON = re.compile(r"\s+(?:out\s+of|from|of)\b", re.IGNORECASE)
_THING = re.compile(
    r"\b(?:idea|project|service|scheme|hub|initiative|partnership|approach|model|programme"
    r"|pilot|concept|network|forum|panel|board|strategy|policy|process|tool|framework"
    r"|campaign|charity|organisation|movement|unit|team)s?\b(?=[^.;]*$)", re.IGNORECASE)
#: Welsh things that are born ("Ganwyd y syniad yn 2019", "prosiect a aned yn 2021"): an
#: idea, project, service, scheme, programme, partnership, initiative, hub, team, model,
#: network, panel, board, strategy, policy, charity, movement, unit, pilot (with their soft
#: mutations: "brosiect", "wasanaeth").
_CY_THINGS = (r"(?:syniad|[pb]rosiect|g?wasanaeth|[cg]ynllun|r?h?aglen|[bp]artneriaeth|[fm]enter"
              r"|hyb|[td]îm|[mf]odel|d?dull|r?h?wydwaith|fforwm|[pb]anel|[bf]wrdd|strategaeth"
              r"|[pb]olisi|elusen|[mf]udiad|uned|[pb]eilot)(?:au|ion)?")
_CY_THING_AFTER = re.compile(rf"\s+(?:y|yr|['’]r)\s+{_CY_THINGS}\b", re.IGNORECASE)
_CY_THING_BEFORE = re.compile(rf"\b{_CY_THINGS}\s+$", re.IGNORECASE)
_PERSON_WORD = re.compile(r"\b(?:he|she|they|his|her|him|their|i|we)\b", re.IGNORECASE)
_BEFORE = (rf"(?<![\w/.-])(?P<date>{EXACT_DATE}|{MONTH}\.?,?\s+{_YEAR})"
           r"\s*[(,:\-–]?\s*\(?\s*(?:(?:his|her|their|the|a|is|was|as|ei|eu|y|yr|oedd|yw|fel)\s+){0,3}$")


@cache
def _dates() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns of a date after and before a word for birth, compiled when first needed
    (they are slow to compile, and most texts have no word for birth)."""
    return (re.compile(rf"(?<![\w/.-])(?P<date>{_FULL_BIRTH_DATE})(?![\w/-])", re.IGNORECASE),
            re.compile(_CLOSE_BIRTH_DATE, re.IGNORECASE), re.compile(_BEFORE, re.IGNORECASE))
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘(]|\s*$)|[;\n]\s*\n|;")
EXACT = re.compile(rf"(?<![\w/.-]){EXACT_DATE}(?![\w/-])")


def dates_of_birth(prose: str) -> Iterator[tuple[int, str]]:
    """(index, text) of each date of birth in ``prose``."""
    lower = prose.lower()
    if not (_B_WORDS.search(lower) or _D_WORDS.search(lower) or "turn" in lower
            or "anwyd" in lower or "aned" in lower or "eni" in lower):
        return
    after, close, before_date = _dates()
    for anchor in _ANCHOR.finditer(prose):
        if anchor.group().lower() == "born":
            if _NOT_A_PERSON.match(prose, anchor.end()):
                continue
            before = prose[max(0, anchor.start() - 60):anchor.start()]
            thing = _THING.search(before)
            if thing and not _PERSON_WORD.search(before[thing.end():]):
                continue
        if _CY_THING_AFTER.match(prose, anchor.end()) or (
                anchor.group()[:1] in "aApP" and _CY_THING_BEFORE.search(
                    prose, max(0, anchor.start() - 30), anchor.start())):
            continue  # "Ganwyd y syniad yn 2019", "prosiect a aned yn 2021"
        window = prose[anchor.end():anchor.end() + 70]  # "ar yr unfed ar ddeg ar hugain o"
        end = _SENTENCE_END.search(window)
        window = window[:end.start()] if end else window
        found = after.search(window) or close.match(window)
        if found:
            yield anchor.end() + found.start("date"), found.group("date")
            continue
        behind = prose[max(0, anchor.start() - 40):anchor.start()]
        found = before_date.search(behind)
        if found:
            yield anchor.start() - len(behind) + found.start("date"), found.group("date")


def exact_dates(prose: str) -> Iterator[tuple[int, str]]:
    """(index, text) of each date with a day and a month."""
    for match in EXACT.finditer(prose):
        yield match.start(), match.group()
