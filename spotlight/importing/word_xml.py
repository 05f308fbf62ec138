"""What Word prints, and nothing else: a Word document's XML is cleaned before mammoth reads it.

mammoth reads the text of every run, so text formatted as hidden (``<w:vanish/>`` or
``<w:specVanish/>``, directly or through a style), which Word never prints, would be imported;
and Word's automatic table of contents (a ``TOC`` field, a "Table of Contents" content control,
the "TOC 1"... paragraph styles) would land in the introduction, when the website and the PDF
make their own. Both are taken out of the document, its footnotes and its endnotes; what was
taken out is said once.

Hidden text is resolved as Word resolves run formatting (most direct first): the run's own
properties, its character style, its paragraph's style, then the document defaults, each style
with the styles it is based on. A paragraph whose mark alone is hidden runs on into the next
paragraph, as it prints.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_TEXT = {f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}sym", f"{W}noBreakHyphen",
         f"{W}softHyphen", f"{W}drawing", f"{W}pict", f"{W}object", f"{W}footnoteReference",
         f"{W}endnoteReference"}
_FIELD = {f"{W}fldChar", f"{W}instrText", f"{W}rPr"}
_TOC_STYLE = re.compile(r"^toc ?(?:\d|heading)$|^table of contents$|^contents heading$")


@dataclass
class Cleaned:
    """What cleaning took out of a Word document."""

    hidden: list[str] = field(default_factory=list)   # each piece of hidden text
    contents: int = 0                                  # entries of Word's table of contents
    joined: int = 0                                    # paragraphs run on into the next


@dataclass(frozen=True)
class _Styles:
    """What the document's styles say: which hide their text, and each one's name."""

    hidden: dict[str, bool]  # style id -> hides its text (only styles that say either way)
    names: dict[str, str]    # style id -> name, in lower case
    default_paragraph: str
    default_hidden: bool


def clean(data: bytes) -> tuple[bytes, Cleaned]:
    """The Word document ``data`` without its hidden text and automatic table of contents, and
    what was taken out (``data`` itself when there was nothing to take out)."""
    found = Cleaned()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        styles = _read_styles(archive.read("word/styles.xml")
                              if "word/styles.xml" in names else b"")
        changed: dict[str, bytes] = {}
        for part in _PARTS:
            if part in names:
                text = archive.read(part)
                if cleaned := _clean_part(text, styles, found):
                    changed[part] = cleaned
        if not changed:
            return data, found
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for info in archive.infolist():
                rewritten.writestr(info, changed.get(info.filename) or archive.read(info))
    return out.getvalue(), found


def _vanish(properties: ET.Element | None) -> bool | None:
    """Whether run properties hide the text: True, False, or None when they do not say."""
    if properties is None:
        return None
    for tag in ("vanish", "specVanish"):
        element = properties.find(f"{W}{tag}")
        if element is not None:
            return element.get(f"{W}val", "true").lower() not in ("0", "false", "off")
    return None


def _read_styles(text: bytes) -> _Styles:
    if not text:
        return _Styles({}, {}, "", False)
    root = ET.fromstring(text)
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    names: dict[str, str] = {}
    default_paragraph = ""
    for style in root.iter(f"{W}style"):
        sid = style.get(f"{W}styleId", "")
        name = style.find(f"{W}name")
        names[sid] = (name.get(f"{W}val", "") if name is not None else sid).lower()
        own[sid] = _vanish(style.find(f"{W}rPr"))
        if (parent := style.find(f"{W}basedOn")) is not None:
            based[sid] = parent.get(f"{W}val", "")
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
            default_paragraph = sid
    hidden: dict[str, bool] = {}
    for sid in own:
        seen, current = set(), sid
        while current in own and current not in seen:  # the style, then those it is based on
            seen.add(current)
            if own[current] is not None:
                hidden[sid] = bool(own[current])
                break
            current = based.get(current, "")
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    return _Styles(hidden, names, default_paragraph, bool(_vanish(defaults)))


def _style_of(properties: ET.Element | None, tag: str) -> str:
    if properties is None or (element := properties.find(f"{W}{tag}")) is None:
        return ""
    return element.get(f"{W}val", "")


def _clean_part(text: bytes, styles: _Styles, found: Cleaned) -> bytes | None:
    """One part's XML without hidden text or table of contents, or None if it has neither."""
    prefixes = [m for _, m in ET.iterparse(io.BytesIO(text), events=("start-ns",))]
    root = ET.fromstring(text)
    parents = {child: parent for parent in root.iter() for child in parent}
    before = (len(found.hidden), found.contents, found.joined)
    _drop_contents(root, parents, styles, found)
    for paragraph in list(root.iter(f"{W}p")):
        _drop_hidden(paragraph, parents, styles, found)
    if (len(found.hidden), found.contents, found.joined) == before:
        return None
    for prefix, uri in prefixes:
        if prefix and not re.fullmatch(r"ns\d+", prefix):
            ET.register_namespace(prefix, uri)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _drop_hidden(paragraph: ET.Element, parents: dict[ET.Element, ET.Element], styles: _Styles,
                 found: Cleaned) -> None:
    """Take a paragraph's hidden runs out; a paragraph whose mark is hidden as well goes, or
    runs on into the next paragraph when some of its text is shown."""
    properties = paragraph.find(f"{W}pPr")
    style = _style_of(properties, "pStyle") or styles.default_paragraph
    inherited = styles.hidden.get(style, styles.default_hidden)
    piece: list[str] = []
    for run in list(_runs(paragraph)):
        run_properties = run.find(f"{W}rPr")
        hidden = _vanish(run_properties)
        if hidden is None:
            character = _style_of(run_properties, "rStyle")
            hidden = styles.hidden.get(character, inherited) if character else inherited
        if not hidden:
            if piece:
                _say(piece, found)
            continue
        piece.append("".join(t.text or "" for t in run.iter(f"{W}t")))
        fields = [child for child in run if child.tag in _FIELD]
        if any(child.tag != f"{W}rPr" for child in fields):  # keep a field's start and end
            for child in list(run):
                if child not in fields:
                    run.remove(child)
        else:
            parents[run].remove(run)
    mark = properties.find(f"{W}rPr") if properties is not None else None
    mark_hidden = _vanish(mark)
    if mark_hidden is None:
        mark_hidden = inherited
    shown = any(child.tag in _TEXT for run in _runs(paragraph) for child in run)
    if mark_hidden and not shown and paragraph in parents:
        parents[paragraph].remove(paragraph)
    elif mark_hidden and properties is not None and _has_next_paragraph(paragraph, parents):
        if mark is None:
            mark = ET.SubElement(properties, f"{W}rPr")
        if mark.find(f"{W}del") is None:  # mammoth joins a deleted mark's paragraph to the next
            ET.SubElement(mark, f"{W}del", {f"{W}id": "0", f"{W}author": "spotlight"})
            found.joined += 1
    if piece:
        _say(piece, found)


