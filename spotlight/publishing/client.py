"""A small client of the WordPress REST API (wp/v2), on the standard library.

It finds the API root the way WordPress announces it (the ``Link: <...>; rel="https://api.w.org/"``
header of the home page, or its ``<link rel="https://api.w.org/">``), so that a site without
pretty permalinks (``?rest_route=``) works as well as one with ``/wp-json/``. It authenticates
with an application password (HTTP Basic), verifies TLS, refuses plain ``http://`` except to
this computer, never follows a redirect with the password, and turns every failure into one
SpotlightError in plain words, which never holds the password.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import json
import re
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from .. import __version__
from ..errors import Problem, SpotlightError

API_REL = "https://api.w.org/"
_AGENT = f"spotlight/{__version__} (+https://github.com/)"
_LINK = re.compile(r'<([^>]*)>\s*;[^,]*?rel="?([^",;]*)"?', re.IGNORECASE)
_EDITOR = ("Give this user the Editor role in WordPress (Users → All Users), or use the "
           "application password of a user who has it.")


def loopback(host: str | None) -> bool:
    """Whether ``host`` is this computer (localhost, 127.0.0.0/8, ::1)."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: A site's address given without https:// (www.example.org, example.org/news/).
_BARE = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:/\S*)?")
#: How to make an application password, for the messages that need one.
HOW_TO_PASSWORD = (
    "To make one: in WordPress, go to Users → Profile, find Application Passwords at the "
    "bottom, type a name such as \"spotlight\", choose Add New Application Password, and copy "
    "the password it shows: export WORDPRESS_APP_PASSWORD='xxxx xxxx xxxx xxxx xxxx xxxx'")


def bare_address(site: str) -> str | None:
    """The https:// address meant by a site's address given without it (``www.example.org``
    means ``https://www.example.org/``); None when ``site`` is not such a name. Never http://,
    which would send the password unencrypted."""
    site = site.strip()
    return f"https://{site}" if _BARE.fullmatch(site) else None


