"""``spotlight serve --edit``: the editor's API asked directly (every refusal, every save path),
and the editor itself driven in Debian's chromium (open, list, edit, save, create, refuse),
with no request leaving 127.0.0.1."""

from __future__ import annotations

import base64
import http.client
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from spotlight.content.fields import EXAMPLE
from spotlight.editor import bundle
from spotlight.editor.api import LocalBackend
from spotlight.editor.config import DEFAULTS, EDITABLE, HINTS, decap_config
from spotlight.editor.frontmatter import merge
from spotlight.editor.paths import Refused
from spotlight.errors import SpotlightError

from .conftest import REPO, SAMPLE, copy_site, run

PATIENCE = 60.0
EXAMPLE_PATH = "examples/adjourning-for-a-full-report.md"


@dataclass
class Editing:
    host: str
    port: int
    token: str
    url: str
    content: Path
    #: What ``serve --edit`` prints, line by line, once it says where to edit.
    printed: queue.Queue[str]

    def call(self, action: str, params: dict[str, Any] | None = None, *,
             headers: dict[str, str] | None = None) -> tuple[int, Any]:
        """POST an action to the API as the editor's page would (``headers`` override)."""
        body = json.dumps({"action": action, "params": params or {}}).encode()
        sent = {"Host": f"127.0.0.1:{self.port}", "Origin": f"http://127.0.0.1:{self.port}",
                "Content-Type": "application/json", "X-Spotlight-Token": self.token,
                "Content-Length": str(len(body))}
        for name, value in (headers or {}).items():
            if value is None:
                sent.pop(name, None)
            else:
                sent[name] = value
        connection = http.client.HTTPConnection(self.host, self.port, timeout=PATIENCE)
        connection.putrequest("POST", "/api/v1", skip_host=True, skip_accept_encoding=True)
        for name, value in sent.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        try:
            return response.status, json.loads(data)
        except ValueError:
            return response.status, data.decode("utf-8", "replace")

    def said(self, start: str) -> str:
        """The next line the terminal printed that starts with ``start``."""
        while not (line := self.printed.get(timeout=PATIENCE)).startswith(start):
            pass
        return line.rstrip("\n")

    def until(self, path: str, text: str) -> str:
        """The preview's page at ``path`` once it shows ``text``."""
        deadline = time.monotonic() + PATIENCE
        while True:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=PATIENCE)
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
            connection.close()
            if response.status == 200 and text in body:
                return body
            assert time.monotonic() < deadline, f"{path} never showed {text!r}"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def editing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editing]:
    """``spotlight serve --edit`` on a copy of the sample content."""
    assert bundle.installed() is not None, (
        "Decap CMS is not in the cache: scripts/test.sh fetches it "
        "(python3 -m spotlight.editor.bundle)")
    root = tmp_path_factory.mktemp("editing")
    content = copy_site("sample", root / "content")
    command = [sys.executable, "-m", "spotlight", "serve", "--content", "content", "--out",
               "preview", "--port", "0", "--no-pdf", "--edit"]
    process = subprocess.Popen(command, cwd=root, stderr=subprocess.PIPE, text=True,
                               env=os.environ | {"PYTHONPATH": str(REPO)})
    lines: queue.Queue[str] = queue.Queue()
    assert process.stderr is not None
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr],  # type: ignore[union-attr]
                     daemon=True).start()
    try:
        while not (found := re.search(r"Editing at (http://\S+)", lines.get(timeout=PATIENCE))):
            pass
        url = urlsplit(found.group(1))
        assert url.hostname == "127.0.0.1" and url.port
        token = url.query.removeprefix("token=")
        yield Editing(url.hostname, url.port, token, found.group(1), content, lines)
    finally:
        process.terminate()
        process.wait(timeout=PATIENCE)


def _file(editing: Editing, relative: str) -> bytes:
    return (editing.content / relative).read_bytes()


def _entry(editing: Editing, relative: str) -> str:
    status, entry = editing.call("getEntry", {"path": relative})
    assert status == 200, entry
    return str(entry["data"])


