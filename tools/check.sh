#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest; then builds again with
# AddressSanitizer, UndefinedBehaviorSanitizer and -D_GLIBCXX_ASSERTIONS (build-asan/) and runs every
# test under them: any report fails the test that made it.
# Usage: tools/check.sh [--quick]   (--quick: the first build and its tests only)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
tools/install-deps.sh --test
tools/build.sh
(cd build && ctest --output-on-failure -j"$jobs")
[[ ${1:-} == --quick ]] && exit 0
echo "== the sanitizer build (build-asan): ASan + UBSan + _GLIBCXX_ASSERTIONS"
if [[ ! -f build-asan/CMakeCache.txt ]]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_SANITIZE=ON -DVANBAN_BUILD_BENCHMARKS=OFF >/dev/null
fi
cmake --build build-asan -j"$jobs"
# The processes the tests start (the CLI, the server) inherit these. Leaks are reports too, but for
# the one suppressed in tools/sanitizers/lsan.supp (fontconfig's configuration, loaded by Poppler).
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tools/sanitizers/lsan.supp
cd build-asan
ctest --output-on-failure -j"$jobs"
