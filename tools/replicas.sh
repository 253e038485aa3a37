#!/usr/bin/env bash
# Reads scaled out with existing software (docs/SCALING.md): one primary `vanban serve` that takes
# imports, two `vanban serve --read-only` replicas that serve snapshots of it, and nginx in front of
# the replicas. The script starts them all on loopback ports, imports on the primary (over HTTP, with
# its token), ships a snapshot to each replica (`vanban snapshot`, renamed into place: each replica
# answers from it at its next request), shows both replicas answering through nginx (its
# X-Vanban-Replica header names the one that did), kills one and shows nginx still answering every
# request from the other; then ships a second snapshot to the survivor. Everything stops at the end.
# Usage: tools/replicas.sh [--build-dir DIR] [--keep]   (--keep: leave the folder for a look)
# Needs DIR/vanban (default build/) and nginx (installed when missing: apt-get install nginx-light).
# Exit codes: 0 every step held; 1 one did not (the step is named).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=build
keep=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --build-dir) build=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "replicas.sh: unknown option $1 (see the usage at the top of the script)" >&2; exit 1 ;;
  esac
done
vanban=$(cd "$build" && pwd)/vanban
[[ -x $vanban ]] || { echo "replicas.sh: $vanban missing: run tools/build.sh" >&2; exit 1; }
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  echo "replicas.sh: installing nginx-light" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/vanban-replicas.XXXXXX)
# Every process started writes its pid to $work/*.pid (serve runs in a command substitution: a
# subshell, whose variables do not come back), and the trap stops them all.
cleanup() {
  for f in "$work"/*.pid "$work"/nginx/nginx.pid; do
    [[ -f $f ]] && kill "$(cat "$f")" 2>/dev/null || true
  done
  sleep 0.2
  if $keep; then echo "replicas.sh: left $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

# `vanban serve` in the background; prints its port (from "listening on http://127.0.0.1:PORT").
serve() {
  local name=$1; shift
  "$vanban" serve --port 0 --threads 2 "$@" > "$work/$name.out" 2> "$work/$name.log" &
  echo $! > "$work/$name.pid"
  for _ in $(seq 100); do
    if grep -q "listening on" "$work/$name.out" 2>/dev/null; then
      sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/$name.out" | head -1
      return 0
    fi
    sleep 0.1
  done
  cat "$work/$name.log" >&2
  fail "$name did not start"
}

documents_of() { curl -fsS "http://127.0.0.1:$1/healthz" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p'; }

mkdir -p "$work/primary" "$work/replica1" "$work/replica2" "$work/nginx"
echo "replicas-demo-token" > "$work/token"

step "the primary (writable) and its first import"
primary=$(serve primary --db "$work/primary/index.db" --token-file "$work/token")
post() {
  curl -fsS -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer replicas-demo-token' \
    -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$1" "http://127.0.0.1:$primary/api/documents?name=$(basename "$1")"
}
seeds=("$root"/corpus/ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt "$root"/corpus/cb_chi-thi-so-21-ct-ttg-469580.txt)
later=("$root"/corpus/thong-bao-ket-luan-thuong-truc-thanh-uy-ha-noi-2022-04-20.txt)
for f in "${seeds[@]}"; do
  code=$(post "$f")
  [[ $code == 201 || $code == 200 ]] || fail "POST $(basename "$f") to the primary answered $code"
done
echo "primary on :$primary holds $(documents_of "$primary") documents"

step "a snapshot shipped to each replica, and the replicas started read-only"
for r in replica1 replica2; do
  # On another machine: scp/rsync the snapshot to a temporary name there, then mv it into place.
  "$vanban" snapshot "$work/primary/index.db" "$work/$r/incoming.db" > /dev/null
  mv "$work/$r/incoming.db" "$work/$r/index.db"
done
port1=$(serve replica1 --db "$work/replica1/index.db" --read-only)
port2=$(serve replica2 --db "$work/replica2/index.db" --read-only)
echo "replica1 on :$port1, replica2 on :$port2"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: text/plain' --data-binary 'x' "http://127.0.0.1:$port1/api/documents")
[[ $code == 403 ]] || fail "a replica took a write (answered $code, not 403)"

step "nginx in front of the replicas"
nginx_port=""
for _ in $(seq 20); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (echo > "/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then nginx_port=$candidate; break; fi
done
[[ -n $nginx_port ]] || fail "no free port for nginx"
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream vanban_replicas {
    server 127.0.0.1:$port1 max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$port2 max_fails=1 fail_timeout=10s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    # Reads go to the replicas; a replica that refuses the connection is skipped for the request.
    location / {
      limit_except GET HEAD { deny all; }
      proxy_pass http://vanban_replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 1s;
      add_header X-Vanban-Replica \$upstream_addr always;
    }
  }
}
EOF
"$nginx" -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/error.log" || fail "nginx did not start (see $work/nginx/error.log)"

# n requests through nginx: every status must be 200; prints the replicas that answered.
through_nginx() {
  local n=$1 target=$2 seen="" code header
  for _ in $(seq "$n"); do
    header=$(curl -s -D - -o /dev/null "http://127.0.0.1:$nginx_port$target")
    code=$(echo "$header" | head -1 | awk '{print $2}')
    [[ $code == 200 ]] || fail "GET $target through nginx answered $code"
    seen+=$(echo "$header" | tr -d '\r' | sed -n 's/^X-Vanban-Replica: //Ip')$'\n'
  done
  echo "$seen" | sed '/^$/d' | sort | uniq -c | sed 's/^ */  /'
}
step "both replicas answer through nginx on :$nginx_port"
answered=$(through_nginx 20 "/api/search?q=phong%20chong%20dich")
echo "$answered"
echo "$answered" | grep -q ":$port1" || fail "replica1 never answered"
echo "$answered" | grep -q ":$port2" || fail "replica2 never answered"
[[ $(curl -fsS "http://127.0.0.1:$nginx_port/healthz" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p') == 2 ]] || fail "the replicas do not hold the 2 documents"

step "the primary takes another document; a new snapshot reaches both replicas without a restart"
code=$(post "${later[0]}")
[[ $code == 201 || $code == 200 ]] || fail "POST to the primary answered $code"
for r in replica1 replica2; do
  "$vanban" snapshot "$work/primary/index.db" "$work/$r/incoming.db" > /dev/null
  mv "$work/$r/incoming.db" "$work/$r/index.db"
done
for p in "$port1" "$port2"; do
  [[ $(documents_of "$p") == 3 ]] || fail "the replica on :$p does not answer from the new snapshot"
done
echo "primary $(documents_of "$primary"), replica1 $(documents_of "$port1"), replica2 $(documents_of "$port2") documents"

step "replica1 killed: nginx answers every request from replica2"
kill -9 "$(cat "$work/replica1.pid")"
sleep 0.2
answered=$(through_nginx 20 "/api/lookup?number=134/KH-UBND")
echo "$answered"
echo "$answered" | grep -q ":$port2" || fail "replica2 did not answer"
[[ $(curl -fsS "http://127.0.0.1:$nginx_port/healthz" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p') == 3 ]] || fail "nginx does not answer from the survivor"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary 'x' "http://127.0.0.1:$nginx_port/api/documents")
[[ $code == 403 ]] || fail "nginx passed a write to the replicas (answered $code)"
echo "PASS: snapshots shipped, both replicas answered through nginx, and nginx kept answering with one killed"
