"""Shared fixtures: small sample sites copied into a scratch folder, and built sites."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from spotlight.cli import main

TESTS = Path(__file__).parent
SITES = TESTS / "sites"
REPO = TESTS.parent
SAMPLE = REPO / "content"
REFERENCE = REPO.parent / "shared" / "reference" / "east-midlands-spotlight-2025.txt"


def copy_site(name: str, target: Path) -> Path:
    """Copy tests/sites/<name> (or the sample content, for "sample") to ``target``."""
    shutil.copytree(SAMPLE if name == "sample" else SITES / name, target)
    return target


def overlay(site: Path, files: dict[str, str | bytes | None]) -> None:
    """Write files over a site; None deletes one."""
    for relative, data in files.items():
        path = site / relative
        if data is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


def run(*args: str) -> Result:
    """Run the CLI in-process, as a user would from a shell."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Copy a named test site to ./site inside a scratch working folder."""
    monkeypatch.chdir(tmp_path)

    def make(name: str = "minimal") -> Path:
        return copy_site(name, tmp_path / "site")

    return make


def _build(name: str, target: Path, *extra: str) -> Path:
    content = copy_site(name, target / "content")
    out = target / "build"
    result = run("build", "--content", str(content), "--out", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content, built once with its PDFs."""
    return _build("sample", tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def elements_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture that holds every element of the reference spotlight, built once."""
    return _build("reference-elements", tmp_path_factory.mktemp("elements"))
