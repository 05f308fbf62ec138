"""The preview's site in memory: built once, then brought up to date on every save.

``WarmSite`` runs the build's own stages (pipeline.py, with the publish gate) on what it keeps
from the previous save (incremental/warm.py): only the files the watcher saw change are read
again (changes.py; every file's stat data when it cannot tell), only the files whose text
changed are validated and scanned by the publish gate again, the site model keeps every
report, example and library page made from unchanged objects (site/assemble.py,
site/library.py), and only the pages whose inputs changed (by the build's one rule,
incremental/depends.py) are rendered again. The site it serves is the files ``spotlight
build`` would write, byte for byte (tests/test_warm.py), held in memory; the search index is
made from them on disk, in the background (serve.py).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..build import _GATE_VERSION, _gate, _outputs
from ..content.load import RawContent, load, load_published
from ..content.memo import FileMemo
from ..content.theme import load_theme
from ..errors import Problem
from ..incremental.digests import stat_key
from ..incremental.warm import Warm
from ..pipeline import BuildOptions, run
from .changes import folder_forms, patched, relative_to

if TYPE_CHECKING:
    from ..content.theme import VisualTheme
    from ..pipeline import Made


@dataclass(frozen=True)
class Snapshot:
    """One build of the site, in memory: the files it makes (path -> bytes), the files it
    copies as they are (path -> source file), and whether it has a search page."""

    files: dict[str, bytes] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)
    search: bool = False
    #: What changed since the snapshot before: the pages rendered again, and files gone.
    rendered: tuple[str, ...] = ()
    #: The build's warnings, as ``spotlight build`` says them (``path:line: message``).
    warnings: tuple[str, ...] = ()

    def find(self, relative: str) -> tuple[str, bytes | Path] | None:
        """The file at ``relative`` (a folder's index.html for a folder), with its own path;
        or None."""
        for name in (relative, f"{relative}/index.html" if relative else "index.html"):
            found: bytes | Path | None = self.files.get(name)
            if found is None:
                found = self.copies.get(name)
            if found is not None:
                return name, found
        return None


class WarmSite:
    """The site the preview serves, kept up to date in memory (see the module's docstring).

    ``update`` raises SpotlightError with every problem, as a build does; the previous
    snapshot then stays, as a failed build leaves the last good build in place.
    """

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.snapshot = Snapshot()
        self._warm = Warm(files=FileMemo())
        self._pictures: dict[str, tuple[tuple[int, ...], bytes]] = {}
        #: The content folder as last read, if it was read without problems, and the visual
        #: theme's folders as last built: what ``changes.patched`` starts from.
        self._raw: RawContent | None = None
        self._theme: tuple[Path, ...] = ()
        self._themes = _Themes()

    @property
    def theme_folders(self) -> tuple[Path, ...]:
        """The folders of the visual theme as last built, with an override folder named in
        the site file (which may be outside the content folder)."""
        return self._theme

    def update(self, changed: Collection[Path] | None = None) -> Snapshot | None:
        """Bring the site up to date with the content and visual theme on disk; return the new
        snapshot, or None when nothing that the site is made from changed.

        ``changed``: the files that changed since the previous update, as the watcher saw
        them; only they are read again. Without it, every file's stat data are looked at.
        """
        options = self.options
        reuse = self._warm.reuse(options, (_GATE_VERSION,))
        memo = self._warm.files
        assert memo is not None
        raw = None
        if changed is not None and self._raw is not None:
            raw = patched(self._raw, changed, memo, self._theme)
        loaded = (raw, []) if raw is not None else load(options.content, memo)
        self._raw = None if loaded[1] else loaded[0]
        self._themes.forget(changed)
        made = run(options, reuse, gate=_gate, make_pdfs=False, loaded=loaded,
                   themes=self._themes)
        if made is None:
            return None
        self._theme = made.theme.folders
        files, copies = _outputs(options, made, self._published)
        previous = self.snapshot.files
        # The pages not rendered again are those of the previous snapshot, unchanged.
        pages = {path: previous[path] for path in made.rendered.kept}
        snapshot = Snapshot({**pages, **files}, copies, made.search,
                            tuple(sorted(made.rendered.pages)),
                            tuple(str(w) for w in made.warnings))
        self._warm.keep(reuse, made.raw, made.rendered, {*snapshot.files, *copies})
        self._forget(made)
        self.snapshot = snapshot
        return snapshot

    def _published(self, root: Path, names: list[str] | tuple[str, ...] | set[str]
                   ) -> tuple[dict[str, bytes], list[Problem]]:
        """``load_published``, but a picture whose stat data are unchanged is not read and
        cleaned again."""
        found: dict[str, bytes] = {}
        todo = []
        for name in names:
            key = stat_key(root / name)
            known = self._pictures.get(name)
            if key and known is not None and known[0] == key:
                found[name] = known[1]
            else:
                todo.append(name)
        fresh, problems = load_published(root, todo)
        for name, data in fresh.items():
            if key := stat_key(root / name):
                self._pictures[name] = (key, data)
        return found | fresh, problems

    def _forget(self, made: Made) -> None:
        images = set(made.site.images)
        self._pictures = {k: v for k, v in self._pictures.items() if k in images}



class _Themes:
    """``load_theme``, but a visual theme none of whose folders saw a change since it was
    read is the very theme read then (``forget`` is told the changes): its templates are not
    read, nor compiled, again."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, Path | None], tuple[VisualTheme, list[Problem]]] = {}

    def __call__(self, name: str, override: Path | None
                 ) -> tuple[VisualTheme | None, list[Problem]]:
        found = self._known.get((name, override))
        if found is None:
            theme, problems = load_theme(name, override)
            if theme is None:
                return theme, problems
            self._known[(name, override)] = found = (theme, problems)
        return found

    def forget(self, changed: Collection[Path] | None) -> None:
        """Forget the themes with a folder where a file ``changed`` (all, without a list)."""
        if changed is None:
            self._known.clear()
            return
        for key, (theme, _) in list(self._known.items()):
            roots = [form for folder in theme.folders for form in folder_forms(folder)]
            if any(relative_to(path, roots) is not None for path in changed):
                del self._known[key]
