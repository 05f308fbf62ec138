"""The README's set-up, run as on a fresh Debian machine with Debian's own Python.

Debian's /usr/bin/python3 is "externally managed" (PEP 668): pip refuses to install into it.
scripts/build.sh must then make the project its own virtual environment, install there, and
leave a `spotlight` command that the README's commands can use as written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from spotlight.editor import bundle

from .conftest import REPO

DEBIAN_PYTHON = Path("/usr/bin/python3")
_NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".pytest_cache",
                                     ".ruff_cache", ".hypothesis", "*.egg-info", "dist")


def _not_copied(folder: str, names: list[str]) -> set[str]:
    """What a fresh clone would not have: caches, and at the top the builds."""
    left_out = set(_NOT_COPIED(folder, names))
    if Path(folder) == REPO:
        left_out |= {n for n in names if n == "build" or n.startswith("build.")}
    return left_out


def _pip_cache() -> str:
    found = subprocess.run(["python3", "-m", "pip", "cache", "dir"], capture_output=True,
                           text=True, check=False).stdout.strip()
    return found or str(Path.home() / ".cache" / "pip")


def test_setup_with_debian_python_makes_a_venv_and_a_spotlight_command(tmp_path: Path) -> None:
    assert (DEBIAN_PYTHON.parent.parent / "lib" / "python3.11" / "EXTERNALLY-MANAGED").is_file() \
        or any(DEBIAN_PYTHON.parent.parent.glob("lib/python3*/EXTERNALLY-MANAGED")), \
        "this test needs Debian's own python3, which is externally managed"
    project = tmp_path / "spotlight"
    shutil.copytree(REPO, project, ignore=_not_copied, symlinks=True)
    home = tmp_path / "home"
    home.mkdir()
    local_bin = home / ".local" / "bin"
    env = {**os.environ, "HOME": str(home), "PATH": f"{local_bin}:/usr/bin:/bin",
           "PIP_CACHE_DIR": _pip_cache(),
           # The editor's bundle, fetched by scripts/test.sh already: not downloaded again.
           "SPOTLIGHT_CACHE": str(bundle.cache_folder().parent)}
    for name in ("PYTHON", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)

    setup = subprocess.run(["bash", "scripts/build.sh", "--no-pdf", "--no-search"],
                           cwd=project, env=env, capture_output=True, text=True, check=False)

    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert "Making a virtual environment for spotlight in .venv/" in setup.stdout
    assert (project / ".venv" / "bin" / "python").is_file()
    assert (project / "build" / "index.html").is_file()
    assert f"The editor (Decap CMS {bundle.VERSION}) is ready" in setup.stdout
    assert f"The spotlight command is ready: {local_bin}/spotlight" in setup.stdout
    # The README's commands, as a new author types them, from a folder of their own.
    work = tmp_path / "work"
    work.mkdir()
    version = subprocess.run(["spotlight", "--version"], cwd=work, env=env,
                             capture_output=True, text=True, check=False)
    assert version.returncode == 0 and version.stdout.startswith("spotlight, version"), \
        version.stderr
    init = subprocess.run(["spotlight", "init", "my-spotlight"], cwd=work, env=env,
                          capture_output=True, text=True, check=False)
    assert init.returncode == 0, init.stderr
    build = subprocess.run(["spotlight", "build", "--no-pdf", "--no-search"],
                           cwd=work / "my-spotlight", env=env, capture_output=True, text=True,
                           check=False)
    assert build.returncode == 0, build.stderr
    assert (work / "my-spotlight" / "build" / "index.html").is_file()
