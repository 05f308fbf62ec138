"""Everything the lint families look at: the validated content, the assembled site, the pages
as rendered (in memory) and the prose of every file, located."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..content.front_matter import FrontMatter, split_front_matter
from ..content.load import RawContent, SourceFile
from ..content.theme import VisualTheme
from ..model import Content, ExampleSource, ReportSource, Site, Waiver
from ..site.editions import editions
from ..site.render import Rendered
from .sources import FileText, Key, Text, YamlFile

_SITE_TEXTS: tuple[tuple[Key, ...], ...] = (("title",), ("organisation",))
_REPORT_TEXTS: tuple[tuple[Key, ...], ...] = (("title",),)
_REPORT_MARKDOWN: tuple[tuple[Key, ...], ...] = (
    ("introduction",), ("summary", "text"), ("standards_intro",), ("acknowledgements",))


@dataclass(frozen=True)
class ReportView:
    """A report as its readers meet it: its source, its page, its examples and all of its
    prose in reading order."""

    source: ReportSource
    page: str
    examples: tuple[ExampleSource, ...]
    texts: tuple[Text, ...]


@dataclass(frozen=True)
class Corpus:
    """The input of every lint: content, site, rendered pages and located prose."""

    content: Content
    site: Site
    pages: dict[str, str]
    published: frozenset[str]
    files: dict[str, YamlFile]
    texts: dict[tuple[str, tuple[Key, ...]], Text]
    site_path: str

    def text(self, path: str, *where: Key) -> Text | None:
        """The located text of field ``where`` in file ``path``, if it has one."""
        return self.texts.get((path, tuple(where)))

    def position(self, path: str, *where: Key) -> tuple[int, int]:
        """The (line, column) of key ``where`` in file ``path``."""
        return self.files[path].position(*where)

    def all_texts(self) -> Iterator[Text]:
        """Every located text, file by file, in the order they are written in each file."""
        order = {path: index for index, path in enumerate(self.files)}
        yield from sorted(self.texts.values(), key=lambda t: (order[t.path], t.start))

    def reports(self) -> Iterator[ReportView]:
        """Each report of every language with its examples and prose, in the order the report
        page shows them."""
        sources = {r.slug: r for r in self.content.reports}
        examples = {e.slug: e for e in self.content.examples}
        themes = [t.slug for t in self.content.settings.practice_themes]
        for report in (r for edition in editions(self.site) for r in edition.reports):
            source = sources[report.slug]
            name = source.name
            own = {s.practice_theme: i for i, s in enumerate(source.sections or ())
                   if s.intro is not None}
            texts = [self.text(name, "title"), self.text(name, "introduction")]
            texts += [self.text(name, "summary", "facts", i, "label")
                      for i, _ in enumerate(source.facts)]
            texts += [self.text(name, "summary", "text"), self.text(name, "standards_intro")]
            for section in report.sections:
                if section.anchor in own:
                    texts.append(self.text(name, "sections", own[section.anchor], "intro"))
                elif section.anchor in themes:
                    texts.append(self.text(self.site_path, "practice_themes",
                                           themes.index(section.anchor), "intro"))
                for example in section.examples:
                    texts += [self.text(examples[example.slug].name, "title"),
                              self.text(examples[example.slug].name, "body")]
            texts.append(self.text(name, "acknowledgements"))
            texts += [self.text(name, "references", i, "text")
                      for i, _ in enumerate(source.references)]
            yield ReportView(source, report.page,
                             tuple(examples[e.slug] for e in report.examples),
                             tuple(t for t in texts if t is not None))

    def waivers(self) -> dict[str, tuple[Waiver, ...]]:
        """The waivers of each file, by path."""
        found = {self.site_path: self.content.settings.waivers}
        found |= {r.name: r.waivers for r in self.content.reports}
        found |= {e.name: e.waivers for e in self.content.examples}
        return found


def build_corpus(raw: RawContent, content: Content, site: Site, rendered: Rendered,
                 theme: VisualTheme) -> Corpus:
    """Locate the prose of every content file and gather what the build would publish."""
    assert raw.site is not None  # validation passed, so there is a site file
    files: dict[str, YamlFile] = {}
    texts: dict[tuple[str, tuple[Key, ...]], Text] = {}

    def add(yaml_file: YamlFile, where: tuple[Key, ...], is_markdown: bool) -> None:
        if (text := yaml_file.text(where, is_markdown)) is not None:
            texts[(text.path, where)] = text

    site_file = _yaml(raw.site, files)
    for where in _SITE_TEXTS:
        add(site_file, where, False)
    add(site_file, ("licence",), True)
    for index, _ in enumerate(content.settings.practice_themes):
        add(site_file, ("practice_themes", index, "title"), False)
        add(site_file, ("practice_themes", index, "intro"), True)
    for index, _ in enumerate(content.settings.standards):
        add(site_file, ("standards", index, "title"), False)
        add(site_file, ("standards", index, "text"), False)

    report_files = {f.name: f for f in raw.reports}
    for report in content.reports:
        yaml_file = _yaml(report_files[report.name], files)
        for where in _REPORT_TEXTS:
            add(yaml_file, where, False)
        for where in _REPORT_MARKDOWN:
            add(yaml_file, where, True)
        for index, _ in enumerate(report.facts):
            add(yaml_file, ("summary", "facts", index, "label"), False)
        for index, _ in enumerate(report.sections or ()):
            add(yaml_file, ("sections", index, "intro"), True)
        for index, _ in enumerate(report.references):
            add(yaml_file, ("references", index, "text"), True)

    example_files = {f.name: f for f in raw.examples}
    for example in content.examples:
        source = example_files[example.name]
        yaml_file, front = _front_matter(source)
        files[source.name] = yaml_file
        add(yaml_file, ("title",), False)
        body_start = len(source.text) - len(front.body)
        body = Text(yaml_file.file, ("body",), front.body, True,
                    range(body_start, body_start + len(front.body)), body_start)
        texts[(source.name, ("body",))] = body

    published = {*rendered.pages, *(d.path for d in rendered.pdfs), *site.images,
                 *(f"static/{name}" for name in theme.static)}
    return Corpus(content, site, rendered.pages, frozenset(published), files, texts,
                  raw.site.name)


def lean_corpus(raw: RawContent, content: Content, site: Site) -> Corpus:
    """A corpus for the lints that need neither pages nor prose (the build's: see
    build_lints.py): a file is located only when a finding asks where a key is."""
    sources = {f.name: f for f in (*raw.reports, *raw.examples) if f}
    site_path = raw.site.name if raw.site is not None else ""
    if raw.site is not None:
        sources[site_path] = raw.site
    return Corpus(content, site, {}, frozenset(), _Located(sources), {}, site_path)


class _Located(dict[str, YamlFile]):
    """Each content file's YAML, located when first asked for."""

    def __init__(self, sources: dict[str, SourceFile]) -> None:
        super().__init__()
        self._sources = sources

    def __missing__(self, path: str) -> YamlFile:
        source = self._sources[path]
        found = self[path] = _front_matter(source)[0] if path.endswith(".md") else \
            YamlFile(FileText(source.name, source.text), source.text)
        return found


def _front_matter(source: SourceFile) -> tuple[YamlFile, FrontMatter]:
    """An example's front matter, located in its file, and the file split."""
    front, _ = split_front_matter(source.text, source.name)
    assert front is not None  # validation passed
    return YamlFile(FileText(source.name, source.text), front.yaml_text,
                    source.text.index("\n") + 1), front


def _yaml(source: SourceFile, files: dict[str, YamlFile]) -> YamlFile:
    yaml_file = YamlFile(FileText(source.name, source.text), source.text)
    files[source.name] = yaml_file
    return yaml_file
