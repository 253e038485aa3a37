#!/usr/bin/env bash
# How import time, database size and query latency grow with the number of documents: for each N
# (default 10000 and 100000) writes N synthetic documents with tools/gen_corpus, imports them into a
# fresh database, checks the database size against the raw text (target: at most 3x), and runs the
# query benchmark (tools/bench/query.sh) on it.
# Usage: tools/bench/scale.sh [N...]   Needs a few GB of free space in $TMPDIR (or /tmp).
# Exit codes: 0 ok, 1 failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 100000)
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" --target vanban query_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  echo "== $n documents"
  rm -rf "$work/docs" "$work"/bench.db*
  tools/gen_corpus "$n" "$work/docs"
  raw=$(find "$work/docs" -type f -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  t0=$(date +%s.%N)
  build/vanban import "$work/docs" --db "$work/bench.db" --quiet
  t1=$(date +%s.%N)
  dbsize=$(du -cb "$work"/bench.db* | tail -1 | cut -f1)
  python3 -c "import sys; n,raw,db=map(int,sys.argv[1:4]); t=float(sys.argv[5])-float(sys.argv[4]); \
print(f'import: {t:.1f} s, {raw/1e6/t:.1f} MB/s, {n/t:.0f} documents/s; raw {raw/1e6:.0f} MB, database {db/1e6:.0f} MB ({db/raw:.2f}x the raw text)')" \
    "$n" "$raw" "$dbsize" "$t0" "$t1"
  build/query_bench "$work/bench.db" tools/bench/queries.txt 1
done
