"""House style: abbreviations and Outcomes.

- Each glossary abbreviation is spelled out at its first use in each report, and not again.
  Reports are read in page order: introduction, summary, standards, each section's intro and
  examples, acknowledgements, references. Only prose counts as a use: headings, titles and
  summary labels may use an abbreviation before it is spelled out. An abbreviation is spelled
  out as "pre-sentence report (PSR)" or as "ASPIRE model (assess, sentence plan, ...)": the
  glossary's expansion (without any remark in brackets), written next to it in brackets.
- An all-capitals abbreviation that is neither in the glossary nor in ``known_abbreviations``
  is flagged once per file.
- A case about a person ends with an Outcome (``## Outcome``, or ``## Canlyniad`` in Welsh),
  unless its practice theme says ``outcome_expected: false`` (statutory victim work is usually
  told as a short narrative). An Outcome written as bold text (``**Outcome**``) is pointed out.
- Subheadings do not skip a level: a Markdown field's first heading is ``##``, and each
  heading is at most one level below the one before it. Screen readers list a page's
  headings as its outline; a skipped level reads as a missing part, so the build shows such a
  heading one level up (markdown/syntax.py), and this rule says so.
- A report's or an example's title is at most ``TITLE_LENGTH`` characters: the reference
  spotlight's longest example title has 80. A longer one fills a handout's heading, and the
  PDF's title that a reader's PDF viewer shows in its title bar.
- Titles and labels are plain text: Markdown marks written in one (``*emphasis*``,
  ``**bold**``, a backquoted word, ``[a link](...)``) would be shown as written.

The first two rules are English-only (``ENGLISH_ONLY``): the glossary's expansions are English,
so a Welsh report, which spells them out in Welsh, is not held to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..content.translations import language_of
from ..site.glossary import spelled_out, words
from ..site.glossary import term_pattern as _pattern
from ..site.glossary import without_note as _plain
from .corpus import Corpus, ReportView
from .finding import Finding, finding
from .sources import Text

#: An all-capitals word; not one of a web address written in capitals (GOV.UK, NHS.UK).
_CAPITALS = re.compile(r"(?<![\w'’.-])([A-Z]{2,})s?(?![\w'’-]|\.[A-Za-z])")
_ROMAN = re.compile(r"^[IVXL]+$")
#: An abbreviation in brackets after the words it stands for: "pre-sentence report (PSR)".
_SPELLED_OUT = re.compile(r"[A-Za-z][\w'’-]* \(([A-Z]{2,})s?\)")
#: A paragraph that is only "Outcome" in bold: meant as the Outcome heading.
_BOLD_OUTCOME = re.compile(r"^(\*\*|__)(?:outcome|canlyniad):?\1:?$", re.IGNORECASE)
#: Markdown in a plain-text field: bold, emphasis, code, a link. A lone '*' or '_' (a
#: footnote mark, a file_name) is not one.
_MARKS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"
                    r"|(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])"
                    r"|(?<![\w_])_(?=[^\s_])([^_]+?)(?<=\S)_(?![\w_])|`([^`]+)`"
                    r"|\[([^\]]+)\]\([^)]*\)")
#: The fields that are titles or labels: shown as plain text wherever they appear.
_PLAIN_FIELDS = ("title", "label", "name")
#: The most characters a report's or an example's title has before ``check`` calls it long.
TITLE_LENGTH = 120
#: The rules that read English words, and are not applied to a report in another language.
ENGLISH_ONLY = ("style-abbr-not-expanded", "style-abbr-expanded-again")


def check(corpus: Corpus) -> list[Finding]:
    """Every house-style finding."""
    settings = corpus.content.settings
    glossary = dict(settings.glossary)
    found = list(_unknown(corpus, set(glossary) | set(settings.known_abbreviations)))
    views = [view for view in corpus.reports()
             if _english(getattr(view.source, "language", None) or settings.language)]
    # Where each report first uses each abbreviation: an example shared by two reports may
    # be the first use in one (spelled out there) and a later one in the other.
    firsts = {view.source.slug: _firsts(view, glossary) for view in views}
    for view in views:
        elsewhere = {(path, abbreviation) for slug, first in firsts.items()
                     if slug != view.source.slug for abbreviation, path in first.items()}
        found += _first_use(view, glossary, elsewhere)
    found += _outcomes(corpus)
    found += _heading_levels(corpus)
    found += _title_marks(corpus)
    found += _long_titles(corpus)
    return found


def _english(language: str) -> bool:
    return language.split("-")[0].lower() == "en"


def _firsts(view: ReportView, glossary: dict[str, str]) -> dict[str, str]:
    """The file of each abbreviation's first use in a report."""
    found: dict[str, str] = {}
    for text in view.texts:
        if text.markdown:
            for abbreviation in glossary:
                if abbreviation not in found and any(
                        not text.in_heading(m.start())
                        for m in _pattern(abbreviation).finditer(text.prose)):
                    found[abbreviation] = text.path
    return found


