"""The editor's side of the preview server: ``/admin/`` (the editor's page, its configuration
and Decap's files) and ``POST /api/v1`` (the local-backend API), for ``spotlight serve --edit``.

Every API request must come from the editor's own page: the preview has checked the Host
header already (no DNS rebinding); here the Origin must be the preview's own address, and the
request must carry the session's token, a random secret printed in the editor's address when
the preview starts and added to each API request by the editor's page. A page of another site
open in the same browser can send requests here, but knows no token and cannot read answers.
The editor's page may fetch nothing but this server (its Content-Security-Policy says so).

A refused save is shown at the foot of the page, as the API says it (explain.py), and printed
in the terminal; Decap's own words for it ("Failed to persist entry: API_ERROR: ...") and its
full-width "＋" are replaced through its English phrases before it starts.
"""

from __future__ import annotations

import hmac
import json
import mimetypes
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BufferedIOBase
from pathlib import Path

from .api import LocalBackend
from .bundle import VERSION
from .config import API, config_yaml
from .paths import Refused

ADMIN = "/admin/"
TOKEN_HEADER = "X-Spotlight-Token"
#: Enough for the largest picture the API takes, base64-encoded, and its entry.
MAX_REQUEST = 16 * 1024 * 1024
_BUNDLE_FILE = re.compile(r"(\d+\.)?decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt")
#: The editor's page reaches this server only: scripts, styles, pictures and requests.
POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
          "connect-src 'self'; frame-src 'self' blob:; worker-src 'self' blob:; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")


@dataclass(frozen=True)
class Response:
    """What the server sends back."""

    status: int
    kind: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _json(status: int, data: object) -> Response:
    return Response(status, "application/json; charset=utf-8",
                    json.dumps(data, ensure_ascii=False).encode("utf-8"))


class Editor:
    """The editor of one ``spotlight serve --edit`` session."""

    def __init__(self, content: Path, bundle: Path, token: str | None = None,
                 log: Callable[[str], None] | None = None) -> None:
        self.content, self.bundle = content, bundle
        #: Where a refused save is said, one line each (the terminal of ``serve --edit``).
        self.log = log
        self.token = token or secrets.token_urlsafe(24)
        self.backend = LocalBackend(content)
        #: The preview's address, once it listens (told by ``address``).
        self.origin = "http://127.0.0.1"

    def address(self, base: str) -> str:
        """The editor's address, with the session's token: what ``serve`` prints."""
        self.origin = base.rstrip("/")
        return f"{base.rstrip('/')}{ADMIN}?token={self.token}"

    def get(self, path: str) -> Response | None:
        """The answer to ``GET path``, or None when it is not the editor's to answer."""
        if path in ("/admin", "/api/v1"):
            return Response(301, "text/plain", b"", {"Location": ADMIN}) if path == "/admin" \
                else Response(405, "text/plain; charset=utf-8", b"POST only\n")
        if not path.startswith(ADMIN):
            return None
        name = path[len(ADMIN):]
        if name in ("", "index.html"):
            return Response(200, "text/html; charset=utf-8", _page().encode("utf-8"),
                            {"Content-Security-Policy": POLICY, "Referrer-Policy": "no-referrer",
                             "X-Frame-Options": "DENY"})
        if name == "config.yml":
            return Response(200, "text/yaml; charset=utf-8",
                            config_yaml(self.content, self.origin).encode("utf-8"))
        if name.startswith("decap/") and _BUNDLE_FILE.fullmatch(name[len("decap/"):]):
            target = self.bundle / name[len("decap/"):]
            if target.is_file():
                kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                if target.suffix == ".wasm":
                    kind = "application/wasm"
                elif target.suffix == ".js":
                    kind = "text/javascript; charset=utf-8"
                return Response(200, kind, target.read_bytes())
        return Response(404, "text/plain; charset=utf-8", b"Not part of the editor\n")

    def post(self, path: str, headers: dict[str, str], origins: frozenset[str],
             body: BufferedIOBase) -> Response:
        """The answer to ``POST path``: the local-backend API, for the editor's page only.

        ``headers`` are the request's (names in lower case); ``origins`` the Origin headers
        that name this server."""
        if path.split("?")[0] != API:
            return _json(404, {"error": "Not part of the editor"})
        origin = headers.get("origin", "")
        if origin not in origins:
            return _json(403, {"error": "Refused: the editor's API answers only to the "
                                        "editor's own page"})
        if not hmac.compare_digest(headers.get(TOKEN_HEADER.lower(), ""), self.token):
            return _json(403, {"error": "Refused: this page has no valid editor token. Open "
                                        "the editor at the address 'spotlight serve --edit' "
                                        "printed"})
        if not headers.get("content-type", "").startswith("application/json"):
            return _json(415, {"error": "Refused: the editor's API takes JSON only"})
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            return _json(411, {"error": "Refused: no Content-Length"})
        if not 0 < length <= MAX_REQUEST:
            return _json(413, {"error": "Refused: the request is too large"})
        try:
            request = json.loads(body.read(length))
        except (ValueError, UnicodeDecodeError):
            return _json(400, {"error": "Refused: the request is not JSON"})
        if not isinstance(request, dict):
            return _json(400, {"error": "Refused: the request is not an action"})
        action = request.get("action")
        try:
            return _json(200, self.backend.handle(action, request.get("params")))
        except Refused as refused:
            self._said(action, refused.said)
            return _json(refused.status, {"error": str(refused), "heading": refused.heading,
                                          "problems": list(refused.problems)})
        except OSError as error:  # a full disk, a file made read-only...
            why = f"Not saved: the content folder cannot be written ({error.strerror or error})"
            self._said(action, why)
            return _json(500, {"error": why})

    def _said(self, action: object, refusal: str) -> None:
        """Say a refused save in the terminal: a save the form shows as failed is never
        silent where the editor was started."""
        if self.log is not None and isinstance(action, str) and action.startswith("persist"):
            self.log(refusal if refusal.startswith("Not saved") else f"Not saved: {refusal}")


