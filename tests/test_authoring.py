"""Starting and growing a content folder: init, new example, and the JSON Schemas."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml

from spotlight.content import fields
from spotlight.content.front_matter import split_front_matter
from spotlight.content.scaffold import slugify

from .conftest import REPO, SAMPLE, copy_site, run


def test_init_then_build_in_an_empty_folder(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Created content with 9 file(s).")
    assert "/build/" in (tmp_path / ".gitignore").read_text().splitlines()
    built = run("build")
    assert built.exit_code == 0, built.output
    assert built.stdout.strip() == ("Built 1 report(s) with 2 example(s): 15 page(s) and 5 PDF(s) "
                                    "in build")
    page = (tmp_path / "build" / "reports" / "example-region-2025.html").read_text()
    assert "A well-informed report to court" in page and "A shared diary for home visits" in page
    assert (tmp_path / "build" / "reports" / "example-region-2025.pdf").stat().st_size > 1000
    site = yaml.safe_load((tmp_path / "content" / "site.yml").read_text())
    assert len(site["practice_themes"]) == 9
    statement = (tmp_path / "build" / "about" / "accessibility.html").read_text()
    assert ('contact HM Inspectorate of Probation: <a class="address" '
            'href="https://www.example.org/contact/">') in statement
    assert ('This statement was prepared on <time datetime="2026-03-02">2 March 2026</time>. '
            'It was last reviewed on <time datetime="2026-03-02">2 March 2026</time>.'
            ) in statement


def test_init_content_passes_check_strictly(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("init", "my-spotlight")
    monkeypatch.chdir(tmp_path / "my-spotlight")
    result = run("check", "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_init_of_this_folder_by_name_does_not_say_cd(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", ".")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Created content with 9 file(s). Next: spotlight new report (or "
                             "spotlight serve to preview the example content)\n")


def test_init_name_makes_a_project_that_builds_from_inside(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "my-spotlight")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Created my-spotlight/content with 9 file(s). Next: cd my-spotlight, "
                             "then spotlight new report (or spotlight serve to preview the "
                             "example content)\n")
    project = tmp_path / "my-spotlight"
    ignored = (project / ".gitignore").read_text().splitlines()
    assert "/build/" in ignored and ".spotlight/" in ignored
    monkeypatch.chdir(project)
    built = run("build", "--no-pdf", "--no-search")
    assert built.exit_code == 0, built.output
    assert built.stderr == ""
    assert (project / "build" / "index.html").is_file()
    # From inside the content folder, and below it: found by its site.yml, and said so.
    monkeypatch.chdir(project / "content" / "examples")
    checked = run("check")
    assert checked.exit_code == 0, checked.output
    assert checked.stderr.splitlines()[0] == (f"Using the content folder {project / 'content'} "
                                              "(found by its site.yml)")
    monkeypatch.chdir(project / "content")
    again = run("build", "--no-pdf", "--no-search")
    assert again.exit_code == 0, again.output
    assert again.stdout == "Nothing changed: ../build is up to date.\n"
    assert not (project / "content" / "build").exists()


def test_a_project_or_content_folder_named_after_the_command(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """`spotlight build my-spotlight`, as with Hugo or MkDocs: the project init made, or its
    content folder, from anywhere; the website goes beside the content folder, not here."""
    monkeypatch.chdir(tmp_path)
    run("init", "my-spotlight")
    project = tmp_path / "my-spotlight"
    built = run("build", "my-spotlight", "--no-pdf", "--no-search")
    assert built.exit_code == 0, built.output
    assert built.stderr == ("Using the content folder my-spotlight/content (the project's "
                            "content/)\n")
    assert built.stdout.endswith(" in my-spotlight/build\n")
    assert (project / "build" / "index.html").is_file() and not (tmp_path / "build").exists()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    for named in (["../my-spotlight/content"], ["--content", "../my-spotlight/content"]):
        again = run("build", *named, "--no-pdf", "--no-search")
        assert again.stdout == "Nothing changed: ../my-spotlight/build is up to date.\n", named
    checked = run("check", str(project / "content"))
    assert checked.exit_code == 0, checked.output
    assert checked.stderr == "0 error(s), 0 warning(s), 0 waived\n"
    both = run("build", "../my-spotlight", "--content", "other")
    assert both.exit_code == 2
    assert "two content folders were given (../my-spotlight and --content other): give one" \
        in both.stderr
    assert not (tmp_path / "elsewhere" / "build").exists()


def test_commands_outside_a_project_say_where_to_go(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "content: there is no content folder here or in a folder above: go into the folder "
        "that 'spotlight init' made (cd NAME), or name that folder after the command, as in "
        "'spotlight check NAME'")


def test_from_the_folder_that_holds_a_project_the_project_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the folder above a project: the message names the project and the command;
    and, there being no output folder, claims no previous build."""
    monkeypatch.chdir(tmp_path)
    assert run("init", "north-west").exit_code == 0
    built = run("build", "--no-pdf")
    assert built.exit_code == 1
    assert built.stderr.splitlines() == [
        "content: there is no content folder here or in a folder above; the folder north-west "
        "here is a project: spotlight build north-west",
        "Build failed: 1 problem; nothing was written."]
    assert run("init", "south-east").exit_code == 0
    copy_site("minimal", tmp_path / "wales")  # a content folder, not a project
    checked = run("check")
    assert checked.stderr.splitlines()[0] == (
        "content: there is no content folder here or in a folder above; the folders "
        "north-west, south-east and wales here are projects or content folders: name one, "
        "as in 'spotlight check north-west'")
    assert run("build", "north-west", "--no-pdf", "--no-search").exit_code == 0
    (tmp_path / "north-west" / "content" / "site.yml").write_text("title: [\n")
    broken = run("build", "north-west", "--no-pdf", "--no-search")
    assert broken.stderr.splitlines()[-1] == (
        "Build failed: 1 problem; the previous build is unchanged.")


