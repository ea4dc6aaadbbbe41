#!/usr/bin/env bash
# HTTP load benchmark of the API with wrk (Debian package): 32 connections against `crm serve` on a
# database that already holds the demo company (run crm_bench or `crm demo` first): customer detail,
# list page, keyword search and the pipeline board. Prints req/s and p99 per route, and each route's
# throughput as a ratio to GET /api/health measured in the same run. The last route writes: it logs
# notes on one customer (POST /api/crm/activities), so run it on a copy of the database.
#   bench/api-load.sh /tmp/bench.sqlite [demo-password] [seconds]
# CRM_BIN names another crm binary (a build to compare with).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=${1:?database location}
password=${2:-Bench-pass-2026}
seconds=${3:-10}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
crm=${CRM_BIN:-$root/build/release/app/crm}
[ -x "$crm" ] || "$root/scripts/build" Release >/dev/null
port=18181
"$crm" serve --database "$db" --listen 127.0.0.1:$port --threads "$(nproc)" --requests-per-minute 100000000 \
    --max-connections 1024 >/tmp/crm-api-load.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
token=$(curl -sf -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"rep001\",\"password\":\"$password\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "login failed"; exit 1; }
id=$(curl -sf "$base/api/crm/customers?limit=1" -H "Authorization: Bearer $token" | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1)

run() { # name path [wrk script]
    local out rps p99
    out=$(wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" ${3:+-s "$3"} "$base$2")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $4}')
    echo "$1|$rps|$p99|${errors:-0}"
}
rows=()
rows+=("$(run 'GET /api/health (baseline)' /api/health)")
rows+=("$(run 'customer detail' "/api/crm/customers/$id")")
rows+=("$(run 'list page (20)' '/api/crm/customers?page=1&limit=20')")
rows+=("$(run 'keyword search 科技' '/api/crm/customers?keyword=%E7%A7%91%E6%8A%80&page=1&limit=20')")
rows+=("$(run 'pipeline board' '/api/crm/pipeline')")
post=$(mktemp --suffix=.lua)
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -f "$post"' EXIT
cat >"$post" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"customerId": $id, "kind": "note", "subject": "api-load", "content": "压测记录 load test note"}'
LUA
rows+=("$(run 'log an activity (POST)' /api/crm/activities "$post")")
baseline=$(echo "${rows[0]}" | cut -d'|' -f2)
echo "| route | req/s | p99 | non-2xx | ratio to health |"
echo "|---|---:|---:|---:|---:|"
for r in "${rows[@]}"; do
    IFS='|' read -r name rps p99 errors <<<"$r"
    ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN {printf "%.2f", a / b}')
    echo "| $name | $rps | $p99 | $errors | $ratio |"
done
