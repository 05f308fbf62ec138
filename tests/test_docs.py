"""The README's authoring guide documents every field the schemas accept."""

from __future__ import annotations

import re

import pytest

from spotlight.content import fields
from spotlight.content.schema import Schema

from .conftest import REPO

SCHEMAS = [value for value in vars(fields).values() if isinstance(value, Schema)]


@pytest.mark.parametrize("schema", SCHEMAS, ids=[s.title for s in SCHEMAS])
def test_every_field_is_documented(schema: Schema) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", readme))
    missing = [f.name for f in schema.fields if f.name not in documented]
    assert not missing, f"README lacks {missing} of {schema.title}"


def test_quick_start_has_the_two_commands_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["bash scripts/build.sh", "bash scripts/test.sh"]
    assert "bash scripts/test.sh" in (REPO / ".ci" / "run").read_text()


def test_every_lint_code_is_in_the_readme_table() -> None:
    from spotlight.checks import RULES

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Checking content", 1)[1].split("### Waivers", 1)[0]
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([a-z-]+)` \| (\w+) \|", table,
                                                        re.MULTILINE)}
    assert rows == {code: rule.severity for code, rule in RULES.items()}


def test_the_tables_of_fields_are_the_declarations() -> None:
    from spotlight.content.jsonschema import with_field_tables

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("site", "report", "example"):
        assert f"<!-- fields: {name} -->" in readme
    assert with_field_tables(readme) == readme, \
        "refresh it with: python3 -m spotlight.content.jsonschema --readme"


def test_quick_start_walks_a_new_author_through_in_order() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Your first spotlight", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    commands = [" ".join(line.split("#")[0].split()[:3]) for line in block.strip().splitlines()]
    assert commands == ["spotlight init my-spotlight", "cd my-spotlight", "spotlight new report",
                        "spotlight new example", "spotlight serve", "spotlight check",
                        "spotlight build"]
