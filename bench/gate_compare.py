"""Every gate finding (and the spans it reads) over many corpora, to compare two versions of
the gate: a change that should find the same must give byte-identical output.

    PYTHONPATH=BEFORE python3 bench/gate_compare.py before.jsonl SYNTHETIC CORPORA [SCALE]
    PYTHONPATH=AFTER  python3 bench/gate_compare.py after.jsonl SYNTHETIC CORPORA [SCALE]
    cmp before.jsonl after.jsonl

SYNTHETIC: a folder of synthetic content (bench/synth.py); CORPORA: one checkout whose
content/, tests/ and docs/ are read (the same for both runs, so that both read the same
texts; run both from the same folder, as file names are shown as load() gives them). The
corpora: the synthetic content, content/, the test sites, every file of the bad-input
catalogue and of the lint cases, tests/anonymisation/, every string literal of the tests,
the docs, and random texts and front matter (names, dates, numbers, handles, marks, links,
YAML of every shape) drawn from a fixed seed, SCALE times 9,000 of them.
"""
from __future__ import annotations

import ast
import json
import random
import sys
from pathlib import Path

import yaml

import spotlight.parallel as par

par.MIN_ITEMS = 10**9
from spotlight.checks import anonymisation, birth, people, unfinished  # noqa: E402
from spotlight.checks.anonymisation import Context, hits  # noqa: E402
from spotlight.checks.gate_scan import _pseudonym, scan, scan_file  # noqa: E402
from spotlight.checks.prose import source_prose, yaml_spans  # noqa: E402
from spotlight.content.load import load  # noqa: E402
from spotlight.incremental.parse_cache import ParseCache  # noqa: E402

OUT = open(sys.argv[1], "w", encoding="utf-8")  # noqa: SIM115
SYNTHETIC = Path(sys.argv[2])
REPO = Path(sys.argv[3])
SCALE = int(sys.argv[4]) if len(sys.argv) > 4 else 1
ABBREVIATIONS = (frozenset(), frozenset({"ABC", "NPS", "XYZ", "FOI"}))
counts: dict[str, int] = {}


def emit(corpus: str, ident: str, value: object) -> None:
    counts[corpus] = counts.get(corpus, 0) + 1
    OUT.write(json.dumps([corpus, ident, value], ensure_ascii=False, default=str) + "\n")


def findings(items) -> list:  # type: ignore[no-untyped-def]
    return [[f.path, f.line, f.col, f.severity, f.code, f.message, f.text] for f in items]


def folder(corpus: str, path: Path) -> None:
    raw, _ = load(path)
    for abbrevs in ABBREVIATIONS:
        emit(corpus, f"{path}:{sorted(abbrevs)}", findings(scan(raw, abbrevs, None)))
        emit(corpus, f"{path}:{sorted(abbrevs)}:cache",
             findings(scan(raw, abbrevs, ParseCache())))
    for source in (raw.site, *raw.reports, *raw.examples):
        if source is not None:
            one_file(corpus, source.name, source.text)


def one_file(corpus: str, name: str, text: str) -> None:
    """Spans and findings of one file as an example and as a YAML file."""
    for example in (True, False):
        try:
            prose = source_prose(name, text, front_matter=example)
        except Exception as error:
            emit(corpus, f"{name}:{example}:error", repr(error))
            continue
        emit(corpus, f"{name}:{example}:spans",
             [[s.start, s.end, s.markdown, s.key] for s in prose.spans]
             + [list(prose.placeholders), prose.kind])
        pseudonym = _pseudonym(text) if example else None
        for pseudonyms in (frozenset(), frozenset({pseudonym or "Kieran", "Zed"})):
            for abbrevs in ABBREVIATIONS:
                emit(corpus, f"{name}:{example}:{sorted(pseudonyms)}:{sorted(abbrevs)}",
                     findings(sorted(set(scan_file(prose, pseudonyms, abbrevs)))))


