"""``spotlight serve``: build, serve on 127.0.0.1, watch, bring up to date, reload.

Owns: the watching loop (serve.py, with its options in options.py), the build folder and its
search index catching up in the background (indexer.py), the PDFs rebuilt in a separate
process (pdf_worker.py), the site kept in memory between saves (warm.py) and the web server
that serves only that site and the build folders (http.py), with what it may answer
(access.py), what it adds to pages (overlay.py) and what the preview has built (state.py).

May import: anything but the command line (cli/): it runs the build's own stages.
"""
