"""A template's mistake told in plain words: what Jinja says, with what to do about it.

A syntax error gets advice on the usual slips (a ``{{`` closed with ``}``, a ``{%`` closed
with ``%``, a tag that closes nothing, a misspelt tag); a name a template reads that the page
does not have (``site.titel``) is named as written, with the names it could have meant.
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib
import re

_CLOSE_PRINT = "a '{{' is closed with '}}'"
_CLOSE_TAG = "a '{%' is closed with '%}'"

#: The tags a template can use (Jinja's, with the translation extension's).
_TAGS = ("block", "endblock", "extends", "include", "import", "from", "for", "endfor", "if",
         "elif", "else", "endif", "set", "endset", "macro", "endmacro", "call", "endcall",
         "filter", "endfilter", "with", "endwith", "trans", "pluralize", "endtrans", "raw",
         "endraw", "autoescape", "endautoescape")

_NO_ATTRIBUTE = re.compile(r"'(?P<kind>[\w.]+) object' has no attribute '(?P<name>\w+)'")
_UNKNOWN_TAG = re.compile(r"Encountered unknown tag '(?P<tag>\w+)'")
_UNCLOSED = re.compile(r"The innermost block that needs to be closed is '(?P<tag>\w+)'")

#: What a reader of a template calls the objects it is given.
_CALLED = {"Site": "the site", "Report": "a report", "Example": "an example",
           "Section": "a section", "Reference": "a reference", "ExamplePage": "an example's page",
           "Listing": "a listing", "ListingGroup": "a group of a listing", "Library": "the library",
           "Link": "a link", "Appearance": "an example's place in a report",
           "Settings": "the site file", "dict": "this group of keys"}


def syntax_advice(message: str) -> str:
    """Jinja's syntax error ``message``, with what to do where the slip is a usual one."""
    text = message.rstrip(".")
    advice = None
    if text == "unexpected '}'" or "expected 'end of print statement'" in text or \
            "'end of print statement'" in text:
        advice = _CLOSE_PRINT
    elif text == "unexpected '%'" or "'end of statement block'" in text:
        advice = _CLOSE_TAG
    elif found := _UNKNOWN_TAG.search(text):
        tag = found["tag"]
        if tag.startswith("end") and tag in _TAGS:
            opened = tag[3:]
            advice = (f"'{{% {tag} %}}' closes a '{{% {opened} %}}', and none is open here: "
                      f"remove it, or check the '{{% {opened} %}}' above it")
        elif close := difflib.get_close_matches(tag, _TAGS, n=2, cutoff=0.6):
            advice = "did you mean " + " or ".join(f"'{name}'" for name in close) + "?"
    elif text.lower().startswith("unexpected end of template") and \
            (unclosed := _UNCLOSED.search(text)):
        tag = unclosed["tag"]
        advice = f"the template ends before its '{{% {tag} %}}' is closed: add '{{% end{tag} %}}'"
    return f"{text}; {advice}" if advice else message


def attribute_advice(message: str, line_text: str | None) -> str:
    """Jinja's "'spotlight.model.Site object' has no attribute 'titel'" in plain words:
    "'site.titel': the site has no 'titel'; did you mean 'title'?". Any other ``message`` is
    given back as it is. ``line_text`` is the template's line, where the name is read."""
    found = _NO_ATTRIBUTE.search(message)
    if found is None:
        return message
    kind, name = found["kind"], found["name"]
    short = kind.rsplit(".", 1)[-1]
    called = _CALLED.get(short, "it")
    written = _written(name, line_text)
    names = _names(kind)
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    if close:
        hint = "did you mean " + " or ".join(f"'{n}'" for n in close) + "?"
    elif names:
        hint = "it has " + ", ".join(f"'{n}'" for n in names[:20]) + \
            (", ..." if len(names) > 20 else "")
    else:
        hint = ""
    said = f"'{written}': {called} has no '{name}'"
    return f"{said}; {hint}" if hint else said


def _written(name: str, line_text: str | None) -> str:
    """The name as the template's line writes it (``site.titel``), or just ``name``."""
    if line_text:
        found = re.search(rf"([A-Za-z_][\w.]*)\.{re.escape(name)}\b", line_text)
        if found:
            return f"{found[1]}.{name}"
    return name


def _names(kind: str) -> list[str]:
    """What a template can read of an object of the type named ``kind``: the fields and
    properties of spotlight's own models; nothing for other types."""
    module, _, short = kind.rpartition(".")
    if not module.startswith("spotlight."):
        return []
    try:
        cls = getattr(importlib.import_module(module), short)
    except (ImportError, AttributeError):
        return []
    fields = [f.name for f in dataclasses.fields(cls)] if dataclasses.is_dataclass(cls) else []
    others = [n for n in dir(cls) if not n.startswith("_") and n not in fields]
    return [n for n in fields if not n.startswith("_")] + sorted(others)
