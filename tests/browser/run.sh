#!/usr/bin/env bash
# End-to-end test of the web page, as ctest runs it:
#
#   tests/browser/run.sh BUILD_DIR SOURCE_DIR
#
# Imports SOURCE_DIR/corpus and a stand-in for 38/NQ-CP (so that 134/KH-UBND has a resolved citation)
# into a fresh database in a temporary directory, starts BUILD_DIR/vanban serve on a free loopback
# port, drives the page with headless Chromium (e2e.mjs, playwright-core), then stops the server.
# Screenshots go to BUILD_DIR/browser-artifacts (failure.png and failure.html when a step fails).
#
# Needs node >= 18 and Chromium (/usr/bin/chromium, or $CHROMIUM). Installs the node modules
# (npm ci, from package-lock.json) into tests/browser/node_modules when they are missing.
# Exit codes: 0 passed; 1 failed, or a prerequisite is missing (the message says which); 2 usage.
set -euo pipefail

me="tests/browser/run.sh"
fail() {
    printf '%s: %s\n' "$me" "$*" >&2
    exit 1
}

if [ "$#" -ne 2 ]; then
    printf 'usage: %s BUILD_DIR SOURCE_DIR\n' "$me" >&2
    exit 2
fi
[ -d "$1" ] || fail "build directory '$1' does not exist"
[ -d "$2" ] || fail "source directory '$2' does not exist"
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
here="$source_dir/tests/browser"
vanban="$build_dir/vanban"
chromium="${CHROMIUM:-/usr/bin/chromium}"
artifacts="$build_dir/browser-artifacts"

# ---- prerequisites
[ -x "$vanban" ] || fail "$vanban is missing: build it first (cmake --build '$build_dir' --target vanban)"
[ -d "$source_dir/corpus" ] || fail "$source_dir/corpus is missing"
[ -x "$chromium" ] || fail "Chromium not found at $chromium: install it (apt-get install chromium) or set CHROMIUM=/path/to/chromium"
command -v node >/dev/null 2>&1 || fail "node is not installed: install Node.js >= 18 (apt-get install nodejs npm)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
    fail "node $(node --version) is too old: playwright-core needs Node.js >= 18"
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
    command -v npm >/dev/null 2>&1 ||
        fail "the node modules are missing and npm is not installed: install npm (apt-get install npm), or run 'npm ci' in $here"
    echo "$me: installing the node modules (npm ci in $here)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
        fail "npm ci failed in $here (is the npm registry reachable?); run it there by hand to see why"
fi

# ---- a temporary directory, the server, and their cleanup whatever happens
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vanban-browser.XXXXXX")
server_pid=""

stop_server() {
    # SIGTERM, then up to 10 s for the requests in progress; returns 1 if it had to be killed.
    [ -n "$server_pid" ] || return 0
    local pid=$server_pid
    server_pid=""
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        return 1
    fi
    wait "$pid" 2>/dev/null || true
    return 0
}

cleanup() {
    stop_server || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the database: corpus/ and a stand-in for Nghị quyết 38/NQ-CP
cat >"$tmp/nq38.txt" <<'EOF'
CHÍNH PHỦ
-------

Số: 38/NQ-CP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Hà Nội, ngày 17 tháng 3 năm 2022

NGHỊ QUYẾT
Ban hành Chương trình phòng, chống dịch COVID-19

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;

Theo đề nghị của Bộ trưởng Bộ Y tế;

QUYẾT NGHỊ:

Điều 1. Ban hành kèm theo Nghị quyết này Chương trình phòng, chống dịch COVID-19.

Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.

Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị quyết này.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Thủ tướng, các Phó Thủ tướng Chính phủ;
- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;
- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;
- Lưu: VT, KGVX.

TM. CHÍNH PHỦ
THỦ TƯỚNG

Phạm Minh Chính
EOF

"$vanban" import "$source_dir/corpus" "$tmp/nq38.txt" --db "$tmp/e2e.db" --quiet ||
    fail "'vanban import' failed for $source_dir/corpus and the 38/NQ-CP stand-in"

# ---- the server, on a free port; its first stdout line says where it listens
"$vanban" serve --db "$tmp/e2e.db" --host 127.0.0.1 --port 0 --read-only --threads 4 \
    >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!

base_url=""
for _ in $(seq 1 200); do  # 20 s
    line=$(head -n 1 "$tmp/server.out" 2>/dev/null || true)
    if [[ "$line" =~ ^listening\ on\ (http://[^[:space:]]+:[0-9]+) ]]; then
        base_url=${BASH_REMATCH[1]}
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        status=0
        wait "$server_pid" || status=$?
        server_pid=""
        printf '%s: the server exited (status %s) before listening; its stderr:\n' "$me" "$status" >&2
        sed 's/^/    /' "$tmp/server.err" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$base_url" ]; then
    printf '%s: the server did not print "listening on http://HOST:PORT" within 20 s; its stdout and stderr:\n' "$me" >&2
    sed 's/^/    /' "$tmp/server.out" "$tmp/server.err" >&2
    exit 1
fi
echo "$me: server at $base_url (database $tmp/e2e.db)"

# ---- the browser test
rm -rf "$artifacts"
mkdir -p "$artifacts"
status=0
node "$here/e2e.mjs" --base-url "$base_url" --out "$artifacts" --chromium "$chromium" || status=$?

if ! stop_server; then
    echo "$me: the server did not stop within 10 s of SIGTERM (killed)" >&2
    [ "$status" -ne 0 ] || status=1
fi
if [ "$status" -ne 0 ]; then
    echo "$me: FAILED (status $status); the last lines of the server's log:" >&2
    tail -n 25 "$tmp/server.err" | sed 's/^/    /' >&2
    echo "$me: screenshots and failure.html in $artifacts" >&2
fi
exit "$status"
