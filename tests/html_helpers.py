"""Reading built HTML back the way a browser or screen reader sees its structure."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import ClassVar


@dataclass
class Element:
    """One element of a parsed page, with its attributes and text."""

    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)


class _Parser(HTMLParser):
    VOID: ClassVar[set[str]] = {"meta", "link", "img", "br", "hr", "input", "source", "col",
                                "area", "base", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.all: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        self.all.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack[1:]:
            element.text += data


class Page:
    """A built HTML page: its elements in document order."""

    def __init__(self, html: str) -> None:
        parser = _Parser()
        parser.feed(html)
        self.html = html
        self.elements = parser.all

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        """Elements with this tag whose attributes contain the given values (class by word)."""
        found = []
        for element in self.elements:
            if element.tag != tag:
                continue
            if all(_matches(element, key.rstrip("_"), value) for key, value in attrs.items()):
                found.append(element)
        return found

    def ids(self) -> list[str]:
        """Every id on the page."""
        return [e.attrs["id"] for e in self.elements if "id" in e.attrs]

    def text_of(self, tag: str, **attrs: str) -> list[str]:
        """The normalised text of each matching element."""
        return [" ".join(e.text.split()) for e in self.find_all(tag, **attrs)]


def _matches(element: Element, key: str, value: str) -> bool:
    if key == "class":
        return value in element.attrs.get("class", "").split()
    return element.attrs.get(key) == value