def _runs(element: ET.Element) -> Iterator[ET.Element]:
    """A paragraph's own runs (in links, insertions, fields...), not those of a paragraph
    inside it (in a text box), which are read as paragraphs of their own."""
    for child in element:
        if child.tag == f"{W}r":
            yield child
        elif child.tag != f"{W}p":
            yield from _runs(child)


def _say(piece: list[str], found: Cleaned) -> None:
    text = " ".join("".join(piece).split())
    if text:
        found.hidden.append(text)
    piece.clear()


def _has_next_paragraph(paragraph: ET.Element, parents: dict[ET.Element, ET.Element]) -> bool:
    siblings = list(parents.get(paragraph, paragraph))
    return any(s.tag == f"{W}p" for s in siblings[siblings.index(paragraph) + 1:]) \
        if paragraph in parents else False


def _drop_contents(root: ET.Element, parents: dict[ET.Element, ET.Element], styles: _Styles,
                   found: Cleaned) -> None:
    """Take out Word's table of contents: a "Table of Contents" content control, the
    paragraphs of a TOC field, and paragraphs in a table-of-contents style."""
    for control in list(root.iter(f"{W}sdt")):
        gallery = control.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        if gallery is not None and "contents" in gallery.get(f"{W}val", "").lower() \
                and control in parents:
            found.contents += sum(1 for p in control.iter(f"{W}p") if _text(p).strip())
            parents[control].remove(control)
    depth, inside, toc_depth = 0, False, 0
    doomed: list[ET.Element] = []
    for paragraph in list(root.iter(f"{W}p")):
        style = _style_of(paragraph.find(f"{W}pPr"), "pStyle")
        in_toc = inside or bool(style and _TOC_STYLE.match(styles.names.get(style, style.lower())))
        for element in paragraph.iter():
            if element.tag == f"{W}fldChar":
                kind = element.get(f"{W}fldCharType")
                if kind == "begin":
                    depth += 1
                elif kind == "end" and depth:
                    if inside and depth == toc_depth:
                        inside = False
                    depth -= 1
            elif element.tag == f"{W}instrText" and not inside and \
                    (element.text or "").strip().upper().startswith("TOC"):
                inside, toc_depth, in_toc = True, depth, True
        if in_toc:
            doomed.append(paragraph)
    for paragraph in doomed:
        if paragraph in parents:
            found.contents += 1 if _text(paragraph).strip() else 0
            parents[paragraph].remove(paragraph)


def _text(element: ET.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))
