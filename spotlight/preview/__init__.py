"""``spotlight serve``: build, serve on 127.0.0.1, watch, bring up to date, reload.

Owns: the watching loop and the background search indexing (serve.py), the site kept in
memory between saves (warm.py) and the web server that serves only that site and the build
folders (http.py), with what it may answer (access.py), what it adds to pages (overlay.py) and
what the preview has built (state.py).

May import: anything but the command line (cli/): it runs the build's own stages.
"""
