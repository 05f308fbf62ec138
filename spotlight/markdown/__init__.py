"""Markdown for spotlight: markdown-it-py with raw HTML off and three small plugins.

- citations: ``[@key]`` becomes a numbered link to the report's reference list;
- figures: an image alone in its paragraph becomes ``<figure>`` with its title as caption;
- outcomes: a ``## Outcome`` (Welsh: ``## Canlyniad``) heading splits an example body into
  narrative and Outcome;
- links to examples: ``[Kyle's case](kyle.md)`` leads to that example (links.py).

Each Markdown field is parsed and rendered to HTML once (``parse``). What depends on the page
the HTML lands on (heading levels, the path back to the site's root, citation numbers) is left
as markers, which ``render`` fills in for each page: once per report, again for the example's
own page, without parsing or rendering the Markdown again.

Owns: the markdown-it setup, spotlight's plugins and renderer (syntax.py); a field parsed once
and what it refers to (parsed.py); the markers the renderer leaves and ``render``, which fills
them in per page (markers.py); links to examples (links.py); and what the parser finds that
would reach readers as text: raw HTML, refused addresses, over-deep nesting (checks.py). This
module gathers their public names: import them from ``spotlight.markdown``.

May import: the foundation (errors, file_names, parallel) only.
"""

from __future__ import annotations

from markupsafe import Markup  # what ``render`` returns

from .checks import Finding
from .links import example_target
from .markers import ANY_PAGE, RenderContext, at_page, render
from .parsed import Image, Located, Parsed, parse
from .syntax import make_parser, safe_url, url_scheme

__all__ = ["ANY_PAGE", "Finding", "Image", "Located", "Markup", "Parsed", "RenderContext",
           "at_page", "example_target", "make_parser", "parse", "render", "safe_url",
           "url_scheme"]

# Each class keeps the name it is known by, spotlight.markdown.X (as before the package was
# split into modules): what names it, and what pickles it between workers, stays the same.
for _model in (Image, Located, Parsed, RenderContext):
    _model.__module__ = __name__
del _model
