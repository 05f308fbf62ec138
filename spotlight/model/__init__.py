"""Typed, immutable models: the validated content, and the assembled site templates see.

The validated site file, report files and examples' front matter are declared, key by key, in
content/ (site_fields.py, report_fields.py, fields.py) and named here too; the assembled site,
its cross-report library included, is defined here, so that assembly (site/) imports the
models and no model imports assembly. Every model is imported from this package.

Owns: the validated content (validated.py); the assembled report and ``EXAMPLE_TEXT``, the mark
of a field that holds an example's own text (report.py); the practice-theme collections and
handouts (print_set.py); the cross-report library (library.py); the whole site (site.py).

May import: the foundation (i18n), markdown/ and the field declarations of content/.
"""

from .library import Appearance, ExamplePage, Library, Link, Listing, ListingGroup
from .print_set import Collection, CollectionPart, Handout, PrintSet
from .report import EXAMPLE_TEXT, Example, Reference, Report, Section, example_page
from .site import Site
from .validated import (
    Content,
    ExampleFront,
    ExampleSource,
    Fact,
    Logo,
    Pdu,
    PracticeTheme,
    ReferenceSource,
    Region,
    ReportSource,
    SectionSource,
    SentenceType,
    Settings,
    Standard,
    Waiver,
)

__all__ = [
    "EXAMPLE_TEXT", "Appearance", "Collection", "CollectionPart", "Content", "Example",
    "ExampleFront", "ExamplePage", "ExampleSource", "Fact", "Handout", "Library", "Link",
    "Listing", "ListingGroup", "Logo", "Pdu", "PracticeTheme", "PrintSet", "Reference",
    "ReferenceSource", "Region", "Report", "ReportSource", "Section", "SectionSource",
    "SentenceType", "Settings", "Site", "Standard", "Waiver", "example_page",
]

# Each model keeps the name it is known by, spotlight.model.X: messages name it so (a template
# error: "'spotlight.model.Site object' has no attribute 'subtitle'").
for _model in (Appearance, Collection, CollectionPart, Content, Example, ExamplePage,
               ExampleSource, Handout, Library, Link, Listing, ListingGroup, PrintSet,
               Reference, Report, Section, Site):
    _model.__module__ = __name__
del _model
