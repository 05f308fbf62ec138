"""The reused-first-name rule on the published reference spotlight, which tells two cases
about two different men called Jack in its management oversight section."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from spotlight.checks.names import first_name
from spotlight.checks.sources import FileText, Text

from .conftest import REFERENCE, copy_site, run


def reference_examples() -> list[tuple[str, str]]:
    """(title, body) of every 'Example of effectiveness' in the reference text."""
    examples: list[tuple[str, list[str]]] = []
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        if line.startswith("Example of effectiveness: "):
            examples.append((line.removeprefix("Example of effectiveness: "), []))
        elif line.endswith("(Back to top)") or line.startswith("[1]"):
            examples.append(("", []))  # a section heading ends the example before it
        elif examples and line.strip():
            examples[-1][1].append(line)
    return [(title, "\n\n".join(lines)) for title, lines in examples if title]


def body_text(body: str) -> Text:
    return Text(FileText("example.md", body), ("body",), body, True, range(len(body)))


def test_first_names_found_in_the_reference() -> None:
    names = [found[0] if (found := first_name(body_text(body), frozenset())) else None
             for _, body in reference_examples()]
    assert names == [
        None, "Sonny", "Harry", "Liam", "Saad", "Clare", "Colin", "Luke", "David", "John",
        "Brian", "Tom", "Will", "Gemma", "George", "Steven", None, None, None, "Brenda", "Jack",
        "Jack"]


def test_the_two_jacks_of_the_reference_are_flagged(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    content = copy_site("minimal", tmp_path / "site")
    for path in (content / "examples").iterdir():
        path.unlink()
    files = {}
    for number, (title, body) in enumerate(reference_examples(), start=1):
        front = {"title": title, "reports": ["north-2025"], "practice_theme": "court-work",
                 "region": "north"}
        name = f"example-{number:02}.md"
        files[name] = f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n{body}\n"
        (content / "examples" / name).write_text(files[name], encoding="utf-8")
    result = run("check", "--content", "site", "--format", "json")
    flagged = [(f["path"], f["line"], f["col"], f["message"])
               for f in json.loads(result.stdout)["findings"] if f["code"] == "anon-name-reused"]
    assert flagged == [
        ("site/examples/example-21.md", 8, 1, "the first name 'Jack' is used for another person "
         "in report 'north-2025' (site/examples/example-22.md:8); give one of them a different "
         "pseudonym"),
        ("site/examples/example-22.md", 8, 1, "the first name 'Jack' is used for another person "
         "in report 'north-2025' (site/examples/example-21.md:8); give one of them a different "
         "pseudonym")]
