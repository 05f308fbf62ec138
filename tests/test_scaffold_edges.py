"""`spotlight init` and `new` at their edges: links in the way, titles in other scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run


@pytest.mark.parametrize(("target", "named"), [("broken", "broken"),
                                               ("broken/content", "broken")])
def test_init_through_a_broken_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    target: str, named: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("broken").symlink_to("nowhere/deeper")
    result = run("init", target)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{named}: is a link to a folder that does not exist: delete the link, or choose " \
           "a new folder" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken"]


def test_a_title_in_another_script_gets_a_numbered_file(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    site = (tmp_path / "content" / "site.yml").read_text(encoding="utf-8")
    theme = site.split("practice_themes:", 1)[1].split("slug:", 1)[1].split()[0]
    report = next((tmp_path / "content" / "reports").glob("*.yml")).stem
    for title, expected in (("Работа с детьми", "example-1.md"), ("Εργασία", "example-2.md")):
        result = run("new", "example", "-r", report, "-t", theme, title)
        assert result.exit_code == 0, result.output
        path = tmp_path / "content" / "examples" / expected
        text = path.read_text(encoding="utf-8")
        assert f"title: {title}" in text
        # The guidance the body starts with is the author's to replace (the build refuses it).
        path.write_text(text[:text.index("\n---\n") + 5] + "Sam, a 30-year-old man, was "
                        "seen weekly.\n\n## Outcome\n\nSam completed his order.\n",
                        encoding="utf-8")
    assert run("build", "--no-pdf", "--no-search").exit_code == 0


def test_new_example_through_broken_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    site = (tmp_path / "content" / "site.yml").read_text(encoding="utf-8")
    theme = site.split("practice_themes:", 1)[1].split("slug:", 1)[1].split()[0]
    report = next((tmp_path / "content" / "reports").glob("*.yml")).stem
    examples = tmp_path / "content" / "examples"
    (examples / "third-case.md").symlink_to(tmp_path / "elsewhere.md")
    result = run("new", "example", "-r", report, "-t", theme, "Third case")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "content/examples/third-case.md: already exists" in result.output
    assert not (tmp_path / "elsewhere.md").exists(), "nothing written through the link"
    examples.rename(tmp_path / "moved")
    examples.symlink_to(tmp_path / "nowhere")
    result = run("new", "example", "-r", report, "-t", theme, "Fourth case")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "content/examples: is a link to a folder that does not exist: delete the link" \
        in result.output
    assert not (tmp_path / "nowhere").exists()
