"""Writing the YAML of imported content by hand, so that it reads like a person wrote it.

Short values are plain where YAML reads them back unchanged and double-quoted otherwise;
Markdown goes into literal blocks (``|``) so that it keeps its lines.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import yaml


def scalar(value: str | int | dt.date) -> str:
    """One value, as plain YAML when that reads back the same, otherwise quoted."""
    if isinstance(value, int | dt.date):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    if value and value == value.strip() and "\n" not in value and " #" not in value \
            and ": " not in value and not value.startswith(("#", "'", '"', "&", "*", "!", "|",
                                                             ">", "%", "@", "`", "[", "{")):
        try:
            if yaml.safe_load(f"key: {value}") == {"key": value}:
                return value
        except (yaml.YAMLError, ValueError):  # such as a timestamp that is no date
            pass
    return json.dumps(value, ensure_ascii=False)


def flow_list(values: Sequence[str]) -> str:
    """A short list on one line: ``[a, b]``."""
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) if not v.replace("-", "").isalnum()
                           else v for v in values) + "]"


def markdown(key: str, text: str, indent: int = 0) -> str:
    """``key: |`` followed by the Markdown, indented; ``key: ""`` when there is none."""
    pad = " " * indent
    if not text.strip():
        return f'{pad}{key}: ""'
    body = "\n".join(f"{pad}  {line}" if line else "" for line in text.rstrip("\n").split("\n"))
    return f"{pad}{key}: |\n{body}"


def comment(text: str, indent: int = 0) -> str:
    """A YAML comment, one ``#`` line per line of ``text``."""
    pad = " " * indent
    return "\n".join(f"{pad}# {line}".rstrip() for line in text.split("\n"))
