"""The glossary terms a document uses are read from the text readers see, not its markup."""

from __future__ import annotations

from markupsafe import Markup

from spotlight.site.glossary import used_terms

GLOSSARY = [("PP", "probation practitioner"), ("PSR", "pre-sentence report"),
            ("href", "not a term"), ("lt", "not a term either")]


def test_terms_come_from_text_never_from_tags_or_addresses() -> None:
    texts = [Markup('<p>Read the <a href="https://example.org/PSR">report</a>.</p>'
                    "<ul><li>PP</li></ul><p>3 &lt; 5</p>")]
    assert used_terms(GLOSSARY, texts) == (("PP", "probation practitioner"),)


def test_a_term_between_two_tags_is_a_whole_word() -> None:
    assert used_terms(GLOSSARY, [Markup("<p>notes</p><p>PSRs</p>")]) == (
        ("PSR", "pre-sentence report"),)
