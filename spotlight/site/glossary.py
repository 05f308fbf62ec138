"""The abbreviations a document uses: the site glossary's terms that appear in its text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from markupsafe import Markup


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