def test_a_file_or_another_folder_named_as_the_content_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file, or a folder that is not a content folder, named where the content folder goes:
    said plainly, with the project or content folder that holds it to name instead."""
    monkeypatch.chdir(tmp_path)
    assert run("init", "north-west").exit_code == 0
    example = next(Path("north-west/content/examples").glob("*.md"))
    for args in (["check", str(example)], ["check", "--content", str(example)]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [
            f"{example}: is a file, not a folder: this file is inside the project north-west, "
            "so name that folder instead: spotlight check north-west",
            "1 problem. Nothing was checked."], args
    inside = run("build", "north-west/content/examples")
    assert inside.stderr.splitlines()[0] == (
        "north-west/content/examples: is not a content folder: this folder is inside the "
        "project north-west, so name that folder instead: spotlight build north-west")
    new = run("new", "example", "--content", "north-west/content/site.yml", "--report", "r",
              "--theme", "t", "A title")
    assert new.stderr.splitlines()[0] == (
        "north-west/content/site.yml: is a file, not a folder: this file is inside the project "
        "north-west, so name that folder instead: spotlight new example --content north-west")
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "note.txt").write_text("not content")
    for args, first in ((["check", "letters"], "letters: is not a content folder: it has no "
                         "site.yml; name the content folder (the folder with site.yml) or the "
                         "project folder that holds it, or start a project with 'spotlight "
                         "init NAME'"),
                        (["check", "letters/note.txt"], "letters/note.txt: is a file, not a "
                         "folder: name the content folder (the folder with site.yml) or the "
                         "project folder that holds it"),
                        (["check", "."], ".: is not a content folder: it has no site.yml; the "
                         "folder north-west in it is a project: spotlight check north-west")):
        assert run(*args).stderr.splitlines()[0] == first, args
    monkeypatch.chdir(tmp_path / "north-west" / "content" / "examples")
    here = run("check", example.name)
    assert here.stderr.splitlines()[0] == (
        f"{example.name}: is a file, not a folder: this file is inside the project north-west, "
        "which the command finds from here without a name: spotlight check")


def test_init_name_refuses_a_folder_with_files(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    result = run("init", "mine")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("mine: already exists and is not empty: choose a "
                                             "new name for the project")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_init_refuses_a_folder_with_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "notes.txt").write_text("mine")
    result = run("init")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("content: already exists and is not empty: choose a "
                                             "new folder for the content")
    assert sorted(p.name for p in (tmp_path / "content").iterdir()) == ["notes.txt"]


def test_init_here_keeps_other_files_and_adds_to_a_gitignore(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / ".gitignore").write_text("*.pyc\n/build/")
    assert run("init").exit_code == 0
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / ".gitignore").read_text() == (
        "*.pyc\n/build/\n# What spotlight makes: the website and PDFs, and its own working "
        "files.\n.spotlight/\n.spotlight-*\n")
    assert run("build", "--no-pdf").exit_code == 0


def test_init_works_from_the_built_wheel(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps",
                    "--no-build-isolation", "--quiet", "--wheel-dir", str(tmp_path / "wheel")],
                   check=True, capture_output=True)
    wheel = next((tmp_path / "wheel").glob("spotlight-*.whl"))
    zipfile.ZipFile(wheel).extractall(tmp_path / "installed")
    assert (tmp_path / "installed" / "spotlight" / "py.typed").is_file(), "its types ship"
    work = tmp_path / "work"
    work.mkdir()
    env = os.environ | {"PYTHONPATH": str(tmp_path / "installed")}
    for command in (["init"], ["build", "--no-pdf"]):
        done = subprocess.run([sys.executable, "-m", "spotlight", *command], cwd=work, env=env,
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    assert (work / "build" / "reports" / "example-region-2025.html").is_file()


def test_new_example_says_which_of_its_options_and_title_are_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("init")
    empty = run("new", "example", "--report", "example-region-2025", "--theme", "court-work",
                "  ")
    assert empty.exit_code == 2
    assert empty.stderr.splitlines()[-1] == (
        "Error: the TITLE is empty: write the example's title in quotes after the options, as "
        "in: spotlight new example --report north-2025 --theme court-work \"Helping Sean find a "
        "home\"")
    lacking = run("new", "example", "--report", "example-region-2025", "A title")
    assert lacking.stderr.splitlines()[-1] == (
        "Error: give --theme for the new example (or --translation-of SLUG to translate one)")
    nothing = run("new", "example")
    assert nothing.stderr.splitlines()[-1] == (
        "Error: give --report, --theme and the TITLE for the new example (or --translation-of "
        "SLUG to translate one)")
    assert not list((tmp_path / "content" / "examples").glob("a-title*"))


def test_new_example_then_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("new", "example", "--report", "example-region-2025", "--theme", "court-work",
                 "Joint work with Children’s Services: a café meeting")
    assert result.exit_code == 0, result.output
    path = tmp_path / "content" / "examples" / (
        "joint-work-with-childrens-services-a-cafe-meeting.md")
    assert result.stdout.strip() == (f"Created {path.relative_to(tmp_path)}: replace its "
                                     "guidance with the example's own text (the build "
                                     "refuses it until then)")
    text = path.read_text()
    front, _ = split_front_matter(text, "new")
    assert front is not None
    data = yaml.safe_load(front.yaml_text)
    assert data == {"title": "Joint work with Children’s Services: a café meeting",
                    "reports": ["example-region-2025"], "practice_theme": "court-work",
                    "region": "example-region", "kind": "person"}
    for spec in fields.EXAMPLE.fields:  # every field is there, filled in or commented
        assert f"\n{spec.name}:" in text or f"\n# {spec.name}:" in text, spec.name
    assert "# pdu: one of north-pdu, south-pdu" in text
    # Its body is guidance for the author, which must never be published as the case.
    checked = run("check")
    assert checked.exit_code == 1
    assert [line for line in checked.stdout.splitlines() if "unfinished-guidance" in line] == [
        f"{path.relative_to(tmp_path)}:19:1: error: unfinished-guidance: 'Introduce the person "
        "by a pseudonym, with their age, then their sentence and offence' is guidance that "
        "'spotlight new example' wrote (and 5 more of its sentences follow): replace it with "
        "the example's own text"]
    assert run("build", "--no-pdf").exit_code == 1
    front_matter = text[:text.index("\n---\n") + 5]
    path.write_text(front_matter + "Sam, a 30-year-old man, met his practitioner weekly.\n\n"
                    "## Outcome\n\nSam completed his order.\n")
    checked = run("check", "--strict")
    assert checked.exit_code == 0, checked.output
    assert run("build", "--no-pdf").exit_code == 0


def test_the_guidance_the_gate_finds_is_the_guidance_new_example_writes() -> None:
    from spotlight.checks.unfinished import GUIDANCE, guidance
    from spotlight.content.scaffold import _BODY

    for body in _BODY.values():
        found = [sentence for _, sentence in guidance(body)]
        assert found and all(sentence in GUIDANCE for sentence in found)
    written = " ".join(" ".join(body.split()) for body in _BODY.values())
    assert all(sentence in written for sentence in GUIDANCE)


def test_new_example_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("init")
    args = ("new", "example", "-r", "example-region-2025", "-t", "court-work",
            "A well-informed report to court")
    existing = tmp_path / "content" / "examples" / "a-well-informed-report-to-court.md"
    existing.write_text("my draft")
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (f"{existing.relative_to(tmp_path)}: already "
                                             "exists: edit it, or choose another title")
    assert existing.read_text() == "my draft"


def test_new_example_names_what_is_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("new", "example", "-r", "nowhere-2030", "-t", "court-work", "Title")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("--report: unknown report 'nowhere-2030' (the "
                                             "reports are the files of content/reports); "
                                             "known: example-region-2025")
    assert not list((tmp_path / "content" / "examples").glob("title*"))


def test_new_example_says_when_its_report_has_no_section_for_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("new", "example", "-r", "example-region-2025", "-t", "resettlement",
                 "Housed on the day of release")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        "Note: report 'example-region-2025' has no section for practice theme 'resettlement' "
        "yet: add '- practice_theme: resettlement' under 'sections' in "
        "content/reports/example-region-2025.yml; until then the build refuses the example.")
    built = run("build", "--no-pdf")  # the build says the same, and where
    assert built.exit_code == 1
    assert ("content/examples/housed-on-the-day-of-release.md:5: report 'example-region-2025' "
            "has no section for practice theme 'resettlement': add '- practice_theme: "
            "resettlement' under 'sections' in content/reports/example-region-2025.yml, or "
            "choose one of its sections (organisational-arrangements, court-work)"
            ) in built.stderr
    report = tmp_path / "content" / "reports" / "example-region-2025.yml"
    report.write_text(report.read_text().replace(
        "sections:\n", "sections:\n  - practice_theme: resettlement\n"))
    example = tmp_path / "content" / "examples" / "housed-on-the-day-of-release.md"
    text = example.read_text()
    example.write_text(text[:text.index("\n---\n") + 5] + "Sam, a 40-year-old man, was "
                       "housed on the day he left prison.\n\n## Outcome\n\nSam kept his flat.\n")
    built = run("build", "--no-pdf")
    assert built.exit_code == 0, built.output
    again = run("new", "example", "-r", "example-region-2025", "-t", "resettlement",
                "A second resettlement case")
    assert again.exit_code == 0 and again.stderr == ""


@pytest.mark.parametrize(("title", "slug"), [
    ("Joint work with Children’s Services", "joint-work-with-childrens-services"),
    ("  Étude: a café's  approach!  ", "etude-a-cafes-approach"),
    ("x" * 80, "x" * 60),
    ("Supporting a victim to be heard at parole after a long and difficult sentence",
     "supporting-a-victim-to-be-heard-at-parole-after-a-long-and"),
])
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


class _TextDates(yaml.SafeLoader):
    """YAML as an editor's language server reads it: dates stay text."""


