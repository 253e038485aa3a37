#!/usr/bin/env bash
# Builds and runs the parser benchmark (tools/bench/parser_bench.cpp), then prints MB/s (10^6 bytes of
# input per second of CPU time, single thread) for each benchmark.
# Usage: tools/bench/parser.sh [benchmark flags, e.g. --benchmark_filter=parse/corpus]
# Env: VANBAN_BENCH_CORPUS=DIR to benchmark another corpus (default ../shared/corpus, else corpus/).
# Needs Google Benchmark (apt-get install libbenchmark-dev); configures build/ with
# -DVANBAN_BUILD_BENCHMARKS=ON if needed. Exit codes: 0 ok, 1 build or run failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_BUILD_BENCHMARKS=ON >/dev/null
elif ! grep -q '^VANBAN_BUILD_BENCHMARKS:BOOL=ON' build/CMakeCache.txt; then
  cmake build -DVANBAN_BUILD_BENCHMARKS=ON >/dev/null
fi
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" --target parser_bench >/dev/null
if [[ ! -x build/parser_bench ]]; then
  echo "parser.sh: build/parser_bench was not built: is Google Benchmark installed (libbenchmark-dev)?" >&2
  exit 1
fi
grep -m1 '^CMAKE_BUILD_TYPE' build/CMakeCache.txt | sed 's/^/parser.sh: build type /' >&2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
build/parser_bench --benchmark_min_time=2 --benchmark_out="$out" --benchmark_out_format=json "$@"
echo
python3 - "$out" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
print(f"{'benchmark':<75} {'MB/s':>8}")
for r in runs:
    if "bytes_per_second" in r:
        print(f"{r['name']:<75} {r['bytes_per_second'] / 1e6:>8.1f}")
PY
