#!/usr/bin/env bash
# Import throughput against a floor, measured in one run on the same machine:
#   floor: the same files inserted into one plain FTS5 table (unicode61 remove_diacritics 2) by the
#          sqlite3 shell, in one transaction, WAL mode;
#   ours:  `vanban import` of the same files (parse on all cores, one writer, all tables, both
#          accent forms per word, tasks_fts, citation resolution).
# Prints both times, the ratio (target: at most 5x) and the database sizes against the raw text.
# Usage: tools/bench/import.sh [DIR]   (default ../shared/corpus, else corpus/)
# Needs build/vanban (tools/build.sh) and the sqlite3 shell. Exit codes: 0 ok, 1 failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-../shared/corpus}
[[ -d $dir ]] || dir=corpus
[[ -x build/vanban ]] || { echo "import.sh: build/vanban missing: run tools/build.sh" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "import.sh: the sqlite3 shell is missing (apt-get install sqlite3)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The files vanban import takes from a folder: no hidden, README or data files.
find "$dir" -type f ! -name '.*' ! -iname 'readme*' ! -name '*.json' ! -name '*.jsonl' ! -name '*.csv' \
  ! -name '*.tsv' | sort > "$work/files"
n=$(wc -l < "$work/files")
bytes=$(xargs -a "$work/files" -d '\n' cat | wc -c)
{
  echo "PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2'); BEGIN;"
  while IFS= read -r f; do printf "INSERT INTO t VALUES(readfile('%s'));\n" "${f//\'/\'\'}"; done < "$work/files"
  echo "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);"
} > "$work/load.sql"
sync
t0=$(date +%s.%N)
sqlite3 "$work/plain.db" < "$work/load.sql" > /dev/null
t1=$(date +%s.%N)
build/vanban import "$dir" --db "$work/vanban.db" --quiet
t2=$(date +%s.%N)
python3 - "$n" "$bytes" "$t0" "$t1" "$t2" "$work/plain.db" "$work/vanban.db" <<'PY'
import os, sys
n, raw = int(sys.argv[1]), int(sys.argv[2])
t0, t1, t2 = map(float, sys.argv[3:6])
def size(p):
    return sum(os.path.getsize(p + s) for s in ("", "-wal") if os.path.exists(p + s))
plain, ours = t1 - t0, t2 - t1
print(f"files {n}, raw text {raw / 1e6:.1f} MB, {os.cpu_count()} cores")
print(f"plain fts5 (sqlite3 shell): {plain:6.2f} s  {raw / 1e6 / plain:6.1f} MB/s  db {size(sys.argv[6]) / 1e6:6.1f} MB")
print(f"vanban import:              {ours:6.2f} s  {raw / 1e6 / ours:6.1f} MB/s  db {size(sys.argv[7]) / 1e6:6.1f} MB"
      f" ({size(sys.argv[7]) / raw:.2f}x the raw text)")
print(f"ratio vanban/plain: {ours / plain:.2f}x (target <= 5x)")
PY
