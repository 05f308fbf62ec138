"""Text of the site file that a page shows in another language than its own.

A bilingual site's Welsh pages show the site file's Welsh names (its ``cy:`` words); a name
it gives no Welsh for is shown in English, as a ``Foreign`` string that knows its language, so
that the page marks it (``lang="en-GB"``, see the ``site_text`` filter and ``lang_of``). Text
made from such a name (a standard's "2.1 Assessment") stays ``Foreign`` through ``keeping``.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from ..markdown import Parsed


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


def foreign_markdown(parsed: Parsed, lang: str) -> Parsed:
    """Markdown of the site file shown in the main language (``lang``) on a page of another,
    for want of a translation (a practice theme's intro): its HTML in an element that says
    its language, so that a screen reader reads it as written."""
    if not parsed.html:
        return parsed
    return replace(parsed, html=f'<div lang="{escape(lang)}">\n{parsed.html}</div>\n')
