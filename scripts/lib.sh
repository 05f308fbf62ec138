# Shared by build.sh and test.sh: install what this machine lacks.
set -euo pipefail

# Debian packages WeasyPrint needs, plus the fonts the visual themes name.
SYSTEM_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2
                 fonts-dejavu-core)
# What the browser and HTML tests need besides: Debian's chromium (driven by playwright) and
# Java for the Nu HTML checker; and a real WordPress to publish to (Debian's, behind PHP's
# built-in web server, over a MariaDB of its own: see tests/wordpress/server.py).
TEST_PACKAGES=(chromium wordpress wordpress-theme-twentytwentythree mariadb-server php-cli
               php-mysql)

need_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "Please install these system packages: ${missing[*]}" >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The Python to install into: $PYTHON when set, else python3. A Python that its system manages
# (Debian's and Ubuntu's own, PEP 668) refuses pip, so the project gets its own virtual
# environment in .venv/ instead, made once with that Python and used from then on (unless
# PYTHON names another).
PYTHON_GIVEN=${PYTHON:+yes}
PYTHON=${PYTHON:-python3}
VENV=.venv

externally_managed() {
  "$1" - <<'PY'
import os, sys, sysconfig
marker = os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")
sys.exit(0 if sys.prefix == sys.base_prefix and os.path.isfile(marker) else 1)
PY
}

choose_python() {
  if { [ -z "$PYTHON_GIVEN" ] && [ -x "$VENV/bin/python" ]; } || externally_managed "$PYTHON"; then
    if [ ! -x "$VENV/bin/python" ]; then
      "$PYTHON" -c "import ensurepip" 2>/dev/null || need_debian_packages python3-venv
      echo "Making a virtual environment for spotlight in $VENV/ (with $PYTHON)"
      "$PYTHON" -m venv "$VENV"
    fi
    PYTHON="$PWD/$VENV/bin/python"
  fi
}

pip_install() {
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$@"
}

# After installing into .venv/: put a `spotlight` launcher on the PATH, in ~/.local/bin (which
# Debian's and Ubuntu's login shells add to the PATH when the folder exists), or say how.
link_launcher() {
  local launcher
  launcher="$(dirname "$PYTHON")/spotlight"
  case "$launcher" in "$PWD/$VENV/"*) ;; *) return 0 ;; esac
  local bin="$HOME/.local/bin"
  if [ -e "$bin/spotlight" ] && [ ! -L "$bin/spotlight" ]; then
    echo "$bin/spotlight is not ours, so it was left alone: run 'source $VENV/bin/activate'" \
      "to use this spotlight." >&2
    return 0
  fi
  mkdir -p "$bin"
  ln -sfn "$launcher" "$bin/spotlight"
  case ":$PATH:" in
    *":$bin:"*) echo "The spotlight command is ready: $bin/spotlight" ;;
    *) echo "The spotlight command is in $bin: open a new terminal (or log in again) to use" \
         "it, or run: export PATH=\"\$HOME/.local/bin:\$PATH\"" ;;
  esac
}

# The Nu HTML checker (npm's vnu-jar, run with Java) lives in a cache folder, outside git.
TEST_TOOLS=${SPOTLIGHT_TEST_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/spotlight-test-tools}
VNU_VERSION=26.9.27

need_test_tools() {
  command -v java >/dev/null || need_debian_packages openjdk-17-jre-headless
  command -v npm >/dev/null || need_debian_packages npm
  local jar="$TEST_TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"
  if [ ! -f "$jar" ] || ! grep -q "\"version\": \"$VNU_VERSION\"" \
      "$TEST_TOOLS/node_modules/vnu-jar/package.json" 2>/dev/null; then
    echo "Installing vnu-jar $VNU_VERSION into $TEST_TOOLS"
    mkdir -p "$TEST_TOOLS"
    # --ignore-scripts: the package's install script would download a Java; we have one.
    npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$TEST_TOOLS" \
      "vnu-jar@$VNU_VERSION" >/dev/null
  fi
  export SPOTLIGHT_VNU_JAR="$jar"
}
