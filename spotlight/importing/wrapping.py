"""Plain text with hard-wrapped paragraphs (as text copied from a PDF is): whether a text is
wrapped, whether a line break in it ends a block, and how a wrapped line is joined again.

A text is wrapped when blank lines separate its paragraphs, no line is longer than a wrapped
line can be, and either many lines are long or some line plainly carries its sentence on to the
next line (which starts with a small letter, or the line ends in a broken word, a comma or a
word such as "and"). Bullets, headings and labels are short lines whatever the wrapping: they
do not decide it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .document import Block, Kind, opens

WRAP_WIDTH = 100
_WORD = re.compile(r"[^\W\d_]+")
_BROKEN = re.compile(r"(?<![\w-])([^\W\d_]+)-$")  # a line ending in a word and a hyphen
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")  # "one-to-one", "multi-agency"
_SENTENCE_END = re.compile(r"[.!?][’”'\")\]]*$")
_INNER_STOP = re.compile(r"[.!?;,]")
_HEADING_WORDS = 12
_LABEL_WORDS = 8
#: Words a heading does not end with, though a wrapped line often does.
_JOINING = frozenset(("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
                      "of", "on", "or", "the", "to", "with"))
#: Ends of words broken by hyphenation that are no words of their own ("proba-" "tion").
_FRAGMENTS = frozenset(("tion", "tions", "sion", "sions", "ation", "ations", "ment", "ments",
                        "ness", "ity", "ities", "ance", "ances", "ence", "ences", "ing", "ings",
                        "ised", "ized"))


def is_wrapped(lines: Sequence[str], is_item: Callable[[str], bool]) -> bool:
    """True when paragraphs are hard-wrapped; ``is_item`` says whether a line starts a list
    item."""
    full = [line for line in lines if line.strip()]
    if not full or max(len(line) for line in full) > WRAP_WIDTH or \
            all(line.strip() for line in lines):
        return False
    if sum(len(line) > WRAP_WIDTH * 0.6 for line in full) >= len(full) // 4:
        return True
    first = next(i for i, line in enumerate(lines) if line.strip())
    last = max(i for i, line in enumerate(lines) if line.strip())
    inside = lines[first:last + 1]
    return any(not line.strip() for line in inside) and any(
        _carries_on(line, after, is_item) for line, after in pairwise(inside))


def _carries_on(line: str, after: str, is_item: Callable[[str], bool]) -> bool:
    """Whether ``line`` plainly goes on into ``after``: a sentence broken by a line end."""
    text, following = line.strip(), after.strip()
    if not text or not following or is_item(after) or _SENTENCE_END.search(text) \
            or text[-1] in ":;":
        return False
    return following[0].islower() or bool(_BROKEN.search(text)) or _open_end(text)


@dataclass(frozen=True)
class Wrapping:
    """What joining the lines of one wrapped text needs to know about the whole text."""

    width: int                  # its longest line, the title aside
    words: frozenset[str]       # its words, lower-case
    pairs: frozenset[str]       # the pairs of words it writes with a hyphen ("one-to", "to-one")

    @classmethod
    def of(cls, text: str, lines: Sequence[str]) -> Wrapping:
        """Read a text's line width and vocabulary."""
        full = [len(line) for line in lines if line.strip()]
        lower = text.lower()
        pairs = {f"{a}-{b}" for compound in _COMPOUND.findall(lower)
                 for a, b in pairwise(compound.split("-"))}
        return cls(max(full[1:] or full or [0]), frozenset(_WORD.findall(lower)),
                   frozenset(pairs))

    def ends_block(self, previous: Block, single: bool, last: str, line: str,
                   after: str) -> bool:
        """Whether the break between ``last`` (the line before, the last of ``previous``, its
        only line when ``single``) and ``line`` (``after`` is the line after it) ends a block,
        though ``line`` could carry it on: before an example, an Outcome or a label ("Help
        given:"), after a heading, an example's title or a label, and after a list item's
        sentence that ends well short of the line width."""
        if line[:1].islower() or _open_end(last):
            return False
        if opens(line) or (_is_label(line) and (single or _SENTENCE_END.search(last))
                           and self._fits(last, line) and not after[:1].islower()):
            return True
        if single and previous.kind in (Kind.PARAGRAPH, Kind.HEADING) and (
                opens(last) == Kind.EXAMPLE or (_is_label(last) and self._fits(last, line))
                or self._is_heading(last)):
            return True
        return previous.kind in (Kind.BULLET, Kind.NUMBERED) and bool(
            _SENTENCE_END.search(last)) and self._short(last, line)

    def join(self, text: str, line: str) -> str:
        """A wrapped line joined to the text before it. A word broken after a hyphen is joined
        without a space, keeping the hyphen ("one-" + "to-one" is "one-to-one") unless the
        break is plainly hyphenation: the text writes the word whole elsewhere and never with
        this hyphen, or what follows is no word of its own ("proba-" + "tion")."""
        broken = _BROKEN.search(text)
        if broken is None:
            return f"{text} {line}"
        rest = _WORD.match(line.lower())
        if rest:
            first, second = broken.group(1).lower(), rest.group(0)
            if f"{first}-{second}" not in self.pairs and (
                    f"{first}{second}" in self.words or second in _FRAGMENTS):
                return f"{text[:-1]}{line}"
        return f"{text}{line}"

    def _is_heading(self, text: str) -> bool:
        words = text.split()
        return (0 < len(words) <= _HEADING_WORDS and text[0].isupper()
                and not _INNER_STOP.search(text) and text[-1] not in ":’”'\""
                and self._short(text, ""))

    def _fits(self, text: str, following: str) -> bool:
        """Whether the next word would have fitted on the line ``text``, with room to spare:
        then the line was not ended by the wrapping."""
        word = following.split()[0] if following.split() else ""
        return len(text) + 1 + len(word) < self.width * 0.9

    def _short(self, text: str, following: str) -> bool:
        """Whether ``text`` ends well short of the width, even with the next word on it."""
        word = following.split()[0] if following.split() else ""
        return len(text) + 1 + len(word) < self.width / 2


def _open_end(text: str) -> bool:
    """Whether a line ends where no heading or sentence ends: a comma, a dash, "and"."""
    words = text.split()
    return not words or text[-1] in ",-–—" or words[-1].lower() in _JOINING


def _is_label(text: str) -> bool:
    """A short line introducing what follows: "Help given:"."""
    words = text.split()
    return text.endswith(":") and 0 < len(words) <= _LABEL_WORDS and text[0].isupper() \
        and not _INNER_STOP.search(text)
