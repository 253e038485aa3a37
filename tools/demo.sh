#!/usr/bin/env bash
# Installs what is missing, builds, imports the documents in corpus/ into build/demo.db and serves
# the web page and the API on http://127.0.0.1:8080 until Ctrl-C.
# Usage: tools/demo.sh [--port N]   (also VANBAN_PORT=N)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${VANBAN_PORT:-8080}
if [[ "${1:-}" == "--port" && -n "${2:-}" ]]; then port=$2; fi
tools/install-deps.sh
tools/build.sh
export VANBAN_DB=build/demo.db
build/vanban import corpus
echo "== vanban search \"phong chong dich\" --limit 3"
build/vanban search "phong chong dich" --limit 3
echo
echo "demo: open http://127.0.0.1:$port in a browser (Ctrl-C stops the server)"
echo "      the API: curl 'http://127.0.0.1:$port/api/search?q=so+y+te'"
exec build/vanban serve --port "$port"