def _decap(text: str) -> str:
    """A file as Decap writes it: its front matter re-dumped, block lists, no comments."""
    import yaml

    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n" + body


# --- the editor's page and files --------------------------------------------------------


def _get(editing: Editing, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(editing.host, editing.port, timeout=PATIENCE)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_the_editor_page_its_configuration_and_decaps_files_are_served(editing: Editing) -> None:
    page = _get(editing, "/admin/")
    assert page.status == 200
    assert "connect-src 'self'" in page.getheader("Content-Security-Policy", "")
    assert _get(editing, "/admin/config.yml").status == 200
    script = _get(editing, "/admin/decap/decap-cms.js")
    assert script.status == 200 and script.getheader("Content-Type", "").startswith(
        "text/javascript")
    for path in ("/admin/decap/../../site.yml", "/admin/decap/%2e%2e/package.json",
                 "/admin/decap/package.json", "/admin/../site.yml", "/admin/site.yml"):
        assert _get(editing, path).status in (400, 404), path


# --- the API, asked directly ------------------------------------------------------------


def test_the_api_lists_and_reads_the_examples(editing: Editing) -> None:
    status, info = editing.call("info")
    assert status == 200 and info["type"] == "local_fs"
    status, entries = editing.call("entriesByFolder", {"folder": "examples", "extension": "md",
                                                       "depth": 1})
    assert status == 200
    assert sorted(e["file"]["path"] for e in entries) == sorted(
        f"examples/{p.name}" for p in (editing.content / "examples").glob("*.md"))
    assert len(entries) >= len(list((SAMPLE / "examples").glob("*.md")))
    assert EXAMPLE_PATH in {e["file"]["path"] for e in entries}
    assert _entry(editing, EXAMPLE_PATH) == (editing.content / EXAMPLE_PATH).read_text()
    status, media = editing.call("getMedia", {"mediaFolder": "images"})
    assert status == 200 and [m["path"] for m in media] == ["images/curiosity-cycle.svg"]


@pytest.mark.parametrize(("headers", "why"), [
    ({"Host": "evil.example:80"}, "Refused: the preview answers only to"),
    ({"Origin": "http://evil.example"}, "answers only to the editor's own page"),
    ({"Origin": None}, "answers only to the editor's own page"),
    ({"X-Spotlight-Token": None}, "no valid editor token"),
    ({"X-Spotlight-Token": "guessed"}, "no valid editor token"),
])
def test_the_api_refuses_other_hosts_origins_and_requests_without_the_token(
        editing: Editing, headers: dict[str, str], why: str) -> None:
    before = _file(editing, EXAMPLE_PATH)
    raw = before.decode().replace("order: 1", "order: 7")
    status, answer = editing.call("persistEntry", {"dataFiles": [{"path": EXAMPLE_PATH,
                                                                  "raw": raw}], "assets": []},
                                  headers=headers)
    assert status in (403, 421)
    assert why in str(answer)
    assert _file(editing, EXAMPLE_PATH) == before


@pytest.mark.parametrize("path", [
    "site.yml", "reports/northshire-2025.yml", "../outside.md", "examples/../site.yml",
    "/etc/passwd", ".git/config", "examples/.git/x.md", ".git/hooks/pre-commit.md",
    "examples/sub/x.md", "examples/x.txt", "examples\\..\\site.yml",
])
def test_the_api_writes_no_file_but_an_example(editing: Editing, path: str) -> None:
    site = _file(editing, "site.yml")
    raw = _entry(editing, EXAMPLE_PATH)
    status, answer = editing.call("persistEntry", {"dataFiles": [{"path": path, "raw": raw}],
                                                   "assets": []})
    assert status in (400, 403), answer
    assert "examples" in answer["error"] or "content folder" in answer["error"]
    for action, params in (("getEntry", {"path": path}), ("deleteFile", {"path": path}),
                           ("persistMedia", {"asset": {"path": path, "encoding": "base64",
                                                       "content": "aGk="}})):
        status, answer = editing.call(action, params)
        assert status in (400, 403), (action, answer)
    assert _file(editing, "site.yml") == site
    assert not (editing.content.parent / "outside.md").exists()
    assert not (editing.content / ".git").exists()
    assert not (editing.content / "examples" / "sub").exists()


def test_a_save_that_changes_nothing_leaves_the_file_byte_for_byte(editing: Editing) -> None:
    before = _file(editing, EXAMPLE_PATH)
    status, _ = editing.call("persistEntry", {"dataFiles": [{
        "path": EXAMPLE_PATH, "raw": _decap(before.decode())}], "assets": []})
    assert status == 200
    assert _file(editing, EXAMPLE_PATH) == before


def test_a_postcode_is_refused_in_the_forms_words_and_the_file_kept(editing: Editing) -> None:
    before = _file(editing, EXAMPLE_PATH)
    raw = _decap(before.decode()).replace("for three weeks.", "for three weeks at NE1 4ST.")
    status, answer = editing.call("persistEntry", {"dataFiles": [{"path": EXAMPLE_PATH,
                                                                  "raw": raw}], "assets": []})
    assert status == 422
    assert answer["heading"] == "Not saved: the example's file is as it was"
    assert answer["problems"] == [
        "Text: 'NE1 4ST' looks like a postcode: name the area in words, or leave it out"]
    assert _file(editing, EXAMPLE_PATH) == before
    # ...and the terminal that runs the editor says so, in one line.
    assert editing.said(f"Not saved: {EXAMPLE_PATH}") == (
        f"Not saved: {EXAMPLE_PATH}: Text: 'NE1 4ST' looks like a postcode: name the area in "
        "words, or leave it out.")


def test_an_invalid_value_is_refused_with_the_checkers_message(editing: Editing) -> None:
    before = _file(editing, EXAMPLE_PATH)
    raw = _decap(before.decode()).replace("region: northshire", "region: nowhere")
    status, answer = editing.call("persistEntry", {"dataFiles": [{"path": EXAMPLE_PATH,
                                                                  "raw": raw}], "assets": []})
    assert status == 422
    assert answer["problems"] == ["Region: unknown region 'nowhere'; known: northshire, westvale"]
    assert _file(editing, EXAMPLE_PATH) == before
    assert editing.said(f"Not saved: {EXAMPLE_PATH}") == (
        f"Not saved: {EXAMPLE_PATH}: Region: unknown region 'nowhere'; known: northshire, "
        "westvale.")


def test_a_new_example_takes_its_title_s_slug_and_never_overwrites(editing: Editing) -> None:
    raw = ("---\ntitle: Children's services, working together\nreports: [northshire-2025]\n"
           "practice_theme: court-work\nregion: northshire\n---\nA new example.\n")
    names = []
    for _ in range(2):
        status, answer = editing.call("persistEntry", {
            "dataFiles": [{"path": "examples/childrens-services-working-together.md",
                           "raw": raw, "slug": "x"}], "assets": [],
            "options": {"newEntry": True}})
        assert status == 200, answer
        names.append(answer["message"])
    assert names == ["saved examples/childrens-services-working-together.md",
                     "saved examples/childrens-services-working-together-2.md"]
    written = _file(editing, "examples/childrens-services-working-together.md").decode()
    assert written == raw
    editing.until("/examples/childrens-services-working-together-2.html", "A new example.")
    for name in ("childrens-services-working-together", "childrens-services-working-together-2"):
        assert editing.call("deleteFile", {"path": f"examples/{name}.md"})[0] == 200
    assert not (editing.content / "examples/childrens-services-working-together.md").exists()


def test_pictures_go_to_the_images_folder_only(editing: Editing) -> None:
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
           b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
           b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
    content = base64.b64encode(png).decode()
    status, answer = editing.call("persistMedia", {"asset": {
        "path": "images/dot.png", "encoding": "base64", "content": content}})
    assert status == 200 and answer["path"] == "images/dot.png"
    assert _file(editing, "images/dot.png") == png
    status, _ = editing.call("persistMedia", {"asset": {
        "path": "images/dot.html", "encoding": "base64", "content": content}})
    assert status == 403
    script = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)'
                              b'</script></svg>').decode()
    status, answer = editing.call("persistMedia", {"asset": {
        "path": "images/bad.svg", "encoding": "base64", "content": script}})
    assert status == 422 and "bad.svg" in answer["error"]
    status, answer = editing.call("persistMedia", {"asset": {
        "path": "images/fake.png", "encoding": "base64", "content": "aGk="}})
    assert status == 422 and "fake.png" in answer["error"]
    assert not (editing.content / "images/bad.svg").exists()
    assert not (editing.content / "images/fake.png").exists()
    assert editing.call("deleteFiles", {"paths": ["images/dot.png"]})[0] == 200
    assert not (editing.content / "images/dot.png").exists()


