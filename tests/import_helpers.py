"""Reading a source and a built page as sentences, to check that an import kept every one."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_BACK_TO_TOP = re.compile(r"\s*\(Back to top\)\s*$")


def normalise(text: str) -> str:
    """Whitespace collapsed, curly quotes made straight."""
    return " ".join(text.translate(_QUOTES).split())


def source_sentences(text: str) -> list[str]:
    """The sentences of a plain-text spotlight, one line per paragraph or list item.

    "(Back to top)" is navigation, not text. Three labels of the source are structure that the
    built page shows in its own way, so they are taken off before comparing: the "- " of a
    bullet, the "Outcome:" label (the page shows an "Outcome" heading), the "[n]" number of a
    reference (the page numbers its reference list), and the ":" that ends a subheading.
    """
    sentences = []
    for line in text.splitlines():
        line = _BACK_TO_TOP.sub("", line).strip()
        line = re.sub(r"^(?:[-•]\s+|Outcome:\s*|\[\d+\]\s*)", "", line)
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            sentence = normalise(sentence).rstrip(":").strip()
            if sentence:
                sentences.append(sentence)
    return sentences


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    """The text a reader sees on a page, normalised."""
    parser = _Text()
    parser.feed(html)
    return normalise("".join(parser.parts))


def missing_sentences(source: list[str], html: str) -> list[str]:
    """The sentences of ``source`` that the page does not contain."""
    text = page_text(html)
    return [s for s in source if s not in text]


def set_dates(content: Path, date: str = "2025-06-30") -> None:
    """Set the dates that spotlight import left as placeholders (1900-01-01, marked
    '# PLACEHOLDER'), as an author does before publishing: the publish gate stops them."""
    for report in (content / "reports").glob("*.y*ml"):
        text = report.read_text(encoding="utf-8")
        fixed = re.sub(r"1900-01-01[ \t]*# PLACEHOLDER[^\n]*", date, text)
        if fixed != text:
            report.write_text(fixed, encoding="utf-8")


def builds_or_only_the_gate_stops_it(root: Path) -> None:
    """Build the content folder an import wrote in ``root``, with its dates set: it builds, or
    only the publish gate stops it (random text can look like a personal detail or an
    editorial mark), never anything else."""
    from .conftest import run

    set_dates(root / "content")
    built = run("build", "--content", str(root / "content"), "--out", str(root / "build"),
                "--no-pdf")
    problems = built.stderr.splitlines()[:-1]
    assert built.exit_code == 0 or all(
        re.search(r":\d+:\d+: error: (?:anon|unfinished)-", line) for line in problems), \
        built.output
