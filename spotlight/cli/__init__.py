"""The command line: the only place that prints or exits.

Owns: the ``spotlight`` command group and its entry point (app.py), what the commands share
(common.py), and one module per command or group of commands: build.py, check.py, serve.py,
authoring.py (``init``, ``new``, ``schema``), importing.py (``import``) and publish.py
(``publish wordpress``). Each command imports what it runs when it runs, so that starting the
command line stays fast.

May import: everything; nothing imports it but ``__main__``.
"""

from . import authoring, build, check, importing, publish, serve  # noqa: F401 (commands)
from .app import main, run

__all__ = ["main", "run"]
