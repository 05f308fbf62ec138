"""The validated content, the input of assembly: an example file as validated
(``ExampleSource``) and everything validated together (``Content``).

The site file and report files are declared in content/site_fields.py and
content/report_fields.py, an example's front matter in content/fields.py: one declaration for
validation, the typed model, the JSON Schema and the documentation. Their models are named here
too, so that every stage after validation finds its models in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content.fields import ExampleFront as ExampleFront
from ..content.report_fields import Fact as Fact
from ..content.report_fields import ReferenceSource as ReferenceSource
from ..content.report_fields import ReportSource as ReportSource
from ..content.report_fields import SectionSource as SectionSource
from ..content.site_fields import Logo as Logo
from ..content.site_fields import Pdu as Pdu
from ..content.site_fields import PracticeTheme as PracticeTheme
from ..content.site_fields import Region as Region
from ..content.site_fields import SentenceType as SentenceType
from ..content.site_fields import Settings as Settings
from ..content.site_fields import Standard as Standard
from ..content.waiver import Waiver as Waiver
from ..markdown import Parsed


@dataclass(frozen=True, kw_only=True)
class ExampleSource(ExampleFront):
    """A validated example file: its front matter (declared in ``ExampleFront``), its slug
    (from the front matter or the file name), where it is, and its parsed body."""

    slug: str
    path: Path
    body: Parsed
    name: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Content:
    """Everything validated: the input of assembly."""

    settings: Settings
    reports: tuple[ReportSource, ...]
    examples: tuple[ExampleSource, ...]
    assets: frozenset[str]
