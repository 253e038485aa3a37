#!/usr/bin/env bash
# HTTP throughput of this tree against another commit, measured in one run: both servers run side by
# side, each on its own copy of the same database, and wrk loads them in alternation, round after
# round (a slower or faster spell of the machine falls on both). Prints the requests/s of each round,
# the medians and the ratio of the medians (this tree / base), for the search queries of
# tools/bench/queries.txt and for the fetch of every document, 16 connections each.
# Usage: tools/bench/http_compare.sh BASE_COMMIT [ROUNDS] [DIR]   (default 7 rounds of 4 s per side;
#        DIR default ../shared/corpus, else corpus/)
# Builds BASE_COMMIT in a git worktree under build/compare-<commit>/ (shared with parser_compare.sh)
# and this tree's build/. Needs wrk. Exit codes: 0 ok, 1 build or run failed, 2 usage.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ $# -lt 1 || $# -gt 3 ]]; then
  echo "usage: tools/bench/http_compare.sh BASE_COMMIT [ROUNDS] [DIR]" >&2
  exit 2
fi
base=$(git rev-parse --short "$1^{commit}" 2>/dev/null) || { echo "http_compare.sh: no such commit: $1" >&2; exit 2; }
rounds=${2:-7}
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "http_compare.sh: ROUNDS must be a positive number" >&2; exit 2; }
src=${3:-../shared/corpus}
[[ -e $src ]] || src=corpus
src=$(cd "$src" && pwd)
command -v wrk >/dev/null || { echo "http_compare.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
jobs=$(nproc 2>/dev/null || echo 2)
dir=build/compare-$base
if [[ ! -d $dir/src ]]; then
  mkdir -p "$dir"
  git worktree add --detach "$dir/src" "$base" >/dev/null 2>&1 || { echo "http_compare.sh: cannot check out $base" >&2; exit 1; }
fi
[[ -f $dir/build/CMakeCache.txt ]] || cmake -S "$dir/src" -B "$dir/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$dir/build" -j"$jobs" --target vanban http_baseline >/dev/null || { echo "http_compare.sh: the base does not build" >&2; exit 1; }
cmake --build build -j"$jobs" --target vanban http_baseline >/dev/null || { echo "http_compare.sh: this tree does not build" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
build/vanban import "$src" --db "$work/this.db" --quiet
"$dir/build/vanban" import "$src" --db "$work/base.db" --quiet
# The request paths: the queries and every document (written by http_baseline from this tree's db).
build/http_baseline cpu "$work/this.db" tools/bench/queries.txt "$work/search.txt" "$work/ids.txt" >/dev/null
sed 's|^|/api/documents/|' "$work/ids.txt" > "$work/docs.txt"
# The base's ids may differ: its document paths come from its own database.
"$dir/build/http_baseline" cpu "$work/base.db" tools/bench/queries.txt "$work/search-base.txt" "$work/ids-base.txt" >/dev/null
sed 's|^|/api/documents/|' "$work/ids-base.txt" > "$work/docs-base.txt"

# start NAME BINARY DB: runs `serve` on a free port; sets $port.
start() {
  "$2" serve --db "$3" --port 0 > "$work/$1.out" 2> "$work/$1.log" &
  pids+=($!)
  for _ in $(seq 100); do
    port=$(sed -n 's|^listening on http://127.0.0.1:||p' "$work/$1.out")
    [[ -n $port ]] && return 0
    sleep 0.1
  done
  echo "http_compare.sh: $1 did not start: $(cat "$work/$1.log")" >&2; exit 1
}
start this build/vanban "$work/this.db"; this_port=$port
start base "$dir/build/vanban" "$work/base.db"; base_port=$port

# rps PORT PATHS SECONDS: requests/s of one wrk run.
rps() { wrk -t2 -c16 -d"$3s" -s tools/bench/paths.lua "http://127.0.0.1:$1" -- "$2" | awk '/^Requests\/sec/ {print $2}'; }
for p in "$this_port $work/search.txt" "$base_port $work/search-base.txt" "$this_port $work/docs.txt" "$base_port $work/docs-base.txt"; do
  rps $p 2 >/dev/null  # warm-up: connections, page cache, document cache
done
echo "corpus: $src, $jobs cores, wrk -t2 -c16, 4 s per side and round; base $base"
for what in search docs; do
  printf '%-7s %12s %12s\n' round this base > "$work/$what.tsv"
  for r in $(seq "$rounds"); do
    a=$(rps "$this_port" "$work/$what.txt" 4)
    b=$(rps "$base_port" "$work/$what-base.txt" 4)
    printf '%-7s %12.1f %12.1f\n' "$r" "$a" "$b" >> "$work/$what.tsv"
  done
  echo "== $what (requests/s)"
  cat "$work/$what.tsv"
  tail -n +2 "$work/$what.tsv" | awk '{print $2}' | sort -g > "$work/a"
  tail -n +2 "$work/$what.tsv" | awk '{print $3}' | sort -g > "$work/b"
  ma=$(awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}' "$work/a")
  mb=$(awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}' "$work/b")
  awk -v a="$ma" -v b="$mb" 'BEGIN {printf "median  %12.1f %12.1f   ratio this/base %.3f\n", a, b, a / b}'
done
