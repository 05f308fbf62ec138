"""Text of the site file that a page shows in another language than its own.

A bilingual site's Welsh pages show the site file's Welsh names (its ``cy:`` words); a name
it gives no Welsh for is shown in English, as a ``Foreign`` string that knows its language, so
that the page marks it (``lang="en-GB"``, see the ``site_text`` filter and ``lang_of``). Text
made from such a name (a standard's "2.1 Assessment") stays ``Foreign`` through ``keeping``.
"""

from __future__ import annotations


class Foreign(str):
    """Text of the site file shown in the main language on a page of another, because the
    site file gives no translation of it: it carries its language (``lang``), which the page
    marks (see the ``site_text`` filter)."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Foreign:
        made = super().__new__(cls, text)
        made.lang = lang
        return made


def keeping(text: str, *sources: str) -> str:
    """``text``, made from ``sources``, as ``Foreign`` as they are: in the language of the
    first of them that is ``Foreign``; else plain."""
    lang = next((s.lang for s in sources if isinstance(s, Foreign)), None)
    return Foreign(text, lang) if lang else text