def check_address(site: str) -> str:
    """The site's address, with a final slash; SpotlightError unless it is https (or http to
    this computer)."""
    parts = urlsplit(site.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        guess = bare_address(site)
        offer = (f"did you mean {check_address(guess)}?" if guess else
                 "give the site's address, such as https://www.example.org/")
        raise _error(site, f"is not a web address: {offer}")
    if parts.scheme == "http" and not loopback(parts.hostname):
        raise _error(site, "is plain http://, which would send the password unencrypted: use "
                           "its https:// address")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def _error(site: str, message: str) -> SpotlightError:
    return SpotlightError([Problem(site, None, message)])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are not followed with the password: they are answered as they are."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Answer:
    """A decoded answer of the API."""

    status: int
    data: Any
    headers: Message = field(repr=False)


@dataclass
class Client:
    """The REST API of the WordPress site at ``site``, as ``user`` with ``password``."""

    site: str
    user: str
    password: str = field(repr=False)
    timeout: float = 60.0
    api: str = ""
    _context: ssl.SSLContext = field(default_factory=ssl.create_default_context, repr=False)

    def __post_init__(self) -> None:
        self.site = check_address(self.site)
        handlers = [urllib.request.HTTPSHandler(context=self._context), _NoRedirect()]
        self._opener = urllib.request.build_opener(*handlers)
        self._follow = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=self._context))

    # --- finding the API -------------------------------------------------------------------

    def discover(self) -> str:
        """Find the API root from the home page (no password sent); remember and return it."""
        request = urllib.request.Request(self.site, headers={"User-Agent": _AGENT})
        doing = "reading the home page"
        try:
            with self._follow.open(request, timeout=self.timeout) as answer:
                final, headers = answer.geturl(), answer.headers
                body = answer.read(2_000_000)
        except urllib.error.HTTPError as error:
            final, headers, body = error.geturl(), error.headers, error.read(2_000_000)
            if not _api_link(headers, body):
                raise self._fail(f"answered {error.code} {error.reason} while {doing}: is the "
                                 "address right, and is the site up?") from None
        except _BROKEN as error:
            raise self._network(error, doing) from None
        api = _api_link(headers, body)
        if api is None:
            raise self._fail("does not look like a WordPress site: its home page names no "
                             f"WordPress REST API (no link rel=\"{API_REL}\"). Check the "
                             "address; or the site's REST API may be switched off.")
        api = urljoin(final, api)
        found = urlsplit(api)
        if urlsplit(final).hostname != found.hostname and urlsplit(
                self.site).hostname != found.hostname:
            raise self._fail(f"names its REST API at another site ({found.hostname}): the "
                             "password is sent only to the site given with --site")
        if found.scheme != "https" and not loopback(found.hostname):
            raise self._fail(f"names its REST API at a plain http:// address ({api}), which "
                             "would send the password unencrypted: set the site's address to "
                             "https:// in WordPress (Settings → General)")
        self.api = api
        return api

    def url(self, route: str, query: dict[str, str] | None = None) -> str:
        """The address of ``route`` (such as ``/wp/v2/pages``) under the API root."""
        parts = urlsplit(self.api)
        params = parse_qsl(parts.query, keep_blank_values=True)
        path = parts.path
        if any(name == "rest_route" for name, _ in params):
            params = [(name, value.rstrip("/") + "/" + route.lstrip("/")
                       if name == "rest_route" else value) for name, value in params]
        else:
            path = path.rstrip("/") + "/" + route.lstrip("/")
        params += list((query or {}).items())
        return urlunsplit((parts.scheme, parts.netloc, path, urlencode(params, safe="/,"), ""))

    # --- requests ------------------------------------------------------------------------

    def call(self, method: str, route: str, doing: str, *, query: dict[str, str] | None = None,
             payload: Any = None, data: bytes | None = None,
             headers: dict[str, str] | None = None, missing_ok: bool = False,
             tolerate: tuple[str, ...] = ()) -> Answer | None:
        """Send one request; the answer decoded from JSON. ``doing`` says what for, in the
        words of an error message ("creating the page x"). With ``missing_ok``, a 404 answers
        None (a page or media item that is gone); WordPress's errors whose codes ``tolerate``
        names are answered, not raised."""
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        sent = {"Authorization": f"Basic {token}", "Accept": "application/json",
                "User-Agent": _AGENT, **(headers or {})}
        if payload is not None:
            data = json.dumps(payload).encode()
            sent["Content-Type"] = "application/json; charset=utf-8"
        request = urllib.request.Request(self.url(route, query), data=data, headers=sent,
                                         method=method)
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                status, got, body = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, got = error.code, error.headers
            try:
                body = error.read()
            except _BROKEN as failure:
                raise self._network(failure, doing) from None
        except _BROKEN as error:
            raise self._network(error, doing) from None
        if missing_ok and status in (404, 410):
            return None
        if 300 <= status < 400:
            raise self._fail(f"answered with a redirect to {got.get('Location', '?')} while "
                             f"{doing}: give the site's own address with --site")
        decoded = _json(got, body)
        if status >= 400 and isinstance(decoded, dict) and decoded.get("code") in tolerate:
            return Answer(status, decoded, got)
        if status >= 400 or decoded is _NOT_JSON:
            raise self._refused(status, decoded, doing)
        return Answer(status, decoded, got)

    def _refused(self, status: int, decoded: Any, doing: str) -> SpotlightError:
        if decoded is _NOT_JSON:
            return self._fail(f"answered {status} with a web page instead of WordPress data "
                              f"while {doing}: is a login page, a firewall or a maintenance "
                              "page in the way?")
        said = decoded.get("message") if isinstance(decoded, dict) else None
        code = decoded.get("code") if isinstance(decoded, dict) else None
        words = f" (WordPress says: {_plain(str(said))})" if said else ""
        if status == 401 or code in ("incorrect_password", "invalid_username"):
            return self._fail(
                f"did not accept the user name '{self.user}' or the application password in "
                "WORDPRESS_APP_PASSWORD. Check the user name (--user, the name you sign in to "
                "WordPress with), and that WORDPRESS_APP_PASSWORD holds an application "
                "password of that user, not the password you sign in with. " + HOW_TO_PASSWORD)
        if status == 403:
            return self._fail(f"did not allow the user '{self.user}' to go on while {doing}"
                              f"{words}. " + _EDITOR)
        return self._fail(f"answered {status} while {doing}{words}")

    def _network(self, error: BaseException, doing: str) -> SpotlightError:
        reason = getattr(error, "reason", error)
        if isinstance(reason, ssl.SSLCertVerificationError | ssl.CertificateError):
            return self._fail(f"has a TLS certificate that could not be verified "
                              f"({reason.verify_message if hasattr(reason, 'verify_message') else reason}): "  # noqa: E501
                              "spotlight does not send the password to it")
        if isinstance(reason, TimeoutError | socket.timeout):
            return self._fail(f"did not answer within {self.timeout:g} seconds while {doing}. "
                              "What was done is kept: run the command again to finish.")
        if isinstance(reason, ConnectionRefusedError):
            return self._fail(f"refused the connection while {doing}: is the site down, or "
                              "the address wrong?")
        if isinstance(reason, socket.gaierror):
            return self._fail("could not be found (no such host name): check the address")
        return self._fail(f"could not be reached while {doing} ({_plain(str(reason))}). What "
                          "was done is kept: run the command again to finish.")

    def _fail(self, message: str) -> SpotlightError:
        text = message.replace(self.password, "********") if self.password else message
        return _error(self.site, text)


_NOT_JSON = object()
#: Every way a connection fails: refused, reset, timed out, TLS, a broken answer.
_BROKEN = (OSError, http.client.HTTPException)


def _json(headers: Message, body: bytes) -> Any:
    """The body decoded from JSON, or _NOT_JSON (a web page, or garbage)."""
    kind = headers.get_content_type()
    if kind != "application/json" and not kind.endswith("+json"):
        return _NOT_JSON
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return _NOT_JSON


def _plain(text: str) -> str:
    """A message of WordPress's without its HTML, on one line."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", text)).strip()


def _api_link(headers: Message, body: bytes) -> str | None:
    """The API root the home page announces: its Link header, else its <link> element."""
    for value in headers.get_all("Link") or ():
        for target, rel in _LINK.findall(value):
            if rel.strip() == API_REL:
                return str(target)
    finder = _LinkFinder()
    try:
        finder.feed(body.decode("utf-8", "replace"))
    except AssertionError:  # a page so broken that the parser gives up
        return None
    return finder.found


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and self.found is None and values.get("rel") == API_REL:
            self.found = values.get("href")
