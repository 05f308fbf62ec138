"""One example of effectiveness -> the text of its example file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import yaml_writer as y
from .document import Block, Kind, Warn
from .markdown_writer import Inline, blocks_markdown
from .outline import Part

NO_BODY = "*The source has no text for this example.*\n"


@dataclass
class ExampleContext:
    """What every example of one import shares."""

    report: str
    region: str
    source: str
    inline: Inline
    warn: Warn
    sentence_types: dict[str, str]  # normalised name -> slug
    standards: set[str]             # codes in the catalogue
    pdus: dict[str, str]            # normalised name -> slug, for the report's region
    region_is_new: bool             # True when import adds the region (and so its PDUs)
    language: str = ""              # "cy" for a spotlight written in Welsh
    new_pdus: dict[str, str] = field(default_factory=dict)  # slug -> name, found in examples


def slugify(text: str, limit: int = 60) -> str:
    """A slug from a title: lower-case words joined by hyphens, cut at a word boundary."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug[:limit] or "imported"


def unique(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... whichever is not taken yet; then take it."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def example_file(part: Part, slug: str, theme: str, order: int, context: ExampleContext) -> str:
    """The example file: front matter, then the body in Markdown."""
    front: dict[str, str] = {}
    tags: list[str] = []
    standards: list[str] = []
    kind = "initiative" if re.search(r"\binitiative\b", part.heading.text, re.I) else ""
    body: list[Block] = []
    for block in part.blocks:
        if block.kind != Kind.FIELD or not _field(block, context, front, tags, standards):
            body.append(block)
        elif block.term.lower() == "type" and "initiative" in block.text.lower():
            kind = "initiative"
    text = blocks_markdown(body, context.inline, example=True,
                           outcome="Canlyniad" if context.language == "cy" else "Outcome")
    if not text.strip():
        context.warn(part.heading.line, f"example '{part.heading.text}' has no text: its file "
                                        "says so; write its narrative there")
        text = NO_BODY
    last = max([b.line for b in part.blocks] + [part.heading.line])
    lines = [
        "---",
        y.comment(f"Imported from {context.source}, lines {part.heading.line}-{last}."),
        f"title: {y.scalar(' '.join(part.heading.text.split()))}",  # plain text, not Markdown
        f"reports: [{y.scalar(context.report)}]",
        f"practice_theme: {y.scalar(theme)}",
        f"region: {y.scalar(context.region)}",
    ]
    if "pdu" in front:
        lines.append(f"pdu: {y.scalar(front['pdu'])}")
    if context.language:
        lines.append(f"language: {context.language}")
    if standards:
        lines.append(f"standards: {y.flow_list(standards)}")
    if "sentence_type" in front:
        lines.append(f"sentence_type: {front['sentence_type']}")
    if kind:
        lines.append(f"kind: {kind}")
    if tags:
        lines.append(f"tags: {y.flow_list(tags)}")
    lines += [f"order: {order}", "---", ""]
    return "\n".join(lines) + text


def _field(block: Block, context: ExampleContext, front: dict[str, str], tags: list[str],
           standards: list[str]) -> bool:
    """Take a "Term: value" row into the front matter; False when it is not one we know."""
    term, value = block.term.lower().strip(), block.text.strip()
    key = " ".join(value.lower().split())
    if term in ("region", "pdu"):
        pdu = value.split(",")[-1].strip() if "," in value or term == "pdu" else ""
        if pdu and pdu.lower() in context.pdus:
            front["pdu"] = context.pdus[pdu.lower()]
        elif pdu and context.region_is_new:
            front["pdu"] = slugify(pdu)
            context.new_pdus[front["pdu"]] = pdu
        elif pdu:
            tags.append(pdu)
            context.warn(block.line, f"PDU '{pdu}' is not in the region in site.yml: kept as "
                                     "a tag")
        return True
    if term in ("sentence", "sentence type"):
        if key in context.sentence_types:
            front["sentence_type"] = context.sentence_types[key]
        else:
            tags.append(value)
            context.warn(block.line, f"sentence type '{value}' is not in site.yml: kept as a tag")
        return True
    if term in ("standards met", "standards"):
        for item in re.split(r"\s*;\s*", value):
            code = item.split()[0] if item.split() else ""
            if code in context.standards:
                standards.append(code)
            elif item:
                context.warn(block.line, f"standard '{item}' is not in the catalogue: left out")
        return True
    return term == "type"