def _first_use(view: ReportView, glossary: dict[str, str],
               elsewhere: set[tuple[str, str]]) -> Iterator[Finding]:
    """Abbreviations not spelled out at their first use in a report, or spelled out again;
    not in a file that is the first use in another report (``elsewhere``: (file,
    abbreviation)), which must spell it out there."""
    expansions = {k: words(re.sub(r"\([^)]*\)", " ", v)) for k, v in glossary.items()}
    first: dict[str, tuple[Text, int]] = {}
    again: set[tuple[str, str]] = set()  # (file, abbreviation) said again: once per file
    slug = view.source.slug
    for text in view.texts:
        if not text.markdown:
            continue
        for abbreviation, expansion in expansions.items():
            for match in _pattern(abbreviation).finditer(text.prose):
                if text.in_heading(match.start()):
                    continue
                done = spelled_out(text.prose, match.start(), match.end(), expansion)
                if abbreviation not in first:
                    first[abbreviation] = (text, match.start())
                    if not done:
                        yield finding(
                            "style-abbr-not-expanded", text.path, text.position(match.start()),
                            f"'{abbreviation}' is first used here in report '{slug}' without "
                            f"being spelled out: write '{_plain(glossary[abbreviation])} "
                            f"({abbreviation})'", abbreviation)
                elif done and (text.path, abbreviation) not in again | elsewhere:
                    again.add((text.path, abbreviation))  # a table's every row: said once
                    earlier, index = first[abbreviation]
                    line, col = earlier.position(index)
                    yield finding(
                        "style-abbr-expanded-again", text.path, text.position(match.start()),
                        f"'{abbreviation}' is spelled out again in report '{slug}', after its "
                        f"first use at {earlier.path}:{line}:{col}: write '{abbreviation}' "
                        "alone", abbreviation)


#: Capitals beside a number are part of an identifier (a registration "AB12 CDE", a National
#: Insurance number "JG 12 34 56 C"), which the publish gate reports: not an abbreviation.
_BESIDE_NUMBER = re.compile(r"\d[ \u00a0]?$")


def _identifier(prose: str, start: int, end: int) -> bool:
    """True for up to three capitals beside a number: part of an identifier."""
    return end - start <= 3 and (
        _BESIDE_NUMBER.search(prose, max(0, start - 2), start) is not None
        or prose[end:end + 2].lstrip(" \u00a0")[:1].isdigit())


def _unknown(corpus: Corpus, allowed: set[str]) -> Iterator[Finding]:
    reported: set[tuple[str, str]] = set()
    # Each file's abbreviations spelled out in it: "Offender Group Reconviction Scale (OGRS)".
    spelled: set[tuple[str, str]] = {(text.path, match.group(1)) for text in corpus.all_texts()
                                     for match in _SPELLED_OUT.finditer(text.prose)}
    for text in corpus.all_texts():
        for match in _CAPITALS.finditer(text.prose):
            abbreviation = match.group(1)
            if abbreviation in allowed or _ROMAN.match(abbreviation) \
                    or (text.path, abbreviation) in reported \
                    or (text.path, abbreviation) in spelled \
                    or _identifier(text.prose, match.start(), match.end()):
                continue
            reported.add((text.path, abbreviation))
            yield finding("style-abbr-unknown", text.path, text.position(match.start()),
                          f"'{abbreviation}' is not in the glossary: add it to 'glossary' in "
                          "the site file, or to 'known_abbreviations' if every reader knows "
                          "it", abbreviation)


