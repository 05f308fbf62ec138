"""The warm preview serves exactly what a clean build writes, after every kind of edit.

``spotlight serve`` keeps the site in memory and renders again only the pages an edit touches
(preview/warm.py). After each edit below, every file of a clean ``spotlight build`` of the
same content is fetched from the running preview over HTTP and compared byte for byte (the
preview's reload script, inserted before ``</body>``, set aside); files the build no longer
has must be gone from the preview too. Nothing here measures speed: each comparison waits,
within generous patience, for the preview to have caught up.
"""

from __future__ import annotations

import http.client
import io
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from spotlight.build import BuildOptions, build
from spotlight.errors import SpotlightError
from spotlight.preview.overlay import INDEXING
from spotlight.preview.warm import Snapshot

from .conftest import REPO, overlay
from .test_serve import PATIENCE, Preview, _start

#: What the preview adds at the foot of a page: the content's problems (never expected here)
#: and the reload script.
_ADDED = re.compile(r'<script>.*?</script>\n', re.S)


def _png(colour: str) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(out, "PNG")
    return out.getvalue()


def _fetch(preview: Preview, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(preview.host, preview.port, timeout=PATIENCE)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def _differences(preview: Preview, built: Path, gone: set[str]) -> list[str]:
    """What the preview serves differently from the build in ``built`` (empty: the same)."""
    found = []
    for path in sorted(p for p in built.rglob("*") if p.is_file()):
        relative = path.relative_to(built).as_posix()
        if relative.startswith("pagefind/") and relative != "pagefind/words.json":
            continue  # Pagefind's own files, whose names change from one run to the next
        expected = path.read_bytes()
        status, served = _fetch(preview, f"/{relative}")
        served = served.replace(INDEXING.encode(), b"", 1)  # while the index catches up
        if status != 200:
            found.append(f"{relative}: status {status}")
            continue
        at = expected.rfind(b"</body>")
        if relative.endswith(".html") and at >= 0 and served[:at] == expected[:at] \
                and served.endswith(expected[at:]):
            added = served[at:len(served) - len(expected) + at].decode()
            if _ADDED.fullmatch(added) and 'role="alert"' not in added:
                continue
        if served != expected:
            found.append(f"{relative}: served bytes differ from the build's")
    for relative in sorted(gone):
        if (status := _fetch(preview, f"/{relative}")[0]) != 404:
            found.append(f"{relative}: gone from the build, served with status {status}")
    return found


@pytest.fixture
def warm(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "override" / "templates").mkdir(parents=True)
    yield from _start(tmp_path, "--no-pdf", "--theme-override", "override")


def test_the_preview_serves_what_a_clean_build_writes_after_every_kind_of_edit(
        warm: Preview, tmp_path: Path) -> None:
    site = warm.content
    first = site / "examples" / "first-case.md"
    accessibility = (REPO / "themes" / "default" / "templates" / "accessibility.html")
    third = ("---\ntitle: Third case\nreports: [north-2025]\npractice_theme: court-work\n"
             "region: north\n---\nCal kept every appointment.\n")
    edits: list[tuple[str, dict[str, str | bytes | None]]] = [
        ("nothing yet", {}),
        ("body", {"examples/first-case.md": first.read_text().replace(
            "Ann completed her order.", "Ann completed her order early.")}),
        ("front matter", {"examples/first-case.md": first.read_text().replace(
            "Ann completed her order.", "Ann completed her order early.").replace(
            "title: First case", "title: First case, revised")}),
        ("report file", {"reports/north-2025.yml": (site / "reports" / "north-2025.yml")
                         .read_text().replace("The introduction.", "A new introduction.")}),
        ("site file", {"site.yml": (site / "site.yml").read_text().replace(
            "Test licence text.", "Another licence text.")}),
        ("theme override", {"../override/templates/accessibility.html":
                            accessibility.read_text().replace(
                                "{% block content %}", "{% block content %}<p>Overridden.</p>",
                                1)}),
        ("image added", {"images/square.png": _png("white"),
                         "examples/second-case.md": (site / "examples" / "second-case.md")
                         .read_text() + "\n![A white square](images/square.png)\n"}),
        ("image changed", {"images/square.png": _png("black")}),
        ("file added", {"examples/third-case.md": third}),
        ("file renamed", {"examples/third-case.md": None,
                          "examples/fourth-case.md": third}),
        ("file deleted", {"examples/fourth-case.md": None}),
    ]
    before: set[str] = set()
    for step, (kind, files) in enumerate(edits):
        overlay(site, files)
        built = tmp_path / f"built-{step}"
        build(BuildOptions(content=site, out=built, pdf=False, clean=True,
                           theme_override=tmp_path / "override"))
        now = {relative for p in built.rglob("*") if p.is_file() and not (
            relative := p.relative_to(built).as_posix()).startswith("pagefind/")}
        if kind == "theme override":
            assert "Overridden." in (built / "about" / "accessibility.html").read_text()
        deadline = time.monotonic() + PATIENCE
        while differences := _differences(warm, built, before - now):
            assert time.monotonic() < deadline, f"after the edit '{kind}':\n" + "\n".join(
                differences)
            time.sleep(0.2)
        before = now
        shutil.rmtree(built)


def test_the_search_page_says_while_its_results_are_being_updated() -> None:
    import threading

    from spotlight.preview.http import PreviewServer
    from spotlight.preview.state import PreviewState

    page = b'<!DOCTYPE html><html lang="en"><body><main>Search</main></body></html>'
    pages = {"search/index.html": page, "index.html": page}
    state = PreviewState()
    state.publish(())
    server = PreviewServer(("127.0.0.1", 0), lambda _: (), state, None,
                           site=lambda relative: next(((name, pages[name]) for name in (
                               relative, f"{relative}/index.html".lstrip("/"))
                               if name in pages), None))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    preview = Preview("127.0.0.1", server.server_address[1], Path(), Path(), None)  # type: ignore[arg-type]
    try:
        state.index(True)
        searching = _fetch(preview, "/search/")[1].decode()
        assert '<body><div role="status"' in searching, "at the top, in the flow of the page"
        assert "Search results are being updated to include your latest changes" in searching
        assert "Search results are being updated" not in _fetch(preview, "/")[1].decode(), \
            "only the search page says so"
        assert 'var seen = "1:0"' in searching, "the search page reloads once the index is ready"
        state.index(False)
        done = _fetch(preview, "/search/")[1].decode()
        assert "being updated" not in done and 'var seen = "1:1"' in done
    finally:
        server.shutdown()
        server.server_close()


def test_what_the_preview_keeps_stays_the_size_of_the_site(tmp_path: Path) -> None:
    """Saves do not pile up in memory: what is kept of an edited or deleted file goes."""
    from spotlight.preview.warm import WarmSite

    from .conftest import copy_site

    site = copy_site("minimal", tmp_path / "site")
    warm = WarmSite(BuildOptions(content=site, out=tmp_path / "out", pdf=False))
    assert warm.update() is not None
    first = site / "examples" / "first-case.md"
    for save in range(5):
        first.write_text(first.read_text().replace("completed her order",
                                                   f"completed her order ({save})"))
        snapshot = warm.update()
        assert snapshot is not None and "examples/first-case.html" in snapshot.rendered
    kept = warm._warm  # what is kept is the point here
    # The site file, the report file and the two examples, each validated and scanned by the
    # publish gate once.
    assert len(kept.validated) == 8 and len(kept.texts) == 2
    (site / "examples" / "second-case.md").unlink()
    snapshot = warm.update()
    assert snapshot is not None and "examples/second-case.html" not in snapshot.files
    assert len(kept.validated) == 6 and len(kept.texts) == 1 and len(kept.named) == 3
    assert kept.files is not None and all(path.exists() for path in kept.files.known)
    assert kept.manifest is not None and set(kept.manifest.files) == {
        *snapshot.files, *snapshot.copies}


def _made(snapshot: Snapshot, built: Path) -> list[str]:
    """How the files of ``snapshot`` differ from those of the build in ``built``."""
    found = []
    written = {p.relative_to(built).as_posix(): p for p in built.rglob("*")
               if p.is_file() and not p.relative_to(built).as_posix().startswith("pagefind/")}
    for relative in sorted({*written, *snapshot.files, *snapshot.copies}):
        if relative not in written:
            found.append(f"{relative}: made, but not by the build")
            continue
        made = snapshot.find(relative)
        if made is None or made[0] != relative:
            found.append(f"{relative}: not made")
            continue
        data = made[1].read_bytes() if isinstance(made[1], Path) else made[1]
        if data != written[relative].read_bytes():
            found.append(f"{relative}: bytes differ from the build's")
    return found


def _replaced(site: Path, relative: str, *pairs: str) -> dict[str, str | bytes | None]:
    text = (site / relative).read_text()
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert old in text, f"{relative} has no {old!r}"
        text = text.replace(old, new, 1)
    return {relative: text}


def test_the_warm_site_makes_what_a_clean_build_makes_after_every_kind_of_edit(
        tmp_path: Path) -> None:
    """In the preview's process, on the sample site (two languages, three reports): every
    edit that moves an example in the library (its title, practice theme, region and PDU,
    standards, order, reports), edits of the report and site files, the theme override and
    pictures, files and folders added, renamed and deleted, each told to the warm site as
    the watcher reports it (the files it saw change, or a folder alone); after each, the site
    kept in memory is the clean build's, file for file. A change the watcher did not report
    is caught by the full look the preview takes once saves pause. A link to another
    example leads to its place on a report page that shows it: it follows that example into
    and out of the report."""
    from spotlight.preview.warm import WarmSite

    from .conftest import copy_site

    site = copy_site("sample", tmp_path / "site")
    (tmp_path / "override" / "templates").mkdir(parents=True)
    options = BuildOptions(content=site, out=tmp_path / "out", pdf=False, search=False,
                           theme_override=tmp_path / "override")
    warm = WarmSite(options)
    release = "examples/first-release-after-a-long-sentence.md"
    cuckooing = "examples/spotting-signs-of-cuckooing.md"
    welsh = "examples/sylwi-ar-arwyddion-cwcwio.md"
    adjourning = "examples/adjourning-for-a-full-report.md"
    added = (site / cuckooing).read_text().replace(
        "title: Spotting the signs of cuckooing", "title: A case added").replace(
        "order: 1", "order: 2")
    accessibility = (REPO / "themes" / "default" / "templates" / "accessibility.html")

    def write(files: dict[str, str | bytes | None]) -> set[str] | None:
        overlay(site, files)
        return set(files)

    def folder_moved(source: str, target: str) -> set[str] | None:
        (site / source).rename(site / target)
        return {source, target}  # the folders alone, not the files they hold

    edits: list[tuple[str, Callable[[], set[str] | None]]] = [
        ("nothing yet", lambda: None),
        ("body", lambda: write(_replaced(site, release, "walked with him", "went with him"))),
        ("title", lambda: write(_replaced(site, cuckooing, "title: Spotting the signs",
                                          "title: Seeing the signs"))),
        ("practice theme", lambda: write(_replaced(
            site, release, "practice_theme: resettlement", "practice_theme: public-protection"))),
        ("region and PDU", lambda: write(_replaced(site, release, "pdu: carrowfield",
                                                   "pdu: brenmoor"))),
        ("standards", lambda: write(_replaced(site, release, 'standards: ["2.2", "2.3", "2.4"]',
                                              'standards: ["1.1"]'))),
        ("order", lambda: write(_replaced(site, release, "order: 1", "order: 7"))),
        ("report date", lambda: write(_replaced(site, "reports/northshire-2025.yml",
                                                "published: 2025-08-14",
                                                "published: 2026-12-01"))),
        ("site file", lambda: write(_replaced(site, "site.yml",
                                              "title: Effective Practice Spotlights",
                                              "title: Spotlights on effective practice"))),
        ("Welsh example", lambda: write(_replaced(site, welsh, "title: Sylwi ar arwyddion cwcwio",
                                                  "title: Sylwi ar gwcwio"))),
        ("theme override", lambda: write({"../override/templates/accessibility.html":
                                          accessibility.read_text().replace(
                                              "{% block content %}",
                                              "{% block content %}<p>Overridden.</p>", 1)})),
        ("image added", lambda: write({"images/square.png": _png("white"), release: (
            site / release).read_text() + "\n![A white square](images/square.png)\n"})),
        ("image changed", lambda: write({"images/square.png": _png("black")})),
        ("hidden file", lambda: write({"examples/.notes.md": "Not content."})),
        ("file added", lambda: write({"examples/a-case-added.md": added})),
        ("file renamed", lambda: write({"examples/a-case-added.md": None,
                                        "examples/a-case-renamed.md": added})),
        ("file deleted", lambda: write({cuckooing: None})),
        ("folder added", lambda: write({"examples/more/a-case-in-a-folder.md": added.replace(
            "title: A case added", "title: A case in a folder")}) and {"examples/more"}),
        ("folder renamed", lambda: folder_moved("examples/more", "examples/others")),
        ("folder deleted", lambda: folder_moved("examples/others", ".trash")),
        ("not reported", lambda: write(_replaced(site, release, "went with him",
                                                 "walked with him")) and set()),
        ("personal detail", lambda: write(_replaced(site, release, "## Outcome\n",
                                                    "## Outcome\n\nHe moved to NG7 2QP.\n"))),
        ("detail taken out", lambda: write(_replaced(site, release, "He moved to NG7 2QP.",
                                                     "He moved."))),
        ("pseudonym", lambda: write({release: (site / release).read_text().replace(
            "Darren", "Dominic")})),
        ("link to an example", lambda: write({release: (site / release).read_text().replace(
            "## Outcome\n", "See [a court case](adjourning-for-a-full-report.md).\n\n"
                             "## Outcome\n")})),
        ("linked example joins the report", lambda: write(_replaced(
            site, adjourning, "reports: [northshire-2025]",
            "reports: [northshire-2025, westvale-2026]"))),
        ("linked example leaves it", lambda: write(_replaced(
            site, adjourning, "reports: [northshire-2025, westvale-2026]",
            "reports: [northshire-2025]"))),
    ]
    for step, (kind, edit) in enumerate(edits):
        changed = edit()
        built = tmp_path / f"built-{step}"
        problems = [_problems(warm.update, None if changed is None else {
            site / name for name in changed}), _problems(build, replace(options, out=built,
                                                                       clean=True))]
        if kind == "not reported":  # the full look once saves pause (serve.py, _settle)
            problems[0] = _problems(warm.update)
        assert problems[0] == problems[1], f"after the edit '{kind}'"
        if kind == "personal detail":
            assert problems[1] and "anon-postcode" in problems[1][0]
            continue
        assert not problems[1] and not (differences := _made(warm.snapshot, built)), \
            f"after the edit '{kind}':\n" + "\n".join(differences)
        shutil.rmtree(built)


def _problems(run: Callable[..., object], *args: object) -> list[str]:
    """The problems ``run(*args)`` raises, as the preview and the command line say them."""
    try:
        run(*args)
    except SpotlightError as error:
        return [str(problem) for problem in error.problems]
    return []
