"""Translations that are missing or name nothing, as warnings of ``spotlight check``, where
the site file says ``translations: warning`` (with ``error``, the build refuses them: see
content/translations.py)."""

from __future__ import annotations

from ..content.translations import check_translations
from .corpus import Corpus
from .finding import Finding, finding


def check(corpus: Corpus) -> list[Finding]:
    """The unfinished translations, when the site file makes them warnings."""
    content = corpus.content
    if getattr(content.settings, "translations", "error") != "warning":
        return []
    _, unfinished = check_translations(content.settings, content.reports, content.examples)
    return [finding(u.code, u.path, corpus.position(u.path, u.key), u.message)
            for u in unfinished]
