"""Properties that hold for any input, checked with hypothesis (in memory, without the PDF):

- whatever the front matter and the Markdown, validate -> assemble -> render either works or
  raises SpotlightError, never anything else;
- whatever text the content holds, no ``<`` from it reaches a page unescaped: every tag in the
  output is one the visual theme or the Markdown renderer makes, with safe attributes.

Example counts are kept modest for CI; to search harder, scale them up:

    SPOTLIGHT_PROPERTY_SCALE=20 python3 -m pytest tests/test_properties.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from spotlight import markdown
from spotlight.content.load import RawContent, SourceFile, load
from spotlight.content.theme import VisualTheme, load_theme
from spotlight.content.validate import validate
from spotlight.errors import SpotlightError
from spotlight.site.assemble import assemble
from spotlight.site.render import render

from .conftest import SITES

SCALE = int(os.environ.get("SPOTLIGHT_PROPERTY_SCALE", "1"))
FAST = settings(max_examples=300 * SCALE, deadline=None)
PIPELINE = settings(max_examples=60 * SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text that exercises Markdown and HTML: their special characters, often, plus anything else.
MARKDOWN_CHARACTERS = [*"<>&\"'`*_[]()!#-+.:;/\\@=|~ \n\n\t",
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "<!--", "-->", "javascript:",
    "data:text/html,", "vbscript:", "](", "![", "[@", "## ", "> ", "- ", "1. ", "```", "    ",
    "&lt;", "&#60;", "&#x3C;", "\\<", "http://", "<http://x>", "<a href=", "\"", "'", "|---|"]
markdown_text = st.lists(st.one_of(st.sampled_from(MARKDOWN_CHARACTERS),
                                   st.text(max_size=8)), max_size=40).map("".join)


# --- in-memory content --------------------------------------------------------------------


@cache
def _minimal() -> RawContent:
    raw, problems = load(SITES / "minimal")
    assert not problems
    return raw


@cache
def _theme() -> VisualTheme:
    theme, problems = load_theme("default", None)
    assert theme is not None and not problems
    return theme


def _pipeline(example_text: str) -> dict[str, str]:
    """Validate, assemble and render the minimal site with one more example; return pages."""
    base = _minimal()
    extra = SourceFile(Path("examples/generated.md"), "examples/generated.md", example_text)
    raw = RawContent(base.root, base.site, base.reports, (*base.examples, extra), base.assets)
    site = assemble(validate(raw))
    return render(site, _theme(), base.root).pages


def _front_matter(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates(),
                    st.sampled_from(["north-2025", "north", "resettlement", "court-work",
                                     "2.1", "person", "initiative", "north-city", ""]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)
VALID = {"title": "Generated case", "reports": ["north-2025"], "practice_theme": "resettlement",
         "region": "north"}
FIELDS = ["title", "reports", "practice_theme", "also_practice_themes", "region", "pdu",
          "standards", "sentence_type", "kind", "tags", "order", "slug", "titel", "colour"]


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    """YAML front matter: a valid one with some fields replaced, added or dropped."""
    data: dict[str, Any] = dict(VALID)
    for key in draw(st.lists(st.sampled_from(FIELDS), max_size=4, unique=True)):
        if draw(st.booleans()):
            data[key] = draw(values)
        else:
            data.pop(key, None)
    return _front_matter(data)


# --- properties ---------------------------------------------------------------------------


@FAST
@given(markdown_text)
def test_markdown_never_emits_a_tag_of_its_own_making(text: str) -> None:
    parsed = markdown.parse(text, 1, split_outcome=True)
    context = markdown.RenderContext(citation_numbers={"a": 1})
    html = markdown.render(parsed.html, context)
    if parsed.outcome_html:
        html += markdown.render(parsed.outcome_html, context)
    _assert_only_known_tags(html, _MARKDOWN_TAGS)


@PIPELINE
@given(front_matters(), markdown_text)
def test_any_front_matter_and_body_build_or_raise_spotlight_error(front: str, body: str) -> None:
    try:
        pages = _pipeline(f"---\n{front}---\n{body}\n")
    except SpotlightError as error:
        assert error.problems, "a SpotlightError always says what is wrong"
        for problem in error.problems:
            assert problem.message and "Traceback" not in problem.message
        return
    for html in _html(pages):
        _assert_only_known_tags(html, _page_tags())


#: What content/characters.py refuses, rightly (with a message): control characters, lone
#: surrogates, noncharacters (in Cn, with the unassigned code points), and right-to-left
#: controls in text with no right-to-left writing. Any other title must reach the page.
PUBLISHABLE = st.characters(exclude_categories=("Cs", "Cc", "Cn"),
                            exclude_characters="\u202a\u202b\u202c\u202d\u202e"
                                               "\u2066\u2067\u2068\u2069")


@PIPELINE
@given(st.text(PUBLISHABLE, min_size=1, max_size=80).filter(lambda t: t.strip()))
def test_any_title_reaches_the_page_escaped(title: str) -> None:
    front = _front_matter({**VALID, "title": title})
    pages = _pipeline(f"---\n{front}---\nBody.\n")
    html = pages["reports/north-2025.html"]
    assert str(escape(title.strip())) in html
    _assert_only_known_tags(html, _page_tags())


@PIPELINE
@given(st.one_of(
    st.text(max_size=300),
    st.builds("---\n{}\n---\n{}".format, st.text(max_size=200), markdown_text)))
def test_any_text_as_a_whole_file_builds_or_raises_spotlight_error(text: str) -> None:
    try:
        _pipeline(text)
    except SpotlightError as error:
        assert error.problems


@FAST
@given(st.text(max_size=200))
@example("0:\r0")  # a lone carriage return ends a line for YAML: once looked up past the end
def test_any_site_file_text_only_raises_spotlight_error(text: str) -> None:
    base = _minimal()
    site = SourceFile(Path("site.yml"), "site.yml", text)
    try:
        validate(RawContent(base.root, site, base.reports, base.examples, base.assets))
    except SpotlightError as error:
        assert error.problems


KEYS = ["slug", "title", "name", "code", "text", "intro", "pdus", "key", "label", "value",
        "part_of", "start", "end", "practice_theme", "url", "accessed", "facts", "summary",
        "sections", "references", "glossary", "sentence_types", "fieldwork", "published"]
nested = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=10)


@st.composite
def mutations(draw: st.DrawFn, path: Path) -> str:
    """A content file of the minimal site with values replaced, added or dropped, at any depth."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        node = data
        for _ in range(draw(st.integers(0, 3))):
            children = list(node.values()) if isinstance(node, dict) else node
            children = [c for c in children if isinstance(c, dict | list) and c]
            if not children:
                break
            node = draw(st.sampled_from(children))
        if isinstance(node, list):
            node.append(draw(nested))
        elif draw(st.booleans()):
            node[draw(st.sampled_from(sorted(node) + KEYS))] = draw(nested)
        elif node:
            node.pop(draw(st.sampled_from(sorted(node))))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@PIPELINE
