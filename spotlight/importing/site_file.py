"""The site file an import adds to: the content folder's own site.yml, or the starter one.

Taxonomy entries the import needs (a region, practice themes, standards) are added as text at
the end of each list, so the author's comments and layout are kept.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..content.yamlio import YList, YMap, parse_yaml
from ..errors import Problem, SpotlightError
from .outline import normalise

LISTS = ("practice_themes", "standards", "regions")


#: Where ``spotlight init``'s site file starts its accessibility statement, which an import's
#: new site file ends with too (one text, in spotlight/starter/site.yml).
_STATEMENT = "# The accessibility statement (about/accessibility.html)"


def starter_text() -> str:
    """The site.yml a new content folder starts with: the import's own settings and
    taxonomies, then the accessibility statement's settings of ``spotlight init``'s."""
    own = resources.files(__package__).joinpath("starter_site.yml").read_text("utf-8")
    init = resources.files("spotlight").joinpath("starter", "site.yml").read_text("utf-8")
    return own.rstrip("\n") + "\n\n" + init[init.index(_STATEMENT):]


@dataclass
class SiteFile:
    """A site file's text and what it already holds; ``additions`` are items to add, as YAML."""

    name: str
    text: str
    data: YMap
    additions: dict[str, list[str]] = field(default_factory=dict)
    item_additions: list[tuple[str, str, list[str]]] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, name: str) -> SiteFile:
        """Read a site file; raise SpotlightError if it is not a YAML mapping."""
        data, problems = parse_yaml(text, name)
        if not problems and not isinstance(data, YMap):
            problems = [Problem(name, 1, "the site file must be a YAML mapping")]
        if problems:
            raise SpotlightError(problems)
        return cls(name, text, data)

    def items(self, key: str) -> list[dict[str, Any]]:
        """The entries of one taxonomy list (mappings only)."""
        value = self.data.get(key)
        return [i for i in value if isinstance(i, dict)] if isinstance(value, list) else []

    def add_glossary(self, lines: list[str]) -> None:
        """Queue lines for the glossary mapping: ``ABBR: expansion`` entries and comments."""
        self.additions.setdefault("glossary", []).extend(lines)

    def extend_item(self, key: str, slug: str, lines: list[str]) -> None:
        """Queue lines (YAML at the item's key level) for the end of the item of list ``key``
        whose slug is ``slug``: one the file has, or one queued with ``add``."""
        queued = self.additions.get(key, [])
        for index, item in enumerate(queued):
            if re.search(rf"(?m)^- slug: ['\"]?{re.escape(slug)}['\"]?$", item):
                queued[index] = item + "".join(f"\n  {line}" for line in lines)
                return
        self.item_additions.append((key, slug, lines))

    def add(self, key: str, item_yaml: str) -> None:
        """Queue a new entry (YAML text of one list item, starting with ``- ``)."""
        self.additions.setdefault(key, []).append(item_yaml)

    def match_theme(self, title: str) -> dict[str, Any] | None:
        """The practice theme a section title names: same words, one inside the other, or close
        (to its title, or to its title in the other language the site file gives)."""
        wanted = normalise(title)
        themes = [(normalise(t["title"]), t) for t in self.items("practice_themes")
                  if isinstance(t.get("title"), str)]
        themes += self._translated_themes()
        for have, theme in themes:
            if have == wanted or normalise(str(theme.get("slug"))) == wanted:
                return theme
        for have, theme in themes:
            if have and (re.search(rf"\b{re.escape(have)}\b", wanted) or
                         re.search(rf"\b{re.escape(wanted)}\b", have)):
                return theme
        titles = dict(themes)
        close = difflib.get_close_matches(wanted, list(titles), n=1, cutoff=0.85)
        return titles[close[0]] if close else None

    def theme_titles(self, theme: dict[str, Any]) -> set[str]:
        """A practice theme's titles (normalised): its own, and its translation's."""
        return {normalise(str(theme.get("title")))} | {
            have for have, other in self._translated_themes() if other is theme}

    def _translated_themes(self) -> list[tuple[str, dict[str, Any]]]:
        """(title, theme) for each practice theme's title under ``cy:`` or ``en:``."""
        by_slug = {str(t.get("slug")): t for t in self.items("practice_themes")}
        found = []
        for language in ("cy", "en"):
            other = self.data.get(language)
            listed = other.get("practice_themes") if isinstance(other, dict) else None
            for entry in listed if isinstance(listed, list) else ():
                if isinstance(entry, dict) and isinstance(entry.get("title"), str) and \
                        str(entry.get("slug")) in by_slug:
                    found.append((normalise(entry["title"]), by_slug[str(entry.get("slug"))]))
        return found

    def render(self) -> str:
        """The site file's text with every queued addition in place."""
        lines = self.text.rstrip("\n").split("\n")
        inserts: list[tuple[int, list[str]]] = []
        tail: list[str] = []
        for key in LISTS:
            items = self.additions.get(key)
            if not items:
                continue
            value = self.data.get(key)
            if key not in self.data:
                tail += ["", f"{key}:", *_indented(items, "  ")]
                continue
            line = self.data.line_of(key)
            if isinstance(value, YList) and not value and lines[line - 1].rstrip().endswith("[]"):
                lines[line - 1] = lines[line - 1].rstrip()[:-2].rstrip()  # "key: []" -> "key:"
                inserts.append((line, _indented(items, "  ")))
                continue
            if isinstance(value, YList) and value and value.item_lines[0] == self.data.line_of(key):
                raise SpotlightError([Problem(self.name, self.data.line_of(key),
                                              f"'{key}' is written on one line; write it as a "
                                              "list of '- ' items so import can add to it")])
            end = self._end_of(key, lines)
            indent = "  "
            if isinstance(value, YList) and value:
                first = lines[value.item_lines[0] - 1]
                indent = first[:len(first) - len(first.lstrip())]
            inserts.append((end, _indented(items, indent)))
        if self.additions.get("glossary"):
            self._glossary(lines, inserts, tail)
        for key, slug, new in self.item_additions:
            inserts.append(self._item_end(key, slug, lines, new))
        for end, new in sorted(inserts, reverse=True):
            lines[end:end] = new
        return "\n".join(lines + tail) + "\n"

    def _glossary(self, lines: list[str], inserts: list[tuple[int, list[str]]],
                  tail: list[str]) -> None:
        new = self.additions["glossary"]
        value = self.data.get("glossary")
        if "glossary" not in self.data:
            tail += ["", "glossary:", *("  " + line for line in new)]
            return
        line = self.data.line_of("glossary")
        if isinstance(value, YMap) and value and min(value.key_lines.values()) == line:
            raise SpotlightError([Problem(self.name, line, "'glossary' is written on one line; "
                                          "write one 'ABBR: expansion' per line so import can "
                                          "add to it")])
        if not isinstance(value, YMap) or not value:
            lines[line - 1] = re.sub(r"\s*\{\}\s*$", "", lines[line - 1])
            inserts.append((line, ["  " + entry for entry in new]))
            return
        first = lines[min(value.key_lines.values()) - 1]
        indent = first[:len(first) - len(first.lstrip())]
        inserts.append((self._end_of("glossary", lines), [indent + entry for entry in new]))

    def _item_end(self, key: str, slug: str, lines: list[str], new: list[str]
                  ) -> tuple[int, list[str]]:
        """Where lines go at the end of one item of a list, and those lines indented."""
        value = self.data.get(key)
        assert isinstance(value, YList)
        index = next(i for i, item in enumerate(value)
                     if isinstance(item, dict) and str(item.get("slug")) == slug)
        item = value[index]
        end = (value.item_lines[index + 1] - 1 if index + 1 < len(value)
               else self._end_of(key, lines))
        while end > value.item_lines[index] and (not lines[end - 1].strip() or
                                                 lines[end - 1].lstrip().startswith("#")):
            end -= 1
        first = lines[min(item.key_lines.values()) - 1] if isinstance(item, YMap) else ""
        stripped = first.lstrip(" ")
        indent = " " * (len(first) - len(stripped) + (2 if stripped.startswith("- ") else 0))
        return end, [indent + line for line in new]

    def _end_of(self, key: str, lines: list[str]) -> int:
        """The index just after the last line of a top-level key's value."""
        start = self.data.line_of(key)
        later = sorted(n for n in self.data.key_lines.values() if n > start)
        end = (later[0] - 1) if later else len(lines)
        while end > start and (not lines[end - 1].strip() or
                               lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return end


def _indented(items: list[str], indent: str) -> list[str]:
    return [indent + line if line else line for item in items for line in item.split("\n")]
