"""The publish gate against two corpora: planted personal details it must stop, and ordinary
probation prose it must let through (tests/anonymisation/).

Each text is scanned as the body of a case about a person, and as a report's introduction.
The recall (planted details stopped with the expected code) and the false alarms (ordinary
sentences stopped) are printed in pytest's terminal summary (see conftest.py) and asserted:
every planted detail, no ordinary sentence.
"""

from __future__ import annotations

from pathlib import Path

from spotlight.checks.finding import Finding
from spotlight.checks.gate_scan import scan_file
from spotlight.checks.prose import source_prose

CORPORA = Path(__file__).parent / "anonymisation"
SCORES: list[str] = []


def _lines(name: str) -> list[str]:
    text = (CORPORA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


PLANTED = [tuple(part.strip() for part in line.split("|", 1)) for line in _lines("planted.txt")]
ORDINARY = _lines("ordinary.txt")


def _errors(text: str) -> list[Finding]:
    """The gate's errors for ``text`` as an example's body and as a report's introduction."""
    example = "---\ntitle: A case\nkind: person\n---\n" + text + "\n"
    indented = "\n".join(f"  {line}" for line in text.splitlines())
    report = "title: A report\nintroduction: |\n" + indented + "\n"
    found = [*scan_file(source_prose("examples/case.md", example, True), frozenset(),
                        frozenset()),
             *scan_file(source_prose("reports/report.yml", report, False), frozenset(),
                        frozenset())]
    return [f for f in found if f.severity == "error"]


def test_the_corpora_are_large_and_varied() -> None:
    assert len(PLANTED) >= 80
    assert len(ORDINARY) >= 80
    assert len({code for code, _ in PLANTED}) >= 12


def test_recall_and_false_alarms() -> None:
    missed = [f"{code} | {text}" for code, text in PLANTED
              if not any(f.code == code for f in _errors(text))]
    alarms = [f"{text}  <- {'; '.join(f'{f.code} {f.text!r}' for f in _errors(text))}"
              for text in ORDINARY if _errors(text)]
    recall = 100 * (len(PLANTED) - len(missed)) / len(PLANTED)
    score = (f"publish gate: recall {recall:.1f}% ({len(PLANTED) - len(missed)} of "
             f"{len(PLANTED)} planted details stopped), false alarms {len(alarms)} of "
             f"{len(ORDINARY)} ordinary sentences")
    SCORES.append(score)
    print(score)
    assert not missed, score + "\nmissed:\n" + "\n".join(missed)
    assert not alarms, score + "\nfalse alarms:\n" + "\n".join(alarms)


def test_a_finding_says_which_number_or_street_it_is_and_what_to_do() -> None:
    texts = {
        "His CRO number, 012345/98A, was read out.": "'012345/98A' looks like a Criminal "
        "Records Office (CRO) number: leave it out",
        "The licence MORGA 657054 SM9 IJ was seized.": "'MORGA 657054 SM9 IJ' looks like a "
        "driving licence number: leave it out",
        "His passport no. 923 456 781 was kept.": "'923 456 781' looks like a passport "
        "number: leave it out",
        "He works at the Tesco on Hucknall Road.": "'Hucknall Road' looks like a street where "
        "someone works: describe the place instead (a supermarket in the city)",
        "It was at ///filled.count.soap.": "'filled.count.soap' looks like a what3words address: "
        "describe the place instead (a flat in the town centre)",
        "He must not enter Mill Lane.": "'Mill Lane' looks like a street named in an exclusion "
        "zone or a condition: describe the area instead (the streets around the victim's home)",
        "The police went to 27 Sneinton Dale.": "'27 Sneinton Dale' looks like a house number "
        "and street: describe the place instead (a flat in the town centre)",
        "He moved to fourteen Fairfield Road.": "'fourteen Fairfield Road' looks like a house "
        "number and street: describe the place instead (a flat in the town centre)",
        "He lived at the Elms, Kendal Road, Penrith.": "'the Elms, Kendal Road' looks like an "
        "address: describe the place instead (a flat in the town centre)",
        "She found him on Facebook as Kyle Brennan.": "'Kyle Brennan' looks like a social-media "
        "handle or profile address: leave it out",
        "Her sort code was 30-94-57.": "'30-94-57' looks like a sort code: leave it out",
        "He paid with 4929 1234 5678 9015.": "'4929 1234 5678 9015' looks like a payment card "
        "number: leave it out",
        "His MAPPA reference is 2024/NOTTS/0456.": "'2024/NOTTS/0456' looks like a case "
        "reference number: leave it out",
        "Mobile: 7700 900123": "'7700 900123' looks like a telephone number: leave it out",
    }
    for text, message in texts.items():
        assert {f.message for f in _errors(text)} == {message}, text


def test_a_cro_number_in_the_sf_shape_is_said_once() -> None:
    """'SF 05/123456A' holds the shape of a PNC identifier too: the writer reads one finding."""
    assert [(f.code, f.text) for f in _errors("The record gave SF 05/123456A.")] == [
        ("anon-id-number", "SF 05/123456A")] * 2  # the example's body, the report's text


def test_a_street_named_like_a_person_is_said_once_as_an_address() -> None:
    for text, street in (("He was staying at his mum's on Gregory Boulevard.", "Gregory Boulevard"),
                         ("Mae'n byw yn Rhif 5, Bryn Teg, gyda'i fam.", "Rhif 5, Bryn Teg")):
        assert [(f.code, f.text) for f in _errors(text)] == [("anon-address", street)] * 2


def test_a_name_said_as_a_handle_or_a_handle_found_twice_is_said_once() -> None:
    """'Facebook as Kyle Brennan' is a full name and a profile's name: the writer reads one
    finding, as a handle, whose advice is to leave it out; '@kelz_m92' after 'as' is found by
    two rules and said once."""
    for text, flagged in (("She found him on Facebook as Kyle Brennan.", "Kyle Brennan"),
                          ("He contacted her on Instagram as @kelz_m92.", "@kelz_m92")):
        assert [(f.code, f.text) for f in _errors(text)] == [("anon-social", flagged)] * 2
