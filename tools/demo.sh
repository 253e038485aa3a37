#!/usr/bin/env bash
# Installs what is missing, builds, and parses the documents in corpus/ (a summary line per document).
# Later: imports corpus/ into an index and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
shopt -s nullglob
files=(corpus/*.txt corpus/*.md)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "demo: no documents in corpus/" >&2
  exit 1
fi
for f in "${files[@]}"; do
  build/vanban parse "$f" --format tree | sed -n '1,7p' | paste -sd'|' | cut -c1-220
done
echo "demo: parsed ${#files[@]} documents from corpus/ (try: build/vanban parse corpus/<file> --format tree)"
