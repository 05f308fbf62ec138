"""Anonymisation: details that could identify a person, found in the prose of every file.

Each rule is a regular expression over the prose (link targets and web addresses blanked out,
except for the social-media rule, which reads the addresses), with an optional test that cuts
false positives (the NHS number's modulus 11 check, the digit count of a telephone number).
Dates are only flagged where they are tied to a person: dates of birth anywhere (birth.py),
exact dates inside a case about a person. Names are found by people.py. The same first name
used for two people in one report is the job of ``names.py``, run by ``spotlight check``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import birth, disguised, id_numbers, more_numbers, named_schools, places, social
from .advice import ACRONYMS, message
from .candidates import matches_at, starts_and_digits
from .name_hits import Hit, name_hits

EXACT_DATE = birth.EXACT_DATE
#: The last word of a street's name after a house number: "14 Acacia Avenue", "5 Mapperley
#: Plains", "3 The Ropewalk". Not words that more often end something else: Bank ("3 Food Bank
#: sessions"), Cross ("Red Cross"), End, Top ("Hill Top"), Hall, Yard, Wood.
_STREET = (r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Crescent|Cres|Place|Pl"
           r"|Gardens|Terrace|Grove|Mews|Square|Walk|Row|Way|Hill|Parade|Rise|Vale|Park"
           r"|Boulevard|Court|Ct|Croft|Meadows?|View|Green|Gate|Chase|Heights|Fold|Wynd"
           r"|Plains|Dale|Dene|Ropewalk|Hollow|Brow|Nook|Garth|Ridge|Spinney|Copse|Glade|Dell"
           r"|Paddocks?|Pastures|Orchards?|Sidings|Leys|Lawns|Quay|Wharf|Embankment|Esplanade"
           r"|Promenade|Causeway|Circus|Twitchell|Ridings|Maltings)")
_LOWER_STREET = (r"(?:street|road|avenue|lane|drive|crescent|terrace|gardens|grove|mews|close"
                 r"|boulevard)")
_HOUSING = r"(?:Court|House|Lodge|Tower|Mansions|Buildings|Heights|Point|Place|Close|Gardens)"
#: What ends a file's name: "photo@2x.png" is a picture, not an e-mail address.
_FILES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf")


def _nhs_valid(number: str) -> bool:
    digits = [int(d) for d in re.sub(r"\D", "", number)]
    remainder = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    return check != 10 and check % 11 == digits[9]


def _phone_valid(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if number.lstrip().startswith("+"):
        digits = "0" + digits[2:].removeprefix("0")
    # A person's number: a landline (01, 02), a mobile (07) or a personal number (05). Not
    # the numbers Ofcom gives organisations: public bodies' and charities' 03, freephone
    # and business 08 (a helpline's 0808 2000 247), premium 09.
    return len(digits) in (10, 11) and digits[1] in "1257"


@dataclass(frozen=True)
class PatternRule:
    """A lint code, the pattern it flags, what to call a match, and an optional test."""

    code: str
    pattern: re.Pattern[str]
    noun: str
    valid: Callable[[str], bool] | None = None
    raw: bool = False  # read the text with its web addresses, not the prose
    full: bool = False  # read the text as written: its web addresses and citations too
    #: A detail with digits is looked for only just before and at the text's digits (see
    #: ``candidates``); the others only in a text holding one of these strings.
    needs: tuple[str, ...] = ()
    #: The fewest digits a detail the rule reports holds: a text with fewer is not searched.
    digits: int = 0
    #: Strings each held by some ``needs``: a text with none is searched only for the others.
    clues: tuple[str, ...] = ()
    #: (group, noun): what a match is called where that group of the pattern took part in it.
    kinds: tuple[tuple[str, str], ...] = ()
    #: ``needs`` as one pattern (a text is searched once for all), and those without a clue.
    needed: re.Pattern[str] = field(init=False, repr=False, compare=False)
    rest: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    #: The group of a match that is flagged: "flag" where the pattern has one, else all of it.
    group: str | int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needed", re.compile(_any_of(self.needs)))
        object.__setattr__(self, "group", "flag" if "flag" in self.pattern.groupindex else 0)
        rest = [need for need in self.needs if not any(clue in need for clue in self.clues)]
        object.__setattr__(self, "rest", re.compile(_any_of(rest)) if rest else None)

    def wanted(self, text: str) -> bool:
        """True when ``text`` holds one of ``needs``."""
        if self.rest is not None and self.rest.search(text) is not None:
            return True
        for clue in self.clues:  # a quick substring search, where most texts have none
            if clue in text:
                return self.needed.search(text) is not None
        return False


def _any_of(strings: Iterable[str]) -> str:
    """A pattern finding any of ``strings``, grouped by first character ("S(?:nap|team)|..."):
    where a text has one of those characters, it tries a few alternatives, not every string."""
    rests: dict[str, set[str]] = {}
    for string in strings:
        rests.setdefault(string[:1], set()).add(string[1:])
    return "|".join(re.escape(first) if "" in rest else re.escape(first) + "(?:" + "|".join(
        map(re.escape, sorted(rest, key=lambda r: (-len(r), r)))) + ")"
        for first, rest in rests.items())


RULES = (
    PatternRule("anon-postcode", re.compile(
        r"(?<![\w-])(?:[Gg][Ii][Rr][ \u00a0]?0[Aa][Aa]"
        r"|[A-PR-UWYZa-pr-uwyz](?:[0-9][0-9A-HJKPS-UWa-hjkps-uw]?"
        r"|[A-HK-Ya-hk-y][0-9][0-9ABEHMNPRV-Yabehmnprv-y]?)"
        r"[ \u00a0]{0,2}[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![\w-])"), "a postcode",
        lambda text: text.isupper() or not re.search(r"\d(?:st|nd|rd|th)$", text, re.I),
        digits=1),
    PatternRule("anon-phone", re.compile(
        r"(?<![\w/.+-])(?:\+44 ?(?:\(0\) ?)?|\(?0)\d[\d ()-]{7,14}\d(?![\w/-])"),
        "a telephone number", _phone_valid, digits=10),
    PatternRule("anon-email", re.compile(
        r"(?<![\w.+%-])[\w.+%-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"),
        "an e-mail address", lambda text: not text.lower().endswith(_FILES), full=True,
        needs=("@",), clues=("@",)),
    PatternRule("anon-email", re.compile(disguised.DISGUISED_EMAIL, re.IGNORECASE),
                "an e-mail address", disguised.disguised, needs=disguised.NEEDS),
    PatternRule("anon-phone", re.compile(  # a link's target: [Call her](tel:07700900123)
        r"(?<![\w-])(?:tel|sms):(?://)?(?P<flag>\+?[\d(][\d().-]{8,20}\d)(?![\w-])"),
        "a telephone number", _phone_valid, raw=True, needs=("tel:", "sms:"),
        clues=("tel:", "sms:")),
    PatternRule("anon-ni-number", re.compile(  # in capitals or in lower case: "ab123456c"
        r"(?<![\w-])(?!BG|GB|KN|NK|NT|TN|ZZ|bg|gb|kn|nk|nt|tn|zz)"
        r"(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?P<upper>)|[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z])"
        r"[ \u00a0.-]?\d{2}[ \u00a0.-]?\d{2}[ \u00a0.-]?\d{2}[ \u00a0.-]?(?(upper)[A-D]|[a-d])"
        r"(?![\w-])"),
        "a National Insurance number", digits=6),
    PatternRule("anon-nhs-number", re.compile(
        r"(?<![\w/.-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w/-])"), "an NHS number", _nhs_valid,
        digits=10),
    PatternRule("anon-prison-number", re.compile(
        r"(?<![\w/-])(?:[A-Z][ \u00a0-]?\d{4}[ \u00a0-]?[A-Z]{2}|[a-z]\d{4}[a-z]{2})(?![\w-])"),
                "a prison number", digits=4),
    PatternRule("anon-pnc-id", re.compile(r"(?<![\w/-])(?:\d{2}|\d{4})/\d{1,7}[A-Z](?![\w-])"),
                "a Police National Computer identifier", digits=3),
    PatternRule("anon-id-number", re.compile(id_numbers.ID_NUMBER), "an identity number",
                digits=3, kinds=id_numbers.KINDS),
    PatternRule("anon-address", re.compile(
        rf"(?<![\w/.,£$-])(?P<no>[Nn]o\.(?=\d)|(?:[Nn]o\.?|[Nn]umber)\s+)?(?!(?:19|20)\d\d\b)\d{{1,4}}"
        rf"[A-Za-z]?(?:[-–]\d{{1,4}}[A-Za-z]?)?,?\s+(?(no)(?:on\s+|in\s+|off\s+)?)"
        rf"(?:[A-Z][a-z'’-]+\s+){{1,3}}"
        rf"(?:{_STREET}|{_LOWER_STREET})\b"
        rf"|(?:[Ff]lat|[Aa]partment|[Aa]pt\.?)\s+\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’-]+\s+){{1,3}}"
        rf"{_HOUSING}\b"
        r"(?![\w-])"),
        "a house number and street", lambda text: not re.search(
            r"(?:Crown|County|Youth|Family|Magistrates['’]?|Combined|Coroner['’]?s) Court$", text),
        digits=1),
    PatternRule("anon-vehicle", re.compile(
        r"(?<![\w-])(?:[A-HJ-PR-Y]{2}[0-9]{2}[ \u00a0]?[A-HJ-PR-Z]{3}"
        r"|[a-hj-pr-y]{2}[0-9]{2}[ \u00a0]?[a-hj-pr-z]{3}"
        r"|[A-HJ-NPR-Y][0-9]{1,3}[ \u00a0][A-HJ-PR-Y]{3}"
        r"|[A-HJ-PR-Y]{3}[ \u00a0][0-9]{1,3}[A-HJ-NPR-Y])"
        r"(?![\w-])"), "a vehicle registration", digits=1),
    PatternRule("anon-address", re.compile(places.STREET_LIVED), "the street someone lives on",
                needs=places.STREET_LIVED_NEEDS, kinds=places.STREET_KINDS),
    PatternRule("anon-address", re.compile(places.WELSH_ADDRESS), "a house number and street",
                places.street_valid, digits=1),
    PatternRule("anon-address", re.compile(places.WELSH_STREET_LIVED),
                "the street someone lives on", places.street_valid, needs=places.STREET_NEEDS,
                kinds=places.WELSH_KINDS),
    PatternRule("anon-school", re.compile(places.SAINT_SCHOOL), "a named school",
                needs=places.SAINT_NEEDS),
    PatternRule("anon-school", re.compile(places.SCHOOL), "a named school",
                needs=places.SCHOOL_NEEDS),
    PatternRule("anon-school", re.compile(places.CHURCH_SCHOOL), "a named school",
                needs=places.CHURCH_NEEDS),
    PatternRule("anon-school", re.compile(places.SIXTH_FORM), "a named school",
                needs=("Sixth Form",)),
    PatternRule("anon-school", re.compile(places.SCHOOL_ACADEMY), "a named school",
                needs=("Academy", "School", "Nursery")),
    PatternRule("anon-school", re.compile(places.SCHOOL_KIND), "a named school",
                needs=places.SCHOOL_KIND_NEEDS),
    PatternRule("anon-school", re.compile(places.YSGOL), "a named school", needs=("Ysgol",)),
    PatternRule("anon-school", re.compile(named_schools.NAMED_SCHOOL), "a named school",
                named_schools.named_school, needs=named_schools.NEEDS,
                clues=named_schools.NEEDS),
    PatternRule("anon-vehicle", re.compile(
        r"(?<![\w-])(?:[Rr]eg(?:istration)?|[Pp]late)(?:[ \t]+(?:[Nn]umber|[Nn]o\.?|[Pp]late"
        r"|[Mm]ark))?[ \t]*(?:is|was|of|:|-)?[ \t]*"
        r"(?P<flag>[A-Za-z]{2}[0-9]{2}[ \u00a0]?[A-Za-z]{3}|[A-Za-z][0-9]{1,3}[ \u00a0]?[A-Za-z]{3}"
        r"|[A-Za-z]{3}[ \u00a0]?[0-9]{1,3}[A-Za-z])(?![\w-])"),
        "a vehicle registration", needs=("reg", "Reg", "REG", "plate", "Plate"), digits=1,
        clues=("reg", "Reg", "REG", "plate", "Plate")),
    PatternRule("anon-social", re.compile(social.PROFILE), "a social-media handle or profile "
                "address", raw=True, needs=social.PROFILE_NEEDS, clues=("@", "/")),
    PatternRule("anon-social", re.compile(social.HANDLE), "a social-media handle or profile "
                "address", social.handle_valid, needs=social.HANDLE_NEEDS,
                clues=social.HANDLE_CLUES),
    PatternRule("anon-address", re.compile(social.WHAT3WORDS), "a what3words address",
                raw=True, needs=social.WHAT3WORDS_NEEDS, clues=("/", "3")),
    PatternRule("anon-case-number", re.compile(
        r"(?<![\w/-])(?:(?:CRN|crn)[:\s]*)?(?:[A-Za-z]|[A-Z][ \u00a0])[0-9]{6}(?![\w-])"),
        "a case reference number", digits=6),
    PatternRule("anon-case-number", re.compile(more_numbers.CASE_REF), "a case reference number",
                more_numbers.case_ref_valid, digits=5),
    PatternRule("anon-phone", re.compile(more_numbers.PHONE), "a telephone number",
                more_numbers.phone_valid, digits=10),
    PatternRule("anon-bank-details", re.compile(more_numbers.BANK), "a bank detail", digits=6,
                kinds=more_numbers.BANK_KINDS),
    PatternRule("anon-bank-details", re.compile(more_numbers.CARD), "a payment card number",
                more_numbers.card_valid, digits=13),
)


@dataclass(frozen=True)
class Context:
    """What the rules know of a text: whether it is about a person (exact dates are then
    flagged), the pseudonyms of the content's cases, and its known abbreviations (which are
    never taken for a vehicle registration)."""

    person: bool = False
    pseudonyms: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    names: bool = True  # False where people are named on purpose: authors, staff thanked


def hits(prose: str, raw: str, context: Context, full: str | None = None) -> Iterator[Hit]:
    """(code, index, flagged text, message) of each detail in one text. ``prose`` is ``raw``
    with link targets and web addresses blanked out, ``raw`` the text with its citations
    blanked out, ``full`` the text as written (``raw`` when not given); all the same length.
    A detail found inside a longer one of the same kind ('instagram.com' in
    'instagram.com/name'), or by two rules alike, is said once."""
    found = list(_all_hits(prose, raw, context, raw if full is None else full))
    if len(found) > 1:
        found = list(dict.fromkeys(found))
    # A handle that is another detail is said as that detail ("WhatsApp: 07700..." is a phone
    # number), except a name, which is said as the handle (``_WITHIN``).
    for hit in found:
        code, start, flagged = hit[:3]
        end = start + len(flagged)
        if not any((other[0] == code or (code == "anon-social" and other[0] != "anon-name")
                    or (code, other[0]) in _WITHIN)
                   and len(other[2]) >= len(flagged) and other is not hit
                   and (other[0] != code or len(other[2]) > len(flagged))
                   and other[1] <= start and end <= other[1] + len(other[2])
                   for other in found):
            yield hit


def _all_hits(prose: str, raw: str, context: Context, full: str) -> Iterator[Hit]:
    starts, digits = starts_and_digits(prose)
    for rule in RULES:
        if digits < rule.digits:
            continue  # each detail it reports has more digits than the text
        text = full if rule.full else raw if rule.raw else prose
        if rule.needs:
            if not rule.wanted(text):
                continue
            matches: Iterable[re.Match[str]] = rule.pattern.finditer(text)
        else:
            matches = matches_at(rule.pattern, text, starts)
        group = rule.group
        for match in matches:
            flagged = " ".join(match.group(group).split())
            if rule.code == "anon-social":
                flagged = flagged.rstrip(".")  # the full stop of its sentence
            if rule.valid is not None and not rule.valid(flagged):
                continue
            if rule.code == "anon-vehicle" and set(re.findall(r"[A-Za-z]{3}", flagged)) \
                    & (context.abbreviations | ACRONYMS):
                continue
            noun = next((kind for name, kind in rule.kinds if match.group(name) is not None),
                        rule.noun) if rule.kinds else rule.noun
            yield rule.code, match.start(group), flagged, message(rule.code, flagged, noun)
    births: list[int] = []
    for index, flagged in birth.dates_of_birth(prose):
        births.append(index)
        yield "anon-date-of-birth", index, flagged, message(
            "anon-date-of-birth", flagged, "a date of birth")
    yield from name_hits(prose, context.pseudonyms, context.abbreviations, context.names)
    if context.person:
        for match in matches_at(birth.EXACT, prose, starts):
            if not any(start <= match.start() <= start + 3 for start in births):
                flagged = " ".join(match.group().split()).rstrip(".")  # not the full stop
                yield "anon-exact-date", match.start(), flagged, message(
                    "anon-exact-date", flagged, "an exact date")


#: A detail of the first code found inside one of the second is said once, as the second:
#: "SF 05/123456A" is a CRO number, "on Facebook as Kyle Brennan" a handle, "Gregory
#: Boulevard" and "Rhif 5, Bryn Teg" a street's name, no person's.
_WITHIN = frozenset({("anon-pnc-id", "anon-id-number"), ("anon-name", "anon-social"),
                     ("anon-name", "anon-address")})
