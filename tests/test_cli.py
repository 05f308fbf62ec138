"""The command line as a user meets it: exit codes, messages, and a build that never breaks."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from spotlight import __version__
from spotlight.incremental import RECORDS

from .conftest import overlay, run


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_reports_what_it_wrote(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    result = run("build", "--content", "site", "--out", "out")
    assert result.exit_code == 0
    assert result.output.strip() == ("Built 1 report(s) with 2 example(s): 12 page(s) and "
                                     "5 PDF(s) in out")
    assert (tmp_path / "out" / "reports" / "north-2025.pdf").read_bytes().startswith(b"%PDF-")


def test_broken_example_leaves_previous_build_byte_for_byte(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    assert run("build", "--content", "site", "--out", "out").exit_code == 0
    before = _snapshot(tmp_path / "out")
    overlay(content, {"examples/second-case.md": "---\ntitle: Broken\nreports: [north-2025\n---\n"
                                                  "Body.\n"})
    result = run("build", "--content", "site", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.startswith("site/examples/second-case.md:")
    assert "Traceback" not in result.output
    assert _snapshot(tmp_path / "out") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORDS, "out", "site"], \
        "no temporary left"


def test_rebuild_replaces_the_previous_build(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    overlay(content, {"examples/second-case.md": None})
    assert run("build", "--content", "site", "--out", "out", "--no-pdf").exit_code == 0
    html = (tmp_path / "out" / "reports" / "north-2025.html").read_text()
    assert "Second case" not in html and "First case" in html


def test_refuses_to_replace_a_folder_it_did_not_build(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("irreplaceable")
    result = run("build", "--content", "site", "--out", "documents")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("documents: refusing to replace a folder that "
                                             "spotlight did not build; choose another output "
                                             "folder")
    assert (precious / "thesis.txt").read_text() == "irreplaceable"


def test_output_inside_content_is_refused(site) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    result = run("build", "--content", "site", "--out", "site/build")
    assert result.exit_code == 1
    assert "must not be inside the content folder" in result.stderr


def test_missing_content_folder(site) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    result = run("build", "--content", "nowhere", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "nowhere: the content folder does not exist"


def test_the_command_says_everything_and_leaves_a_whole_build(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The command run as a user runs it, in its own process (which leaves at once when a
    build has finished): every line is said, into a pipe too, and the build is whole."""
    site("minimal")
    assert run("build", "--content", "site", "--out", "here", "--no-pdf",
               "--no-search").exit_code == 0

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "spotlight", "build", "--content", "site",
                               "--out", "out", "--no-pdf", "--no-search", *args],
                              cwd=tmp_path, capture_output=True, text=True, check=False)

    built = command()
    assert (built.returncode, built.stdout, built.stderr) == (0, (
        "Built 1 report(s) with 2 example(s): 11 page(s) and 0 PDF(s) in out\n"), "")
    assert _snapshot(tmp_path / "out") == _snapshot(tmp_path / "here")
    again = command()
    assert (again.returncode, again.stdout) == (0, "Nothing changed: out is up to date.\n")
    (tmp_path / "site" / "site.yml").write_text("title: [\n")
    failed = command()
    assert failed.returncode == 1 and failed.stdout == ""
    assert failed.stderr.splitlines()[-1] == ("Build failed: 1 problem; the previous build is "
                                              "unchanged.")
    assert _snapshot(tmp_path / "out") == _snapshot(tmp_path / "here")


def test_version_and_module_entry_point() -> None:
    assert run("--version").output.strip() == f"spotlight, version {__version__}"
    completed = subprocess.run([sys.executable, "-m", "spotlight", "--help"],
                               capture_output=True, text=True, check=True)
    assert "build" in completed.stdout


def test_every_command_but_schema_takes_quiet_and_verbose() -> None:
    from spotlight.cli import main

    def commands(group, prefix=()):  # type: ignore[no-untyped-def]
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from commands(command, (*prefix, name))
            else:
                yield (*prefix, name), {o for p in command.params for o in p.opts}

    found = dict(commands(main))
    assert len(found) >= 9
    for name, options in found.items():
        if name != ("schema",):
            assert {"-q", "--quiet", "-v", "--verbose"} <= options, name


def test_import_quiet_prints_only_warnings_and_verbose_each_file(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Notes from a visit\n\nExample of effectiveness: Two meetings\n\n"
                      "The team met twice.\n", encoding="utf-8")
    quiet = run("import", str(source), "--out", str(tmp_path / "quiet"), "-q")
    assert quiet.exit_code == 0 and quiet.stdout == ""
    assert "no region found" in quiet.stderr
    verbose = run("import", str(source), "--out", str(tmp_path / "loud"), "-v")
    wrote = [line for line in verbose.stdout.splitlines() if line.startswith("Wrote ")]
    assert [Path(line.removeprefix("Wrote ")).name for line in wrote] == [
        "two-meetings.md", "notes.yml", "site.yml"]
