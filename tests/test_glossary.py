"""The glossary terms a document uses are read from the text readers see, not its markup."""

from __future__ import annotations

from markupsafe import Markup

from spotlight.site.glossary import spell_out, used_terms

GLOSSARY = [("PP", "probation practitioner"), ("PSR", "pre-sentence report"),
            ("href", "not a term"), ("lt", "not a term either")]


def test_terms_come_from_text_never_from_tags_or_addresses() -> None:
    texts = [Markup('<p>Read the <a href="https://example.org/PSR">report</a>.</p>'
                    "<ul><li>PP</li></ul><p>3 &lt; 5</p>")]
    assert used_terms(GLOSSARY, texts) == (("PP", "probation practitioner"),)


def test_a_term_between_two_tags_is_a_whole_word() -> None:
    assert used_terms(GLOSSARY, [Markup("<p>notes</p><p>PSRs</p>")]) == (
        ("PSR", "pre-sentence report"),)


SPELLED = [("PP", "probation practitioner"), ("PSR", "pre-sentence report"),
           ("CSC", "children's social care"),
           ("ASPIRE", "assess, sentence plan, implement, review and evaluate (the model)")]


def test_each_abbreviation_is_spelled_out_at_its_first_use_on_a_page() -> None:
    """As house style has a report do: once, at the first use in the prose (headings do not
    count), where the author has not spelled it out; the words added are escaped."""
    body, outcome = spell_out([
        Markup("<h2>PP visits</h2>\n<p>The PP met the <em>CSC</em> team.</p>\n"
               "<ul>\n<li>The PP wrote a pre-sentence report (PSR) &amp; the ASPIRE model "
               "helped.</li>\n</ul>\n"),
        Markup("<p>The PSR and the PP were praised.</p>\n")], SPELLED)
    assert body == (
        "<h2>PP visits</h2>\n<p>The PP (probation practitioner) met the <em>CSC "
        "(children's social care)</em> team.</p>\n<ul>\n<li>The PP wrote a pre-sentence report "
        "(PSR) &amp; the ASPIRE (assess, sentence plan, implement, review and evaluate) model "
        "helped.</li>\n</ul>\n")
    assert outcome == "<p>The PSR and the PP were praised.</p>\n"  # used before: not again


def test_a_first_use_in_the_plural_or_before_brackets_is_marked_instead() -> None:
    """"PPs (probation practitioner)" would not read: the first use gets <abbr title>."""
    [text] = spell_out([Markup("<p>Two PPs met. The PSR (written in May) helped.</p>")],
                       SPELLED)
    assert text == ('<p>Two <abbr title="probation practitioner">PP</abbr>s met. The '
                    '<abbr title="pre-sentence report">PSR</abbr> (written in May) helped.</p>')


def test_code_and_addresses_are_left_as_they_are() -> None:
    html = '<p><a href="https://example.org/PP">the guide</a> and <code>PP</code>.</p>'
    assert spell_out([Markup(html)], SPELLED) == [html]
