"""The region of an imported spotlight, read from its title in each way a title gives it:
"– Wales" (the published form for Wales), "– Wales region", "- North West region", "– the
North West", with an en or em dash or a hyphen; a region the site file does not have is
added as written; a title without a region says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .conftest import run
from .import_fixtures import SPOTLIGHT, write_docx, write_html

WRITERS = {"page.html": write_html, "draft.docx": write_docx}


def _rows(title: str) -> list[tuple[str, str]]:
    """The fixture spotlight with this title, and a summary heading that names no region."""
    rows = [("title", title) if kind == "title" else (kind, text) for kind, text in SPOTLIGHT]
    return [("h", "Effective practice summary") if text.endswith("effective practice summary")
            else (kind, text) for kind, text in rows]


def _import(tmp_path: Path, title: str, writer: str = "page.html",
            out: Path | None = None) -> tuple[str, Path]:
    source = WRITERS[writer](tmp_path / writer, _rows(title))
    content = out or tmp_path / "content"
    result = run("import", str(source), "--out", str(content))
    assert result.exit_code == 0, result.output
    return result.output, content


def _regions(content: Path) -> list[dict[str, object]]:
    site = yaml.safe_load((content / "site.yml").read_text(encoding="utf-8"))
    return site["regions"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize(("title", "slug", "name"), [
    ("Effective Practice Spotlight: The Probation Service – Wales", "wales", "Wales"),
    ("Effective Practice Spotlight: The Probation Service – Wales region", "wales", "Wales"),
    ("Effective Practice Spotlight: The Probation Service - North West region", "north-west",
     "North West"),
    ("Effective Practice Spotlight: The Probation Service — the North West", "north-west",
     "North West"),
    ("Effective Practice Spotlight – Kent, Surrey and Sussex region",
     "kent-surrey-and-sussex", "Kent, Surrey and Sussex"),
])
def test_the_region_is_read_from_the_title(tmp_path: Path, writer: str, title: str, slug: str,
                                           name: str) -> None:
    output, content = _import(tmp_path, title, writer)
    assert "no region found" not in output
    assert [p.name for p in (content / "reports").glob("*.yml")] == [f"{slug}-2025.yml"]
    report = yaml.safe_load((content / "reports" / f"{slug}-2025.yml").read_text("utf-8"))
    assert report["region"] == slug
    assert report["title"] == title
    assert {"slug": slug, "name": name} in [
        {"slug": r["slug"], "name": r["name"]} for r in _regions(content)]
    example = (content / "examples" / "careful-enquiries-before-sentence.md").read_text("utf-8")
    assert f"\nregion: {slug}\n" in example


def test_a_region_the_site_file_has_is_used_by_its_own_slug(tmp_path: Path) -> None:
    """The site file names the region 'North West' with its own slug: "– the North West"
    is that region, and nothing is added."""
    content = tmp_path / "content"
    _import(tmp_path, "Effective Practice Spotlight: The Probation Service – Westshire region",
            out=content)
    site = content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "- slug: westshire\n    name: Westshire", "- slug: nw\n    name: North West"),
        encoding="utf-8")
    before = len(_regions(content))
    for path in (*content.glob("reports/*.yml"), *content.glob("examples/*.md")):
        path.unlink()
    output, _ = _import(tmp_path, "Effective Practice Spotlight: The Probation Service – the "
                                  "North West", out=content)
    assert "no region found" not in output
    assert (content / "reports" / "nw-2025.yml").exists()
    assert len(_regions(content)) == before


def test_a_title_without_a_region_says_what_to_do(tmp_path: Path) -> None:
    """A thematic title ("...: Work with women") names no region: the report is filed under
    'Unknown region', and the warning says how to put that right."""
    output, content = _import(tmp_path, "Effective Practice Spotlight: Work with women")
    assert ("no region found in the title 'Effective Practice Spotlight: Work with women' "
            "(such as '... – North West region' or '... – Wales'): the region is 'Unknown "
            "region' for now; put the region's name in the title and import again, or rename "
            "the region in site.yml and in the report (its region and its file name)"
            ) in " ".join(output.split())
    assert (content / "reports" / "unknown-region-2025.yml").exists()
