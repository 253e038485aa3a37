#!/usr/bin/env bash
# Query latency: imports DIR into a fresh database (or uses DB as is), then runs the 200 queries of
# tools/bench/queries.txt in-process and warm, ours against the same FTS5 query run bare, and prints
# p50/p99, the ratio and the slowest queries (build/query_bench).
# Usage: tools/bench/query.sh [DIR | DB]   (default ../shared/corpus, else corpus/)
# Exit codes: 0 ok, 1 failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=${1:-../shared/corpus}
[[ -e $src ]] || src=corpus
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" --target vanban query_bench >/dev/null
if [[ -f $src ]]; then
  db=$src
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  db=$work/bench.db
  build/vanban import "$src" --db "$db" --quiet
fi
build/query_bench "$db" tools/bench/queries.txt 3
