#!/usr/bin/env bash
# Install what the tests need, then run every test (arguments go to pytest).
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_debian_packages "${SYSTEM_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
need_test_tools
choose_python
pip_install -e '.[test]'
link_launcher
"$PYTHON" -m spotlight.editor.bundle  # the editor's tests drive it in chromium
"$PYTHON" -m ruff check spotlight tests
"$PYTHON" -m mypy  # the package, as [tool.mypy] in pyproject.toml says
"$PYTHON" -m pytest "$@"
