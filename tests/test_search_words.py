"""The text the search vocabulary (pagefind/words.json) counts, and the Pagefind binary used."""

from __future__ import annotations

from pathlib import Path

import pytest

from spotlight.outputs import search


def test_only_the_text_inside_a_body_and_outside_ignore_is_counted() -> None:
    page = ("<html lang=en><body><nav>Menu</nav>"
            "<main><div data-pagefind-body><h1>First</h1>"
            "<dl data-pagefind-ignore><dt>Region</dt><dd>North<br>East</dd></dl>"
            "<p>Kept &amp; counted</p></div>"
            "<aside>Between</aside>"
            "<SECTION DATA-PAGEFIND-BODY>Second <script>var s = '<div>';</script>part</SECTION>"
            "</main><footer>Footer</footer></body></html>")
    assert " ".join(search.indexed_text(page)).split() == [
        "First", "Kept", "&", "counted", "Second", "var", "s", "=", "'<div>';", "part"]


def test_the_vocabulary_counts_words_per_language() -> None:
    english = '<html lang="en-GB"><div data-pagefind-body>Housing housing DA 12 at</div>'
    welsh = '<html lang="cy"><div data-pagefind-body>Tai housing</div>'
    files = search.vocabulary([english, welsh])
    assert sorted(files) == ["pagefind/words-cy.json", "pagefind/words-en-GB.json",
                             "pagefind/words.json"]
    assert files["pagefind/words.json"] == (
        b'{"shortest":3,"short":["da"],"words":{"housing":3,"tai":1}}')
    assert files["pagefind/words-cy.json"] == (
        b'{"shortest":3,"short":[],"words":{"housing":1,"tai":1}}')


@pytest.mark.parametrize("named", [False, True])
def test_the_pagefind_binary_is_the_one_the_pagefind_package_finds(
        named: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pagefind.service import get_executable

    if named:
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "pagefind"))
    else:
        monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    assert search._executable() == get_executable()
