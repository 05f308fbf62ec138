"""Reuse kept in memory: what the preview remembers of its previous build between saves.

A build reads the previous build's records from disk and saves its own; the preview keeps
them in this process instead (``Warm``), so that a save re-reads only the files that changed
(their stat data, see ``content.memo.FileMemo``), validates again only the examples whose
text changed, and renders only the pages whose inputs changed, by the same rule as a build
(depends.py): ``WarmReuse`` is ``Reuse`` with its records in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .digests import digest, fingerprint, input_digests, text_name
from .parse_cache import ParseCache
from .records import Manifest, PageRecord
from .state import Reuse

if TYPE_CHECKING:
    from ..content.load import RawContent
    from ..content.memo import FileMemo
    from ..content.theme import VisualTheme
    from ..errors import Problem
    from .rendered import RenderedPages


@dataclass
class Warm:
    """What the previous save's build left in memory: its manifest (which pages it made, from
    what), its parse cache's entries, the validated examples and the files as read."""

    manifest: Manifest | None = None
    lines: dict[str, str] = field(default_factory=dict)
    validated: dict[Any, Any] = field(default_factory=dict)
    files: FileMemo | None = None
    #: What every page was made from (see depends.py): the shared key and each example's text.
    shared: str = ""
    texts: dict[str, str] = field(default_factory=dict)
    shown: dict[int, tuple[Any, str, str]] = field(default_factory=dict)
    assembled: dict[str, Any] = field(default_factory=dict)
    digests: dict[Path, tuple[tuple[int, ...], str]] = field(default_factory=dict)
    #: Each content file's input name and text digest, by the file as read (its identity).
    named: dict[int, tuple[Any, str, str]] = field(default_factory=dict)

    def reuse(self, options: Any, versions: tuple[str, ...] = ()) -> WarmReuse:
        """The ``Reuse`` of the next build: the previous one's records, from memory."""
        return WarmReuse(options, self, versions)

    def keep(self, reuse: WarmReuse, raw: RawContent, rendered: RenderedPages[Any],
             files: set[str]) -> None:
        """Remember the build just made (``files``: every path it makes), and forget what it
        no longer has: memory stays the size of the site, however many saves."""
        self.manifest = Manifest(reuse.key, dict.fromkeys(files, ""), {}, dict(rendered.records))
        self.shared, self.texts = reuse.shared, dict(reuse.example_texts)
        cache = reuse.cache
        assert cache is not None
        self.lines = cache.kept
        # Validated models are keyed by (file as read, assets, ...): see content/validate.py.
        # Told first by identity, the usual case, which needs no hashing of a file's text.
        sources = (raw.site, *raw.reports, *raw.examples)
        ids, assets = {id(source) for source in sources}, raw.assets
        current: set[tuple[Any, frozenset[str]]] | None = None
        kept: dict[Any, Any] = {}
        for key, value in self.validated.items():
            if id(key[0]) in ids and (key[1] is assets or key[1] == assets):
                kept[key] = value
            else:
                if current is None:
                    current = {(source, assets) for source in sources}
                if key[:2] in current:
                    kept[key] = value
        self.validated = kept
        if self.files is not None:
            read = {f.path for f in (raw.site, *raw.reports, *raw.examples) if f is not None}
            read |= {raw.root / name for name in raw.assets}
            self.files.known = {path: value for path, value in self.files.known.items()
                                if path in read}


class WarmReuse(Reuse):
    """``Reuse`` whose previous build is the one the preview keeps in memory (``Warm``): it
    reads and writes no records."""

    def __init__(self, options: Any, warm: Warm, versions: tuple[str, ...] = ()) -> None:
        super().__init__(options, versions=versions)
        self._warm = warm
        self._cache = ParseCache(warm.lines, warm.validated)
        self.shown = warm.shown
        self.assembled = warm.assembled
        self.digests = warm.digests
        self._changed: set[str] | None = None

    @property  # type: ignore[override]
    def previous(self) -> Manifest | None:
        """The manifest of the previous save's build."""
        return self._warm.manifest

    def page(self, path: str, pdf: bool = False) -> PageRecord | None:
        """As ``Reuse.page``, told from which texts changed since the previous save rather
        than from each page's key, which would digest every text each page read."""
        previous = self._warm.manifest
        if previous is None or pdf or path not in previous.files or not self._warm.shared \
                or self.shared != self._warm.shared:
            return super().page(path, pdf)
        before = previous.pages.get(path)
        if before is None:
            return None
        if self._changed is None:
            old, new = self._warm.texts, self.example_texts
            self._changed = {name for name in old.keys() | new.keys()
                             if old.get(name) != new.get(name)}
        if self._changed.isdisjoint(before.deps):
            return before  # frozen: the very record stands
        return None

    def unchanged(self, raw: RawContent, theme: VisualTheme | None,
                  problems: list[Problem]) -> bool:
        """As ``Reuse.unchanged``, but the name and digest of a content file are taken once
        for the file as read, not again at every save."""
        if theme is None:
            return super().unchanged(raw, theme, problems)
        known, named = self._warm.named, {}
        for source in (raw.site, *raw.reports, *raw.examples):
            if source is None:
                continue
            found = known.get(id(source))
            if found is None or found[0] is not source:
                found = (source, text_name(raw, source.path), digest(source.text))
            named[id(source)] = found
        self._warm.named = named
        # Every other input (pictures, the visual theme...) as a build digests them.
        self.inputs = {name: value for _, name, value in named.values()}
        self.inputs |= input_digests(replace(raw, site=None, reports=(), examples=()), theme,
                                     self.digests)
        self.texts = frozenset(name for _, name, _ in named.values())
        self.example_files = frozenset(named[id(source)][1] for source in raw.examples)
        self.key = fingerprint(self.inputs, self.words)
        return self.previous is not None and self.previous.fingerprint == self.key \
            and not problems

    def nothing_changed(self) -> bool:
        """Never known from stat records: the preview's loader looks at each file."""
        return False

    def listed(self) -> list[str] | None:
        return None

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Nothing is saved to disk: ``Warm.keep`` remembers the build."""
