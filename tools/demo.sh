#!/usr/bin/env bash
# Installs what is missing, builds, imports the documents in corpus/ into build/demo.db and runs a
# few searches. (The HTTP server on http://127.0.0.1:8080 comes with the server issue.)
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
export VANBAN_DB=build/demo.db
build/vanban import corpus
for q in "phong chong dich" "dang uy" "kh-ubnd 134"; do
  echo "== vanban search \"$q\" --limit 3"
  build/vanban search "$q" --limit 3
done
echo "== vanban refs 134/KH-UBND"
build/vanban refs 134/KH-UBND | head -8
echo "demo: the index is $VANBAN_DB (try: VANBAN_DB=$VANBAN_DB build/vanban search 'so y te')"
