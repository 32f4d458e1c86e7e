#!/usr/bin/env bash
# Whether two vnkb-serve builds answer the server benchmark's queries alike.
#   tools/compare_server_answers.sh BEFORE_SERVE AFTER_SERVE DB_DIR
# Both serve DB_DIR; every query of tools/data/server_queries.txt is asked of
# each with 20 hits a page and every facet value listed (facet_limit=100),
# twice (the second answer comes from the revision's caches), and the JSON
# answers are compared whole (total, every facet count, the hits in order
# with their scores and snippets, suggestions). Prints the queries whose
# answers differ and exits 1 when any does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -eq 3 ] || { echo "usage: $0 BEFORE_SERVE AFTER_SERVE DB_DIR" >&2; exit 2; }
queries="$root/tools/data/server_queries.txt"
. "$root/tools/bench_server_lib.sh"
begin_server_run
start_server "$1" "$3" "$work/before.banner" "$work/before.err"
before_port=$port
start_server "$2" "$3" "$work/after.banner" "$work/after.err"
after_port=$port
asked=0 differ=0
while read -r line; do
  case "$line" in "#"*|"") continue ;; esac
  for round in 1 2; do
    for s in before after; do
      p=$before_port; [ $s = after ] && p=$after_port
      curl -s "http://127.0.0.1:$p/api/search?$line&per_page=20&facet_limit=100" |
        jq -S . >"$work/$s.json"
    done
    asked=$((asked + 1))
    jq -e 'has("total")' "$work/before.json" >/dev/null ||
      { echo "no answer to $line" >&2; cat "$work/before.json" >&2; exit 1; }
    if ! cmp -s "$work/before.json" "$work/after.json"; then
      differ=$((differ + 1))
      echo "differs (round $round): $line"
      diff "$work/before.json" "$work/after.json" | head -20
    fi
  done
done <"$queries"
echo "$asked answers compared (each query twice), $differ differ"
[ "$differ" -eq 0 ]
