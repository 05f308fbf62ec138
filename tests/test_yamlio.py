"""The two YAML loaders agree: libyaml (fast, for text it reads cleanly) and the pure-Python
loader (for everything else, and for the messages). Same data, same types, same lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight.content import yamlio
from spotlight.content.front_matter import split_front_matter
from spotlight.content.yamlio import YList, YMap, parse_yaml

from .conftest import REPO, SITES

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")


def _slow(text: str, offset: int = 0) -> Any:
    loader = yamlio._Loader(text, offset)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _shape(value: Any) -> Any:
    """Everything an error message or a field can depend on: values, types and lines."""
    if isinstance(value, YMap):
        return ("map", value.line, sorted(value.key_lines.items(), key=repr),
                [(_shape(k), _shape(v)) for k, v in value.items()])
    if isinstance(value, YList):
        return ("seq", value.line, value.item_lines, [_shape(v) for v in value])
    return (type(value).__name__, value)


def _yaml_texts() -> list[tuple[str, str, int]]:
    texts = []
    for folder in (REPO / "content", SITES):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".yml", ".yaml"):
                texts.append((str(path), path.read_text(encoding="utf-8"), 0))
            elif path.suffix == ".md":
                front, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
                if front is not None:
                    texts.append((str(path), front.yaml_text, 1))
    return texts


def test_every_content_file_loads_the_same_both_ways() -> None:
    texts = _yaml_texts()
    assert len(texts) > 40
    for name, text, offset in texts:
        assert yamlio._scanned(text), name  # the fast path is the one real content takes
        fast, problems = parse_yaml(text, name, offset)
        assert not problems, name
        assert _shape(fast) == _shape(_slow(text, offset)), name


@pytest.mark.parametrize(("text", "message"), [
    ("a: &x 1\nb: *x\n", "'*x' is read as a YAML alias"),
    ("a: 1\na: 2\n", "'a' is given a second time here; keep one of the two"),
    ("a:\n" + "".join("  " * i + "- \n" for i in range(60)), "nested more than 50 levels deep"),
    ("x: " + "[" * 100_000, "nested more than 50 levels deep"),
])
def test_what_the_fast_path_leaves_to_the_careful_loader(text: str, message: str) -> None:
    data, problems = parse_yaml(text, "front.yml", 1)
    assert data is None
    assert len(problems) == 1 and message in problems[0].message, problems


@pytest.mark.parametrize(("text", "kept"), [
    ("code: 2.20\n", "2.20"), ("code: 2.10\n", "2.10"), ("code: 1e3\n", "1e3"),
    ("code: .inf\n", ".inf"), ("order: 010\n", "010"), ("order: 0x1A\n", "0x1A"),
    ("order: 1_000\n", "1_000"), ("order: 1:30\n", "1:30"),
])
def test_numbers_that_would_change_meaning_are_kept_as_written(text: str, kept: str) -> None:
    for loaded in (parse_yaml(text, "x.yml")[0], _slow(text)):
        assert list(loaded.values()) == [kept]
    assert parse_yaml("order: -12\n", "x.yml")[0] == {"order": -12}


scalars = st.one_of(
    st.integers(-10**6, 10**6), st.booleans(), st.none(), st.dates(dt.date(1990, 1, 1)),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Cf")), max_size=12))
documents = st.recursive(
    st.dictionaries(st.text("abcdefgh_-", min_size=1, max_size=6), scalars, max_size=4),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text("abcdefgh_-", min_size=1, max_size=6), inner, max_size=3)),
    max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(documents, st.booleans(), st.sampled_from([None, 2, 4]))
def test_generated_documents_load_the_same_both_ways(data: Any, flow: bool,
                                                     indent: int | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, indent=indent, allow_unicode=True)
    fast, problems = parse_yaml(text, "x.yml")
    assert not problems
    assert _shape(fast) == _shape(_slow(text))
    assert fast == data


@pytest.mark.parametrize(("text", "line", "message"), [
    ('title: "&#x202E;evil"\n', 2, "a hidden right-to-left control character (U+202E)"),
    ('tags:\n  - "x\\x1b"\n', 3, "a hidden control character (U+001B)"),
    ("title: Smith &amp; Jones\n", None, None),
    ("title: plain\ntags: [a, b]\n", None, None),
])
def test_refused_characters_are_found_past_the_plain_text_shortcut(
        text: str, line: int | None, message: str | None) -> None:
    """Front matter of printable ASCII with no escape and no numeric reference is not walked
    value by value: an escape or a reference still is, and found."""
    data, problems = parse_yaml(text, "f.yml", 1)
    if message is None:
        assert problems == [] and data is not None
    else:
        assert [(p.line, p.message.startswith(message)) for p in problems] == [(line, True)]


@pytest.mark.parametrize("text", [
    "a:\tb\n", "a: b\tc\n", "a: b\t# c\n", "a: \t b\n", "a:\t\n  b: c\n", "a: [x,\ty]\n",
    "a: {x:\ty}\n", "a: b\t\n  c\n", "a: b\n \tc\n", "a: >\n  x\n  \ty\n", "a\t: b\n",
    "a:\n\t- one\n", "a:\n  -\tone\n", "\ta: b\n", "a: |\n\tx\n", "a: b\n\tc\n",
    "a:\n  b: c\n  \tc: d\n", "a: b\n\t# c\n", "a:\tb\nc:\n\t- d\n",
])
def test_the_two_loaders_read_tabs_alike(text: str) -> None:
    """A tab after a key's ':', between words or before a comment separates, as in libyaml;
    one in the indentation or after a list's '-' is refused by both, at the same place."""
    try:
        fast: Any = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as error:
        assert error.problem_mark is not None
        with pytest.raises(yaml.MarkedYAMLError) as refused:
            _slow(text)
        assert refused.value.problem_mark is not None
        assert (refused.value.problem_mark.line, refused.value.problem_mark.column) == (
            error.problem_mark.line, error.problem_mark.column)
    else:
        assert _slow(text) == fast


@pytest.mark.parametrize(("text", "line", "message"), [
    ("theme:\tcourt-work\ntags:\n\t- one\nx: [\n", 3, "a tab character is used for indentation"),
    ("theme:\tcourt-work\ntags:\n  -\tone\n", 3, "a tab character follows the '-' on this line"),
    ("theme:\tcourt-work\ntitle: [unclosed\n", 2, "the list or group that opens on this line"),
])
def test_a_tab_yaml_accepts_hides_no_other_mistake(text: str, line: int, message: str) -> None:
    """The careful loader reads what the fast one could not: a tab after a key's ':' that
    libyaml accepted is not the mistake it reports."""
    data, problems = parse_yaml(text, "front.yml")
    assert data is None
    assert [(p.line, message in p.message) for p in problems] == [(line, True)], problems
