"""``spotlight serve``: build, serve on 127.0.0.1, watch, rebuild, reload.

Owns: the watching and rebuilding loop (serve.py) and the web server that serves only the
build folder (http.py).

May import: anything but the command line (cli.py): it builds with ``build()``.
"""