# --- front matter in the house style -----------------------------------------------------


def test_only_changed_values_are_rewritten_in_the_style_they_had() -> None:
    old = ("---\n# A comment the author keeps\ntitle: 'Quoted, and kept'\n"
           "reports: [northshire-2025]\npractice_theme: court-work  # why court work\n"
           "region: northshire\nstandards: [\"3.1\"]\ntags:\n  - one\n  - two\n---\n"
           "Body with [@key] and\n\n- a bullet\n")
    decap = _decap(old).replace("court-work", "resettlement").replace("- two", "- two\n- three")
    decap = decap.replace("- '3.1'", "- '3.1'\n- '2.1'").replace("Quoted, and kept",
                                                                "Quoted, and changed")
    merged = merge(old, decap, EDITABLE, "x.md", DEFAULTS)
    assert merged == ("---\n# A comment the author keeps\ntitle: 'Quoted, and changed'\n"
                      "reports: [northshire-2025]\npractice_theme: resettlement  # why court "
                      "work\nregion: northshire\nstandards: [\"3.1\", \"2.1\"]\ntags:\n  - one\n"
                      "  - two\n  - three\n---\nBody with [@key] and\n\n- a bullet\n")
    assert merge(old, _decap(old) + "\n", EDITABLE, "x.md", DEFAULTS) == old


