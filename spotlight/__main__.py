"""``python -m spotlight``."""

from .cli import main

main()