_TextDates.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _schema(kind: str) -> dict:  # type: ignore[type-arg]
    result = run("schema", kind)
    assert result.exit_code == 0
    return json.loads(result.stdout)


def _front(path: Path) -> object:
    front, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    assert front is not None
    return yaml.load(front.yaml_text, Loader=_TextDates)


def test_schemas_accept_the_sample_content() -> None:
    jsonschema.validate(yaml.load((SAMPLE / "site.yml").read_text(), Loader=_TextDates),
                        _schema("site"))
    report = _schema("report")
    for path in (SAMPLE / "reports").glob("*.yml"):
        jsonschema.validate(yaml.load(path.read_text(), Loader=_TextDates), report)
    example = _schema("example")
    for path in (SAMPLE / "examples").glob("*.md"):
        jsonschema.validate(_front(path), example)


def test_schemas_flag_mistakes_and_document_every_field() -> None:
    example = _schema("example")
    validator = jsonschema.Draft202012Validator(example)
    jsonschema.Draft202012Validator.check_schema(example)
    wrong = {"titel": "A title", "reports": ["r"], "practice_theme": "Court Work",
             "region": "north", "kind": "people"}
    messages = sorted(e.message for e in validator.iter_errors(wrong))
    assert "'title' is a required property" in messages
    assert any("'titel' was unexpected" in m for m in messages)
    assert "'people' is not one of ['person', 'initiative']" in messages
    assert set(example["properties"]) == {f.name for f in fields.EXAMPLE.fields}
    assert all(p["description"] for p in example["properties"].values())
    facts = _schema("report")["properties"]["summary"]["properties"]["facts"]["items"]
    assert facts["properties"]["parts_complete"]["type"] == "boolean"