# --- the configuration, from the declarations ----------------------------------------------


def test_the_configuration_follows_the_declarations_and_the_site_file() -> None:
    config = decap_config(SAMPLE, "http://127.0.0.1:8000")
    assert config["local_backend"] == {"url": "http://127.0.0.1:8000/api/v1"}
    [examples] = config["collections"]
    fields = {f["name"]: f for f in examples["fields"]}
    assert list(fields) == [f.name for f in EXAMPLE.fields] + ["body"]
    for spec in EXAMPLE.fields:
        assert fields[spec.name]["required"] == spec.required
        if spec.refers:  # what names something of the site file or a report: a choice
            assert fields[spec.name]["widget"] == "select" and fields[spec.name]["options"]
        assert fields[spec.name]["hint"] == HINTS.get(
            spec.name, spec.doc[0].upper() + spec.doc[1:].replace("`", "") + ".")
    # In plain words: no "slug" (the form offers names), no programmer's `code` marks.
    for field in [*fields.values(), *fields["waivers"]["fields"]]:
        assert not re.search(r"slug|`", field["label"] + field["hint"], re.IGNORECASE), field
    assert fields["body"]["modes"] == ["raw"]
    assert {"label": "Court work", "value": "court-work"} in fields["practice_theme"]["options"]
    assert {"label": "2.1 Assessment", "value": "2.1"} in fields["standards"]["options"]
    assert fields["standards"]["multiple"] is True
    # A box for each tag: Decap's one box for a list splits it at commas as it is typed,
    # and merged "maturity, exploitation" into "maturityexploitation".
    assert fields["tags"]["widget"] == "list" and fields["tags"]["field"]["widget"] == "string"
    assert fields["kind"]["widget"] == "select"
    assert fields["order"]["widget"] == "number"
    assert config["media_folder"] == "images"
    assert examples["preview_path"] == "examples/{{filename}}.html"  # "View Live": the preview
    westvale = next(f for f in examples["view_filters"] if f["label"].endswith("Westvale region"))
    assert re.search(westvale["pattern"], 'List [ "northshire-2025", "westvale-2026" ]')
    assert not re.search(westvale["pattern"], "westvale-2026-draft")


