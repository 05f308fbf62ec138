"""spotlight check knows Welsh: dates written in Welsh are flagged like English ones, a Welsh
Outcome heading counts, and the English-only house-style rules leave Welsh reports alone."""

from __future__ import annotations

from .conftest import overlay, run

FRONT = ("---\ntitle: {title}\nreports: [north-2025]\npractice_theme: resettlement\n"
         "region: north\nkind: person\n---\n")


def _lines(*args: str) -> list[str]:
    return run("check", "--content", "site", *args).stdout.splitlines()


def _welsh(content) -> None:  # type: ignore[no-untyped-def]
    text = (content / "site.yml").read_text(encoding="utf-8")
    overlay(content, {"site.yml": text.replace("language: en-GB", "language: cy")})


def test_welsh_dates_of_birth_and_exact_dates_are_flagged(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _welsh(content)
    overlay(content, {"examples/second-case.md": FRONT.format(title="Ail achos") + (
        "Ganwyd Ben ar 14 Mawrth 1992.\n\nCafodd ei ryddhau ar 12 Tachwedd, ac roedd yn "
        "29 oed.\n\n## Canlyniad\n\nSetlodd Ben yn dda.\n")})
    lines = _lines()
    assert ("site/examples/second-case.md:8:15: error: anon-date-of-birth: '14 Mawrth 1992' "
            "looks like a date of birth: give an age instead (a 29-year-old man)") in lines
    assert ("site/examples/second-case.md:10:22: warning: anon-exact-date: '12 Tachwedd' looks "
            "like an exact date tied to a person: give the month, or the time in the sentence"
            ) in lines
    # "## Canlyniad" is the Outcome: no style-no-outcome; "29 oed" (an age) is never flagged.
    assert not [line for line in lines if "style-no-outcome" in line or "'29" in line]


def test_english_only_house_style_rules_skip_welsh_reports(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    body = "Gwelodd Ben y PP bob wythnos.\n\n## Canlyniad\n\nSetlodd Ben yn dda.\n"
    overlay(content, {"examples/second-case.md": FRONT.format(title="Ail achos") + body})
    assert [line for line in _lines() if "style-abbr-not-expanded" in line]  # English: flagged
    _welsh(content)
    assert [line for line in _lines() if "style-abbr" in line] == []


def test_a_link_from_a_welsh_example_to_an_english_one_is_pointed_out(site) -> None:  # type: ignore[no-untyped-def]
    content = site("sample")
    path = content / "examples" / "sylwi-ar-arwyddion-cwcwio.md"
    text = path.read_text(encoding="utf-8")
    overlay(content, {"examples/sylwi-ar-arwyddion-cwcwio.md": text + (
        "\nGweler hefyd [achos arall](careful-timing-for-a-bereaved-family.md) a "
        "[rhyddhau](first-release-after-a-long-sentence.md), a [llys]"
        "(gweithio-gyda-chyfieithydd-yn-y-llys.md).\n")})
    line = text.count("\n") + 2
    found = [entry for entry in _lines() if "translation-link" in entry]
    assert found == [
        f"site/examples/sylwi-ar-arwyddion-cwcwio.md:{line}:28: warning: translation-link: "
        "link 'careful-timing-for-a-bereaved-family.md' takes readers of this Welsh text to an "
        "example in English, which has no Welsh version: translate it, or say in the link "
        "that the page is in English",
        f"site/examples/sylwi-ar-arwyddion-cwcwio.md:{line}:82: warning: translation-link: "
        "link 'first-release-after-a-long-sentence.md' takes readers of this Welsh text to the "
        "English version of an example: link its Welsh version, "
        "'paratoi-ar-gyfer-rhyddhau-cyntaf.md', instead"]


def test_a_welsh_case_without_an_outcome_is_told_to_end_with_canlyniad(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _welsh(content)
    overlay(content, {"examples/second-case.md": FRONT.format(title="Ail achos")
            + "Cafodd Ben ei ryddhau ar drwydded.\n"})
    found = [line for line in _lines() if "style-no-outcome" in line]
    assert len(found) == 1 and "end it with a '## Canlyniad' heading" in found[0], found


def test_a_welsh_case_is_read_for_names_as_an_english_one_is(site) -> None:  # type: ignore[no-untyped-def]
    # A Welsh sentence's first word ("Mae", is) is no pseudonym however often it comes back, so
    # "Mae Heddlu" is no name; the pseudonym a Welsh age introduces ("Macsen, dyn 29 oed") is
    # one, so "Macsen Pryce" is a full name, as "Kieran, a 29-year-old man" makes "Kieran
    # Doyle" one.
    content = site("minimal")
    _welsh(content)
    overlay(content, {
        "examples/second-case.md": FRONT.format(title="Ail achos") + (
            "Mae Rhys yn byw yn y dref. Mae Heddlu De Cymru yn rhan o'r cynllun. Mae Cyngor "
            "Gwynedd yn helpu.\n\n## Canlyniad\n\nSetlodd Rhys yn dda.\n"),
        "examples/third-case.md": FRONT.format(title="Trydydd achos") + (
            "Macsen, dyn 29 oed, oedd yn byw gyda'i fam. Rhoddodd Macsen Pryce dystiolaeth."
            "\n\n## Canlyniad\n\nSetlodd yn dda yn y gwaith.\n")})
    names = [line for line in _lines() if "anon-name" in line]
    assert names == ["site/examples/third-case.md:8:54: error: anon-name: 'Macsen Pryce' "
                     "looks like a full name: use a first-name pseudonym only"], names


def test_welsh_addresses_titles_and_schools_are_stopped(site) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _welsh(content)
    overlay(content, {"examples/second-case.md": FRONT.format(title="Ail achos") + (
        "Mae Ben yn byw yn 14 Heol y Frenhines gyda'i fam.\n\nMae ei fab yn mynd i Ysgol "
        "Gynradd Llanfair, ac roedd Rhingyll Jones yn y ddalfa.\n\n## Canlyniad\n\n"
        "Mae'r swyddfa ar Heol y Frenhines.\n")})
    found = [line for line in _lines() if ": anon-" in line]
    assert found == [
        "site/examples/second-case.md:8:19: error: anon-address: '14 Heol y Frenhines' looks "
        "like a house number and street: describe the place instead (a flat in the town centre)",
        "site/examples/second-case.md:10:22: error: anon-school: 'Ysgol Gynradd Llanfair' looks "
        "like a named school: describe it instead (his son's primary school)",
        "site/examples/second-case.md:10:55: error: anon-name: 'Rhingyll Jones' looks like a "
        "title and name: use a first-name pseudonym only"], found
