"""Personal details in a published address: an example's or a report's slug (its file name,
or the example's ``slug:``) names its page and its PDF, and a picture's file name is in the
pages that show it. ``kyle-brennan-07700900461`` is read as "Kyle Brennan 07700900461".

A slug is written in lower case, so a name in it has lost its capitals. A word is read as a
name where it is a common first name or a case's pseudonym, and the word after it as its
surname unless the file's own text uses that word in lower case (``helping-grace-find-work``
in a text that says "find"): "supporting-kyle-brennan-into-college" gives "Kyle Brennan".
Numbers and identifiers are looked for in capitals, where every rule finds them
(``a1234bc`` is the prison number "A1234BC").
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import court_names, faith_titles, people, slug_names
from .anonymisation import Context, hits

_SEPARATORS = re.compile(r"[-_.]+")
_DIGIT_OR_AT = re.compile(r"[0-9@]")
_MIXED = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]")
_NUMBERED = re.compile(r"(?:[a-z]+-)+[0-9]{1,5}")
_BIRTH = re.compile(r"(?<![a-z])(?:born|dob|birth|b)(?![a-z])")
#: Titles as a slug writes them: "mr", "dc", "pcso".
#: (Not a title of faith: "his-sister-jade" is no "Sister Jade".)
_TITLES = {title.lower(): title for title in people.TITLE_WORDS
           if title not in faith_titles.FAITH_TITLES}

#: (code, index in the words, flagged text, message)
Hit = tuple[str, int, str, str]


def words(stem: str) -> str:
    """A file name's or a slug's words, its hyphens, underscores and dots read as spaces."""
    return " ".join(word for word in _SEPARATORS.split(stem) if word)


def identifier_hits(stem: str, context: Context) -> list[Hit]:
    """The numbers and identifiers (no names) in a file name or slug, whatever their case,
    each as written there: its words are read capitalised ("14 Acacia Avenue"), and those
    mixing letters and digits in capitals too ("AB12 CDE", "A1234BC")."""
    return phrase_identifiers(words(stem), context)


def phrase_identifiers(plain: str, context: Context) -> list[Hit]:
    """``identifier_hits`` of words already split by spaces (indexes are into ``plain``)."""
    forms = [re.sub(r"(?<![^ ])\w", lambda m: m.group().upper()
                    if len(m.group().upper()) == 1 else m.group(), plain)]
    if _MIXED.search(plain) and len(upper := plain.upper()) == len(plain):
        forms.append(upper)  # (unless a letter is spelled longer in capitals)
    found: dict[tuple[str, int], Hit] = {}
    for form in forms:
        for code, index, flagged, message in hits(form, form, replace(context, names=False)):
            written = plain[index:index + len(flagged)]
            found.setdefault((code, index), (code, index, written, message.replace(
                f"'{flagged}'", f"'{written}'", 1)))
    return list(found.values())


def slug_hits(slug: str, context: Context, text: str) -> list[Hit]:
    """Every detail in a slug: its identifiers, and the names its words make (see above);
    ``text`` is the file's, whose lower-case words are no surnames."""
    # Every identifier holds a digit, an e-mail address or a handle an '@'; words with a
    # short number after them ("example-00012", "north-2025") hold none but a birth year.
    found = identifier_hits(slug, context) if _DIGIT_OR_AT.search(slug) and not (
        _NUMBERED.fullmatch(slug) and not _BIRTH.search(slug)) else []
    return [*found, *phrase_names(words(slug), context, text)]


def phrase_names(plain: str, context: Context, text: str) -> list[Hit]:
    """The names that words already split by spaces make (see above); ``text`` is the one
    whose lower-case words are no surnames. Indexes are into ``plain``."""
    if not context.names:
        return []
    known, pseudonyms = people.first_names(), context.pseudonyms
    marked: list[str] = []
    after = False  # the word before was a first name or a title
    for word in plain.split(" "):
        if not word:
            marked.append(word)  # several spaces: the word after still follows
            continue
        capital = word.capitalize() if word.isupper() else word[:1].upper() + word[1:]
        if len(capital) != len(word):
            capital = word
        name = capital in known or capital in pseudonyms or word in _TITLES
        if after or name:
            word = _TITLES.get(word, capital)
        marked.append(word)
        after = name
    named = " ".join(marked)
    found: dict[int, Hit] = {}
    for code, index, flagged, message in hits(named, named, context):
        parts = flagged.split(" ")
        if code != "anon-name" or _ordinary(parts[-1], text):
            continue  # an ordinary word of the file's text: "grace-find-work"
        found[index] = (code, index, flagged, message)
    for index, flagged in slug_names.pairs(plain, pseudonyms):
        if index not in found and not _ordinary(flagged.rsplit(" ", 1)[-1], text):
            found[index] = ("anon-name", index, flagged,
                            f"'{flagged}' looks like a full name: use a first-name pseudonym only")
    for index, flagged in court_names.slug_cases(plain.lower()):
        found[index] = ("anon-name", index, flagged, court_names.MESSAGE.format(flagged))
    return sorted(found.values(), key=lambda hit: hit[1])


def _ordinary(last: str, text: str) -> bool:
    """True when ``last`` is written in lower case in ``text``: an ordinary word of it."""
    last = last.lower()
    return not last.isdigit() and re.search(
        rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])", text) is not None


def title_problems(title: str) -> list[str]:
    """What the publish gate would refuse in a new example's file name, made from its
    ``title`` (``Supporting Kyle Brennan into college``): said by ``spotlight new example``,
    which then writes nothing, since the file name is the web address of the example's page
    and what links to it."""
    from ..content.scaffold import slugify

    return [f"{message}; the title makes the example's file name, which is also the web "
            "address of its page, so change the title"
            for _, _, _, message in slug_hits(slugify(title), Context(), title)]
