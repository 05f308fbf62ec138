"""A PDF's links to the website's pages: where the page's own links lead, never to a file of
the machine that built it.

WeasyPrint reads a PDF's HTML as if it were a page inside the content folder (so that pictures
resolve to the content's files), so it turns a relative link of the text, such as
``../examples/kyle.html``, into the address of a file on the build machine
(``file:///home/.../content/examples/kyle.html``). That address would reach readers (it names
the author's folders) and leads nowhere on their machines. Each such link is made to lead
where the same link leads on the website: the page's address under the site's ``base_url``
when the site file gives one, otherwise the relative address itself, which a PDF viewer reads
from where the PDF is published (beside the page it was made from). The link's description,
which screen readers announce, says the same.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote, unquote, urljoin, urlsplit

import pydyf


def site_links(pdf: pydyf.PDF, content_uri: str, pdf_path: str, site_url: str) -> int:
    """Make each link of ``pdf`` to a ``file:`` address lead to the website instead.

    ``content_uri`` is the ``file:`` address of the content folder (ending in ``/``),
    ``pdf_path`` the PDF's path in the built site and ``site_url`` the site's ``base_url``
    ("" for none). Returns how many links were changed.
    """
    changed = 0
    for item in pdf.objects:
        if not isinstance(item, pydyf.Dictionary) or item.get("Subtype") != "/Link":
            continue
        action = item.get("A")
        if not isinstance(action, pydyf.Dictionary) or action.get("S") != "/URI":
            continue
        uri = action.get("URI")
        target = getattr(uri, "string", None)
        if not isinstance(target, str) or not target.lower().startswith("file:"):
            continue
        address = website_address(target, content_uri, pdf_path, site_url)
        action["URI"] = pydyf.String(address)
        if "Contents" in item:
            item["Contents"] = pydyf.String(address)
        changed += 1
    return changed


def website_address(target: str, content_uri: str, pdf_path: str, site_url: str) -> str:
    """Where the ``file:`` address ``target`` (a file of the content folder, as WeasyPrint
    resolved a relative link) leads on the website, seen from the PDF at ``pdf_path``."""
    parts = urlsplit(target)
    root = unquote(urlsplit(content_uri).path)
    path = unquote(parts.path)
    # Outside the content folder, only the file's name is known on the website.
    inside = path[len(root):] if path.startswith(root) else posixpath.basename(path)
    suffix = (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else "")
    if site_url:
        return urljoin(site_url if site_url.endswith("/") else site_url + "/",
                       quote(inside)) + suffix
    here = posixpath.dirname(pdf_path) or "."
    return quote(posixpath.relpath(inside or ".", here)) + suffix
