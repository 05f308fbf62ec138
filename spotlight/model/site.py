"""The whole assembled site: its reports, its library pages, and what every page shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from .library import Library
from .report import Report
from .validated import Logo, Settings


@dataclass(frozen=True)
class Site:
    """The whole assembled site."""

    title: str
    organisation: str
    language: str
    base_url: str | None
    licence: Markup
    reports: tuple[Report, ...]
    glossary: tuple[tuple[str, str], ...]
    images: tuple[str, ...]
    library: Library
    accessibility: Markup
    #: The site file as written: every declared key, for templates to show.
    settings: Settings = field(repr=False)

    logo: Logo | None = None
    #: The site's icon, by its path in the website; without one, the visual theme's.
    favicon: str | None = None
    #: The accessibility statement's known problems and improvements, rendered.
    accessibility_issues: Markup = field(default_factory=Markup)
    accessibility_improvements: Markup = field(default_factory=Markup)

    def url(self, path: str) -> str | None:
        """The absolute address of an output path, or None when the base URL is not set."""
        if not self.base_url:
            return None
        return self.base_url + ("" if path == "index.html" else path)
