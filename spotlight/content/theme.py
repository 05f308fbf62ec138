"""Visual themes: the lookup chain of folders (override folder, chosen theme, built-in default)
that templates and static files come from, and its reading (``load_theme``). Not to be
confused with practice themes, which are content taxonomy. The Jinja environment templates
render in is in environment.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, Problems
from . import suggest
from .load import read_source
from .memo import check_svg
from .walk import inside, walk

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


def load_theme(name: str, override: Path | None) -> tuple[VisualTheme | None, list[Problem]]:
    """Read the visual theme chain: the override folder, the chosen theme, the default.

    Each folder holds ``templates/`` (Jinja) and ``static/`` (CSS, fonts, images).
    """
    problems = Problems()
    root = themes_root()
    folders: list[tuple[str, Path]] = []
    if override is not None:
        if override.is_dir():
            folders.append(("override", override))
        else:
            problems.add(override, None, "the theme override folder does not exist")
    if name != DEFAULT_THEME:
        chosen = root / name
        if not chosen.is_dir():
            known = sorted(p.name for p in root.iterdir() if p.is_dir())
            problems.add(str(name), None,
                         f"unknown visual theme '{name}'{suggest.unknown(name, known)}")
        else:
            folders.append(("theme", chosen))
    folders.append(("default", root / DEFAULT_THEME))
    warnings = Problems()
    layers = tuple(_layer(label, folder, problems, warnings) for label, folder in folders)
    if layers[0].label == "override":
        from .theme_unused import unused_templates

        mine = layers[0].templates
        for unused, message in unused_templates(
                {key: source for key, (source, _) in mine.items()},
                {key for layer in layers[1:] for key in layer.templates}):
            warnings.add(mine[unused][1], None, message)
    if problems:
        return None, list(problems.items)
    return VisualTheme(layers, warnings.items), []


def _layer(label: str, folder: Path, problems: Problems, warnings: Problems) -> ThemeLayer:
    templates: dict[str, tuple[str, Path]] = {}
    static: dict[str, Path] = {}
    real_root = folder.resolve()
    for kind in ("templates", "static"):
        base = folder / kind
        for path in walk(base, (".",), problems):
            if not inside(path, real_root, problems, "the visual theme's folder"):
                continue
            relative = path.relative_to(base).as_posix()
            if kind == "templates":
                if (source := read_source(path, relative, problems)) is not None:
                    templates[relative] = (source.text, path)
                continue
            static[relative] = path
            # The built-in themes' stylesheets are checked by the tests, not at every build.
            if label == "override" and path.suffix.lower() == ".css" and \
                    (css := read_source(path, relative, problems)):
                from .theme_css import css_warnings  # only for a theme override

                for line, message in css_warnings(css.text, relative):
                    warnings.add(path, line, message)
            elif label == "override" and path.suffix.lower() == ".svg":
                check_svg(path, problems)  # served from the site, as content SVGs are
    return ThemeLayer(label, folder, templates, static)