@given(mutations(SITES / "minimal" / "site.yml"),
       mutations(SITES / "minimal" / "reports" / "north-2025.yml"))
def test_any_site_and_report_file_build_or_raise_spotlight_error(site: str, report: str) -> None:
    base = _minimal()
    raw = RawContent(base.root, SourceFile(Path("site.yml"), "site.yml", site),
                     (SourceFile(Path("reports/north-2025.yml"), "reports/north-2025.yml",
                                 report),), base.examples, base.assets)
    try:
        pages = render(assemble(validate(raw)), _theme(), base.root).pages
    except SpotlightError as error:
        assert error.problems
        return
    for html in _html(pages):
        _assert_only_known_tags(html, _page_tags())


# --- what a page may contain --------------------------------------------------------------

_MARKDOWN_TAGS = {
    "p": set(), "em": set(), "strong": set(), "code": {"class"}, "pre": set(), "ul": set(),
    "ol": {"start"}, "li": set(), "blockquote": set(), "hr": set(), "br": set(),
    "h3": set(), "h4": set(), "h5": set(), "h6": set(), "a": {"href", "title", "class", "id"},
    "img": {"src", "alt", "title"}, "figure": {"class"}, "figcaption": set(),
    "table": set(), "thead": set(), "tbody": set(), "tr": set(), "th": {"style"},
    "td": {"style"},
}
_SAFE_HREF = re.compile(r"^(https?:|mailto:|#|\.\./|[^:]*$)", re.IGNORECASE)
_STYLE = re.compile(r"^text-align:(left|right|center)$")


