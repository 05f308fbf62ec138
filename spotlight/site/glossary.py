"""The abbreviations a document uses: the site glossary's terms that appear in its text; and
an example's own page with each one spelled out at its first use (``spell_out``), as house
style has the report spell it out (checks/house_style.py, which reads the same way whether an
abbreviation is spelled out where it stands: ``spelled_out``)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from markupsafe import Markup

from .foreign import Foreign


def used_terms(glossary: Iterable[tuple[str, str]],
               texts: Iterable[str | Markup]) -> tuple[tuple[str, str], ...]:
    """The (term, expansion) pairs of ``glossary`` whose term appears in ``texts``.

    Terms match as whole words and case-sensitively ("PP" is not "app"), with a plural or
    possessive ending allowed ("PSRs", "PP's"). HTML fragments are read as their text, so
    addresses and attributes never count.
    """
    text = "\n".join(_text(t) if isinstance(t, Markup) else t for t in texts)
    return tuple((term, expansion) for term, expansion in glossary
                 if term in text  # a quick look first: most terms are not in most documents
                 and re.search(rf"(?<!\w){re.escape(term)}(?:s|['’]s)?(?!\w)", text))


_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def _text(fragment: Markup) -> str:
    """The text of an HTML fragment spotlight rendered, where every '<' of content is escaped.

    Linear in the fragment's length: Markup.striptags rebuilds the string at each tag, which
    took minutes on a five-megabyte example.
    """
    return html.unescape(_TAG.sub(" ", str(fragment)))


def keywords(*groups: Iterable[str]) -> tuple[str, ...]:
    """Keywords for a document's metadata: each group's words in order, without repeats."""
    seen: dict[str, str] = {}
    for group in groups:
        for word in group:
            seen.setdefault(word.strip().lower(), word.strip())
    return tuple(v for v in seen.values() if v)


_WORDS = re.compile(r"[a-z0-9]+")


def words(text: str) -> tuple[str, ...]:
    """Lower-case words, for comparing an expansion with the text around an abbreviation."""
    return tuple(_WORDS.findall(text.lower().replace("’", "'")))


def without_note(expansion: str) -> str:
    """A glossary entry without its note in brackets: "assess, plan... (the model of case
    supervision)" is written in the text as "assess, plan..."."""
    return re.sub(r"\s*\([^)]*\)", "", expansion).strip() or expansion


def _same(written: tuple[str, ...], expansion: tuple[str, ...]) -> bool:
    if len(written) != len(expansion) or not expansion:
        return False
    *head, last = written
    return tuple(head) == expansion[:-1] and last.rstrip("s") == expansion[-1].rstrip("s")


@cache
def term_pattern(abbreviation: str) -> re.Pattern[str]:
    """An abbreviation as a whole word, in the plural too ("PSRs")."""
    return re.compile(rf"(?<![\w'’]){re.escape(abbreviation)}s?(?![\w'’])")


def spelled_out(prose: str, start: int, end: int, expansion: tuple[str, ...]) -> bool:
    """True when the abbreviation at ``prose[start:end]`` is spelled out where it stands:
    "expansion (ABBR)" or "ABBR (expansion)", with up to three words between the
    abbreviation and the bracket in the second form ("ASPIRE model (assess, ...)")."""
    before, after = prose[:start].rstrip(), prose[end:]
    if before.endswith("(") and after.lstrip().startswith(")"):
        preceding = words(before[:-1][-300:])
        if _same(preceding[-len(expansion):], expansion):
            return True
    match = re.match(r"(?:[ \t]+[\w'’-]+){0,3}?[ \t\n]*\(([^)]*)\)", after)
    return match is not None and words(match.group(1))[:len(expansion)] == expansion


#: A tag or comment of HTML that spotlight rendered: group 1 is "/" for an end tag, group 2
#: the element's name.
_TAG_NAME = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>", re.DOTALL)
#: Elements whose text is not prose: headings (which house style lets use an abbreviation
#: before it is spelled out), code, and what a reader never sees as text.
_NOT_PROSE = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "abbr"}


def spell_out(fragments: Sequence[str], glossary: Iterable[tuple[str, str]]) -> list[str]:
    """``fragments`` (a page's rendered HTML, in reading order) with each glossary
    abbreviation spelled out at its first use in their prose, where it is not already:
    "the PP (probation practitioner)". A first use written in the plural ("PPs"), or already
    followed by brackets, is marked ``<abbr title="...">`` instead. An expansion that the
    site file does not give in the page's language (``Foreign``) is not spelled out: a Welsh
    page is left as its author wrote it."""
    terms = [(term, expansion) for term, expansion in glossary
             if not isinstance(expansion, Foreign) and any(term in f for f in fragments)]
    done: list[str] = []
    for fragment in map(str, fragments):  # not Markup, which would escape what is added
        if not terms:
            done.append(fragment)
            continue
        text, places = _prose(fragment)
        found = [(t, e, m) for t, e in terms if (m := term_pattern(t).search(text))]
        terms = [(t, e) for t, e in terms if not any(t == u for u, _, _ in found)]
        changes = []
        for term, expansion, match in found:
            plain = without_note(expansion)
            if spelled_out(text, match.start(), match.end(), words(plain)):
                continue
            at, end = places(match.start(), False), places(match.end(), True)
            if match.group() == term and not text[match.end():].lstrip(" ").startswith("("):
                changes.append((end, end, f" ({html.escape(plain, quote=False)})"))
            else:
                changes.append((at, at + len(term), f'<abbr title="{html.escape(plain)}">'
                                                    f"{term}</abbr>"))
        for start, end, new in sorted(changes, reverse=True):
            fragment = fragment[:start] + new + fragment[end:]
        done.append(fragment)
    return done


def _prose(fragment: str) -> tuple[str, Callable[[int, bool], int]]:
    """The prose of a rendered fragment as it is written in the HTML (entities and all), and
    the function that maps a place in it (the start of a word, or with ``end`` the end of
    one) to its place in the fragment."""
    runs: list[tuple[int, int]] = []  # (where a run of prose starts in the fragment, length)
    parts: list[str] = []
    inside = 0  # how deep in elements that are not prose
    at = 0
    for tag in _TAG_NAME.finditer(fragment):
        if tag.start() > at and not inside:
            runs.append((at, tag.start() - at))
            parts.append(fragment[at:tag.start()])
        name = (tag.group(2) or "").lower()
        if name in _NOT_PROSE:
            inside = max(0, inside + (-1 if tag.group(1) else 1))
        at = tag.end()
    if at < len(fragment) and not inside:
        runs.append((at, len(fragment) - at))
        parts.append(fragment[at:])

    def place(offset: int, end: bool = False) -> int:
        for start, length in runs:
            if offset < length or (end and offset == length):
                return start + offset
            offset -= length
        return len(fragment)

    return "".join(parts), place
