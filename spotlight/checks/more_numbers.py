"""The patterns of personal numbers the first rules of ``anonymisation.py`` miss: a telephone
number written with dots or, after "mobile", without its leading 0; bank details; and case
and reference numbers other than a probation case reference number (CRN). ``anonymisation.py``
makes a rule of each, tried only where a text has digits.

A bank account number (eight digits) and a sort code ("30-94-57") are said only after
"account" and "sort code": eight or six digits alone could be anything. A payment card number
(13 to 19 digits, whole or in groups: "4929 1234 5678 9012") is said after the word "card", and
without it where it passes the Luhn check that every card number passes.

A Crown Court case number is "T", the year and four digits ("T20247123"). Any other reference
is said only after the words for it ("case number", "court reference", "Home Office
reference", "MAPPA reference", "Delius reference", "CRN", "reference number") and only where
it holds five digits or more and is not a report's or a year's number ("2025/12", "2023/24"):
so an inspection report's number and a standard ("2.1.3") pass.
"""

from __future__ import annotations

import re

#: "is", "was", ":" and the like between a number's cue and the number.
_SAID = r"(?:[ \t]+(?:is|was|of|ending))?[ \t]*[:(,-]?[ \t]*"

#: A telephone number with dots ("07700.900.123"), or a mobile number without its 0 after
#: "mobile", "phone" or "tel" ("Mobile: 7700 900123"); the number in group "flag".
PHONE = (r"(?<![\w/.+-])(?:(?P<cue>[Mm]obile|MOBILE|[Mm]ob\.?|[Pp]hone|PHONE|[Tt]el\.?|TEL"
         r"|[Tt]elephone|WhatsApp)(?:[ \t]+(?:[Nn]umber|[Nn]o\.?))?" + _SAID + r")?"
         r"(?P<flag>0\d{2,4}\.\d{3,4}\.?\d{3,4}|(?(cue)7\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}|(?!)))"
         r"(?![\w/-]|\.\d)")


def phone_valid(number: str) -> bool:
    """True for a UK telephone number's digits (a 0 put back where it was left out)."""
    digits = re.sub(r"\D", "", number)
    digits = digits if digits.startswith("0") else "0" + digits
    return len(digits) in (10, 11) and digits[1] in "1235789"


_ACCOUNT = (r"(?:[Aa]ccount|ACCOUNT|A/C|a/c|[Aa]cc\.?)(?:[ \t]+(?:[Nn]umber|[Nn]o\.?))?")
_SORT = r"(?:[Ss]ort[ \t]+[Cc]ode|SORT[ \t]+CODE)"
_CARD = (r"\d{4}(?P<sep>[ \u00a0-]?)\d{4}(?P=sep)\d{4}(?P=sep)\d{1,4}(?:(?P=sep)\d{1,3})?"
         r"|\d{4}[ \u00a0-]\d{6}[ \u00a0-]\d{5}")
#: A bank account number, a sort code or a card number after its cue; the number in group
#: "flag" and its kind in group "account", "sort" or "card".
BANK = (rf"(?<![\w/.,£$-])(?:(?P<account_cue>{_ACCOUNT}){_SAID}|(?P<sort_cue>{_SORT}){_SAID}"
        rf"|(?P<card_cue>[Cc]ard|CARD)(?:[ \t]+(?:[Nn]umber|[Nn]o\.?))?{_SAID})"
        r"(?P<flag>(?(account_cue)(?P<account>\d{8})|(?!))"
        r"|(?(sort_cue)(?P<sort>\d{2}[ -]?\d{2}[ -]?\d{2})|(?!))"
        rf"|(?(card_cue)(?P<card>{_CARD})|(?!)))(?![\w/-]|[.,]\d)")
#: A payment card number without a cue (said where it passes the Luhn check: ``card_valid``).
#: Without a cue, a run of digits is a card number's only where it starts as one does (2 to 6)
#: and has 15 or 16 digits; in groups, where its groups are a card number's.
CARD = (r"(?<![\w/.,£$-])(?=[2-6])(?:\d{15,16}"
        r"|\d{4}(?P<sep>[ \u00a0-])\d{4}(?P=sep)\d{4}(?P=sep)\d{1,4}(?:(?P=sep)\d{1,3})?"
        r"|\d{4}[ \u00a0-]\d{6}[ \u00a0-]\d{5})(?![\w/-]|[.,]\d)")
#: What each kind of bank detail is called in a finding's message.
BANK_KINDS = (("account", "a bank account number"), ("sort", "a sort code"),
              ("card", "a payment card number"))


def card_valid(number: str) -> bool:
    """True for a number that passes the Luhn check that every payment card number passes."""
    digits = [int(d) for d in re.sub(r"\D", "", number)]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2)
                for i, d in enumerate(reversed(digits)))
    return total % 10 == 0


#: The words before a case or reference number: "case number", "court reference", "Home
#: Office reference", "MAPPA reference", "Delius ref", "CRN", "reference number"... A rule
#: with digits starts at most three words before them: so "reference" after "Office" starts
#: one ("his Home Office reference is B1234567").
_REF_CUE = (r"(?:(?:MAPPA|MARAC|ViSOR|VISOR|n?Delius|NDelius|NOMIS|[Cc]ourt|[Cc]ase"
            r"|OASys|Oasys|[Cc]rime|[Pp]olice|[Ii]mmigration|[Cc]laim)[ \t]+"
            r"(?:[Rr]ef(?:erence)?\.?|[Nn]umber|[Nn]o\.?|ID)"
            r"|[Rr]ef(?:erence)?\.?[ \t]+(?:[Nn]umber|[Nn]o\.?)|CRN|crn"
            r"|(?:(?<=Office )|(?<=MAPPA )|(?<=MARAC )|(?<=ViSOR )|(?<=Delius )|(?<=[Cc]ourt )"
            r"|(?<=[Cc]ase ))[Rr]ef(?:erence)?\.?)"
            r"(?:[ \t]+(?:[Nn]umber|[Nn]o\.?))?")
#: A reference: letters and digits, then parts in capitals or digits joined by "/" or "-"
#: ("2024/NOTTS/0456"); or a letter and groups of digits ("X 123 456").
_TOKEN = (r"(?:[A-Za-z]{1,3}(?:[ \u00a0]\d{3,4}){2}(?![\w/-])"
          r"|[A-Za-z0-9]+(?:[/-][A-Z0-9]+)*)")
#: A Crown Court case number, or a reference after its cue; the number in group "flag".
CASE_REF = (rf"(?<![\w/-])(?:(?P<ref_cue>{_REF_CUE}){_SAID})?"
            rf"(?P<flag>T(?:19|20)\d\d[ \u00a0]?\d{{4}}|(?(ref_cue){_TOKEN}|(?!)))(?![\w/-])")
#: A report's or a year's number or a date, never a person's: "2025/12", "2023/24",
#: "2023-2024", "2024-03-01", "01/03/2024" (a date of birth is birth.py's).
_NOT_PERSONAL = re.compile(r"(?:19|20)\d\d[/-](?:\d{1,3}|(?:19|20)\d\d|\d\d?[/-]\d\d?)"
                           r"|\d\d?[/-]\d\d?[/-]\d{2,4}")


_CRN = re.compile(r"[A-Za-z] ?\d{6}")


def case_ref_valid(reference: str) -> bool:
    """True for a reference of five digits or more that is not a report's or a year's number
    or a date, nor a CRN (which the rule for CRNs finds, cue or not)."""
    return (len(re.sub(r"\D", "", reference)) >= 5 and not _NOT_PERSONAL.fullmatch(reference)
            and not _CRN.fullmatch(reference))
