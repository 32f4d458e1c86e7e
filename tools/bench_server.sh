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

. "$root/tools/bench_server_lib.sh"
begin_server_run
start_server "$root/build/search-server/vnkb-serve" "$db" "$work/banner" /dev/null
server=$server_pid
lua="$work/q.lua"
write_wrk_script "$lua"

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
