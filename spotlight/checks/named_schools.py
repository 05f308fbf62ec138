"""Two more shapes of a school's name (places.py has the others), which ``anonymisation.py``
makes rules of (``anon-school``):

- "The" and a name before "School" or "Academy": "The Becket School", "his son's place at The
  Beckett Academy", and "the" before a name and "School": "the Becket School". Not a kind of
  school or a training provider, whatever its capitals ("the Virtual School", "The Skills
  Academy", "the Probation Academy": an academy after "the" in lower case is never looked
  at);
- a school named after a person: a common first name, a name and "School", "Academy" or
  "College": "Thomas More College", "Joseph Whitaker School". A college named after its town
  ("Derby College") names no one's school, and is not looked for.
"""

from __future__ import annotations

from .name_lists import first_names

_NAME = r"[A-Z][a-z'’-]+"
#: "The" (or "the" before "School") and a name before "School" or "Academy": "The Becket
#: School", "the Becket School"; or a first name, a name and "School", "Academy" or
#: "College": "Thomas More College". Each part starts with what it looks for, the character
#: before it checked after, so that the regular-expression engine skips straight to where it
#: may match (see name_shapes.py).
NAMED_SCHOOL = (rf"(?P<flag>The(?<![\w'’-]The)[ \t]+(?:{_NAME}[ \t]+){{1,3}}(?:School|Academy)"
                rf"|the(?<![\w'’-]the)[ \t]+(?:{_NAME}[ \t]+){{1,3}}School"
                rf"|[A-Z](?<![\w'’-][A-Z])[a-z'’-]+[ \t]+{_NAME}[ \t]+(?:School|Academy|College))"
                r"(?![\w-])")
#: The strings it needs.
NEEDS = ("School", "Academy", "College")
#: Words of a kind of school or of a training provider, not of a school's name: "the Virtual
#: School", "The Skills Academy", "The Royal Academy".
_KIND_TEXT = """
Sunday Saturday Weekend Holiday Evening Summer Night Driving Drama Art Arts Music Dance Bible
Special Boarding Residential Medical Law Business Forest Hospital Virtual Secondary Primary
Infant Infants Junior Nursery Grammar High Middle Upper Lower Comprehensive Theatre Film
Language Flight Cookery Local Village Independent Free Alternative Graduate Community Training
Probation Skills Police Prison Leadership Learning Sports Sport Football Boxing Rugby Cricket
Coaching Digital Employment Construction Catering Education Apprenticeship Beauty Hair Open
Public Private State Faith Church Catholic Royal National Military Naval Army Same New Old
Current Previous Former Next Main First Sixth Form Head Winter Spring Autumn Recovery
Wellbeing Parenting Family Families Offender Justice Service Services
"""
_KINDS = frozenset(_KIND_TEXT.split())


def named_school(text: str) -> bool:
    """True for a school's name, not a kind of school's nor a training provider's: "The
    Becket School", "the Becket School", "Thomas More College" (a common first name first);
    not "The Skills Academy", "the Virtual School", "Rose Hill School"."""
    words = text.split()
    if words[0] not in ("The", "the") and words[0] not in first_names():
        return False
    return _KINDS.isdisjoint(words[1:-1])
