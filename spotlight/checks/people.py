"""Names that identify a person: a title with a surname, and a first name with a surname.

- A title (Mr, Mrs, Ms, Miss, Mx, Dr, with or without a full stop; a rank; a Welsh title in
  the form a sentence gives it, "Rhingyll", "i Gynghorydd") followed by a capitalised name:
  "Mr Whitlock", "Mrs O'Connor", "Dr. A. Patel", "Rhingyll Jones", "Mr Justice Holroyde".
  Titles that are words of a job's name too (Officer, Recorder, Magistrate, PS) only before
  a known surname: "Officer Lewis", not "Probation Officer Training".
- A first name followed by a surname, a nickname in quotes between them or none: "Darren
  Whitlock", "Kyle 'Robbo' Roberts". The first name is either a common
  first name (``data/first_names.txt``) or a case's pseudonym (the name its first sentence
  introduces: "Kieran, a 29-year-old man"). What follows must look like a surname: a
  capitalised word that is not an organisation or place word ("St Giles Trust", "Elizabeth
  Street"), a day, a month or a little word of a title in title case ("Helping Sarah Into
  Work"); and the pair must not be part of an organisation's name ("Lucy Faithfull
  Foundation", "Liverpool John Moores University").

A first name alone is how a case's pseudonym is written, and is never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from .faith_titles import FAITH_TITLES, named
from .letters import fold, latin
from .name_lists import (
    first_names,
    first_names_words,
    known_surnames,
    named_organisations,
    not_surnames,
    wider_surnames,
)

_WORD = latin(r"(?:Mc|Mac|O['’]|D['’]|Fitz)?[A-Z][a-zà-öø-ÿŵŷ]+(?:[-'’][A-Z][a-zà-öø-ÿŵŷ]+)?")
#: A capitalised word as a surname is written: "Whitlock", "O'Connor", "McDonald".
WORD = _WORD
#: Police ranks as written short, before a collar number ("PC 1234"), a surname or both.
_RANKS = ("PC", "PCSO", "DC", "DS", "PS", "DI", "DCI", "DSU", "Sgt", "Insp", "Supt",
          "Det")
#: Welsh titles and ranks, with the soft and aspirate mutations of those that take one ("i
#: Farnwr Elis", "â Chynghorydd Pritchard"): detective, constable, sergeant, inspector,
#: superintendent, councillor, judge, professor or teacher, head teacher, reverend.
WELSH_TITLES = ("Ditectif", "Dditectif", "Cwnstabl", "Gwnstabl", "Chwnstabl", "Rhingyll",
                "Ringyll", "Sarjant", "Arolygydd", "Uwcharolygydd", "Cynghorydd", "Gynghorydd",
                "Chynghorydd", "Cynghorwr", "Gynghorwr", "Chynghorwr", "Barnwr", "Farnwr",
                "Athro", "Athrawes", "Prifathro", "Brifathro", "Phrifathro", "Prifathrawes",
                "Brifathrawes", "Phrifathrawes", "Parchedig", "Barchedig", "Pharchedig")
_TITLE_WORDS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Mister", "Sgt", "Sergeant", "Constable",
                "Detective", "Inspector", "Superintendent", "Cllr", "Councillor", "Prof",
                "Professor", "Revd", "Reverend", "Judge", "HHJ", "Recorder", "Magistrate",
                "Officer", *_RANKS, *WELSH_TITLES, *FAITH_TITLES)
#: Every title and rank a name is looked for after.
TITLE_WORDS = _TITLE_WORDS
_TITLE_PATTERN = latin(
    rf"(?<![\w-])(?P<title>{'|'.join(sorted(_TITLE_WORDS, key=len, reverse=True))})\.?"
    r"(?:[ \t]+|(?=\d))"
    r"(?:(?P<number>\d{2,5})(?:[ \t]+|(?![\w%/:-]|[.,]\d)))?"
    rf"(?:(?:Justice[ \t]+)?(?:[A-Z]\.?[ \t]+){{0,2}}(?P<name>{_WORD})(?:['’]s)?(?![\w'’-]))?")
#: A nickname in quotes between a first name and a surname: "Kyle 'Robbo' Roberts".
NICKNAME = latin(r"[\"“‘'][A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[\"”’'][ \t]+")
_PAIR = re.compile(latin(rf"(?<![\w'’-])(?P<first>[A-Z][a-zà-öø-ÿŵŷ]+)(?:-[A-Z][a-zà-öø-ÿŵŷ]+)?"
                   rf"(?=[ \t]*\n?[ \t]*(?:[A-Z]\.?[ \t]+|{NICKNAME})?"
                   rf"(?P<last>{_WORD})(?![\w-]))"))
_OPENER_WORDS = """
A About According Across After Again Against Aged All Almost Also Although Always Among An And
Another Any Around As At Because Before Being Below Between Both But By Despite During Each
Early Earlier Eight Every Five Following For Four From Further Having He Her Here His How If In
Initially Instead It Its Just Last Late Later Like Many Most Much Nine No None Not Now Of On Once
One Only Or Our Over Prior Rather Recently Seven Several She Since Six So Some Soon Such Ten
That The Their Then There These They This Those Three Through Throughout To Two Under Unlike
Until Upon We What When Where Whether Which While Who Whose Why With Within Without Yet You
Mae Maen Roedd Roeddent Oedd Bu Bydd Byddai Cafodd Cafwyd Cynhaliwyd Daeth Aeth Dechreuodd
Gwelodd Rhoddodd Trefnodd Symudodd Dywedodd Teimlai Dyn Menyw Dynes Merch Bachgen Gŵr Gwraig
Person Y Yr Ar Yn Ym Yng Pan Wedi Ers Er Gan Gyda O Ei Eu Ein Fy Hi Ef Fe Fo Nhw Nid Nad Does
Doedd Dyma Dyna Felly Hefyd Ond Ac Neu Tra Cyn Wrth Drwy Trwy Dros Heb Am Os Pe Un Dau Dwy Tri
Tair Erbyn Yna Wedyn Bellach Nawr Yma Yno Sut Pwy Ble Pryd Pob Rhai Nifer Llawer
"""
#: Capitalised words that open sentences and are never a first name, in English and in Welsh.
OPENERS = frozenset(_OPENER_WORDS.split())
#: Well-known people whose names are those of organisations, places or awards.
_KNOWN = frozenset({"Elizabeth Fry", "Lucy Faithfull", "Joseph Rowntree", "Florence Nightingale",
                    "Albert Hall", "Albert Dock",
                    "Winston Churchill", "Nelson Mandela", "Mary Seacole", "Robert Peel",
                    "Howard League", "John Howard", "Martin Luther", "Alan Turing",
                    "Grace Darling", "Jack Straw", "Marie Curie", "Sue Ryder", "Anthony Nolan",
                    "Stephen Lawrence", "John Lewis", "Max Spielmann", "Harvey Nichols",
                    "Jack Wills", "Ben Sherman", "Ronald McDonald", "Emmeline Pankhurst",
                    "Isaac Newton", "William Booth", "Sarah Payne", "Gordon Moody",
                    "Terrence Higgins", "Ted Baker", "Karen Millen", "Paul Smith", "Robin Hood",
                    "Peter Pan", "Father Christmas", "Ben Nevis", "Harley Davidson", "Jack Daniel",
                    "Aston Martin", "Perry Barr", "Milton Keynes", "Bradley Stoke",
                    "Barry Island", "Martin Luther King", "Glyn Ebwy"})
#: Titles that are not a person's.
_NOT_TITLES = frozenset({"Barnardo", "Barnardos", "Martens", "World", "Comics", "Thomson",
                         "Training", "Briefing", "Lite"})
#: An age after a name: "Kieran, a 29-year-old man", "aged 29", "29,"; in Welsh "Rhys, dyn 29
#: oed", "Ffion, sy'n 19 oed", "Rhys, 29 oed".
_AGE = re.compile(r",?\s+(?:an?\s+\d{1,3}[- ]year[- ]old|aged\s+\d{1,3}|\d{1,3},"
                  r"|(?:(?:dyn|menyw|dynes|merch|bachgen|gŵr|gwraig|person|sy['’]n)\s+)?"
                  r"\d{1,3}\s+oed\b)")
_ORGANISATION_NOUN = re.compile(
    r"[ \t]+(?:project|programme|program|service|services|team|group|scheme|initiative|hub"
    r"|centre|center|charity|unit|model|approach|pathway|course|network|partnership|trust"
    r"|foundation|award|fund|house|ward|wing|clinic|café|cafe|hospice|refuge|shelter|memorial"
    r"|lecture|library|hall|shop|store|stores|superstore|estate|area|approved[ \t]+premises"
    r"|premises|hostel|surgery|practice)\b")
#: Words a title in title case leaves in lower case.
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at",
                          "to", "for", "with", "by", "from", "into", "as", "vs",
                          # and in Welsh: the, and, or, to, of, on, in, with, for, by, from
                          "y", "yr", "ac", "neu", "i", "o", "ar", "yn", "ym", "yng", "gyda",
                          "am", "gan", "mewn", "â", "ag", "dros", "heb", "wrth", "tuag"})


def pseudonym(body: str, openers: Iterable[str]) -> str | None:
    """The name a case's first paragraph introduces ("Kieran, a 29-year-old man"), if any."""
    start = re.search(r"^(?![#>|\-*+\s]|\d+[.)])", body, re.MULTILINE)
    if start is None:
        return None
    match = re.match(latin(r"([A-Z][a-zà-öø-ÿŵŷ]+)(?![\w'’-])"), body[start.start():])
    if match is None or match.group(1) in openers:
        return None
    name = match.group(1)
    if _AGE.match(body, start.start() + match.end()):
        return name
    again = re.findall(rf"(?<![\w-]){name}(?:['’]s)?(?![\w-])", body)
    return name if len(again) >= 3 else None


