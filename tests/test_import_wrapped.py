"""Pasted plain text with hard-wrapped lines (as copied from a PDF) is joined into paragraphs
and list items, with bullets among them (found by a new user's trial: one bullet made every
wrapped line a paragraph of its own)."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spotlight.importing.wrapping import is_wrapped

from .conftest import run
from .import_helpers import set_dates

P5 = """Effective Practice Spotlight: The Probation Service – Kent region

In the inspection of probation services across Kent, we assessed cases
against our standards and found much to praise.

Court work (Back to top)

Example of effectiveness: A case

Amir, a 30-year-old man, received a community
order for theft from a shop.

Help given:
• Housing advice was given early in the
order by the practitioner.
• A second point.

Outcome: He completed it.
"""


def _import(tmp_path: Path, text: str, name: str = "p5.txt") -> str:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 0, result.output
    return result.output


def _build(tmp_path: Path) -> None:
    set_dates(tmp_path / "content")
    built = run("build", "--content", str(tmp_path / "content"), "--out",
                str(tmp_path / "build"), "--no-pdf")
    assert built.exit_code == 0, built.output


def _report(tmp_path: Path) -> dict[str, object]:
    return yaml.safe_load(next((tmp_path / "content" / "reports").glob("*.yml")).read_text())


def test_wrapped_lines_with_bullets_are_joined_into_paragraphs_and_items(tmp_path: Path) -> None:
    _import(tmp_path, P5)
    body = (tmp_path / "content" / "examples" / "a-case.md").read_text()
    assert body.endswith(
        "---\n"
        "Amir, a 30-year-old man, received a community order for theft from a shop.\n\n"
        "## Help given\n\n"
        "- Housing advice was given early in the order by the practitioner.\n"
        "- A second point.\n\n"
        "## Outcome\n\n"
        "He completed it.\n")
    assert _report(tmp_path)["introduction"] == (
        "In the inspection of probation services across Kent, we assessed cases against our "
        "standards\nand found much to praise.\n")
    _build(tmp_path)


def test_headings_labels_and_outcomes_stand_alone_in_wrapped_text(tmp_path: Path) -> None:
    _import(tmp_path, """Effective Practice Spotlight: The Probation Service – Kent region

In the inspection of probation services across Kent, we assessed cases
against our standards.

Court work (Back to top)

Example of effectiveness: Weekly sessions
Amir received a community order for theft. He was seen
every week by the practitioner.
Help given:
Housing advice was given early in the order by the
practitioner.

Support offered:
- Advice on housing, given early in the
order.
- Help with debt.
The team reviewed the plan every month.
Outcome: He completed his order without a
further offence.
""")
    body = (tmp_path / "content" / "examples" / "weekly-sessions.md").read_text()
    assert body.endswith(
        "---\n"
        "Amir received a community order for theft. He was seen every week by the "
        "practitioner.\n\n"
        "Help given:\n\n"
        "Housing advice was given early in the order by the practitioner.\n\n"
        "## Support offered\n\n"
        "- Advice on housing, given early in the order.\n"
        "- Help with debt.\n\n"
        "The team reviewed the plan every month.\n\n"
        "## Outcome\n\n"
        "He completed his order without a further offence.\n")
    _build(tmp_path)


def test_words_broken_by_a_line_end_hyphen_are_joined_sensibly(tmp_path: Path) -> None:
    _import(tmp_path, """Effective Practice Spotlight: The Probation Service – Kent region

In Kent, we met the proba-
tion teams and their multi-
agency partners, who work one-
to-one with people, and their co-
operation was good.

The practitioner worked in co-operation with the police.

- We reviewed the cases. The reference
was: Available at:
https://www.example.org/guide (Accessed: 9 June 2025).
- Second.

Example of effectiveness: A case

Ann was seen weekly.
""", "hyphens.txt")
    introduction = " ".join(str(_report(tmp_path)["introduction"]).split())
    assert ("we met the probation teams and their multi-agency partners, who work one-to-one "
            "with people, and their co-operation was good.") in introduction
    assert "- We reviewed the cases. The reference was: Available at: " \
        "<https://www.example.org/guide> (Accessed: 9 June 2025). - Second." in introduction


def test_one_paragraph_per_line_without_blank_lines_is_read_as_before(tmp_path: Path) -> None:
    _import(tmp_path, "Notes from Kent\n"
                      "The team met on Tuesday and\n"
                      "two cases were discussed.\n"
                      "- one case was transferred\n"
                      "- the other closed\n"
                      "Court work (Back to top)\n"
                      "The court team wrote the reports.\n"
                      "Example of effectiveness: A case\n"
                      "Ann was seen weekly.\n", "lines.txt")
    assert _report(tmp_path)["introduction"] == (
        "The team met on Tuesday and\n\ntwo cases were discussed.\n\n"
        "- one case was transferred\n- the other closed\n")


WORDS = st.sampled_from(["the", "team", "met", "him", "and", "of", "with", "an", "plan", "Ann",
                         "Kent", "Probation", "Service", "housing", "was", "found", "work",
                         "to", "Police", "week", "reviewed", "practitioner", "in", "for"])
SENTENCE = st.builds(lambda words, end: " ".join(words)[:1].upper() + " ".join(words)[1:] + end,
                     st.lists(WORDS, min_size=2, max_size=14), st.sampled_from([".", ".", ":"]))
PARAGRAPH = st.builds(" ".join, st.lists(SENTENCE, min_size=1, max_size=4))
BLOCK = st.one_of(st.builds(lambda p: [p], PARAGRAPH),
                  st.lists(st.builds(lambda p: f"• {p}", PARAGRAPH), min_size=1, max_size=3))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=st.lists(BLOCK, min_size=1, max_size=5), width=st.integers(40, 95))
def test_wrapping_at_any_width_imports_as_one_line_paragraphs_do(
        blocks: list[list[str]], width: int, tmp_path: Path) -> None:
    """The same text, wrapped at any width or not at all, gives the same introduction (when
    the wrapping shows: a text whose every line ends a sentence reads as one line per
    paragraph)."""
    title = "Effective Practice Spotlight: The Probation Service – Kent region"
    wrapped = "\n\n".join("\n".join(line for item in block for line in textwrap.wrap(
        item, width, break_long_words=False, break_on_hyphens=False)) for block in blocks)
    lines = "\n\n".join("\n".join(block) for block in blocks)
    sources = [f"{title}\n\n{text}\n\nCourt work (Back to top)\n\nThe team.\n\n"
               "Example of effectiveness: A case\n\nAnn was seen weekly.\n"
               for text in (lines, wrapped)]
    assume(is_wrapped(sources[1].split("\n"), lambda line: line.startswith("• ")))
    introductions = []
    for source in sources:
        root = Path(tempfile.mkdtemp(dir=tmp_path))
        _import(root, source)
        introductions.append(_report(root)["introduction"])
    assert introductions[1] == introductions[0], wrapped
