"""SVG images are documents that can carry scripts: only plain drawings reach readers.

An SVG shown with ``<img>`` cannot run scripts, but the same file opened on its own (its
address is in the page) runs in the site's origin. So an SVG in the content folder must not
hold scripts, event-handler attributes, embedded HTML, links to other sites or files, or entity
declarations (which can expand without bound or name local files).
"""

from __future__ import annotations

import re
from xml.parsers import expat

_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler",
                       "listener"}
_ADDRESS_ATTRIBUTES = {"href", "src"}
_ANIMATION_ELEMENTS = {"set", "animate", "animatemotion", "animatetransform"}
_CSS_URL = re.compile(r"(?:@import\s+(?:url\(\s*)?|url\(\s*)['\"]?([^'\")\s;]*)", re.IGNORECASE)
_EMBEDDED_PICTURE = re.compile(r"data:image/(?:png|jpeg|gif|webp);", re.IGNORECASE)


def svg_problems(data: bytes) -> list[tuple[int | None, str]]:
    """What makes the SVG file ``data`` unsafe to publish, as (line, message)."""
    found: list[tuple[int | None, str]] = []
    styles: list[tuple[int, list[str]]] = []  # open <style> elements: first line, text
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def line() -> int:
        return parser.CurrentLineNumber

    def start(name: str, attributes: dict[str, str]) -> None:
        element = name.rpartition(" ")[2]
        local = element.lower()
        if local in _FORBIDDEN_ELEMENTS:
            found.append((line(), f"an SVG <{element}> element is not allowed: it can run code"))
        for key, value in attributes.items():
            attribute = key.rpartition(" ")[2].lower()
            if attribute.startswith("on"):
                found.append((line(), f"an SVG event-handler attribute '{attribute}' is not "
                                      "allowed: it runs code"))
            elif attribute in _ADDRESS_ATTRIBUTES and not _local_address(value):
                found.append((line(), f"an SVG link to '{_short(value)}' is not allowed: "
                                      "an SVG may only link inside itself"))
            elif attribute == "attributename" and local in _ANIMATION_ELEMENTS \
                    and value.rpartition(":")[2].lower() in _ADDRESS_ATTRIBUTES:
                found.append((line(), "an SVG animation of a link is not allowed"))
            elif attribute == "style":
                css(value, line())
        if local == "style":
            styles.append((line(), []))

    def text(data: str) -> None:
        if styles:
            styles[-1][1].append(data)

    def end(name: str) -> None:
        if name.rpartition(" ")[2].lower() == "style" and styles:
            first, parts = styles.pop()
            css("".join(parts), first)

    def css(text: str, at: int) -> None:
        for address in _CSS_URL.findall(text):
            if not _local_address(address):
                found.append((at, f"an SVG style that fetches '{_short(address)}' is not "
                                  "allowed: an SVG may only refer inside itself"))

    def entity(name: str, *args: object) -> None:
        found.append((line(), "an SVG entity declaration is not allowed"))
        raise _Stop

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except expat.ExpatError as error:
        found.append((error.lineno, f"is not a valid SVG file: {expat.ErrorString(error.code)}"))
    return found


class _Stop(Exception):
    """Raised by a handler to stop reading the file."""


def _local_address(address: str) -> bool:
    address = address.strip()
    return address == "" or address.startswith("#") or bool(_EMBEDDED_PICTURE.match(address))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
