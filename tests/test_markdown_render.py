"""A Markdown field is parsed once and rendered for each page it lands on: heading levels,
the path to the site's root and citation numbers are filled in per page."""

from __future__ import annotations

import re

from spotlight import markdown
from spotlight.markdown import RenderContext

TEXT = """Intro with a citation [@guide] and another [@guide].

## Plan

![A chart](images/chart.png "What changed")

## Outcome

Done [@other].
"""


def test_one_parse_renders_for_each_page() -> None:
    parsed = markdown.parse(TEXT, 5, split_outcome=True)
    report = RenderContext(heading_base=4, root="../", citation_numbers={"guide": 3})
    page = RenderContext(heading_base=2, root="../../", citation_numbers={"guide": 1},
                         reference_href="../r.html")
    in_report = markdown.render(parsed.html, report)
    on_page = markdown.render(parsed.html, page)
    assert "<h4>Plan</h4>" in in_report and "<h2>Plan</h2>" in on_page
    assert '<img src="../images/chart.png" alt="A chart">' in in_report
    assert '<img src="../../images/chart.png" alt="A chart">' in on_page
    assert in_report.count('href="#ref-guide">[3]</a>') == 2
    assert report.citation_ids == {"guide": ["cite-guide-1", "cite-guide-2"]}
    assert 'id="cite-guide-2" href="../r.html#ref-guide">[1]</a>' in on_page
    outcome = markdown.render(parsed.outcome_html or "", report)
    assert outcome == "<p>Done [@other].</p>\n"  # an unknown key stays as written
    assert parsed.first_paragraph == "Intro with a citation  and another ."


def test_content_cannot_forge_a_marker() -> None:
    forged = "a \x00r\x00 b \x00h2\x00 c \x00cguide\x00\n\n# \x00h1\x00\n"
    parsed = markdown.parse(forged, 1)
    html = markdown.render(parsed.html, RenderContext(root="../", citation_numbers={"guide": 1}))
    assert "\x00" not in html
    assert "../" not in html and "citation" not in html
    assert html.count("\ufffd") == 8
    assert "<h3>" in html  # the heading itself is still filled in


def test_headings_never_skip_a_level_on_any_page() -> None:
    parsed = markdown.parse("### Before\n\n##### Housing\n\n## After\n\n### Work\n\n"
                            "##### Hours\n\nSetext\n------\n", 1)
    for base in (2, 4):
        html = markdown.render(parsed.html, RenderContext(heading_base=base))
        levels = [int(level) - base + 2 for level in re.findall(r"<h(\d)>", html)]
        assert levels == [2, 3, 2, 3, 4, 2], html


def test_a_table_scrolls_in_a_region_named_after_its_columns() -> None:
    parsed = markdown.parse("| Agency | *Role* | `OASys` score [@guide] |\n|---|---|---|\n"
                            "| Probation | Risk | 12 |\n", 1)
    assert parsed.html.startswith(
        '<div class="table-scroll" tabindex="0" role="region" '
        'aria-label="Agency, Role, OASys score">\n<table>\n')
    assert parsed.html.endswith("</table>\n</div>\n")
    unnamed = markdown.parse("|  |  |\n|---|---|\n| a | b |\n", 1)
    assert unnamed.html.startswith('<div class="table-scroll" tabindex="0">\n<table>')


def test_bullets_pasted_from_a_word_processor_make_a_list() -> None:
    text = ("Steps taken:\n\n\u2022 She rang the hostel.\n\u2022\tShe checked \u2013 twice.\n"
            "o\tA second-level point from Word\n\uf0b7 Word's Symbol bullet\n\n"
            "\u00b7\u00b7 not a bullet, nor o in a sentence.\n")
    parsed = markdown.parse(text, 1)
    assert parsed.html == (
        "<p>Steps taken:</p>\n<ul>\n<li>She rang the hostel.</li>\n"
        "<li>She checked \u2013 twice.</li>\n<li>A second-level point from Word</li>\n"
        "<li>Word\u2019s Symbol bullet</li>\n</ul>\n"
        "<p>\u00b7\u00b7 not a bullet, nor o in a sentence.</p>\n")
    assert [t.map for t in parsed.tokens if t.type == "list_item_open"] == [
        [2, 3], [3, 4], [4, 5], [5, 7]], "lines as written"


def test_a_bullet_inside_a_code_fence_is_kept_as_written() -> None:
    text = ("\u2022 A point.\n\n```\n\u2022 kept in the code\n```\n\n"
            "~~~~\n\u2022 kept, to the end of a fence never closed\n")
    assert markdown.parse(text, 1).html == (
        "<ul>\n<li>A point.</li>\n</ul>\n<pre><code>\u2022 kept in the code\n</code></pre>\n"
        "<pre><code>\u2022 kept, to the end of a fence never closed\n</code></pre>\n")


def test_a_web_address_typed_in_the_text_is_a_link_and_nothing_else_is() -> None:
    text = ("Read https://www.gov.uk/guidance/mappa-guidance?part=2, then GOV.UK, nacro.org.uk,"
            " www.example.org, a@b.org, ftp://files.example.org/x and javascript:alert(1).")
    html = markdown.parse(text, 1).html
    assert re.findall(r'<a [^>]*>[^<]*</a>', html) == [
        '<a href="https://www.gov.uk/guidance/mappa-guidance?part=2" class="address">'
        'https://www.gov.uk/guidance/mappa-guidance?part=2</a>']
    assert markdown.parse(text, 1).links[0].value.startswith("https://www.gov.uk/")
    in_code = markdown.parse("Type `https://x.org` as written.", 1).html
    assert "<a " not in in_code