def _page() -> str:
    """The editor's page: Decap's bundle, started once the token is known and the API
    answers, with the token added to every request to the API."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>spotlight editor</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript>The editor needs JavaScript.</noscript>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap/decap-cms.js"></script>
<script>
(function () {{
  "use strict";
  var token = new URLSearchParams(window.location.search).get("token");
  function stop(message) {{
    document.body.innerHTML = "";
    var main = document.createElement("main");
    main.setAttribute("role", "alert");
    main.style.cssText = "font:18px/1.5 sans-serif;max-width:40em;margin:3em auto;padding:1em";
    var heading = document.createElement("h1");
    heading.textContent = "The editor cannot start";
    var text = document.createElement("p");
    text.textContent = message;
    main.appendChild(heading);
    main.appendChild(text);
    document.body.appendChild(main);
  }}
  if (!token) {{
    stop("Open the editor at the address that 'spotlight serve --edit' printed: it ends " +
         "with ?token=... , a secret of this session that keeps other web pages out.");
    return;
  }}
  // A refused save stays on screen, with every problem, until closed or saved again.
  var banner = null;
  function hide() {{
    if (banner) {{ banner.remove(); banner = null; }}
  }}
  function show(answer, action) {{
    hide();
    banner = document.createElement("section");
    banner.setAttribute("role", "alert");
    var refused = /^delete/.test(action) ? "Not deleted" : "Not saved";
    banner.setAttribute("aria-label", refused);
    banner.id = "spotlight-refusal";
    banner.style.cssText = "position:fixed;inset:auto 0 0 0;z-index:100000;max-height:45vh;" +
      "overflow:auto;margin:0;padding:1em 1.5em;background:#fff;color:#0b0c0c;" +
      "border-top:5px solid #d4351c;font:16px/1.5 sans-serif;box-shadow:0 -2px 8px #0003";
    var heading = document.createElement("h2");
    heading.style.cssText = "font-size:1.2em;margin:0 0 .5em";
    heading.textContent = answer.heading || refused;
    banner.appendChild(heading);
    var problems = answer.problems && answer.problems.length ? answer.problems
      : [String(answer.error || "").replace(/^Not (saved|deleted): */, "")];
    var list = document.createElement("ul");
    problems.forEach(function (problem) {{
      var item = document.createElement("li");
      item.textContent = problem;
      list.appendChild(item);
    }});
    banner.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close";
    close.style.cssText = "font:inherit;padding:.25em 1em;cursor:pointer";
    close.onclick = hide;
    banner.appendChild(close);
    document.body.appendChild(banner);
  }}
  // Decap's own words where they would be a programmer's ("Failed to persist entry:
  // API_ERROR: ..."), or a character the fonts may lack (its "＋" of a new entry).
  function words() {{
    var en = JSON.parse(JSON.stringify(window.CMS.getLocale("en")));
    en.ui.toast.onFailToPersist = "Not saved: why is shown at the foot of the page.";
    en.ui.toast.onFailToDelete = "Not deleted: why is shown at the foot of the page.";
    en.ui.toast.missingRequiredField = "Not saved: change what is marked in red first.";
    en.collection.collectionTop.newButton = "New %{{collectionLabel}}";
    en.collection.collectionTop.newButtonAriaLabel = "New %{{collectionLabel}}";
    en.editor.editorControlPane.widget.regexPattern = "%{{pattern}}.";
    window.CMS.registerLocale("en", en);
  }}
  var api = new URL("{API}", window.location.href).href;
  var realFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {{
    var url = new URL(typeof input === "string" ? input : input.url, window.location.href);
    if (url.href !== api) {{
      return realFetch(input, init);
    }}
    init = Object.assign({{}}, init || {{}});
    var headers = new Headers(init.headers || (typeof input === "string" ? undefined
                                               : input.headers));
    headers.set("{TOKEN_HEADER}", token);
    init.headers = headers;
    var action = "";
    try {{ action = JSON.parse(init.body).action || ""; }} catch (error) {{ action = ""; }}
    var saving = /^(persist|delete)/.test(action);
    return realFetch(input, init).then(function (response) {{
      if (saving) {{
        if (response.ok) {{
          hide();
        }} else {{
          response.clone().json().then(function (answer) {{ show(answer, action); }},
                                       function () {{}});
        }}
      }}
      return response;
    }}, function (error) {{
      if (saving) {{
        show({{error: "The preview is not running any more: start 'spotlight serve " +
                      "--edit' again, then publish again (what you typed is still here)."}},
             action);
      }}
      throw error;
    }});
  }};
  window.fetch(api, {{method: "POST", headers: {{"Content-Type": "application/json"}},
                      body: JSON.stringify({{action: "info"}})}})
    .then(function (response) {{
      if (!response.ok) {{
        return response.json().then(function (answer) {{ stop(answer.error); }});
      }}
      // Signed in already: the token is the key, and Decap's "Login" page would ask nothing.
      try {{
        window.localStorage.setItem("decap-cms-user", JSON.stringify({{backendName: "proxy"}}));
      }} catch (error) {{ /* storage off: Decap shows its Login button instead */ }}
      words();
      window.CMS.init();
    }})
    .catch(function () {{
      stop("The preview is not running any more: start 'spotlight serve --edit' again.");
    }});
}}());
</script>
<!-- Decap CMS {VERSION} (MIT licence), served from this computer. -->
</body>
</html>
"""
