"""The waivers the publish gate (and ``spotlight check``) applies: each file's, read from the
validated content or, when it is invalid, from each file on its own; and where each is
written."""

from __future__ import annotations

import yaml

from ..content.load import RawContent
from ..model import Content, Waiver
from . import waivers
from .sources import FileText


def content_waivers(raw: RawContent, content: Content | None) -> dict[str, tuple[Waiver, ...]]:
    """The waivers of each file: from the validated content when there is some, otherwise
    read from each file that can be read on its own."""
    if content is not None:
        found = {raw.site.name if raw.site else "": content.settings.waivers}
        found |= {r.name: r.waivers for r in content.reports}
        found |= {e.name: e.waivers for e in content.examples}
        return found
    return {f.name: _raw_waivers(f.text, f.name.endswith(".md"))
            for f in (raw.site, *raw.reports, *raw.examples) if f is not None}


def _raw_waivers(text: str, front_matter: bool) -> tuple[Waiver, ...]:
    """The well-formed waivers of a file whose content as a whole may be invalid."""
    start = 0
    if front_matter:
        parts = text.split("\n---", 1) if text.startswith("---") else []
        if len(parts) != 2:
            return ()
        start = text.index("\n") + 1
        text = parts[0][start:]
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return ()
    if not isinstance(root, yaml.MappingNode):
        return ()
    line_shift = 2 if front_matter else 1  # 0-based lines of the YAML -> lines of the file
    found = []
    for key, value in root.value:
        if key.value != "waivers" or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            if not isinstance(item, yaml.MappingNode):
                continue
            fields = {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
            if isinstance(fields.get("code"), str) and isinstance(fields.get("reason"), str):
                found.append(Waiver(fields["code"], fields.get("match") or None,
                                    fields["reason"], item.start_mark.line + line_shift))
    return tuple(found)


def locate_waivers(raw: RawContent) -> waivers.Locate:
    """Where each waiver is written: its line, at its first character."""
    texts = {f.name: f.text for f in (raw.site, *raw.reports, *raw.examples) if f is not None}
    files: dict[str, FileText] = {}

    def locate(path: str, waiver: Waiver) -> tuple[int, int]:
        if path not in texts:
            return waiver.line, 1
        if path not in files:
            files[path] = FileText(path, texts[path])
        line, col = files[path].line_start(waiver.line)
        rest = texts[path].splitlines()[line - 1][col - 1:] if line else ""
        if rest.startswith("-"):  # the item's first key, after "- "
            col += len(rest) - len(rest[1:].lstrip(" "))
        return line, col

    return locate
