"""SVG images are documents that can carry scripts and fetch files: only plain drawings reach
readers, and without what the drawing program recorded about its author.

An SVG shown with ``<img>`` cannot run scripts, but the same file opened on its own (its
address is in the page) runs in the site's origin. So each SVG of the content folder is read
with a real XML parser (expat; entity declarations refused, so nothing expands or names a
local file) and what may stay is allow-listed:

- elements: the SVG drawing elements (shapes, text, gradients, filters, ...). Script, embedded
  HTML and anything else in the SVG or XHTML namespace is refused; elements of a drawing
  program's own namespace (Inkscape, Sodipodi, RDF, Illustrator) are dropped;
- attributes: no event handlers; a link (``href``) only inside the file; every other value,
  ``style`` included, read as CSS (see css_addresses.py), and any address in it
  (``fill="url(...)"``, ``image-set()``...) only inside the file;
- no processing instructions (``<?xml-stylesheet?>`` fetches a stylesheet).

The published copy (``clean_svg``) leaves out comments, ``<metadata>``, the drawing program's
elements and attributes (which hold file names and user names) and the document type; an
embedded picture loses its metadata as a picture file does (see images.py).
"""

from __future__ import annotations

import base64
import re
from xml.parsers import expat

from .css_addresses import declarations_addresses, stylesheet_addresses
from .images import published_picture

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
XHTML = "http://www.w3.org/1999/xhtml"

_CODE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler",
                  "listener", "html", "body"}
_ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "switch", "a", "title", "desc", "metadata", "view",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
    "textpath", "image", "lineargradient", "radialgradient", "stop", "pattern", "clippath",
    "mask", "marker", "filter", "style", "set", "animate", "animatemotion", "animatetransform",
    "mpath", "feblend", "fecolormatrix", "fecomponenttransfer", "fecomposite",
    "feconvolvematrix", "fediffuselighting", "fedisplacementmap", "fedistantlight",
    "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr", "fegaussianblur",
    "feimage", "femerge", "femergenode", "femorphology", "feoffset", "fepointlight",
    "fespecularlighting", "fespotlight", "fetile", "feturbulence",
})
_XLINK_ATTRIBUTES = {"href", "title", "show", "actuate", "type", "role", "arcrole"}
_ANIMATION_ELEMENTS = {"set", "animate", "animatemotion", "animatetransform"}
#: Elements whose text a reader sees (and the anonymisation checks read).
TEXT_ELEMENTS = frozenset({"text", "tspan", "textpath", "title", "desc"})
_EMBEDDED_PICTURE = re.compile(r"data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)
_DROPPED = {"metadata"}


def svg_problems(data: bytes) -> list[tuple[int | None, str]]:
    """What makes the SVG file ``data`` unsafe to publish, as (line, message)."""
    return _Reader(data).problems


def clean_svg(data: bytes) -> bytes:
    """The published copy of an SVG file that ``svg_problems`` accepts: the same drawing,
    without comments, metadata, the drawing program's own markup or a document type."""
    return _Reader(data).output.encode("utf-8")


def svg_texts(data: bytes) -> list[tuple[int, str]]:
    """The text a reader of the SVG can see or hear (text, title, desc), as (line, text)."""
    return _Reader(data).texts


class _Stop(Exception):
    """Raised by a handler to stop reading the file."""


class _Reader:
    """One pass of expat over an SVG file: its problems, its published copy and its texts."""

    def __init__(self, data: bytes) -> None:
        self.problems: list[tuple[int | None, str]] = []
        self.texts: list[tuple[int, str]] = []
        self._out: list[str] = []
        self._scopes: list[dict[str, str]] = [{"xml": XML}]
        self._stack: list[tuple[str, bool]] = []  # (qualified name, written)
        self._skipping = 0  # inside an element left out of the published copy
        self._style: list[str] | None = None
        self._style_line = 0
        self._text: list[str] | None = None
        self._text_line = self._text_depth = 0
        parser = self._parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.buffer_text = True
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        parser.ProcessingInstructionHandler = self._instruction
        parser.EntityDeclHandler = self._entity
        parser.ExternalEntityRefHandler = self._external
        parser.SkippedEntityHandler = self._skipped
        try:
            parser.Parse(data, True)
        except _Stop:
            pass
        except expat.ExpatError as error:
            self.problems.append((error.lineno, "is not a valid SVG file: "
                                  f"{expat.ErrorString(error.code)}"))
        self.output = "".join(self._out) + "\n"

    def _line(self) -> int:
        return self._parser.CurrentLineNumber

    def _refuse(self, message: str) -> None:
        self.problems.append((self._line(), message))

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        scope = dict(self._scopes[-1])
        for key, value in attributes.items():
            if key == "xmlns":
                scope[""] = value
            elif key.startswith("xmlns:"):
                scope[key[6:]] = value
        self._scopes.append(scope)
        prefix, _, local = name.rpartition(":")
        namespace = scope.get(prefix, "" if not prefix else "?")  # "?": an undeclared prefix
        kept = self._element(name, local.lower(), namespace)
        if kept and not self._skipping:
            self._out.append(f"<{name}{self._attributes(local.lower(), attributes, scope)}>")
        else:
            self._skipping += 1
        self._stack.append((name, kept))

    def _element(self, name: str, local: str, namespace: str) -> bool:
        """Whether the element stays; refuses those that must not be there at all."""
        if namespace in (SVG, ""):
            if local in _CODE_ELEMENTS:
                self._refuse(f"an SVG <{name}> element is not allowed: it can run code")
            elif local not in _ELEMENTS:
                self._refuse(f"an SVG <{name}> element is not one spotlight publishes: "
                             "remove it")
            if local == "style":
                self._style, self._style_line = [], self._line()
            if local in TEXT_ELEMENTS:
                if not self._text_depth:
                    self._text, self._text_line = [], self._line()
                self._text_depth += 1
            return local not in _DROPPED
        if namespace == XHTML or local in _CODE_ELEMENTS:
            self._refuse(f"an SVG <{name}> element is not allowed: it can run code")
        return False  # a drawing program's own element (Inkscape, Sodipodi, RDF...)

    def _attributes(self, element: str, attributes: dict[str, str],
                    scope: dict[str, str]) -> str:
        kept = []
        for key, value in attributes.items():
            if key == "xmlns" or key.startswith("xmlns:"):
                if value in (SVG, XLINK) or (key == "xmlns" and value == ""):
                    kept.append((key, value))
                continue
            prefix, _, local = key.rpartition(":")
            namespace = scope.get(prefix, "?") if prefix else None
            local = local.lower()
            if namespace is None or (namespace == XLINK and local in _XLINK_ATTRIBUTES) or (
                    namespace == XML and local in ("space", "lang")):
                self._check_attribute(element, local, value, namespace)
                kept.append((key, _published_embedded(value) if local == "href" else value))
            elif namespace == XHTML or local.startswith("on"):
                self._refuse(f"an SVG attribute '{key}' is not allowed: it can run code")
        return "".join(f' {key}="{_escape(value, quote=True)}"' for key, value in kept)

    def _check_attribute(self, element: str, local: str, value: str,
                         namespace: str | None) -> None:
        if local.startswith("on"):
            self._refuse(f"an SVG event-handler attribute '{local}' is not allowed: it runs code")
        elif local in ("href", "src"):
            if not _local(value, picture=element in ("image", "feimage")):
                self._refuse(f"an SVG link to '{_short(value)}' is not allowed: an SVG may only "
                             "link inside itself")
        elif local == "attributename" and element in _ANIMATION_ELEMENTS and \
                value.rpartition(":")[2].strip().lower() in ("href", "src"):
            self._refuse("an SVG animation of a link is not allowed")
        elif namespace is None and ("(" in value or "\\" in value):
            self._css(declarations_addresses(value), self._line())

    def _css(self, addresses: list[tuple[int, str]], first: int) -> None:
        for line, address in addresses:
            if not _local(address, picture=True):
                self.problems.append((first + line - 1, f"an SVG style that fetches "
                                      f"'{_short(address)}' is not allowed: an SVG may only "
                                      "refer inside itself"))

    def _end(self, name: str) -> None:
        self._scopes.pop()
        qualified, kept = self._stack.pop()
        local = qualified.rpartition(":")[2].lower()
        if local == "style" and self._style is not None:
            text, self._style = "".join(self._style), None
            self._css(stylesheet_addresses(text), self._style_line)
        if local in TEXT_ELEMENTS and self._text_depth:
            self._text_depth -= 1
            if not self._text_depth:
                self._flush_text()
        if kept and not self._skipping:
            self._out.append(f"</{qualified}>")
        else:
            self._skipping -= 1

    def _flush_text(self) -> None:
        if self._text is not None:
            text = " ".join("".join(self._text).split())
            if text:
                self.texts.append((self._text_line, text))
            self._text = None

    def _characters(self, data: str) -> None:
        if self._style is not None:
            self._style.append(data)
        if self._text is not None:
            self._text.append(data)
        if self._stack and not self._skipping:
            self._out.append(_escape(data))

    def _instruction(self, target: str, data: str) -> None:
        what = "fetch a stylesheet" if target.lower() == "xml-stylesheet" else "change the file"
        self._refuse(f"an SVG processing instruction <?{target}?> is not allowed: it can "
                     f"{what}")

    def _entity(self, name: str, *args: object) -> None:
        self._refuse("an SVG entity declaration is not allowed")
        raise _Stop

    def _skipped(self, name: str, is_parameter: bool) -> None:
        self._refuse(f"an SVG reference to an entity ('&{name};') is not allowed")

    def _external(self, *args: object) -> int:
        self._refuse("an SVG reference to an outside entity is not allowed")
        raise _Stop


_escape_table: dict[int, str] = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_quote_table = _escape_table | {ord('"'): "&quot;", ord("\n"): "&#10;", ord("\t"): "&#9;",
                                ord("\r"): "&#13;"}


def _escape(text: str, quote: bool = False) -> str:
    return text.translate(_quote_table if quote else _escape_table)


_EMBEDDED_BASE64 = re.compile(r"\s*(data:image/(?:png|jpeg|gif|webp);base64,)(.*)",
                              re.IGNORECASE | re.DOTALL)


def _published_embedded(value: str) -> str:
    """An embedded picture (``data:image/jpeg;base64,...``) without its metadata."""
    found = _EMBEDDED_BASE64.fullmatch(value)
    if not found:
        return value
    try:
        data = base64.b64decode("".join(found.group(2).split()), validate=True)
        return found.group(1) + base64.b64encode(published_picture(data)).decode("ascii")
    except ValueError:
        return value  # not a picture that can be read: the browser will not show it either


def _local(address: str, picture: bool = False) -> bool:
    """True for an address inside the file itself (``#id``), or an embedded picture."""
    address = address.strip()
    return address == "" or address.startswith("#") or (
        picture and bool(_EMBEDDED_PICTURE.match(address)))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."

