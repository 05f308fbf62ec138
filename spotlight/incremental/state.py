"""``Reuse``: the one object through which a build reuses the previous build and records itself
for the next. The pipeline hands it to its stages; no stage keeps records of its own."""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..errors import Problem
from .depends import page_inputs, page_key
from .digests import digest, fingerprint, input_digests, option_words, text_name, texts
from .records import (
    CACHE,
    RACY_NS,
    STAT,
    Manifest,
    PageRecord,
    PdfRecord,
    Records,
    StatRecord,
    built_by_spotlight,
)
from .rendered import PdfSource, RenderedPages
from .signatures import signature, stat_key, theme_folders

if TYPE_CHECKING:
    from ..content.load import RawContent
    from ..content.theme import VisualTheme
    from ..model import Content
    from .parse_cache import ParseCache


Document = TypeVar("Document", bound=PdfSource)


@dataclass(frozen=True)
class PdfPlan(Generic[Document]):
    """The PDFs to make again (``todo``), every PDF's record, and the kept PDFs' warnings."""

    todo: tuple[Document, ...]
    records: dict[str, PdfRecord]
    warnings: list[Problem]


class Reuse:
    """What a build reuses of the previous build of its output folder, and records for the next.

    The stages ask it, in pipeline order: ``nothing_changed`` (before reading anything: the
    stat record), ``unchanged`` (once the files are read: the fingerprint), ``cache`` (for
    validation: the parse cache), ``page`` / ``record`` (for rendering: which pages stand, see
    depends.py), ``plan_pdfs`` / ``pdfs_made`` (which PDFs stand), ``kept`` (what the writer
    links from the previous build) and ``save`` (the records of this build).

    ``Reuse.off()`` reuses and records nothing: ``check`` runs the stages with it.
    """

    def __init__(self, options: Any, enabled: bool = True, versions: Iterable[str] = ()) -> None:
        self.options = options
        #: The options that change output, and the ``versions`` of what else does (the gate).
        self.words = (*versions, *option_words(options))
        self.records = Records(options.content, options.out) if enabled else None
        self.started = time.time_ns()
        self.signatures: dict[Path, tuple[str, int]] = {}
        self.inputs: dict[str, str] = {}
        self.texts: frozenset[str] = frozenset()  # the content files read into the model
        self.example_files: frozenset[str] = frozenset()  # of which, the examples'
        self.key = ""
        self.override: str | None = None  # the theme override named in the site file
        self.shared = ""
        self.example_texts: dict[str, str] = {}
        self._cache: ParseCache | None = None
        #: The digests of each example, by identity, and the reports as assembled, kept
        #: between the preview's saves (see warm.py); None in a build.
        self.shown: dict[int, tuple[Any, str, str]] | None = None
        self.assembled: dict[str, Any] | None = None
        self.digests: dict[Path, tuple[tuple[int, ...], str]] | None = None  # files' digests

    @functools.cached_property
    def previous(self) -> Manifest | None:
        """The manifest of the previous build of the output folder (none with ``clean``)."""
        if self.records is None or self.options.clean:
            return None
        return self.records.manifest()

    @classmethod
    def off(cls, options: Any) -> Reuse:
        """Reuse and record nothing."""
        return cls(options, enabled=False)

    def listed(self) -> list[str] | None:
        """The files the records say the output folder holds, even with ``clean``; None
        without records."""
        found = self.records.manifest(complete=False) if self.records is not None else None
        return list(found.files) if found is not None else None

    def built_here(self) -> bool:
        """Whether the output folder holds a build of spotlight's (see ``built_by_spotlight``)."""
        return self.records is not None and built_by_spotlight(self.records.out, self.records)

    # --- before reading: the stat record --------------------------------------------------

    def nothing_changed(self) -> bool:
        """True when the files the previous build read all look exactly as they did then.

        Takes the signatures of the input folders, before any file is read.
        """
        if self.records is None:
            return False
        options = self.options
        record = StatRecord.loads(self.records.read(STAT)) if self.previous else None
        if record is not None and record.key:
            override = options.theme_override or (
                options.content / record.override if record.override is not None else None)
            folders = self._sign(theme_folders(options.visual_theme, override))
            if stat_key(((f, self.signatures[f][0]) for f in folders), self.words) == record.key:
                return True
        self._sign(theme_folders(options.visual_theme, options.theme_override))
        return False

    def _sign(self, theme: Iterable[Path]) -> list[Path]:
        folders = [self.options.content.resolve(), *(f.resolve() for f in theme)]
        for folder in folders:
            if folder not in self.signatures:
                self.signatures[folder] = signature(folder)
        return folders

    # --- once read: the fingerprint -------------------------------------------------------

    def unchanged(self, raw: RawContent, theme: VisualTheme | None,
                  problems: list[Problem]) -> bool:
        """True when every input is as the previous build read it (and was then sound)."""
        if self.records is None:
            return False
        self.inputs = input_digests(raw, theme, self.digests) if theme is not None else {}
        self.texts = frozenset(text_name(raw, f.path) for f in texts(raw))
        self.example_files = frozenset(text_name(raw, f.path) for f in raw.examples)
        self.key = fingerprint(self.inputs, self.words)
        return self.previous is not None and self.previous.fingerprint == self.key \
            and not problems

    def overridden(self, raw: RawContent, theme: VisualTheme, override: Path, name: str) -> None:
        """The theme override folder named in the site file (as ``name``) is an input too."""
        if self.records is None:
            return
        self.override = name
        if override.is_dir():
            self.signatures[override.resolve()] = signature(override.resolve())
        self.inputs = input_digests(raw, theme, self.digests)
        self.key = digest("override", fingerprint(self.inputs, self.words))

    @property
    def cache(self) -> ParseCache | None:
        """The parse cache: what the previous build read, and what this one keeps."""
        if self.records is None:
            return None
        if self._cache is None:
            from .parse_cache import ParseCache, decode  # only a build with work to do

            self._cache = decode(self.records.read(CACHE)) if self.previous else ParseCache()
        return self._cache

    # --- rendering: which pages stand -----------------------------------------------------

    def content(self, content: Content) -> None:
        """The validated content: what pages are made from (see depends.py)."""
        if self.records is not None:
            self.shared, self.example_texts = page_inputs(self.inputs, self.example_files,
                                                          self.words, content, self.shown)

    def labels(self, labels: Mapping[str, str]) -> None:
        """What the pages' links say of each PDF (its size and pages): pages that show it
        read ``pdf:<path>`` (see environment.py), and are made again when it changes."""
        if self.records is not None:
            self.example_texts.update({f"pdf:{path}": label for path, label in labels.items()})

    def page(self, path: str, pdf: bool = False) -> PageRecord | None:
        """The previous record of a page (or PDF) if what it was made from is unchanged."""
        if self.previous is None:
            return None
        before = self.previous.pdfs.get(path) if pdf else self.previous.pages.get(path)
        if before is None or path not in self.previous.files or (pdf and not before.key):
            return None
        if before.key == page_key(self.shared, self.example_texts, before.deps):
            return PageRecord(before.key, before.deps)
        return None

    def record(self, deps: tuple[str, ...]) -> PageRecord:
        """The record of a page that read the texts ``deps``."""
        return PageRecord(page_key(self.shared, self.example_texts, deps), deps)

    # --- PDFs -----------------------------------------------------------------------------

    def plan_pdfs(self, rendered: RenderedPages[Document]) -> PdfPlan[Document]:
        """Which PDFs to make again: those whose HTML or files changed. The others are kept,
        with the warnings they raised when they were made."""
        records: dict[str, PdfRecord] = {}
        warnings: list[Problem] = []
        previous = self.previous
        for path in rendered.pdf_kept:  # nothing it reads changed: not even its HTML was made
            assert previous is not None
            records[path] = before = previous.pdfs[path]
            warnings.extend(Problem(path, None, text) for text in before.warnings)
        # What goes into a PDF besides its HTML: the files it may read (see depends.py).
        files = digest(*(f"{name}\0{value}" for name, value in sorted(self.inputs.items())
                         if name not in self.texts))
        todo = []
        for document in rendered.pdfs:
            mark = rendered.pdf_records.get(document.path, PageRecord(""))
            records[document.path] = record = PdfRecord(digest(
                files, document.site_url, document.html, *document.fallbacks), (), mark.key,
                mark.deps)
            found = previous.pdfs.get(document.path) if previous else None
            if found and found.inputs == record.inputs:  # the same HTML: the same PDF
                records[document.path] = replace(record, warnings=found.warnings)
                warnings.extend(Problem(document.path, None, text) for text in found.warnings)
            else:
                todo.append(document)
        return PdfPlan(tuple(todo), records, warnings)

    @staticmethod
    def pdfs_made(plan: PdfPlan[Any], found: list[Problem]) -> None:
        """Record the warnings of the PDFs made, so that a PDF kept next time still warns."""
        for document in plan.todo:
            mine = [p.message for p in found if p.path in (document.path, *(
                () if p.path in plan.records else (p.path,)))]
            plan.records[document.path] = replace(plan.records[document.path],
                                                  warnings=tuple(mine))

    # --- writing --------------------------------------------------------------------------

    def kept(self, rendered: RenderedPages[PdfSource], pdfs: Mapping[str, PdfRecord],
             made: Mapping[str, bytes]) -> dict[str, str]:
        """The pages and PDFs not made again (path -> digest): linked from the previous build."""
        if self.previous is None:
            return {}
        return {path: self.previous.files[path] for path in (*rendered.kept, *(
            path for path in pdfs if path not in made))}

    def save(self, files: dict[str, str], folder: tuple[int, int] | None,
             rendered: RenderedPages[PdfSource], pdfs: Mapping[str, PdfRecord],
             theme: VisualTheme, override: str | None, warnings: Sequence[Problem] = (),
             notices: Sequence[Problem] = ()) -> None:
        """Keep this build's records for the next: what it wrote (``files``: path -> digest)
        into which ``folder`` (see ``records.folder_id``), and its ``warnings`` and
        ``notices`` but the PDFs' (see ``Manifest``)."""
        if self.records is None:
            return
        from .parse_cache import encode

        options = self.options
        folders = [options.content.resolve(), *(f.resolve() for f in theme.folders)]
        trusted = all(f in self.signatures and self.signatures[f][1] < self.started - RACY_NS
                      for f in folders)
        stats = StatRecord(override if options.theme_override is None else None, stat_key(
            ((f, self.signatures[f][0]) for f in folders), self.words) if trusted else "")
        manifest = Manifest(self.key, files, dict(pdfs), dict(rendered.records),
                            str(self.records.out), folder, tuple(warnings), tuple(notices))
        cache = self.cache
        self.records.save(manifest, {STAT: stats.dumps(),
                                     **({CACHE: encode(cache)} if cache is not None else {})})
