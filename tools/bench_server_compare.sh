#!/usr/bin/env bash
# Search latency before/after in one run (prints Markdown on stdout).
#   tools/bench_server_compare.sh BEFORE_SERVE DB_DIR [CONNECTIONS]
# BEFORE_SERVE is a vnkb-serve built from an earlier commit; the other is
# build/search-server/vnkb-serve. Both serve DB_DIR (tools/bench_index.sh
# text) at once; wrk sends the 200 queries of tools/data/server_queries.txt
# (all facets counted, snippets made) at CONNECTIONS (default 8) to one, then
# the other, VNKB_BENCH_ROUNDS times (default 5) of VNKB_BENCH_SECONDS
# (default 10), alternating who goes first, so both meet the same load of a
# shared machine. Reports each round and the medians and after/before ratios.
# VNKB_PROFILE=1 also prints each server's stage times (search_profile.h).
# VNKB_BENCH_BEFORE_DB=DIR: the before server serves DIR instead (an index
# built by the before vnkb-index, when the index format changed).
# Each server's warm-up (every query once, on cold caches: the first search
# of a revision) is timed too.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
before_bin=$1
db=$2
conns=${3:-8}
before_db=${VNKB_BENCH_BEFORE_DB:-$db}
after_bin="$root/build/search-server/vnkb-serve"
queries="$root/tools/data/server_queries.txt"
duration=${VNKB_BENCH_SECONDS:-10}
rounds=${VNKB_BENCH_ROUNDS:-5}

. "$root/tools/bench_server_lib.sh"
begin_server_run
start() {  # start NAME BIN DB: a server, its port in `port`
  start_server "$2" "$3" "$work/$1.banner" "$work/$1.err"
  echo "$warmup_seconds" >"$work/$1.warmup"
}
start before "$before_bin" "$before_db"; before_port=$port
start after "$after_bin" "$db"; after_port=$port
write_wrk_script "$work/q.lua"
threads=$(( conns < $(nproc) ? conns : $(nproc) ))
run() {  # run NAME PORT: one wrk run, appends "rps p50 p99 errors" to NAME.rows
  local out n errors p50 p99 secs
  out=$(wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 10s -s "$work/q.lua" "http://127.0.0.1:$2" | grep '^VNKB')
  read -r _ n errors p50 p99 secs <<<"$out"
  echo "$(awk "BEGIN {printf \"%.0f\", $n / $secs}") $p50 $p99 $errors" >>"$work/$1.rows"
  echo "| $3 | $1 | $(tail -n1 "$work/$1.rows" | awk '{printf "%s | %s | %s | %s", $1, $2, $3, $4}') | $(cut -d' ' -f1 /proc/loadavg) |"
}
echo "| round | server | requests/s | p50 (ms) | p99 (ms) | errors | load (1 min) |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for r in $(seq "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then
    run before "$before_port" "$r"; run after "$after_port" "$r"
  else
    run after "$after_port" "$r"; run before "$before_port" "$r"
  fi
done
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
col() { awk -v k="$2" '{print $k}' "$work/$1.rows" | median; }
echo
echo "| median of $rounds rounds | requests/s | p50 (ms) | p99 (ms) |"
echo "|---|---:|---:|---:|"
for s in before after; do echo "| $s | $(col $s 1) | $(col $s 2) | $(col $s 3) |"; done
ratio() { awk "BEGIN {printf \"%.2f\", $(col after "$1") / $(col before "$1")}"; }
echo "| after / before | $(ratio 1) | $(ratio 2) | $(ratio 3) |"
echo
echo "Warm-up (every query once, one at a time, cold caches): before $(cat "$work/before.warmup") s, after $(cat "$work/after.warmup") s."
echo "$conns connections, wrk with $threads threads on the same machine, ${duration} s a run; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
if [ -n "${VNKB_PROFILE:-}" ]; then
  stop_servers
  for s in before after; do
    echo
    echo "Stage times of $s (VNKB_PROFILE=1):"
    echo
    echo '```'
    cat "$work/$s.err"
    echo '```'
  done
fi
