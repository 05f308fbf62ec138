"""A Welsh translation of the minimal test site's report and first example, for the tests of
Welsh pages: each test gives the example's body."""

from __future__ import annotations

WELSH_REPORT = """title: Sbotolau Prawf y Gogledd
language: cy
translation_of: north-2025
region: north
fieldwork:
  start: 2025-01-06
  end: 2025-02-14
published: 2025-06-01
introduction: |
  Y cyflwyniad.
"""

_WELSH_FRONT = """---
title: Achos cyntaf
language: cy
translation_of: first-case
reports: [north-2025-cy]
practice_theme: court-work
region: north
pdu: north-city
standards: ["2.1"]
sentence_type: community-order
---
"""


def welsh_example(body: str) -> str:
    """The Welsh first example, with ``body`` after its front matter."""
    return _WELSH_FRONT + body
