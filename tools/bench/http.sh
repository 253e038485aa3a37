#!/usr/bin/env bash
# HTTP load test (wrk, from Debian): measured in one run on this machine.
#  1. search: the 200 queries of tools/bench/queries.txt over HTTP with 16 connections, against
#     cores / (mean CPU time of one in-process Index::search of the same queries) (target >= 0.8x);
#  2. document fetch: GET /api/documents/{id} over every document, against a minimal Poco server
#     (build/http_baseline fixed) answering every request with the JSON of a median document, same
#     server parameters (target >= 0.5x);
#  3. 64 keep-alive connections on a server with its default threads (2 x cores, at least 4): the
#     latency tail and errors (no connection starves; tests/server checks each client finishes).
# Servers run with their default threads, the fixed one with the same number.
# Prints requests/s, p50/p99 and errors of each, and the ratios.
# Usage: tools/bench/http.sh [DIR] [SECONDS]   (default ../shared/corpus, else corpus/; 10 s per run)
set -euo pipefail
cd "$(dirname "$0")/../.."
src=${1:-../shared/corpus}
[[ -e $src ]] || src=corpus
secs=${2:-10}
command -v wrk >/dev/null || { echo "http.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
cmake --build build -j"$(nproc)" --target vanban http_baseline >/dev/null
cores=$(nproc)
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
build/vanban import "$src" --db "$work/bench.db" --quiet
# The in-process floor is measured just before and just after the HTTP search run, and averaged: this
# VM's speed drifts by tens of percent over minutes, and both sides of the ratio must see the same.
floor() { build/http_baseline cpu "$work/bench.db" tools/bench/queries.txt "$work/search.txt" "$work/ids.txt"; }
floor >/dev/null  # writes the request paths and the document ids (and warms the page cache)
sed 's|^|/api/documents/|' "$work/ids.txt" > "$work/docs.txt"

# start NAME COMMAND...: runs a server that prints "listening on http://127.0.0.1:PORT"; sets $port.
start() {
  local name=$1; shift
  "$@" > "$work/$name.out" 2> "$work/$name.log" &
  pids+=($!)
  for _ in $(seq 100); do
    port=$(sed -n 's|^listening on http://127.0.0.1:||p' "$work/$name.out")
    [[ -n $port ]] && return 0
    sleep 0.1
  done
  echo "http.sh: $name did not start: $(cat "$work/$name.log")" >&2; exit 1
}
# load LABEL CONNECTIONS URL [PATHS]: runs wrk, prints one line, sets $rps.
load() {
  local label=$1 conns=$2 url=$3 paths=${4:-}
  local out
  # 2 s of warm-up (the workers open their connections), then the measured run.
  if [[ -n $paths ]]; then
    wrk -t2 -c"$conns" -d2s -s tools/bench/paths.lua "$url" -- "$paths" >/dev/null
  else
    wrk -t2 -c"$conns" -d2s "$url" >/dev/null
  fi
  if [[ -n $paths ]]; then
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s tools/bench/paths.lua "$url" -- "$paths")
  else
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "$url")
  fi
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  local p50 p99 max errors non2xx
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  max=$(awk '$1 == "Latency" {print $4}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-44s %9.1f req/s  p50 %8s  p99 %8s  max %8s  errors %s  non-2xx %s\n' \
    "$label" "$rps" "$p50" "$p99" "$max" "${errors:-0}" "${non2xx:-0}"
}

docs=$(wc -l < "$work/ids.txt")
echo "corpus: $src ($docs documents), $cores cores, wrk -t2, ${secs} s per run"
start vanban build/vanban serve --db "$work/bench.db" --port 0
vanban_port=$port
read -r search_ms1 json_ms1 < <(floor)
load "search, 16 connections" 16 "http://127.0.0.1:$vanban_port" "$work/search.txt"
search_rps=$rps
read -r search_ms2 json_ms2 < <(floor)
search_ms=$(awk -v a="$search_ms1" -v b="$search_ms2" 'BEGIN {print (a + b) / 2}')
json_ms=$(awk -v a="$json_ms1" -v b="$json_ms2" 'BEGIN {print (a + b) / 2}')
echo "in-process search CPU before / after the HTTP run: $search_ms1 / $search_ms2 ms"
load "document fetch, 16 connections" 16 "http://127.0.0.1:$vanban_port" "$work/docs.txt"
doc_rps=$rps

# The fixed body: the JSON of the document of median size.


for id in $(cat "$work/ids.txt"); do
  curl -s "http://127.0.0.1:$vanban_port/api/documents/$id" -o "$work/doc-$id.json"
done
median_file=$(ls -S "$work"/doc-*.json | awk -v n="$docs" 'NR == int((n + 1) / 2)')
start fixed build/http_baseline fixed 0 "$(( cores * 2 > 4 ? cores * 2 : 4 ))" "$median_file"
load "fixed JSON body (minimal Poco), 16 conn." 16 "http://127.0.0.1:$port/"
fixed_rps=$rps

kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
start vanban64 build/vanban serve --db "$work/bench.db" --port 0
load "search, 64 connections (default threads)" 64 "http://127.0.0.1:$port" "$work/search.txt"

awk -v s="$search_ms" -v j="$json_ms" -v c="$cores" -v r="$search_rps" -v d="$doc_rps" -v f="$fixed_rps" \
    -v sz="$(stat -c %s "$median_file")" 'BEGIN {
  floor = c / (s / 1000);
  printf "in-process search: mean CPU %.3f ms (+ %.3f ms to render its JSON); %d cores / that = %.0f searches/s\n", s, j, c, floor;
  printf "ratio search over HTTP / in-process floor: %.2fx (target >= 0.8x)\n", r / floor;
  printf "ratio document fetch / fixed %d-byte JSON body: %.2fx (target >= 0.5x)\n", sz, d / f;
}'
