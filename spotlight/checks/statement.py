"""What the accessibility statement leaves out that the accessibility regulations require
(``statement-incomplete``): a way to report a problem, the date it was prepared, and, for a
site that is not fully compliant, the content that is not accessible."""

from __future__ import annotations

from .corpus import Corpus
from .finding import Finding, finding

KEY = "accessibility_statement"
_STATUS = {"partial": "partially compliant", "none": "not compliant"}


def check(corpus: Corpus) -> list[Finding]:
    """A warning for each required part of the accessibility statement that is missing."""
    statement = corpus.content.settings.accessibility_statement
    path = corpus.site_path
    found: list[Finding] = []

    def warn(key: str, message: str) -> None:
        where = (KEY, key) if corpus.files[path].text([KEY, key], False) else (KEY,)
        found.append(finding("statement-incomplete", path, corpus.position(path, *where),
                             message))

    if not statement.contact:
        warn("contact", "the accessibility statement gives no way to report a problem or ask "
             "for another format: add `contact:` under `accessibility_statement:`, with an "
             "e-mail address or a web address")
    if statement.prepared is None:
        warn("prepared", "the accessibility statement does not say when it was prepared: add "
             "`prepared:` under `accessibility_statement:`, with a date such as 2026-03-02")
    if statement.status in _STATUS and not statement.known_issues.html.strip():
        warn("status", f"the accessibility statement says the website is "
             f"{_STATUS[statement.status]} but lists no content that is not accessible: list "
             "it under `known_issues:` in `accessibility_statement:`")
    return found
