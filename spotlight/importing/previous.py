"""What an earlier import of a report wrote, so that ``import --replace`` of a revised draft
replaces it instead of adding copies.

Every import records the files it wrote, each with its SHA-256, in the project's records
folder beside the content folder (``.spotlight/imports/``, as the build keeps its records):
one small JSON file per content folder and report. A re-import with ``--replace`` replaces the
report file and the examples that import wrote and that list only this report; an example
another report lists too is kept. A file changed since the import wrote it is not replaced:
the import is refused and says which, so no hand edit is lost. Without a record (the records
folder was deleted, or the report was imported by an older version), the examples that list
only this report and say they were imported are replaced, and each is named.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..content.front_matter import split_front_matter
from ..content.yamlio import parse_yaml
from ..errors import Problem, SpotlightError, display_path

#: The records folder, beside the content folder (as the build's, incremental/records.py).
RECORDS = ".spotlight"
_ABOUT = ("# Records of spotlight: never commit them.\n*\n")


@dataclass(frozen=True)
class Prior:
    """What an earlier import of one report left in the content folder."""

    replaceable: frozenset[str]  # example paths it wrote that list only this report
    shared: frozenset[str]       # slugs of examples that list this report and others: kept
    recorded: bool               # False when there is no record of what it wrote


def digest(text: str | bytes) -> str:
    """The SHA-256 of a file's text (as written, in UTF-8) or bytes."""
    return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).hexdigest()


def record_path(out: Path, report: str) -> Path:
    """The record of what the last import of ``report`` into ``out`` wrote."""
    absolute = Path(os.path.abspath(out))
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", absolute.name).strip(".-") or "content"
    return absolute.parent / RECORDS / "imports" / f"{name}-{digest(str(absolute))[:12]}" / \
        f"{report}.json"


def save_record(out: Path, report: str, source: str, files: dict[str, str]) -> None:
    """Record the content files an import wrote (site.yml aside, which the author edits)
    with their digests. A record that cannot be written is left out: a later ``--replace``
    then names the files it replaces instead of checking them."""
    path = record_path(out, report)
    data = {"version": 1, "report": report, "source": source,
            "files": {name: digest(text) for name, text in sorted(files.items())
                      if name != "site.yml"}}
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = path.parents[2] / ".gitignore"
        if not ignore.exists():
            ignore.write_text(_ABOUT, encoding="utf-8")
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=1)
        os.replace(temporary, path)


def _recorded(out: Path, report: str) -> dict[str, str] | None:
    try:
        data = json.loads(record_path(out, report).read_text(encoding="utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _reports_of(text: str) -> list[str] | None:
    """The ``reports:`` an example file lists, or None when it cannot be read."""
    front, problems = split_front_matter(text, "example")
    if front is None or problems:
        return None
    data, problems = parse_yaml(front.yaml_text, "example")
    listed = data.get("reports") if isinstance(data, dict) else None
    return [str(r) for r in listed] if isinstance(listed, list) and not problems else None


def prior_import(out: Path, existing: frozenset[str], report: str) -> Prior:
    """What the earlier import of ``report`` wrote, to be replaced; refused (SpotlightError)
    when a file of it was changed since, naming each and what to do."""
    recorded = _recorded(out, report)
    replaceable: set[str] = set()
    shared: set[str] = set()
    changed: list[str] = []
    for name in sorted(p for p in existing if p.startswith("examples/") and p.endswith(".md")):
        try:
            data = (out / name).read_bytes()
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        reports = _reports_of(text)
        if reports is None or report not in reports:
            continue
        if reports != [report]:
            shared.add(PurePosixPath(name).stem)
            continue
        if recorded is not None:
            if name not in recorded:
                continue  # written by hand, or by another import: not this import's
            if digest(data) != recorded[name]:
                changed.append(name)
        elif not text.split("\n", 2)[1].startswith("# Imported from "):
            continue  # not written by an import
        replaceable.add(name)
    report_file = f"reports/{report}.yml"
    if recorded is not None and recorded.get(report_file) and report_file in existing:
        with suppress(OSError):
            if digest((out / report_file).read_bytes()) != recorded[report_file]:
                changed.insert(0, report_file)
    if changed:
        raise SpotlightError([Problem(
            display_path(out / name), None, "was changed since spotlight import wrote it: "
            "--replace would lose those changes. Make them in the draft you import, or move "
            "the file out of the content folder (to copy what you need back after), then "
            "import again with --replace") for name in changed])
    return Prior(frozenset(replaceable), frozenset(shared), recorded is not None)