# --- the editor in a real browser ---------------------------------------------------------


def _choose(page: Any, field: str, option: str) -> None:
    """Pick ``option`` in a choice field: type some of it, click it in the list."""
    page.locator(f"input[id^='{field}-field']").fill(option)
    page.locator("[id^='react-select'][id*='-option-']", has_text=option).first.click()


def _retype(page: Any, box: Any, text: str) -> None:
    """Type ``text`` in place of what ``box`` holds, as a person would (Decap's text boxes
    keep their own idea of the cursor, and add what playwright's fill sets, once typed in)."""
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_the_editor_lists_edits_saves_creates_and_refuses(
        browser: Any, editing: Editing) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # What the page's Content-Security-Policy stopped never becomes a request: count it too.
    blocked: list[str] = []
    page.on("console", lambda message: "Content Security Policy" in message.text
            and blocked.append(message.text))
    try:
        page.goto(editing.url)
        page.get_by_text("Balancing risk and vulnerability in a young adult").wait_for()
        assert page.get_by_text("Adjourning for a fuller picture").count() == 1
        # Its button in characters the fonts have (not Decap's full-width "＋").
        assert page.get_by_role("link", name="New example").inner_text() == "New example"
        assert "\uff0b" not in page.locator("body").inner_text()

        # Edit and save: only the changed value is written.
        page.get_by_text("Adjourning for a fuller picture").click()
        before = _file(editing, EXAMPLE_PATH).decode()
        page.get_by_label("Order in its section").fill("4")
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Publish now").click()
        page.get_by_text("Entry saved").wait_for()
        assert _file(editing, EXAMPLE_PATH).decode() == before.replace("order: 1\n", "order: 4\n")

        # A postcode: refused, the checker's message on screen, the file as it was.
        saved = _file(editing, EXAMPLE_PATH)
        page.get_by_role("textbox", name="Title").fill("Adjourning near NE1 4ST")
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Publish now").click()
        refusal = page.get_by_role("alert", name="Not saved")
        refusal.wait_for()
        assert refusal.inner_text().split("\n")[:2] == [
            "Not saved: the example's file is as it was",
            "Title: 'NE1 4ST' looks like a postcode: name the area in words, or leave it out"]
        # Decap's own notice points there, in words the author reads.
        page.get_by_text("Not saved: why is shown at the foot of the page.").wait_for()
        shown = page.locator("body").inner_text()
        assert not re.search(r"API_ERROR|persist|anon-postcode|\.md:\d", shown), shown
        assert _file(editing, EXAMPLE_PATH) == saved

        # Create: the title's slug names the file, and the preview shows it.
        page.on("dialog", lambda dialog: dialog.accept())  # leave the refused edit unsaved
        page.goto(editing.url + "#/collections/examples/new")
        page.get_by_role("textbox", name="Title").fill("Reading the room with Darren Whitlock")
        _choose(page, "reports", "Northshire region")
        _choose(page, "practice_theme", "Court work")
        _choose(page, "region", "Northshire")
        page.locator("[contenteditable]").first.click()
        for line in ("Jo listened first [@hmip-mappa].", "", "- one", "- two", "", "## Outcome"):
            page.keyboard.type(line)
            page.keyboard.press("Enter")
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Publish now").click()
        # A name in the title: the title is what to change, and no file was made.
        page.get_by_text("Not saved: this new example is not written yet").wait_for()
        assert refusal.inner_text().split("\n")[:2] == [
            "Not saved: this new example is not written yet",
            "Title: 'Darren Whitlock' looks like a full name: use a first-name pseudonym only"]
        assert not list((editing.content / "examples").glob("reading-the-room*"))
        assert editing.said("Not saved: examples/reading-the-room") == (
            "Not saved: examples/reading-the-room-with-darren-whitlock.md (a new example, not "
            "written): Title: 'Darren Whitlock' looks like a full name: use a first-name "
            "pseudonym only.")
        _retype(page, page.get_by_role("textbox", name="Title"),
                "Reading the room at a first meeting")
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Publish now").click()
        page.wait_for_url("**/entries/reading-the-room-at-a-first-meeting")
        new = editing.content / "examples" / "reading-the-room-at-a-first-meeting.md"
        assert new.read_text() == ("---\ntitle: Reading the room at a first meeting\n"
                                   "reports: [northshire-2025]\npractice_theme: court-work\n"
                                   "region: northshire\n---\nJo listened first [@hmip-mappa].\n\n"
                                   "- one\n- two\n\n## Outcome\n")
        editing.until("/examples/reading-the-room-at-a-first-meeting.html",
                      "Jo listened first")
        assert refusal.count() == 0, "a save that succeeds takes the refusal away"
    finally:
        context.close()
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {f"127.0.0.1:{editing.port}"}, "the editor asked another site for something"
    assert not blocked, blocked


