"""The pattern of three identity numbers that each point to one person: a Criminal Records
Office (CRO) number, a driving licence number and a passport number. ``anonymisation.py``
makes the rule ``anon-id-number`` of it, tried only where a text has digits.

A CRO number is a serial of up to six digits, a two-digit year and a check letter
("012345/98A"), or, for records made since fingerprints were filed by number, "SF", the year,
the serial and the letter ("SF 05/123456A"). After "CRO" or "Criminal Records Office" any
serial counts ("CRO number 123/05X"); without them, only one of five or six digits or an "SF"
number does, so that "2023/24" and "Part 4/10A" pass.

A UK driving licence number has 16 characters: five of the surname (padded with 9s), six
digits that hold the date of birth (the month plus 50 for a woman), two initials (9 for
none), a digit and two check characters: "MORGA657054SM9IJ", also written in groups
("MORGA 657054 SM9 IJ"). The date in it makes the shape certain without the word "licence".

A passport number (nine digits in the UK, "923 456 781"; two letters and seven digits in
many other countries) is only said after the word "passport": nine digits alone could be
anything.
"""

from __future__ import annotations

#: What is said before a number that makes it a CRO number or a passport number: "CRO",
#: "(Criminal) Records Office", "passport", each with "number", "no." and "is", "was", ":".
#: A rule with digits is tried only up to three words before them: so "Office", not the whole
#: name, starts a match.
_SAID = (r"[ \t]*[(,:-]?(?:[ \t]*(?:[Nn]umber|[Nn]o\.?|[Rr]ef(?:erence)?|NUMBER|NO\.?))?"
         r"(?:[ \t]+(?:is|was|of))?[ \t]*[:(-]?[ \t]*")
_CUE = (rf"(?:(?P<cro_cue>CRO|(?<=[Rr]ecords[ \t])[Oo]ffice){_SAID}"
        rf"|(?P<passport_cue>[Pp]assport|PASSPORT){_SAID})?")
_CRO = (r"SF[ \t]?\d{2}/\d{1,6}[A-Z]"
        r"|(?(cro_cue)\d{1,6}/\d{2}[A-Za-z]|\d{5,6}/\d{2}[A-Z])")
_LICENCE = (r"(?i:[A-Z][A-Z9]{4}[ \t]?\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d"
            r"[ \t]?[A-Z][A-Z9][ \t]?\d[ \t]?[A-Z0-9]{2})")
_PASSPORT = r"(?(passport_cue)\d{3}[ \t]?\d{3}[ \t]?\d{3}|(?!))|(?(passport_cue)[A-Z]{2}\d{7}|(?!))"

#: A CRO, driving licence or passport number, the number itself in group "flag" and its kind
#: in group "cro", "licence" or "passport".
ID_NUMBER = (rf"(?<![\w/-]){_CUE}(?P<flag>(?P<cro>{_CRO})|(?P<licence>{_LICENCE})"
             rf"|(?P<passport>{_PASSPORT}))(?![\w/-])")
#: What each kind of number is called in a finding's message.
KINDS = (("cro", "a Criminal Records Office (CRO) number"),
         ("licence", "a driving licence number"), ("passport", "a passport number"))
