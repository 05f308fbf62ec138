#!/usr/bin/env bash
# Install spotlight and everything it needs, then build the sample content into build/.
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_debian_packages "${SYSTEM_PACKAGES[@]}"
choose_python
pip_install -e .
link_launcher
# The form editor's browser app (Decap CMS, for `spotlight serve --edit`): fetched once from
# the npm registry into ~/.cache/spotlight/ and verified; everything else works without it.
"$PYTHON" -m spotlight.editor.bundle \
  || echo "The form editor could not be fetched now; 'spotlight serve --edit' will try again." >&2
"$PYTHON" -m spotlight build "$@"
