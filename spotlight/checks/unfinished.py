"""Unfinished work: what an author leaves to come back to, which must not be published.

- ``spotlight import`` writes ``1900-01-01`` where the source gives no date, with a
  ``# PLACEHOLDER`` comment beside it (see importing/report_file.py); either stops a build.
- Editorial marks in the text: TODO, TK, TKTK, XX, XXX, FIXME, TBC, TBD (in capitals, as
  words), and a bracketed note such as "[check]", "[check date]" or "[TK]" that is not the
  text of a link.
- The guidance that ``spotlight new example`` writes in a new example's body
  (content/scaffold.py): left in, it would be published as the case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..content.drafts import PLACEHOLDER_DATE as DRAFT_DATE

#: The date written where it is not known yet (a report with it as its publication date is a
#: draft, which is not built: see content/drafts.py).
PLACEHOLDER_DATE = DRAFT_DATE.isoformat()
_WORDS = ("TODO", "TK", "XX", "FIXME", "TBC", "TBD")
_DATE = re.compile(rf"(?<![\w-]){PLACEHOLDER_DATE}(?![\w-])")
_MARK = re.compile(
    r"(?<![\w'’-])(?:TODO|TK(?:TK)?|XXX?|FIXME|TBC|TBD)(?![\w'’-])(?![ \t]+Maxx)"
    r"|\[[ \t]*(?:check|to check|todo|tk|tbc|tbd|fixme|citation needed)\b[^\]\n]{0,60}\]"
    r"(?![(\[:])", re.IGNORECASE)
#: What every mark starts with or holds: a text without any of these has none.
_HINT = re.compile("|".join(map(re.escape, ("[", *_WORDS))))


#: The sentences of the guidance in a new example's body (content/scaffold.py; a test keeps
#: the two the same), each found whatever the line breaks between its words.
GUIDANCE = (
    "Introduce the person by a pseudonym, with their age, then their sentence and offence",
    "Leave out anything that could identify them: addresses, dates of birth, exact dates, "
    "numbers.",
    "A short subheading for one part of the work",
    "What the practitioner did, one point per bullet.",
    "Spell out each abbreviation at its first use in the report, then use it alone.",
    "What changed as a result of the work.",
    "Describe the initiative: why it was set up, who runs it and how it works.",
    "One point per bullet.",
    "What difference it has made.",
    "Cyflwynwch yr unigolyn drwy ffugenw, gyda'i oedran, yna ei ddedfryd a'i drosedd",
    "Peidiwch â chynnwys dim a allai ei adnabod: cyfeiriadau, dyddiadau geni, union "
    "ddyddiadau, rhifau.",
    "Is-bennawd byr ar gyfer un rhan o'r gwaith",
    "Beth wnaeth yr ymarferydd, un pwynt ym mhob bwled.",
    "Ysgrifennwch bob byrfodd yn llawn y tro cyntaf y'i defnyddir yn yr adroddiad, yna ar ei "
    "ben ei hun.",
    "Beth a newidiodd o ganlyniad i'r gwaith.",
    "Disgrifiwch y fenter: pam y cafodd ei sefydlu, pwy sy'n ei rhedeg a sut mae'n gweithio.",
    "Un pwynt ym mhob bwled.",
    "Pa wahaniaeth y mae wedi'i wneud.",
)
_GUIDANCE = re.compile("|".join(r"\s+".join(map(re.escape, sentence.split()))
                                for sentence in GUIDANCE))
#: A text holding none of these words holds no guidance.
_GUIDANCE_WORDS = ("pseudonym", "Leave", "subheading", "bullet", "Spell", "What", "Describe",
                   "ffugenw", "Peidiwch", "Is-bennawd", "bwled", "Ysgrifennwch", "Beth",
                   "Disgrifiwch", "wahaniaeth")


def guidance(text: str) -> Iterator[tuple[int, str]]:
    """(index, sentence) of each sentence of a new example's guidance left in ``text``."""
    if not any(word in text for word in _GUIDANCE_WORDS):
        return
    for match in _GUIDANCE.finditer(text):
        yield match.start(), " ".join(match.group().split())


def placeholder_dates(text: str) -> Iterator[int]:
    """The index of each placeholder date."""
    if PLACEHOLDER_DATE not in text:
        return
    for match in _DATE.finditer(text):
        yield match.start()


def marks(prose: str) -> Iterator[tuple[int, str]]:
    """(index, text) of each editorial mark."""
    if _HINT.search(prose) is None:  # no '[' and none of _WORDS, searched for at once
        return
    for match in _MARK.finditer(prose):
        word = match.group()
        if not word.startswith("[") and not word.isupper():
            continue  # "todo", "tbc" in lower case are not marks
        yield match.start(), word
