#!/usr/bin/env bash
# Install spotlight and everything it needs, then build the sample content into build/.
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_debian_packages "${SYSTEM_PACKAGES[@]}"
choose_python
pip_install -e .
link_launcher
"$PYTHON" -m spotlight build "$@"