def test_tags_typed_in_the_form_stay_apart(browser: Any, editing: Editing) -> None:
    """What an author did: open an example, go to the end of its tags and type ', exploitation'.
    Decap's one box for a list took the comma away as the space was typed, and saved
    'employmentexploitation' without a word; each tag now has its own box."""
    path = "examples/building-engagement-from-the-first-appointment.md"
    before = _file(editing, path).decode()
    tags = "tags: [engagement, desistance, employment, young adults]\n"
    assert tags in before
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(editing.url)
        page.get_by_text("Building engagement from the first appointment").click()
        boxes = page.locator("input[id^='tag-field']")
        boxes.last.wait_for()
        # As the author did: the last tag's box, End, ", exploitation".
        boxes.last.click()
        page.keyboard.press("End")
        page.keyboard.type(", exploitation")
        assert boxes.last.input_value() == "young adults, exploitation"  # as typed
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Publish now").click()
        page.get_by_text("One tag a box, without commas: press 'Add tag' for another.").wait_for()
        assert _file(editing, path).decode() == before
        # As the form says: the comma's part out, and a box of its own for it.
        boxes.last.click()
        for _ in ", exploitation":
            page.keyboard.press("Backspace")
        page.get_by_role("button", name="Add tag").click()
        boxes.last.click()
        page.keyboard.type("exploitation")
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Publish now").click()
        page.get_by_text("Entry saved").wait_for()
        assert _file(editing, path).decode() == before.replace(
            tags, "tags: [engagement, desistance, employment, young adults, exploitation]\n")
    finally:
        context.close()


def test_the_editor_page_without_its_token_says_how_to_open_it(
        browser: Any, editing: Editing) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(editing.url.split("?")[0])
        page.get_by_role("alert").wait_for()
        assert "Open the editor at the address that 'spotlight serve --edit' printed" in \
            page.get_by_role("alert").inner_text()
    finally:
        context.close()


# --- starting the editor ----------------------------------------------------------------


def test_the_editor_listens_on_127_0_0_1_only(site: Any) -> None:
    content = site("minimal")
    result = run("serve", "--content", str(content), "--host", "0.0.0.0", "--port", "0",
                 "--edit")
    assert result.exit_code == 1
    assert "the editor (--edit) listens on 127.0.0.1 only" in result.output


def test_without_its_files_and_the_network_the_editor_says_what_to_do(tmp_path: Path) -> None:
    content = copy_site("minimal", tmp_path / "content")
    # No network here: the registry is reached through a proxy that is not there.
    env = os.environ | {"PYTHONPATH": str(REPO), "SPOTLIGHT_CACHE": str(tmp_path / "cache"),
                        "https_proxy": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}
    done = subprocess.run([sys.executable, "-m", "spotlight", "serve", "--content", str(content),
                           "--port", "0", "--no-pdf", "--edit"], env=env, capture_output=True,
                          text=True, timeout=PATIENCE, check=False)
    assert done.returncode == 1
    assert "Fetching the form editor (Decap CMS 3.16.3, about 16 MB)" in done.stderr
    assert "the editor (Decap CMS 3.16.3) is not on this computer yet, and it could not be " \
           "fetched from the npm registry" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "cache" / "decap-cms-3.16.3").exists()


