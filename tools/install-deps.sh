#!/usr/bin/env bash
# Installs the Debian packages vanban needs to build and test, if any are missing.
# Idempotent and non-interactive; fast when everything is already there.
# Usage: tools/install-deps.sh [--test]   (--test adds what only the tests need)
set -euo pipefail

packages=(build-essential cmake pkg-config libicu-dev libxml2-dev libpoco-dev libsqlite3-dev sqlite3 python3)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev libgmock-dev googletest libbenchmark-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

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
