#!/usr/bin/env bash
# Server benchmark, called by tools/bench (prints Markdown on stdout).
#   tools/bench_server.sh DB_DIR
# DB_DIR is an index of the codification, one article per document (made by
# tools/bench_index.sh text). The fixed mix of 200 queries in
# tools/data/server_queries.txt goes through HTTP with wrk at 1, 8 and 32
# connections (all facets counted, snippets made), and in the same run the
# same queries through bare Xapian::Enquire in-process (top 10, no facets, no
# snippets, no HTTP) with as many threads as cores.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db=$1
queries="$root/tools/data/server_queries.txt"
duration=${VNKB_BENCH_SECONDS:-15}
cores=$(nproc)

banner=$(mktemp)
# --port 0: the server picks a free port and prints its address.
"$root/build/search-server/vnkb-serve" --db "$db" --port 0 --quiet --threads 16 >"$banner" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -f "$banner"' EXIT
port=
for _ in $(seq 100); do
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$banner")
  [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done
lua=$(mktemp --suffix=.lua)
cat >"$lua" <<EOF
local paths = {}
for line in io.lines("$queries") do
  if line:sub(1, 1) ~= "#" and #line > 0 then paths[#paths + 1] = "/api/search?" .. line end
end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
function done(summary, latency, requests)
  io.write(string.format("VNKB %d %d %.3f %.3f %.3f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
EOF
# Warm the caches once through every query.
while read -r line; do
  case "$line" in "#"*|"") continue ;; esac
  curl -fs "http://127.0.0.1:$port/api/search?$line" >/dev/null || true
done <"$queries"

bare=$("$root/build/tools/bench_xapian" --db "$db" --queries "$queries" --threads "$cores" --seconds "$duration")
bare1=$("$root/build/tools/bench_xapian" --db "$db" --queries "$queries" --threads 1 --seconds "$duration")
echo "| client connections | requests/s | p50 (ms) | p99 (ms) | errors | HTTP / bare Xapian ($cores threads) |"
echo "|---:|---:|---:|---:|---:|---:|"
best=0
for c in 1 8 32; do
  threads=$(( c < cores ? c : cores ))
  out=$(wrk -t"$threads" -c"$c" -d"${duration}s" --timeout 10s -s "$lua" "http://127.0.0.1:$port" | grep '^VNKB')
  read -r _ n errors p50 p99 secs <<<"$out"
  rps=$(awk "BEGIN {printf \"%.0f\", $n / $secs}")
  echo "| $c | $rps | $p50 | $p99 | $errors | $(awk "BEGIN {printf \"%.2f\", $rps / $bare}") |"
  best=$(awk "BEGIN {print ($rps > $best) ? $rps : $best}")
done
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status")
docs=$(curl -fs "http://127.0.0.1:$port/api/health" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
cat <<EOF

Bare Xapian in-process on the same queries: $(printf '%.0f' "$bare") queries/s with $cores threads, $(printf '%.0f' "$bare1") with 1.
Best HTTP throughput / bare Xapian: **$(awk "BEGIN {printf \"%.2f\", $best / $bare}")** (target ≥ 0.5). p99 at 8 connections: see the table (target < 50 ms).
Index: $docs documents (one codification article each). Server resident memory after the run: $rss MB.
wrk ran on the same 2-core machine as the server, so it takes CPU from it; each run lasted ${duration} s after one warm-up pass over the 200 queries.
EOF
rm -f "$lua"