_CAPITAL = re.compile(latin(r"[A-Z][A-Za-zà-öø-ÿŵŷ]*"))
#: A name in capitals: "DARREN WHITLOCK".
_UPPER_PAIR = re.compile(latin(r"(?P<first>[A-Z]{2,})[ \t]+(?P<last>(?:MC|MAC|O['’])?[A-Z]{3,}"
                         r"(?:-[A-Z]{2,})?)(?![\w'’-])"))
_TITLES = frozenset(_TITLE_WORDS) | {"Ynad"}
_FAITH = frozenset(FAITH_TITLES)
#: Months, as a date writes them: "30 March", "30 Sept", "20 Mawrth".
_MONTH_WORDS = """
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Ionawr Chwefror Mawrth Fawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr
"""
_MONTHS = frozenset(_MONTH_WORDS.split())
#: Titles that are words of a job's or a thing's name too ("Probation Officer Training", "PS
#: Thanks"): a name after them only when it is a known surname ("Officer Lewis", "PS Hughes").
_WEAK_TITLES = frozenset({"Officer", "Recorder", "Magistrate", "PS"})
#: The titles known before the short police ranks, whose names are read as they were.
_TITLES_BEFORE = frozenset({"Sgt"})
#: The titles of address, after which any capitalised word is a surname: "Mrs Green",
#: "Mr Hill" (a word such as Green or Hill after a first name is often a place's).
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Mister", "Dr"})
#: The titles a collar number follows.
_POLICE = frozenset({*_RANKS, "Sergeant", "Constable", "Detective", "Inspector",
                     "Superintendent", "Ditectif", "Dditectif", "Cwnstabl", "Gwnstabl",
                     "Chwnstabl", "Rhingyll", "Ringyll", "Sarjant", "Arolygydd",
                     "Uwcharolygydd"})


