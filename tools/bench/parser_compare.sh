#!/usr/bin/env bash
# Parse throughput of this tree against another commit, measured in one run: both parser_bench
# binaries are run in alternation (round after round, so that a slower or faster spell of the machine
# falls on both), and the script prints each one's MB/s per round, their medians and the ratio of the
# medians (this tree / base).
# Usage: tools/bench/parser_compare.sh BASE_COMMIT [ROUNDS]   (default 9 rounds of 1 s each side)
# Env: VANBAN_BENCH_CORPUS=DIR as for tools/bench/parser.sh (default ../shared/corpus, else corpus/).
# Builds BASE_COMMIT in a git worktree under build/compare-<commit>/ (kept for the next run) and this
# tree's build/ with -DVANBAN_BUILD_BENCHMARKS=ON. Exit codes: 0 ok, 1 build or run failed, 2 usage.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: tools/bench/parser_compare.sh BASE_COMMIT [ROUNDS]" >&2
  exit 2
fi
base=$(git rev-parse --short "$1^{commit}" 2>/dev/null) || { echo "parser_compare.sh: no such commit: $1" >&2; exit 2; }
rounds=${2:-9}
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "parser_compare.sh: ROUNDS must be a positive number" >&2; exit 2; }
if [[ -z "${VANBAN_BENCH_CORPUS:-}" ]]; then
  if [[ -d ../shared/corpus ]]; then export VANBAN_BENCH_CORPUS=$(cd ../shared/corpus && pwd); else export VANBAN_BENCH_CORPUS=$PWD/corpus; fi
fi
jobs=$(nproc 2>/dev/null || echo 2)
build() {  # build SOURCE_DIR BUILD_DIR
  if [[ ! -f "$2/CMakeCache.txt" ]]; then
    cmake -S "$1" -B "$2" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_BUILD_BENCHMARKS=ON >/dev/null
  elif ! grep -q '^VANBAN_BUILD_BENCHMARKS:BOOL=ON' "$2/CMakeCache.txt"; then
    cmake "$2" -DVANBAN_BUILD_BENCHMARKS=ON >/dev/null
  fi
  cmake --build "$2" -j"$jobs" --target parser_bench >/dev/null
  [[ -x "$2/parser_bench" ]] || { echo "parser_compare.sh: $2/parser_bench was not built (is libbenchmark-dev installed?)" >&2; exit 1; }
}
tree=build/compare-$base
if [[ ! -d "$tree/src" ]]; then
  mkdir -p "$tree"
  git worktree add --detach -f "$tree/src" "$base" >/dev/null 2>&1 || { echo "parser_compare.sh: cannot check out $base" >&2; exit 1; }
fi
build "$tree/src" "$tree/build"
build . build
run() {  # prints MB/s of parse/corpus
  "$1" --benchmark_filter='^parse/corpus$' --benchmark_min_time=1 --benchmark_format=json 2>/dev/null |
    python3 -c 'import json, sys; r = json.load(sys.stdin)["benchmarks"][0]; print("%.2f" % (r["bytes_per_second"] / 1e6))'
}
echo "parse/corpus over $VANBAN_BENCH_CORPUS, MB/s (10^6 bytes per CPU second), $rounds rounds"
printf '%-6s %10s %10s\n' round "$base" "this tree"
a=() b=()
for ((r = 1; r <= rounds; r++)); do
  x=$(run "$tree/build/parser_bench") y=$(run build/parser_bench)
  a+=("$x") b+=("$y")
  printf '%-6s %10s %10s\n' "$r" "$x" "$y"
done
python3 - "${a[*]}" "${b[*]}" <<'PY'
import statistics, sys
a = [float(x) for x in sys.argv[1].split()]
b = [float(x) for x in sys.argv[2].split()]
ma, mb = statistics.median(a), statistics.median(b)
print(f"median {ma:10.2f} {mb:10.2f}   ratio this/base {mb / ma:.3f}")
PY
