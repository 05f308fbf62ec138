"""Messages for a person: "did you mean" finds what an author meant, and only that."""

from __future__ import annotations

from pathlib import Path

import pytest

from spotlight.content.suggest import describe, nearest

from .conftest import run

THEMES = {"court-work": "Court work", "statutory-victim-work": "Statutory victim work",
          "aspire": "The ASPIRE model of case supervision", "resettlement": "Resettlement",
          "public-protection": "Public protection"}


@pytest.mark.parametrize(("typed", "meant"), [
    ("Court work", "court-work"),                          # the title, typed as written
    ("court work", "court-work"),
    ("Court-Work", "court-work"),                          # the slug, in other letters
    ("victim-work", "statutory-victim-work"),              # a whole part of the slug
    ("The ASPIRE model of case supervision", "aspire"),    # a title whose slug is short
    ("resetlement", "resettlement"),                       # a slip of the keyboard
    ("public protection work", "public-protection"),       # a longer title
    ("professional curiosity", None),                      # a theme the site lacks
    ("work", None),                                        # too short a part to be sure
    ("north-2025", None),
])
def test_nearest_finds_what_was_meant(typed: str, meant: str | None) -> None:
    assert nearest(typed, THEMES) == meant


def test_a_similar_looking_name_is_not_suggested() -> None:
    assert nearest("south-2025", ["north-2025"]) is None
    assert nearest("south-city", ["north-city"]) is None


EXAMPLES = ["joint-working-to-manage-a-high-risk-stalking-case",
            "keeping-a-victim-informed-through-parole", "planning-accommodation-before-release",
            "curiosity-about-a-new-partner", "curiosity-about-a-new-partner-cy"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("joint-working-stalking", "joint-working-to-manage-a-high-risk-stalking-case"),
    ("stalking", "joint-working-to-manage-a-high-risk-stalking-case"),   # one name holds it
    ("keeping-victim-informed", "keeping-a-victim-informed-through-parole"),
    ("planning-accomodation", "planning-accommodation-before-release"),  # misspelled, short
    ("curiosity-new-partner", "curiosity-about-a-new-partner"),          # the nearer of two
    ("a-new-partner", "curiosity-about-a-new-partner"),
    ("mentoring-in-custody", None),                                       # nothing like it
])
def test_a_long_file_name_typed_from_memory_is_found(typed: str, meant: str | None) -> None:
    """Examples' file names are long: a link names one shortened, and is told which."""
    assert nearest(typed, EXAMPLES, loose=True) == meant


def test_values_are_described_in_words() -> None:
    assert describe("Court work") == "the text 'Court work'"
    assert describe(3) == "the number 3"
    assert describe(True) == "the yes-or-no value true"
    assert describe([1]) == "a list"
    assert describe({"a": 1}) == "a group of 'key: value' lines"


def test_new_example_suggests_the_practice_theme_meant(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("new", "example", "-r", "example-region-2025", "-t", "victim-work", "Title")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("--theme: unknown practice theme 'victim-work' "
                                             "(the practice themes of content/site.yml); did "
                                             "you mean 'statutory-victim-work'?")
