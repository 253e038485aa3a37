#!/usr/bin/env bash
# Crash safety at the issue's size: tests/index/crash_test.cpp with 2,000 generated documents, each
# import killed with SIGKILL at a random moment 20 times over (twice per run: into a new database,
# then over what the first kill left), and the server killed during POST and DELETE 20 times (200
# documents posted, every third removed). After every kill: PRAGMA integrity_check and FTS5's
# integrity-check pass, every document present is whole, and the same work again reaches the
# checksum of an uninterrupted run. ctest runs the same test smaller (600 documents, 2 runs).
# Usage: tools/bench/crash.sh [DOCS] [RUNS] [SEED]   (default 2000 20 12)
# Needs build/ (tools/build.sh). Exit codes: 0 every check held, 1 one failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -x build/crash_test ]] || { echo "crash.sh: build/crash_test missing: run tools/build.sh" >&2; exit 1; }
export VANBAN_SOURCE_DIR=$PWD VANBAN_CRASH_DOCS=${1:-2000} VANBAN_CRASH_RUNS=${2:-20} VANBAN_CRASH_SEED=${3:-12}
export VANBAN_CRASH_POSTS=${VANBAN_CRASH_POSTS:-200}
echo "crash.sh: $VANBAN_CRASH_DOCS documents, $VANBAN_CRASH_RUNS runs, seed $VANBAN_CRASH_SEED, $VANBAN_CRASH_POSTS posts"
time build/crash_test