@cache
def _title() -> re.Pattern[str]:
    """The title pattern, compiled when first needed (it is slow to compile)."""
    return re.compile(_TITLE_PATTERN)


def capitals(prose: str) -> list[re.Match[str]]:
    """The capitalised words of ``prose``, where ``titles`` and ``full_names`` look: found once
    for both."""
    return list(_CAPITAL.finditer(prose))


def titles(prose: str, words: Iterable[re.Match[str]] | None = None
           ) -> Iterator[tuple[int, str]]:
    """(index, text) of each title with a name: "Mr Whitlock". ``words``: ``capitals(prose)``,
    if found already."""
    for word in _CAPITAL.finditer(prose) if words is None else words:
        if word.group() not in _TITLES:
            continue
        match = _title().match(prose, word.start())
        if match is None:
            continue
        name, number, title = match.group("name", "number", "title")
        if number is not None and (title not in _POLICE or name in _MONTHS):
            continue  # "Mr 20 Mawrth", "Sgt 30 Sept": a date, not a collar number
        if name is None or name in _NOT_TITLES or name in _TITLES \
                or (name in not_surnames() and title not in _HONORIFICS) \
                or (title in _WEAK_TITLES and name.lower() not in known_surnames()) \
                or (title in _FAITH and (not named(title, name)
                                         or organisation(prose, match.end("name")))) \
                or (title in _RANKS and title not in _TITLES_BEFORE
                    and _ORGANISATION_NOUN.match(prose, match.end("name"))):
            if number is None or title not in _POLICE:
                continue  # "PC World", "the DS team"
            end = match.end("number")  # a collar number: "PC 1234"
        else:
            end = match.end()
        yield match.start(), " ".join(prose[match.start():end].split())


