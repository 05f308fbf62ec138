"""The build records live beside the content folder, never in the website: the output folder
holds exactly the site, whatever the folders the build is given."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from spotlight.incremental import RECORDS, Records
from spotlight.incremental.records import LEGACY, MANIFEST

from .conftest import copy_site, run


def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _build(content: Path | str, out: Path | str, *extra: str) -> str:
    result = run("build", "--content", str(content), "--out", str(out), "--no-search",
                 "--no-pdf", *extra)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_output_folder_holds_exactly_the_site(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _build("site", "out")
    out = tmp_path / "out"
    written = _tree(out)
    assert not [name for name in written if any(p.startswith(".") for p in name.split("/"))], \
        "no hidden file: nothing but the site"
    manifest = json.loads((Records(content, out).folder / MANIFEST).read_text())
    assert set(manifest["files"]) == written, "every file is a file of the site"
    assert {"index.html", "404.html", "feed.xml", "static/site.css"} <= written
    records = tmp_path / RECORDS
    assert (records / ".gitignore").read_text().splitlines()[-1] == "*", "git never sees them"
    assert _build("site", "out").strip() == "Nothing changed: out is up to date."


def test_content_and_output_elsewhere_keep_their_records_with_the_content(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    content = copy_site("minimal", tmp_path / "project" / "content")
    web = tmp_path / "web"
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    _build(content, web / "site")
    _build(content, web / "preview")
    assert sorted(p.name for p in web.iterdir()) == ["preview", "site"]
    assert not list((tmp_path / "here").iterdir()), "nothing where the command ran"
    builds = tmp_path / "project" / RECORDS / "builds"
    assert sorted(p.name.rsplit("-", 1)[0] for p in builds.iterdir()) == ["preview", "site"]
    assert _build(content, web / "site").startswith("Nothing changed: ")
    shutil.rmtree(web / "preview")
    first = content / "examples" / "first-case.md"
    first.write_text(first.read_text().replace("Ann", "Anna"))
    _build(content, web / "site")
    assert [p.name.rsplit("-", 1)[0] for p in builds.iterdir()] == ["site"], \
        "the records of an output folder that is gone are removed"


def test_records_an_older_version_kept_in_the_output_folder_are_cleaned_up_once(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    _build("site", "out")
    out = tmp_path / "out"
    shutil.rmtree(tmp_path / RECORDS)  # as an older version left it: records inside the site
    for name in LEGACY:
        (out / name).write_text("{}")
    _build("site", "out")
    assert not [name for name in LEGACY if (out / name).exists()]
    assert (out / "index.html").is_file()
    assert _build("site", "out").strip() == "Nothing changed: out is up to date."


def test_deleted_records_mean_one_full_build(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    _build("site", "out")
    before = _tree(tmp_path / "out")
    shutil.rmtree(tmp_path / RECORDS)
    output = _build("site", "out")
    assert "unchanged" not in output and "Nothing changed" not in output
    assert _tree(tmp_path / "out") == before


def test_records_of_another_folder_are_never_trusted(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = site("minimal")
    _build("site", "out")
    out = tmp_path / "out"
    (tmp_path / "elsewhere").mkdir()
    shutil.move(out, tmp_path / "elsewhere" / "out")
    shutil.copytree(tmp_path / "elsewhere" / "out", out)  # the same files, another folder
    (out / "index.html").write_text("not what the build wrote")
    assert Records(content, out).manifest() is None
    assert "Nothing changed" not in _build("site", "out")
    assert "not what the build wrote" not in (out / "index.html").read_text()


def test_a_file_of_the_build_removed_or_replaced_means_a_full_build(
        site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    _build("site", "out")
    out = tmp_path / "out"
    pages = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
             if p.is_file()}
    (tmp_path / "elsewhere.html").write_bytes(pages["index.html"])
    for damage in ("removed", "a link", "a folder", "changed"):
        target = out / "index.html"
        target.unlink()
        if damage == "a link":
            target.symlink_to(tmp_path / "elsewhere.html")  # the same bytes, through a link
        elif damage == "a folder":
            target.mkdir()
        elif damage == "changed":
            target.write_bytes(pages["index.html"].replace(b"<title>", b"<title>Edited "))
        output = _build("site", "out")
        assert "Nothing changed" not in output, damage
        assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
                if p.is_file()} == pages, damage
        assert not (out / "index.html").is_symlink(), damage
