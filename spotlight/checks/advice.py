"""What a finding of the anonymisation rules says: the detail, what it looks like, and the
advice for its kind (``message``); and the capitals that are never a person's detail."""

from __future__ import annotations

from . import places

#: Three capitals that are offences and services, never a registration's letters ("S18 GBH").
ACRONYMS = frozenset({
    "ABH", "GBH", "PSR", "OMU", "CRC", "NPS", "SPO", "DRR", "ATR", "RAR", "UPW", "BBR",
    "TSP", "IOM", "HDC", "IPP", "EDS", "SOA", "CJA", "MHT", "CAS", "DTO", "SSO", "CPS",
    "PNC", "RSR", "OGR", "ROH", "DVA", "VAW", "YOT", "YJS", "ETE", "CGL", "AA", "NA",
    "DWP", "GP", "AMP", "SDS", "PIP", "ESA", "JSA", "HMP", "YOI", "PDU", "ACR", "CSC",
    "MAS", "LAC", "SEN", "FTA", "ASB", "AOB", "TBC"})
#: Advice for a kind of detail whose code's advice does not fit it.
NOUN_ADVICE = {places.BARRED_NOUN: ": describe the area instead (the streets around the "
                                   "victim's home)",
               places.WORK_NOUN: ": describe the place instead (a supermarket in the city)"}
#: The advice for each code's detail.
ADVICE = {
    "anon-postcode": ": name the area in words, or leave it out",
    "anon-phone": ": leave it out",
    "anon-email": ": leave it out",
    "anon-ni-number": ": leave it out",
    "anon-nhs-number": ": leave it out",
    "anon-prison-number": ": leave it out",
    "anon-pnc-id": ": leave it out",
    "anon-id-number": ": leave it out",
    "anon-date-of-birth": ": give an age instead (a 29-year-old man)",
    "anon-address": ": describe the place instead (a flat in the town centre)",
    "anon-school": ": describe it instead (his son's primary school)",
    "anon-exact-date": " tied to a person: give the month, or the time in the sentence",
    "anon-name": ": use a first-name pseudonym only",
    "anon-vehicle": ": leave it out",
    "anon-social": ": leave it out",
    "anon-case-number": ": leave it out",
    "anon-bank-details": ": leave it out",
}


def message(code: str, flagged: str, noun: str) -> str:
    """The finding's message: "'<flagged>' looks like <noun>: <advice>"."""
    return f"'{flagged}' looks like {noun}{NOUN_ADVICE.get(noun) or ADVICE[code]}"
