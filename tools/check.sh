#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh --test
tools/build.sh
cd build
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)"