def test_schema_out_writes_the_three_schemas(tmp_path: Path) -> None:
    result = run("schema", "--out", str(tmp_path / "schemas"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "example.schema.json", "report.schema.json", "site.schema.json"]


def _bilingual_starter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The starter content in English and Welsh, with a Welsh translation of its report."""
    monkeypatch.chdir(tmp_path)
    run("init")
    content = tmp_path / "content"
    site = content / "site.yml"
    site.write_text(site.read_text().replace("language: en-GB\n",
                                             "language: en-GB\nlanguages: [en, cy]\n"))
    report = (content / "reports" / "example-region-2025.yml").read_text()
    (content / "reports" / "example-region-2025-cy.yml").write_text(report.replace(
        "region: example-region\n",
        "region: example-region\nlanguage: cy\ntranslation_of: example-region-2025\n"))
    return content


@pytest.mark.parametrize("kind,first", [
    ("person", "Cyflwynwch yr unigolyn drwy ffugenw, gyda'i oedran, yna ei ddedfryd a'i drosedd"),
    ("initiative", "Disgrifiwch y fenter: pam y cafodd ei sefydlu, pwy sy'n ei rhedeg a sut "
     "mae'n gweithio.")])
def test_new_example_of_a_welsh_report_is_welsh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                kind: str, first: str) -> None:
    _bilingual_starter(tmp_path, monkeypatch)
    result = run("new", "example", "--report", "example-region-2025-cy", "--theme",
                 "court-work", "--kind", kind, "Dyddiadur ar y cyd")
    assert result.exit_code == 0, result.output
    path = tmp_path / "content" / "examples" / "dyddiadur-ar-y-cyd.md"
    text = path.read_text()
    front, _ = split_front_matter(text, "new")
    assert front is not None
    assert yaml.safe_load(front.yaml_text)["language"] == "cy"
    assert "## Canlyniad" in text and "## Outcome" not in text
    # Its Welsh guidance is refused like the English, until replaced with the example's text.
    checked = run("check")
    assert checked.exit_code == 1
    assert [line for line in checked.stdout.splitlines() if "unfinished-guidance" in line] == [
        f"{path.relative_to(tmp_path)}:19:1: error: unfinished-guidance: '{first}' is guidance "
        "that 'spotlight new example' wrote (and "
        f"{5 if kind == 'person' else 2} more of its sentences follow): replace it with the "
        "example's own text"]
    path.write_text(text[:text.index("\n---\n") + 5] + "Roedd Sam yn cwrdd â'i ymarferydd bob "
                    "wythnos.\n\n## Canlyniad\n\nCwblhaodd Sam ei orchymyn.\n")
    assert run("build", "--no-pdf").exit_code == 0