def test_a_download_that_is_not_the_pinned_bundle_is_not_kept(tmp_path: Path) -> None:
    with pytest.raises(SpotlightError, match="its checksum differs"):
        bundle.unpack(b"not the tarball npm publishes", tmp_path / "decap")
    assert not (tmp_path / "decap").exists()
    assert bundle.verify(b"x") is False


def test_a_layout_the_merge_does_not_foresee_is_written_afresh_never_wrongly() -> None:
    old = '---\n"title": Quoted key\nreports: [r]\n---\nBody.\n'
    decap = _decap(old).replace("Quoted key", "Changed")
    assert merge(old, decap, EDITABLE, "x.md", DEFAULTS) == \
        "---\ntitle: Changed\nreports: [r]\n---\nBody.\n"


def test_a_file_too_broken_to_read_is_written_afresh_from_the_form() -> None:
    broken = "---\ntitle: [unclosed\n---\nBody.\n"
    fixed = "---\ntitle: Mended\nreports:\n- r\n---\nBody.\n"
    assert merge(broken, fixed, EDITABLE, "x.md", DEFAULTS) == \
        "---\ntitle: Mended\nreports: [r]\n---\nBody.\n"


def test_the_first_picture_makes_the_images_folder(tmp_path: Path) -> None:
    content = copy_site("minimal", tmp_path / "content")
    assert not (content / "images").exists()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>A dot</title></svg>'
    answer = LocalBackend(content).handle("persistMedia", {"asset": {
        "path": "images/dot.svg", "encoding": "base64",
        "content": base64.b64encode(svg).decode()}})
    assert answer["path"] == "images/dot.svg"
    assert (content / "images" / "dot.svg").read_bytes() == svg
    assert sorted(p.name for p in (content / "images").iterdir()) == ["dot.svg"]


def test_windows_line_ends_and_trailing_comments_are_kept() -> None:
    old = "---\r\ntitle: A\r\nreports: [r]\r\n# pdu: to fill in\r\n---\r\nBody.\r\n"
    decap = "---\ntitle: A\nreports:\n- r\npdu: eastbridge\n---\nBody.\n"
    assert merge(old, decap, EDITABLE, "x.md", DEFAULTS) == (
        "---\r\ntitle: A\r\nreports: [r]\r\npdu: eastbridge\r\n# pdu: to fill in\r\n---\r\n"
        "Body.\r\n")
    assert merge(old, decap.replace("pdu: eastbridge\n", ""), EDITABLE, "x.md",
                 DEFAULTS) == old


def test_a_waiver_added_in_the_form_lets_a_refused_save_through(tmp_path: Path) -> None:
    content = copy_site("sample", tmp_path / "content")
    backend = LocalBackend(content)
    old = (content / EXAMPLE_PATH).read_text()
    raw = _decap(old).replace("for three weeks.", "for three weeks (form NE1 4ST).")
    with pytest.raises(Refused, match="Text: 'NE1 4ST' looks like a postcode"):
        backend.handle("persistEntry", {"dataFiles": [{"path": EXAMPLE_PATH, "raw": raw}]})
    waived = raw.replace("order: 1\n", "order: 1\nwaivers:\n- code: anon-postcode\n"
                                       "  match: NE1 4ST\n  reason: the code of a form\n")
    backend.handle("persistEntry", {"dataFiles": [{"path": EXAMPLE_PATH, "raw": waived}]})
    written = (content / EXAMPLE_PATH).read_text()
    assert written.startswith("---\n" + old.split("---\n")[1])  # the old lines, as they were
    assert "order: 1\nwaivers:\n  - code: anon-postcode\n    match: NE1 4ST\n" \
           "    reason: the code of a form\n---\n" in written