def full_names(prose: str, pseudonyms: frozenset[str],
               words: Iterable[re.Match[str]] | None = None) -> Iterator[tuple[int, str]]:
    """(index, text) of each first name followed by a surname: "Darren Whitlock". ``words``:
    ``capitals(prose)``, if found already."""
    known = first_names()
    stop = not_surnames()
    for word in _CAPITAL.finditer(prose) if words is None else words:
        name = word.group()
        if name.isupper() and len(name) > 1:
            if name.capitalize() in known or name.capitalize() in pseudonyms or (
                    not name.isascii() and fold(name.capitalize()) in known):
                upper = _UPPER_PAIR.match(prose, word.start())
                if upper and upper.group("last").capitalize() not in stop:
                    yield word.start(), " ".join(upper.group().split())
            continue
        if name not in known and name not in pseudonyms and (
                name.isascii() or _folded(name) not in known):  # an ASCII name folds to itself
            continue
        match = _PAIR.match(prose, word.start())
        if match is None:
            continue
        first, last = match.group("first"), match.group("last")
        # A known first name before a known surname is a name even where the surname is a
        # word too ("Claire Hill") or the line is in title case ("Working with Kyle Roberts",
        # "Meeting Sarah Hendricks").
        surname = first in known and last.lower() in wider_surnames()
        if first not in known and first in first_names_words() \
                and last.lower() not in wider_surnames():
            continue  # a pseudonym that is a word too: "Faith Groups", "May Day", "Will Kieran"
        if (last in stop and not surname) or (title_case(prose, match.start()) and not surname
                                              and (first not in known
                                                   or re.search(r"(?:s|ing|ed)$", last))):
            continue  # in a title in title case, a capital says little
        pair = " ".join(prose[match.start():match.end("last")].split())
        if known_pair(f"{first} {last}") or _prison(prose, match.start()) or organisation(
                prose, match.end("last"), in_title=surname and title_case(prose, match.start())):
            continue
        yield match.start(), pair


def _folded(word: str) -> str:
    """A word without its accents: "Zoë" -> "Zoe", "Łukasz" -> "Lukasz"."""
    return fold(word)


#: A possessive's end: "Trust's", "Trusts'".
_POSSESSIVE = re.compile(r"['’]s?$")
#: Up to three capitalised words after a pair, "of" between them or not.
_FOLLOWING = re.compile(latin(r"(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]*){1,3}"))


def organisation(prose: str, end: int, in_title: bool = False) -> bool:
    """True when the words after a pair make it an organisation's name; ``in_title`` (a line in
    title case, where every word after it has a capital too), only an organisation's noun."""
    if _ORGANISATION_NOUN.match(prose, end):
        return True
    if in_title:
        return False
    following = _FOLLOWING.match(prose[end:end + 60])
    if following is None:
        return False
    if _ORGANISATION_NOUN.match(prose, end + following.end()) \
            and len(words := following.group().split()) == 1 and not words[0].isupper():
        return True  # "the John Storer Charnwood centre"
    return any(_POSSESSIVE.sub("", word) in not_surnames() and word[0].isupper()
               for word in re.findall(r"[\w'’-]+", following.group()))