@cache
def _page_tags() -> dict[str, set[str]]:
    """What a page may hold: the theme's tags and the Markdown renderer's."""
    theme = _theme_tags()
    return {tag: theme.get(tag, set()) | _MARKDOWN_TAGS.get(tag, set())
            for tag in theme.keys() | _MARKDOWN_TAGS.keys()}


def _theme_tags() -> dict[str, set[str]]:
    """The tags and attributes the default visual theme writes for two test sites (the
    second has two examples in one practice theme, so its pages link previous and next)."""
    pages: dict[str, str] = {}
    for name in ("minimal", "reference-elements"):
        raw, problems = load(SITES / name)
        assert not problems
        pages |= {f"{name}/{path}": html for path, html in
                  render(assemble(validate(raw)), _theme(), raw.root).pages.items()}
    tags: dict[str, set[str]] = {}
    for html in _html(pages):
        reader = _Tags()
        reader.feed(html)
        for tag, attrs in reader.tags:
            tags.setdefault(tag, set()).update(name for name, _ in attrs)
    return tags


def _html(pages: dict[str, str]) -> list[str]:
    """The HTML pages (the feed and sitemap are XML, checked by test_site_pages)."""
    return [html for path, html in pages.items() if path.endswith(".html")]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.stray: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        if "<" in data:
            self.stray.append(data)

    def handle_comment(self, data: str) -> None:
        self.stray.append(f"<!--{data}-->")

    def handle_pi(self, data: str) -> None:
        self.stray.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.stray.append(f"<![{data}]>")


def _assert_only_known_tags(html: str, known: dict[str, set[str]]) -> None:
    reader = _Tags()
    reader.feed(html)
    reader.close()
    assert not reader.stray, f"unescaped '<' in {reader.stray}"
    for tag, attrs in reader.tags:
        assert tag in known, f"<{tag}> came from the content"
        for name, value in attrs:
            assert name in known[tag] | {"id", "class"}, f"<{tag} {name}> came from the content"
            if name in ("href", "src"):
                assert _SAFE_HREF.match(value or ""), f"<{tag} {name}={value!r}>"
            if name == "style":
                assert _STYLE.match(value or ""), f"<{tag} style={value!r}>"


def test_the_tag_check_catches_what_it_must() -> None:
    """The checker itself: it fails on each thing it exists to catch."""
    for bad in ("<script>alert(1)</script>", '<img src="x" onerror="alert(1)">',
                '<a href="javascript:alert(1)">x</a>', "<!-- note -->", "1 <x 2",
                '<td style="background:url(x)">'):
        try:
            _assert_only_known_tags(bad, _MARKDOWN_TAGS)
        except AssertionError:
            continue
        raise AssertionError(f"not caught: {bad}")
    _assert_only_known_tags("<p>a &lt; b</p>", _MARKDOWN_TAGS)


def test_dates_in_front_matter_round_trip() -> None:
    """The strategies' dates are YAML dates, so valid ones reach the typed model."""
    assert yaml.safe_load(_front_matter({"d": dt.date(2025, 1, 2)})) == {"d": dt.date(2025, 1, 2)}