def one_text(corpus: str, ident: str, text: str) -> None:
    """The rules straight on one text, in every context."""
    for person in (False, True):
        for names in (True, False):
            for pseudonyms in (frozenset(), frozenset({"Kieran", "Zed", "Ben"})):
                context = Context(person, pseudonyms, frozenset({"ABC"}), names=names)
                emit(corpus, f"{ident}:{person}:{names}:{sorted(pseudonyms)}",
                     list(hits(text, text, context)))
    emit(corpus, f"{ident}:parts", [list(birth.dates_of_birth(text)),
                                    list(unfinished.marks(text)),
                                    list(unfinished.placeholder_dates(text)),
                                    _candidates(text),
                                    list(people.titles(text)),
                                    list(people.full_names(text, frozenset({"Kieran"})))])
    emit(corpus, f"{ident}:yaml", _yaml(text))


def _candidates(text: str) -> list[int]:
    """Where a detail with digits can start (in anonymisation.py before checks/candidates.py)."""
    found = getattr(anonymisation, "candidates", None)
    if found is None:
        from spotlight.checks.candidates import candidates as found
    return found(text)


def _yaml(text: str) -> object:
    try:
        spans, marks, top = yaml_spans(text, 3)
    except Exception as error:
        return repr(error)
    return [[[s.start, s.end, s.markdown, s.key] for s in spans], marks, sorted(top.items())]


# --- the corpora ------------------------------------------------------------------------


def synthetic() -> None:
    folder("n1000", SYNTHETIC)


def sample() -> None:
    folder("content", REPO / "content")