def _outcomes(corpus: Corpus) -> Iterator[Finding]:
    settings = corpus.content.settings
    expected = {t.slug: t.outcome_expected for t in settings.practice_themes}
    for example in corpus.content.examples:
        if example.kind == "person" and expected.get(example.practice_theme, True) \
                and example.body.outcome_html is None:
            bold = _bold_outcome(corpus.text(example.name, "body"))
            heading = "Canlyniad" if language_of(example, settings) == "cy" else "Outcome"
            message = (f"this case about a person has no Outcome heading: '{bold[1]}' is bold "
                       f"text; write it as '## {bold[1].strip('*_: ')}'" if bold else
                       f"this case about a person has no Outcome: end it with a '## {heading}' "
                       "heading, or set 'outcome_expected: false' on practice theme "
                       f"'{example.practice_theme}' if its examples have none")
            where = bold[0] if bold else corpus.position(example.name, "title")
            yield finding("style-no-outcome", example.name, where, message)


def _bold_outcome(text: Text | None) -> tuple[tuple[int, int], str] | None:
    """The position and text of a paragraph that is only a bold "Outcome", if any."""
    if text is None:
        return None
    tokens = text.parsed.tokens
    for index, token in enumerate(tokens[:-1]):
        if token.type == "paragraph_open" and token.map is not None \
                and _BOLD_OUTCOME.match(written := tokens[index + 1].content.strip()):
            return text.position(text.line_offset(token.map[0] + 1)), written
    return None


def _heading_levels(corpus: Corpus) -> Iterator[Finding]:
    for text in corpus.all_texts():
        if not text.markdown:
            continue
        tokens = text.parsed.tokens
        for index, token in enumerate(tokens[:-1]):
            if token.type != "heading_open" or token.map is None \
                    or "written" not in token.meta:
                continue
            written = f"{'#' * token.meta['written']} {tokens[index + 1].content}"
            shown = "#" * int(token.tag[1])
            yield finding(
                "style-heading-skip", text.path,
                text.position(text.line_offset(token.map[0] + 1)),
                f"'{written}' skips a heading level, so it is shown as a '{shown}' heading: "
                f"write '{shown}' (headings go down one level at a time, from '##'; screen "
                "readers list them as the page's outline)", written)


def _title_marks(corpus: Corpus) -> Iterator[Finding]:
    for text in corpus.all_texts():
        if text.markdown or not text.where or text.where[-1] not in _PLAIN_FIELDS:
            continue
        for match in _MARKS.finditer(text.value):
            plain = next(group for group in match.groups()[1:] if group is not None)
            yield finding(
                "style-title-markdown", text.path, text.position(match.start()),
                f"'{match.group()}' is shown as written, marks and all: a {text.where[-1]} is "
                f"plain text, so write '{plain}' without the Markdown marks", match.group())


def _long_titles(corpus: Corpus) -> Iterator[Finding]:
    content = corpus.content
    for kind, sources in (("report", content.reports), ("example", content.examples)):
        for source in sources:
            title = " ".join(source.title.split())
            if len(title) <= TITLE_LENGTH:
                continue
            shown = ("the cover of the report's PDF, the top of each of its pages, and the "
                     "PDF's title" if kind == "report" else "the heading of the example's "
                     "page and handout, and the handout's PDF title")
            yield finding(
                "style-title-long", source.name, corpus.position(source.name, "title"),
                f"this {kind}'s title is {len(title)} characters long: shorten it to "
                f"{TITLE_LENGTH} characters or fewer, and say the rest in the text. A long "
                f"title fills {shown}", title[:60])