_NEW = ("---\ntitle: {title}\nreports: [northshire-2025]\npractice_theme: court-work\n"
        "region: northshire\n---\n{body}\n")
_KEPT = "Not saved: the example's file is as it was"
_NOT_WRITTEN = "Not saved: this new example is not written yet"


@pytest.mark.parametrize(("path", "old", "new", "heading", "problems"), [
    (EXAMPLE_PATH, "title: Adjourning for a fuller picture", "title: Adjourning for Darren "
     "Whitlock", _KEPT, ["Title: 'Darren Whitlock' looks like a full name: use a first-name "
                         "pseudonym only"]),
    (EXAMPLE_PATH, "The court had asked", "Mr Whitlock, born 14/03/1992, was there. The court "
     "had asked", _KEPT, [
         "Text: 'Mr Whitlock' looks like a title and name: use a first-name pseudonym only",
         "Text: '14/03/1992' looks like a date of birth: give an age instead (a 29-year-old "
         "man)"]),
    (EXAMPLE_PATH, "- safeguarding\n", "- safeguarding\n- NE1 4ST\n", _KEPT, [
        "Tags: 'NE1 4ST' looks like a postcode: name the area in words, or leave it out"]),
    (EXAMPLE_PATH, "order: 1", "order: first", _KEPT, [
        "Order in its section: 'order' must be a whole number, not the text 'first'"]),
    (EXAMPLE_PATH, "title: Adjourning for a fuller picture\n", "", _KEPT, [
        "Title: this field must be filled in"]),
    (EXAMPLE_PATH, "order: 1", "order: 1\nslug: darren-whitlock", _KEPT, [
        "Name in the web address: it names the example's page and PDF, and 'Darren Whitlock' "
        "looks like a full name: use a first-name pseudonym only; change it (links to it "
        "change with it)"]),
    ("examples/darren-whitlock-at-court.md", "order: 1", "order: 2", _KEPT, [
        "File name: 'examples/darren-whitlock-at-court.md' names the example's page and PDF, "
        "and 'Darren Whitlock' looks like a full name: use a first-name pseudonym only; rename "
        "the file, outside the editor (links to it change with it)"]),
    (None, "Working with Darren Whitlock", "A new example, born 14/03/1992.", _NOT_WRITTEN, [
        "Title: 'Darren Whitlock' looks like a full name: use a first-name pseudonym only",
        "Text: '14/03/1992' looks like a date of birth: give an age instead (a 29-year-old "
        "man)"]),
    (None, "Meeting Jo Bloggs", "A new example.", _NOT_WRITTEN, [
        "Title: the new example's file is named from the title, which names its page and PDF, "
        "and 'Jo Bloggs' looks like a full name: use a first-name pseudonym only; change the "
        "title"]),
])
def test_a_refused_save_names_the_forms_field_and_quotes_the_words(
        tmp_path: Path, path: str | None, old: str, new: str, heading: str,
        problems: list[str]) -> None:
    """What the form shows: each problem with the field it is in, the words at fault quoted,
    no line, column or rule code; a new example's title, not its file, to change."""
    content = copy_site("sample", tmp_path / "content")
    if path is None:  # a new example: its title and text
        entry = {"path": "examples/new.md", "raw": _NEW.format(title=old, body=new)}
    else:
        if path != EXAMPLE_PATH:
            (content / path).write_bytes((content / EXAMPLE_PATH).read_bytes())
        text = _decap((content / path).read_text())
        assert old in text
        entry = {"path": path, "raw": text.replace(old, new)}
    before = sorted(p.name for p in (content / "examples").iterdir())
    with pytest.raises(Refused) as refused:
        LocalBackend(content).handle("persistEntry", {"dataFiles": [entry], "options": {
            "newEntry": path is None}})
    assert refused.value.heading == heading
    assert list(refused.value.problems) == problems
    assert str(refused.value) == "\n".join([f"{heading}:", *problems])
    assert sorted(p.name for p in (content / "examples").iterdir()) == before
