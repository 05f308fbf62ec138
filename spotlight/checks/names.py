"""The same first name used for two different people in one report.

A case about a person introduces them by a pseudonym in its first sentence. When two examples
of one report use the same first name, readers take them for the same person, or suspect the
names are real. The person's first name is found only in examples with ``kind: person``:

1. the first word of the first paragraph, capitalised and followed by an age, the house
   pattern for introducing a person: "Jack, a 27-year-old man", "Jack, an 18-year-old",
   "Jack, aged 27" (in Welsh "Rhys, dyn 29 oed", "Ffion, sy'n 19 oed");
2. otherwise that first word when it comes back at least twice more in the example as a
   capitalised word ("Jack", "Jack's"), the name the story is told about, unless it is a common
   sentence opener ("The", "When") or a word of the site's own vocabulary (region and PDU names,
   practice theme titles, glossary expansions).

Narratives that name nobody ("The victim had...") give no name and are never flagged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import ExampleSource, Settings
from .corpus import Corpus
from .finding import Finding, finding
from .letters import latin
from .people import OPENERS as _OPENERS
from .sources import Text

_WORD = re.compile(latin(r"[A-Z][a-zà-öø-ÿŵŷ]+(?:[-'’][A-Z][a-zà-öø-ÿŵŷ]+)?(?![\w'’-])"))
#: "Jack, a 27-year-old man", "Jack, aged 27"; in Welsh "Rhys, dyn 29 oed", "Ffion, sy'n 19
#: oed".
_AGE = re.compile(r",\s+(?:an?\s+\d{1,3}[- ]year[- ]old|aged\s+\d{1,3}"
                  r"|(?:(?:dyn|menyw|dynes|merch|bachgen|gŵr|gwraig|person|sy['’]n)\s+)?"
                  r"\d{1,3}\s+oed)\b")



def first_name(text: Text, vocabulary: frozenset[str]) -> tuple[str, int] | None:
    """The first name an example's body is about, and its index in the body; or None."""
    paragraph = next((t for t in text.parsed.tokens
                      if t.type == "paragraph_open" and t.level == 0 and t.map), None)
    if paragraph is None or paragraph.map is None:
        return None
    start = text.line_offset(paragraph.map[0] + 1)
    start += len(text.value[start:]) - len(text.value[start:].lstrip())
    match = _WORD.match(text.value, start)
    if match is None or match.group() in _OPENERS or match.group() in vocabulary:
        return None
    name = match.group()
    if _AGE.match(text.value, match.end()):
        return name, match.start()
    again = re.findall(rf"(?<![\w-]){re.escape(name)}(?:['’]s)?(?![\w-])",
                       text.value[match.end():])
    return (name, match.start()) if len(again) >= 2 else None


def vocabulary(settings: Settings) -> frozenset[str]:
    """Capitalised words of the site's own names, which are never taken for a first name."""
    names = [settings.title, settings.organisation, *settings.known_abbreviations]
    names += [t.title for t in settings.practice_themes]
    names += [r.name for r in settings.regions]
    names += [p.name for r in settings.regions for p in r.pdus]
    names += [s.name for s in settings.sentence_types]
    names += [expansion for _, expansion in settings.glossary]
    return frozenset(word for name in names for word in _WORD.findall(name))


def reused_names(corpus: Corpus) -> Iterator[Finding]:
    """A finding in each example whose person shares a first name with another in a report."""
    words = vocabulary(corpus.content.settings)
    for view in corpus.reports():
        named: dict[str, list[tuple[ExampleSource, tuple[int, int]]]] = defaultdict(list)
        for example in view.examples:
            body = corpus.text(example.name, "body")
            if example.kind != "person" or body is None:
                continue
            if (found := first_name(body, words)) is not None:
                named[found[0]].append((example, body.position(found[1])))
        for name, uses in named.items():
            for example, position in uses if len(uses) > 1 else ():
                others = ", ".join(f"{e.name}:{p[0]}" for e, p in uses if e is not example)
                yield finding("anon-name-reused", example.name, position,
                              f"the first name '{name}' is used for another person in report "
                              f"'{view.source.slug}' ({others}); give one of them a different "
                              "pseudonym", name)
