#!/usr/bin/env bash
# Installs the Debian packages vanban needs to build and test, if any are missing.
# Idempotent and non-interactive; fast when everything is already there.
# Usage: tools/install-deps.sh [--test]   (--test adds what only the tests need)
set -euo pipefail

packages=(build-essential cmake pkg-config libicu-dev libxml2-dev libpoco-dev libsqlite3-dev libcli11-dev libpoppler-cpp-dev antiword sqlite3 python3)
test=false
[[ "${1:-}" == "--test" ]] && test=true
if $test; then
  # GoogleTest and Benchmark; Chromium and a font with Vietnamese glyphs for the browser test; nginx
  # for the replicas test (tools/replicas.sh).
  packages+=(libgtest-dev libgmock-dev googletest libbenchmark-dev chromium fonts-dejavu-core curl libcairo2-dev nginx-light)
  # Node.js for the browser test: Debian's, unless one is already installed (say from NodeSource).
  command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
fi

# The browser test's node modules (playwright-core, pinned in package-lock.json), once.
install_node_modules() {
  $test || return 0
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
  [[ -f $dir/node_modules/playwright-core/package.json ]] && return 0
  echo "vanban: installing the browser test's node modules (npm ci in tests/browser)" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  install_node_modules
  exit 0
fi

echo "vanban: installing missing packages: ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "vanban: cannot install ${missing[*]}: not root. Run as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_node_modules
