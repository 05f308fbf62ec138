"""Incremental builds: what a build reuses from the previous build, and records for the next.

Owns: the build records (``.spotlight/`` beside the content folder, see records.py), the parse
cache (parse_cache.py), the stat record and the folders' signatures (signatures.py), the
digests of inputs and options (digests.py), the one rule of what a page or PDF depends on
(depends.py) and the reuse decisions, behind the one object the pipeline passes through its
stages (``Reuse``, state.py; ``WarmReuse``, warm.py, keeps the records in memory for the
preview). With it, a build

- does nothing at all when no input file changed (found from the files' stat data alone), or
  when every input's bytes are as the previous build read them;
- parses again only the examples whose text changed;
- renders only the pages and PDFs whose inputs changed (see depends.py);
- writes only the files whose bytes changed, linking the others from the previous build.

May import: the foundation, markdown/ and content/; the render stage's output it knows only
by its shape (rendered.py). The stages import only ``Reuse`` and the names below.
"""

from __future__ import annotations

from .digests import NOT_OUTPUT as NOT_OUTPUT
from .digests import digest as digest
from .records import RECORDS as RECORDS
from .records import Manifest as Manifest
from .records import PageRecord as PageRecord
from .records import Records as Records
from .state import Reuse as Reuse

__all__ = ["NOT_OUTPUT", "RECORDS", "Manifest", "PageRecord", "Records",
           "Reuse", "digest"]
