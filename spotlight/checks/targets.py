"""Personal details in the web addresses a text publishes: the targets of its links and
pictures, its bare web addresses and its link reference definitions. A reader sees each
address (in the status bar, by copying the link, in the page's source), so each is read as
words: ``https://maps.example.org/?q=9+Birch+Close+EM4+7TT`` as "https maps example org q
9 Birch Close EM4 7TT".

An address is decoded first (``%20`` and ``+`` are spaces), then its separators (``/ ? = &
- _ . #`` and the like) are read as spaces, except a hyphen, a full stop or an encoded
slash between two digits, which holds a date together ("1990-03-03"). Numbers and
identifiers are then looked for whatever their case, and names as in a slug (see
addresses.py): a common first name or a case's pseudonym followed by a word the text does not
use in lower case ("people/karen-bailey"). ``mailto:``, ``tel:`` and ``sms:`` targets are
read by the e-mail and telephone rules themselves, and the file name of a picture of the
content folder by pictures.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote_to_bytes

from .addresses import phrase_identifiers, phrase_names
from .anonymisation import Context

#: Each address a text publishes (the same forms ``sources.blank_non_prose`` blanks).
_ADDRESS = re.compile(
    r"(?<=\]\()\s*(?P<inline><[^>\n]*>|[^)\s]+)"       # inline link and image destinations
    r"|<(?P<auto>[a-z][a-z0-9+.-]*:[^>\s]*)>"           # autolinks
    r"|\b(?P<bare>(?:https?|ftp)://[^\s)<>\]]+)",       # bare web addresses
    re.IGNORECASE)
_READ_BY_RULES = re.compile(r"<?(?:mailto|tel|sms):", re.IGNORECASE)
#: A picture of the content folder, whose file name the gate reads already (pictures.py).
_LOCAL_PICTURE = re.compile(r"(?![a-z][a-z0-9+.-]*:|//)[^?#]*\.(?:png|jpe?g|gif|svg|webp)"
                            r"(?:[?#].*)?", re.IGNORECASE)
#: The words of an address that say nothing and could make a detail of a word beside them
#: ("v2.svg" is no registration "V2 SVG"): its scheme, "www", domain endings, file types.
_SAYS_NOTHING = re.compile(r"(?<![^\W_])(?:https?|ftp|www|com|org|net|gov|html?|php|aspx?|jsp"
                           r"|pdf|svg|png|jpe?g|gif|webp|docx?|xlsx?|csv|txt|odt)(?![^\W_])",
                           re.IGNORECASE)
_ESCAPE = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
#: Characters kept as they are: letters, digits, '@' (a handle) and apostrophes.
_SEPARATOR = re.compile(r"[^\w@'’]|_")

#: (code, index in the text, flagged text, message)
Hit = tuple[str, int, str, str]


def addresses(text: str, definitions: list[tuple[int, int]]) -> Iterator[tuple[int, str]]:
    """(index, address) of each web address in ``text``, and of each link reference
    definition's destination (``definitions``: the spans ``sources.definitions`` gives)."""
    seen: set[int] = set()
    for match in _ADDRESS.finditer(text):
        group = match.lastgroup or "inline"
        address = match.group(group)
        start = match.start(group)
        if address.startswith("<") and address.endswith(">"):
            address, start = address[1:-1], start + 1
        seen.add(start)
        yield start, address
    for begin, end in definitions:
        found = re.search(r"\]:[ \t]*\n?[ \t]*<?(?P<url>[^\s>]+)", text[begin:end])
        if found is not None and begin + found.start("url") not in seen:
            yield begin + found.start("url"), found.group("url")


def readable(address: str) -> tuple[str, list[int]]:
    """An address as words, with, for each of their characters, its index in ``address``."""
    chars: list[str] = []
    offsets: list[int] = []
    kept: list[bool] = []  # decoded from an escape: a '/' there is a date's
    at = 0
    for escape in _ESCAPE.finditer(address):
        for index in range(at, escape.start()):
            chars.append(" " if address[index] == "+" else address[index])
            offsets.append(index)
            kept.append(False)
        decoded = unquote_to_bytes(escape.group()).decode("utf-8", "replace")
        for char in decoded:
            chars.append(char)
            offsets.append(escape.start())
            kept.append(True)
        at = escape.end()
    for index in range(at, len(address)):
        chars.append(" " if address[index] == "+" else address[index])
        offsets.append(index)
        kept.append(False)
    for found in _SAYS_NOTHING.finditer("".join(chars)):
        chars[found.start():found.end()] = " " * (found.end() - found.start())
    for index, char in enumerate(chars):
        if not _SEPARATOR.fullmatch(char):
            continue
        between = (0 < index < len(chars) - 1 and chars[index - 1].isdigit()
                   and chars[index + 1].isdigit())
        if not (between and (char in "-." or (char == "/" and kept[index]))):
            chars[index] = " "
    return "".join(chars), offsets


def address_hits(text: str, prose: str, context: Context,
                 definitions: list[tuple[int, int]]) -> list[Hit]:
    """The details in every web address of ``text``; ``prose`` is its words as a reader
    reads them, whose lower-case words are no surnames."""
    found: list[Hit] = []
    for start, address in addresses(text, definitions):
        if not address or _READ_BY_RULES.match(address) or _LOCAL_PICTURE.fullmatch(address):
            continue
        words, offsets = readable(address)
        if not words.strip():
            continue
        details = phrase_identifiers(words, context) if re.search(r"[0-9@]", words) else []
        details += phrase_names(words, context, prose)
        for code, index, flagged, message in details:
            found.append((code, start + offsets[index], flagged,
                          f"in a web address (a link's or a picture's, published in the page), "
                          f"{message}"))
    return found
