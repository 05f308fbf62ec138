"""An e-mail address written so that it is not one to a machine, but still one to a reader:
"kelly dot hughes at gmail dot com", "kelly.hughes[at]gmail.com", "kelly_hughes (at) gmail
(dot) com", "chloe.edwards @ hotmail.co.uk", "kelly.hughes at gmail.com". ``anonymisation.py``
makes the rule of it (``anon-email``); an address written plainly is its other rule's.

Not an address: "worked at amazon.co.uk" (a word, "at", then a web address).
"""

from __future__ import annotations

import re

_DOT = r"(?:[ \t]*\.[ \t]*|[ \t]*[\[(][ \t]*dot[ \t]*[\])][ \t]*|[ \t]+dot[ \t]+)"
_AT = r"(?:[ \t]*@[ \t]*|[ \t]*[\[(][ \t]*at[ \t]*[\])][ \t]*|[ \t]+at[ \t]+)"
_ENDINGS = r"(?:com|org|net|uk|gov|nhs|io|me|info|co|ac|edu|biz|cymru|wales|ie)"

#: The address, however its @ and dots are written.
DISGUISED_EMAIL = (rf"(?<![\w.@-])[A-Za-z0-9_%+-]+(?:{_DOT}[A-Za-z0-9_%+-]+)*{_AT}"
                   rf"[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}{_ENDINGS}(?![\w-])")
#: What a text must hold for it.
NEEDS = ("@", " dot ", "[at]", "(at)", "[dot]", "(dot)", ".com", ".org", ".net", ".uk")


def disguised(text: str) -> bool:
    """True for an address written to get past a filter, not a plain one (its other rule's)
    nor a word before "at" and a web address ("worked at amazon.co.uk")."""
    lower = text.lower()
    if re.search(r"[\[(][ \t]*(?:at|dot)[ \t]*[\])]|[ \t]@|@[ \t]", lower) or " dot " in lower:
        return True
    local, _, _ = lower.partition(" at ")
    return bool(_) and re.search(r"[._]", local) is not None
