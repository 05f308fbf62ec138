"""Titles of faith and of the Welsh courts, before a name: "Imam Hussain", "Pastor Adeyemi",
"Father Doherty", "Granthi Singh", "Ynad Rhanbarth Williams" (a district judge). Read by
people.py's ``titles`` only before a capitalised name, and not where an organisation's word
follows ("Bishop Grosseteste University").

Four are words of a family or a place too ("his father", "Sister Act", "Bishop Auckland"):
after those, only a word of the name lists is a name ("Father Doherty", "Sister Kelly").
"""

from __future__ import annotations

from .name_lists import first_names, first_names_words, wider_surnames

#: Titles of faith, and the Welsh court's: a district judge, a magistrate.
FAITH_TITLES = ("Imam", "Pastor", "Father", "Sister", "Rabbi", "Canon", "Bishop", "Sheikh",
                "Shaykh", "Granthi", "Ynad Rhanbarth", "Ynad")
#: Titles that are words of a family or a place too.
_WORDS = frozenset({"Father", "Sister", "Canon", "Bishop"})
#: Words after "Ynad" that make a title, not a name: "Ynad Heddwch" (a justice of the peace).
NOT_NAMES = frozenset({"Heddwch", "Christmas", "Act", "Auckland", "Rhanbarth"})


def named(title: str, name: str) -> bool:
    """True when ``name`` after the title of faith ``title`` is a person's name."""
    if name in NOT_NAMES:
        return False
    if title not in _WORDS:
        return True
    return name.lower() in wider_surnames() or name in first_names() \
        or name in first_names_words()
