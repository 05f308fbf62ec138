"""The gate reads each published value of a YAML file at its place in the file, however it is
written. Simple front matter (``key: value`` lines, quoted values, one-line lists) is read
without libyaml (checks/prose.py); whatever the text, the spans, the placeholder marks and the
top-level values must be those libyaml's scanner gives.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from spotlight.checks.prose import _scanned_spans, _simple_spans, yaml_spans

# Values as front matter holds them, mostly, and now and then characters that matter to YAML.
word = st.text(alphabet="abcXYZ019-.,()/_+;'’é\u00a0\u4e00", min_size=1, max_size=5)
plain = st.lists(word, min_size=1, max_size=4).map(" ".join)
SPECIAL = [*"\"[]:#&*!|>%@`?{}~=\t\r\\\u0085\u2028\ufeff", ": ", " #", "- ", "\U0001f600"]
noisy = st.lists(st.one_of(word, st.sampled_from([" ", ", ", *SPECIAL]), st.text(max_size=2)),
                 max_size=6).map("".join)
scalar = st.one_of(plain, plain, plain, noisy)
value = st.one_of(
    scalar, scalar,
    scalar.map(lambda v: f'"{v}"'),
    scalar.map(lambda v: f"'{v}'"),
    st.lists(st.one_of(scalar, scalar.map(lambda v: f'"{v}"'), scalar.map(lambda v: f"'{v}'")),
             max_size=4).map(lambda items: "[" + ", ".join(items) + "]"))
key = st.sampled_from(["title", "kind", "tags", "waivers", "a_b", "x-y", "Title", "_", "a b",
                       "-a", ""])
line = st.one_of(
    st.tuples(key, st.just(": "), value).map("".join),
    st.tuples(key, st.just(": "), value).map("".join),
    st.tuples(key, st.sampled_from([":", " : ", ":  "]), value).map("".join),
    st.sampled_from(["", "# PLACEHOLDER", "  - item", "---", "key: |", "  more"]))
yaml_text = st.tuples(st.lists(line, max_size=6),
                      st.sampled_from(["\n", "", "\n\n", "\r\n"])).map(
    lambda parts: "\n".join(parts[0]) + parts[1])


@settings(max_examples=500, deadline=None)
@given(yaml_text, st.integers(min_value=0, max_value=5))
@example("title: Synthetic example 0\nreports: [report-0]\nstandards: [\"1.1\"]\n"
         "kind: 'practice'\n", 4)
@example("title: Helping Darren Whitlock\ntags: [housing, '@dazza_88', ng7 2qp]\n\n", 0)
@example("kind: ''\nsummary: a, b; c (d) / e’s\n", 0)
def test_simple_front_matter_is_read_as_libyaml_reads_it(text: str, start: int) -> None:
    assert yaml_spans(text, start) == _scanned_spans(text, start)


def test_the_simple_reading_takes_the_usual_front_matter() -> None:
    text = ("title: Resettlement planning\nreports: [north-2025, south-2024]\n"
            "practice_theme: resettlement\nregion: north\nstandards: [\"1.1\", \"2.3\"]\n"
            "kind: person\ntags: [housing, 'family ties']\n")
    assert _simple_spans(text, 0) is not None
    assert _simple_spans(text + "# PLACEHOLDER\n", 0) is None  # a comment: libyaml reads it
