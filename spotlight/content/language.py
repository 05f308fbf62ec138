"""The site's ``language``: a well-formed BCP 47 language tag, such as ``en-GB`` or ``cy``.

The tag goes into every page's ``lang`` attribute, and the search indexer names its files
after it, so anything else (a path, a sentence, a very long tag) is refused here.
"""

from __future__ import annotations

import re
from collections.abc import Collection

#: RFC 5646's grammar for a language tag (grandfathered tags aside): language, extended
#: language, script, region, variants, extensions and private use.
_TAG = re.compile(r"""
    (?:[a-z]{2,3}(?:-[a-z]{3}){0,3} | [a-z]{4,8})   # language, with extended subtags
    (?:-[a-z]{4})?                                # script, e.g. Latn
    (?:-(?:[a-z]{2}|[0-9]{3}))?                   # region, e.g. GB or 419
    (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*      # variants
    (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*          # extensions
    (?:-x(?:-[a-z0-9]{1,8})+)?                    # private use
    """, re.IGNORECASE | re.VERBOSE)
_PRIVATE = re.compile(r"x(?:-[a-z0-9]{1,8})+", re.IGNORECASE)

#: Longer tags are well-formed but the search indexer cannot name its files after them.
MAX_LENGTH = 30


def language_problem(tag: str, spoken: Collection[str] = ()) -> str | None:
    """Why ``tag`` cannot be the site's language, or None when it can; with ``spoken`` (the
    languages spotlight writes its pages' own words in), a tag of another language cannot
    be either: pages in English marked as French would be read aloud as French."""
    shown = tag.encode("unicode_escape").decode("ascii")
    if not (_TAG.fullmatch(tag) or _PRIVATE.fullmatch(tag)) or not tag.isascii():
        return (f"language '{shown}' is not a language tag: write one such as en-GB "
                "(English), cy (Welsh) or cy-GB")
    if len(tag) > MAX_LENGTH:
        return (f"language '{shown}' is longer than {MAX_LENGTH} characters: use a shorter "
                "tag such as en-GB or cy")
    if spoken and tag.split("-")[0].lower() not in spoken:
        return (f"language '{shown}' is not one spotlight publishes in: it writes the pages' "
                "own words (menus, headings, dates) in English and Welsh only; use en-GB "
                "(English), cy (Welsh) or cy-GB")
    return None
