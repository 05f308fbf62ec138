# Shared by build.sh and test.sh: install what this machine lacks.
set -euo pipefail

# Debian packages WeasyPrint needs, plus the fonts the visual themes name.
SYSTEM_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2)
# What the browser and HTML tests need besides: Debian's chromium (driven by playwright) and
# Java for the Nu HTML checker.
TEST_PACKAGES=(chromium)

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

PYTHON=${PYTHON:-python3}

pip_install() {
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$@"
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
