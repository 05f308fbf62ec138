"""Visual themes: the lookup chain of folders (override folder, chosen theme, built-in default)
that templates and static files come from. Not to be confused with practice themes, which are
content taxonomy. The Jinja environment templates render in is in environment.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem

DEFAULT_THEME = "default"


def themes_root() -> Path:
    """Where built-in visual themes live: inside the installed package, or the source tree."""
    package = Path(__file__).parents[1]  # spotlight/
    packaged = package / "themes"
    return packaged if packaged.is_dir() else package.parent / "themes"


@dataclass(frozen=True)
class ThemeLayer:
    """One folder of the lookup chain: its templates (name -> (source, path)) and static files."""

    label: str
    folder: Path
    templates: dict[str, tuple[str, Path]]
    static: dict[str, Path]


@dataclass(frozen=True)
class VisualTheme:
    """The lookup chain, first match wins: override folder, chosen theme, built-in default."""

    layers: tuple[ThemeLayer, ...]
    #: Things in the theme's files that a build reports, failing only under --strict.
    warnings: tuple[Problem, ...] = ()

    @property
    def static(self) -> dict[str, Path]:
        """Every static file by its path under ``static/``, the first layer's copy winning."""
        merged: dict[str, Path] = {}
        for layer in reversed(self.layers):
            merged.update(layer.static)
        return dict(sorted(merged.items()))

    @property
    def folders(self) -> tuple[Path, ...]:
        """The folders of the chain, for the PDF fetcher's allow-list."""
        return tuple(layer.folder for layer in self.layers)

    def template_path(self, name: str) -> Path | None:
        """The file a template name resolves to, for error messages."""
        label, _, rest = name.partition("/")
        for layer in self.layers:
            if name in layer.templates:
                return layer.templates[name][1]
            if label == f"!{layer.label}" and rest in layer.templates:
                return layer.templates[rest][1]
        return None
