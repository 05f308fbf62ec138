"""The letters a name is written with: every Latin letter, not only the English and Western
European ones, so that "Łukasz Kozłowski", "Małgorzata Kamińska" and "Ioana Lăcătuș" are read
as the names they are. ``UPPER`` and ``LOWER`` go inside a regular expression's character
class ("[" + UPPER + "]"); ``fold`` takes the accents off, for the lists of names, which are
written in ASCII ("Łukasz" is found as "Lukasz").
"""

from __future__ import annotations

import unicodedata

#: Latin-1's letters, Latin Extended-A and -B, and Latin Extended Additional (Vietnamese, the
#: Welsh ŵ and ŷ with other accents).
_BLOCKS = (range(0xC0, 0x250), range(0x1E00, 0x1F00))


def _ranges(chars: list[str]) -> str:
    """A character class's body for ``chars``, runs of neighbours written as ranges."""
    out: list[str] = []
    run: list[str] = []
    for char in [*chars, ""]:
        if run and char and ord(char) == ord(run[-1]) + 1:
            run.append(char)
            continue
        if run:
            out.append(run[0] if len(run) == 1 else f"{run[0]}{run[1]}" if len(run) == 2
                       else f"{run[0]}-{run[-1]}")
        run = [char] if char else []
    return "".join(out)


_LATIN = [chr(code) for block in _BLOCKS for code in block if chr(code).isalpha()]
#: The capital letters beyond A to Z, as a character class's body.
UPPER_MORE = _ranges([c for c in _LATIN if c.isupper()])
#: The small letters beyond a to z, as a character class's body.
LOWER_MORE = _ranges([c for c in _LATIN if c.islower()])
#: Every Latin capital letter, as a character class's body: "[" + UPPER + "]".
UPPER = "A-Z" + UPPER_MORE
#: Every Latin small letter, as a character class's body: "[" + LOWER + "]".
LOWER = "a-z" + LOWER_MORE
#: Letters without a decomposition into a letter and an accent.
_PLAIN = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss",
                        "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "ħ": "h",
                        "Ħ": "H", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})


def fold(word: str) -> str:
    """``word`` without its accents: "Zoë" -> "Zoe", "Łukasz" -> "Lukasz"."""
    if word.isascii():
        return word
    plain = unicodedata.normalize("NFKD", word.translate(_PLAIN))
    return plain.encode("ascii", "ignore").decode()


def latin(pattern: str) -> str:
    """``pattern`` with its English letters' classes widened to every Latin letter: "[A-Z]" to
    every capital, "[a-z]" and "[a-zà-öø-ÿŵŷ]" to every small letter, "[A-Za-z...]" to both
    (other classes, such as "[B-HJ-Z]", are left as they are)."""
    return (pattern.replace("[A-Za-zà-öø-ÿŵŷ]", f"[{UPPER}{LOWER}]")
            .replace("[a-zà-öø-ÿŵŷ]", f"[{LOWER}]").replace("[a-zà-öø-ÿ]", f"[{LOWER}]")
            .replace("[A-Z]", f"[{UPPER}]").replace("[a-z]", f"[{LOWER}]"))