def test_content() -> None:
    for site in sorted((REPO / "tests/sites").iterdir()):
        folder("sites", site)
    for path in sorted((REPO / "tests/bad_inputs").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            for name, text in (case.get("files") or {}).items():
                if isinstance(text, str):
                    one_file("bad_inputs", f"{case['name']}/{name}", text)
                    one_text("bad_inputs-text", f"{case['name']}/{name}", text)
    front = ("---\ntitle: {title}\nreports: [north-2025]\npractice_theme: resettlement\n"
             "region: north\nkind: {kind}\n---\n")
    for case in yaml.safe_load((REPO / "tests/lint_cases.yml").read_text(encoding="utf-8")):
        body = case["body"] + ("\n\n## Outcome\n\nBen settled well.\n"
                               if case.get("outcome", True) else "\n")
        text = front.format(title=case.get("title", "Second case"),
                            kind=case.get("kind", "person")) + body
        one_file("lint_cases", case["name"], text)
        one_text("lint_cases-text", case["name"], case["body"])
        for name, other in (case.get("files") or {}).items():
            if isinstance(other, str):
                one_file("lint_cases", f"{case['name']}/{name}", other)
    for path in sorted((REPO / "tests/anonymisation").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        one_text("anonymisation", path.name, text)
        for number, line in enumerate(text.splitlines()):
            one_text("anonymisation", f"{path.name}:{number}", line)
    for path in sorted((REPO / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and len(node.value) >= 2:
                ident = f"{path.name}:{node.lineno}:{node.col_offset}"
                one_text("test-strings", ident, node.value)
                one_file("test-strings", ident, node.value)
    for path in sorted((REPO / "tests").rglob("*")):
        if path.suffix in (".md", ".yml", ".yaml", ".txt") and path.is_file() \
                and "golden" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            one_file("test-files", str(path.relative_to(REPO)), text)
    for path in sorted((REPO / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        one_text("docs", path.name, text)
        for number, paragraph in enumerate(text.split("\n\n")):
            one_text("docs", f"{path.name}:{number}", paragraph)


# --- random texts -------------------------------------------------------------------------

FIRST = sorted(people.first_names())
SURNAMES = ["Whitlock", "O'Connor", "McDonald", "Patel", "Smith", "Jones", "ap Rhys",
            "Fitzgerald", "D'Souza", "Nguyen-Tran", "Faithfull", "Street", "Trust", "Court",
            "MacLeod", "Øberg", "Zoë", "Ćosić"]
WORDS = ('the a of and was born on in at to his her their he she they date birth dob DOB '  # noqa: SIM905
         'd.o.b. b. turned turns birthday ganwyd anwyd dyddiad geni pen-blwydd aged year-old '
         'March Mar. 3rd 14th first twenty-first Mawrth Fawrth Ionawr Rhagfyr the idea '
         'project service out from Mr Mrs Dr. Ms Miss Mx Sgt Professor HMP St Crown Court '
         'Road Street Avenue Lane Flat Apartment House Lodge no. number reg registration '
         'plate Snap snap Snapchat SNAPCHAT insta Instagram IG FB X TikTok tiktok PSN Kik '
         'Reddit reddit Xbox handle username is was : - = @ # TODO TK TKTK XX XXX FIXME TBC '
         'TBD todo [check] [TK] [check date] [citation needed] CRN PNC NHS NI ABH GBH NPS ABC '
         'region report premises licence probation Hospital Foundation project service Team '
         'University Centre In The For With And Helping Into Work Of March April May June '
         'July January Liverpool John Moores Elizabeth Fry Lucy Faithfull Jack Straw Ben '
         'Kieran Zed Darren Whitlock Street Road 1900-01-01 PLACEHOLDER ii İ ſ K µ Σ é ß ').split()
PUNCT = [" ", " ", " ", " ", ", ", ". ", "\n", "\n\n", "; ", ": ", " (", ") ", "-", "/", "'",
         "’", "\u00a0", "\t", "  ", ".", ",", "(", ")", "[", "]", "](", "[@", "://", "]:",
         " - ", "\n- ", "\n## ", "*", "_", "\"", "“", "”", "+", "&"]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _nhs(rng: random.Random) -> str:
    while True:
        d = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(x * w for x, w in zip(d, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, d)) + str(check)
            sep = rng.choice(["", " ", "-"])
            return s[:3] + sep + s[3:6] + sep + s[6:]


def _detail(rng: random.Random) -> str:
    kind = rng.randrange(26)
    up = rng.choice("ABCDEFGHJKLMNPRSTUWYZ")
    if kind == 0:
        return f"{rng.choice(['SW1A','NG7','B12','M1','LS1','EC1A','CF10','gir','GIR'])} " \
               f"{rng.randrange(10)}{rng.choice(['AA','QP','AP','ab','XY'])}"
    if kind == 1:
        return rng.choice(["01632 960 001", "+44 7700 900123", "07700900123", "(0113) 496 0000",
                           "0" + _digits(rng, rng.randrange(8, 12)), "+44 (0) 20 7946 0958"])
    if kind == 2:
        return rng.choice(["ben.smith@example.org", "a@b.co", "x_y+z@mail.example.co.uk",
                           "@probation_team", "@dazza_88", "foo@bar"])
    if kind == 3:
        return f"{rng.choice(['AB','QQ','JK','ZZ','GB','CE'])}{rng.choice(['',' '])}" \
               f"{_digits(rng, 2)} {_digits(rng, 2)} {_digits(rng, 2)} {rng.choice('ABCDE')}"
    if kind == 4:
        return _nhs(rng) if rng.random() < 0.7 else _digits(rng, 10)
    if kind == 5:
        return f"{up}{_digits(rng, 4)}{rng.choice(['AB', 'XY', 'ab'])}"
    if kind == 6:
        return f"{_digits(rng, rng.choice([2, 4]))}/{_digits(rng, rng.randrange(1, 8))}{up}"
    if kind == 7:
        return f"{rng.choice(['', 'No. ', 'number ', 'Flat ', 'Apartment '])}" \
               f"{rng.randrange(1, 300)}{rng.choice(['', 'a', '-4'])}{rng.choice([',', ''])} " \
               f"{rng.choice(['Acacia', 'Church', 'Park', 'Rose Hill', 'Crown'])} " \
               f"{rng.choice(['Avenue', 'Road', 'street', 'Court', 'House', 'Lodge', 'Rd'])}"
    if kind == 8:
        return rng.choice(["AB12 CDE", "ab12cde", "A123 BCD", "ABC 123D", "GBH 123A",
                           "reg AB12CDE", "Reg no. ab12 cde", "plate: X12 ABC",
                           "registration was GB12 ABH"])
    if kind == 9:
        return rng.choice(["instagram.com/kyle.b99", "https://www.facebook.com/some.one",
                           "tiktok.com/@dazza", "x.com/help", "t.me/somebody",
                           "Snap: dazza_88", "IG dazza.b", "TikTok handle is @kyle_b",
                           "SNAPCHAT: dazza_88", "Xbox gamertag is Kyle_99", "X: @someone1"])
    if kind == 10:
        return f"{rng.choice(['CRN ', 'CRN: ', ''])}{up}{_digits(rng, 6)}"
    if kind in (11, 12, 13):
        day, month, year = rng.randrange(1, 32), rng.randrange(1, 13), rng.randrange(1950, 2030)
        return rng.choice([
            f"{day}/{month:02d}/{year}", f"{day}.{month}.{year % 100:02d}",
            f"{year}-{month:02d}-{day:02d}", f"{day}th March {year}", f"March {day}, {year}",
            f"the {day}rd of March", f"{day} Mawrth {year}", f"{day}eg o Fawrth",
            f"March {year}", f"'{year % 100:02d}", f"{day}/{month}", f"{month}/{year}",
            "14th of March '92", "twenty-first of June", f"{day} Sept. {year}"])
    if kind == 14:
        return rng.choice(["born", "born in", "born on", "date of birth", "DOB:", "d.o.b.",
                           "(b.", "b. ", "his birthday,", "turned 18", "18th birthday",
                           "ganwyd", "a anwyd", "dyddiad geni", "ei ben-blwydd", "born out of",
                           "the idea was born in", "was born in Derby in", "(date of birth)",
                           "born in the spring of", "birth date"])
    if kind in (15, 16, 17):
        first = rng.choice(FIRST)
        return rng.choice([f"{first} {rng.choice(SURNAMES)}", f"Mr {rng.choice(SURNAMES)}",
                           f"{first.upper()} {rng.choice(SURNAMES).upper()}",
                           f"Dr. A. {rng.choice(SURNAMES)}", f"{first}-Ann {rng.choice(SURNAMES)}",
                           f"{first} {rng.choice(SURNAMES)} Foundation", f"HMP {first} Jones",
                           f"{first}\n{rng.choice(SURNAMES)}", f"{first} J. Smith"])
    if kind == 18:
        return rng.choice(["TODO", "TK", "XXX", "FIXME", "[check]", "[check date]", "[TK](x)",
                           "[todo: name]", "todo", "TBC", "Tbc", "1900-01-01", "# PLACEHOLDER",
                           "Introduce the person by a pseudonym, with their age,\nthen their "
                           "sentence and offence", "One point per bullet.",
                           "What changed as a result of the work.", "What difference"])
    if kind == 19:
        return rng.choice(["[a link](https://example.org/14-acacia-avenue)", "<https://x.y/z>",
                           "https://example.org/ben.smith@example.org", "[@smith2020]",
                           "[@smith2020, p. 4]", "[ref]: https://example.org/NG7 2QP"])
    if kind == 20:
        return _digits(rng, rng.randrange(1, 14))
    if kind == 21:
        return rng.choice(["aged 29", "a 29-year-old", "29 oed", "in the 1990s", "S18 GBH",
                           "HMP Leeds", "St Giles Trust", "Liverpool John Moores University"])
    if kind == 22:
        return "".join(rng.choice("0123456789 /.-()+") for _ in range(rng.randrange(3, 18)))
    if kind == 23:
        return rng.choice(["١٢٣٤٥٦٧٨٩٠", "٠٧٧٠٠ ٩٠٠١٢٣", "²³", "①②", "１２３４"])
    if kind == 24:
        return "".join(rng.choice("AaBbİıſKkΣσςéÉ0123456789 -'’.")
                       for _ in range(rng.randrange(1, 12)))
    return rng.choice(WORDS)


def random_text(rng: random.Random) -> str:
    length = rng.choice([1, 2, 3, 4, 6, 10, 20, 40, 80, 200])
    parts = []
    for _ in range(length):
        parts.append(_detail(rng) if rng.random() < 0.35 else rng.choice(WORDS))
        parts.append(rng.choice(PUNCT))
    return "".join(parts)


VALUE_FORMS = ("plain", "plain", "plain", "single", "double", "flow", "flow", "block-list",
               "folded", "literal", "multi", "comment", "placeholder", "empty", "nested",
               "broken", "anchor", "tag", "tabs", "trailing")


def random_value(rng: random.Random) -> str:
    text = random_text(rng).replace("\n", " ").strip() or "x"
    form = rng.choice(VALUE_FORMS)
    if form == "plain":
        return " " + text
    if form == "single":
        return " '" + text.replace("'", "''") + "'"
    if form == "double":
        return ' "' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if form == "flow":
        items = [random_text(rng).replace("\n", " ").strip() or "y"
                 for _ in range(rng.randrange(0, 4))]
        quote = rng.choice(["", "", '"', "'"])
        return " [" + ", ".join(f"{quote}{i}{quote}" for i in items) + "]"
    if form == "block-list":
        return "\n" + "".join(f"  - {random_text(rng).replace(chr(10), ' ').strip() or 'z'}\n"
                              for _ in range(rng.randrange(1, 4))).rstrip("\n")
    if form == "folded":
        return " >\n  " + text + "\n  " + (random_text(rng).replace("\n", " ").strip() or "w")
    if form == "literal":
        return " |\n  " + text + "\n\n  " + (random_text(rng).replace("\n", " ").strip() or "w")
    if form == "multi":
        return " " + text + "\n  " + (random_text(rng).replace("\n", " ").strip() or "w")
    if form == "comment":
        return " " + text + " # a comment 14 Acacia Avenue"
    if form == "placeholder":
        return " 1900-01-01  # PLACEHOLDER: the real date"
    if form == "empty":
        return rng.choice(["", " ", " ~", " null", " ''"])
    if form == "nested":
        return "\n  sub: " + text + "\n  other: [" + text[:10] + "]"
    if form == "broken":
        return rng.choice([" [unclosed", " {a: b", " 'quote", ' "x', " : :", " - a\n- b",
                           " @at", " `tick", " %pct", " a: b: c"])
    if form == "anchor":
        return " &a " + text
    if form == "tag":
        return " !!str " + text
    if form == "tabs":
        return "\t" + text
    return " " + text + rng.choice(["  ", " \t", "\t"])


KEYS = ["title", "reports", "practice_theme", "region", "pdu", "standards", "sentence_type",
        "kind", "tags", "summary", "waivers", "references", "acknowledgements", "intro",
        "caption", "alt", "Title", "key with space", "'quoted'", "-dash", "k1", "body",
        "outcome", "kind"]


def random_front(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randrange(0, 10)):
        key = rng.choice(KEYS)
        if key == "kind" and rng.random() < 0.7:
            lines.append("kind: " + rng.choice(["person", "practice", "service", "'person'",
                                                 "\"practice\"", "", "team # c"]))
            continue
        lines.append(key + ":" + random_value(rng))
        if rng.random() < 0.05:
            lines.append(rng.choice(["# a comment", "", "   ", "# PLACEHOLDER", "---", "..."]))
    return "\n".join(lines) + rng.choice(["\n", "", "\n\n", "\r\n"])


def randoms() -> None:
    rng = random.Random(20261202)
    for n in range(6000 * SCALE):
        one_text("random", str(n), random_text(rng))
    for n in range(3000 * SCALE):
        front = random_front(rng)
        body = random_text(rng)
        text = rng.choice(["---\n" + front + "---\n" + body, front, "---\n" + front,
                           "---\n" + front + "...\n" + body, front.replace("\n", "\r\n")])
        one_file("random-files", str(n), text)
        emit("random-yaml", str(n), _yaml(front))


if __name__ == "__main__":
    synthetic()
    sample()
    test_content()
    randoms()
    OUT.close()
    print(counts, file=sys.stderr)
