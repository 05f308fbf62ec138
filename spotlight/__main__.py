"""``python -m spotlight``."""

from .cli import run

run()