def known_pair(pair: str) -> bool:
    """True when ``pair``, a first name and a surname, names a well-known person, place or
    organisation: "Elizabeth Fry", "Morgan Sindall"."""
    return pair in _KNOWN or pair in named_organisations()


def _prison(prose: str, start: int) -> bool:
    """True after "HMP", "HMYOI" and the like: a prison's name."""
    return bool(re.search(r"\b(?:HMP|HMYOI|HMPYOI|YOI|HM Prison|St\.?)\s*$",
                          prose[max(0, start - 12):start]))


def title_case(prose: str, index: int) -> bool:
    """True when the line around ``index`` is written in title case (a heading)."""
    begin = prose.rfind("\n", 0, index) + 1
    end = prose.find("\n", index)
    line = prose[begin:end if end >= 0 else len(prose)]
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    lower = [w for w in words if w[0].islower() and w not in _SMALL_WORDS]
    return len(words) >= 3 and not lower


#: An initial, or two, and a surname: "J. Brookes", "J.R. Brookes".
_INITIALS = re.compile(latin(rf"(?:[A-Z]\.[ \t]?){{1,2}}[ \t]*(?P<name>{_WORD})(?![\w'’-])"))
#: Words a letter follows as a label, not as an initial: "class A. He", "Plan B. Staff",
#: "dosbarth A. Roedd".
_LABEL_WORDS = """
annex appendix area block box cat category class column exhibit figure floor form grade group
hepatitis item landing level line list option paragraph part phase plan point question room
route row schedule section site spur stage step table team tier type unit vitamin ward wing zone
dosbarth categori cynllun rhan lefel adran atodiad math grŵp uned
"""
_LABELS = frozenset(_LABEL_WORDS.split())
#: A capital and a full stop, the capital not ending a word or an abbreviation; the
#: look-behind last, so that a search skips fast to a capital.
_INITIAL = re.compile(latin(r"[A-Z]\.(?<![\w.'’-][A-Z]\.)"))
_BEFORE = re.compile(latin(r"([A-Za-zà-öø-ÿŵŷ]+)[ \t]*$"))


def labelled(prose: str, start: int, line_start: bool = True) -> bool:
    """True when the capital at ``start`` labels something, not a person's initial: it
    starts a line (a list's "A. Introduction", a heading; unless not ``line_start``) or
    follows a label word ("Plan B", "class A") or a capitalised word ("Dr. A. Patel", a
    title's own)."""
    line = prose[prose.rfind("\n", 0, start) + 1:start]
    if not line.strip(" \t>#*+-|0123456789."):
        return line_start
    before = _BEFORE.search(line)
    return before is not None and (before.group(1).lower() in _LABELS
                                   or before.group(1)[0].isupper())


def initials(prose: str, pseudonyms: frozenset[str] = frozenset()) -> Iterator[tuple[int, str]]:
    """(index, text) of each initial with a surname: "He signed as J. Brookes". Not a letter
    that labels something ("class A. Officers"), one that starts a line (a list's "A.
    Introduction"), nor one before a first name ("J. Paul Getty": see ``full_names``) or an
    organisation's word."""
    known, stop = first_names(), not_surnames()
    for letter in _INITIAL.finditer(prose):  # rare: found by one search, not word by word
        start = letter.start()
        if labelled(prose, start):
            continue  # "Plan B. Staff", "Part A. Then", "Dr. A. Patel" (a title's own)
        match = _INITIALS.match(prose, start)
        if match is None:
            continue
        name = match.group("name")
        if name in stop or name in OPENERS or name in known or name in pseudonyms \
                or name in _TITLES or name in _MONTHS or name == "St" \
                or organisation(prose, match.end("name")):
            continue
        yield start, " ".join(match.group().split())
