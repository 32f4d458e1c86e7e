# What the server benchmarks share (sourced by tools/bench_server.sh and
# tools/bench_server_compare.sh): starting a server on a free port, warming
# it with the query mix, and the wrk script that sends the mix.
# Needs $queries (tools/data/server_queries.txt) set by the caller.

# begin_server_run: a temporary folder `work` and a list `pids` of the
# servers started (start_server adds to it), all stopped and removed at exit.
begin_server_run() {
  work=$(mktemp -d)
  pids=()
  trap end_server_run EXIT
}
# stop_servers: stops every server started (they print their stage times
# under VNKB_PROFILE when they stop).
stop_servers() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
end_server_run() {
  stop_servers
  rm -rf "$work"
}

# start_server BIN DB BANNER ERR: starts BIN on a free port (--port 0: the
# server prints its address), waits until it answers, warms its caches once
# through every query; sets `server_pid`, `port` and `warmup_seconds`, and
# adds the server to `pids`.
start_server() {
  local bin=$1 dir=$2 banner=$3 err=$4 t0
  "$bin" --db "$dir" --port 0 --quiet --threads 16 >"$banner" 2>"$err" &
  server_pid=$!
  pids+=("$server_pid")
  port=
  for _ in $(seq 300); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$banner")
    [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "bench: $bin did not start" >&2; cat "$err" >&2; return 1; }
  t0=$(date +%s.%N)
  while read -r line; do
    case "$line" in "#"*|"") continue ;; esac
    curl -fs "http://127.0.0.1:$port/api/search?$line" >/dev/null || true
  done <"$queries"
  warmup_seconds=$(awk "BEGIN {printf \"%.2f\", $(date +%s.%N) - $t0}")
}

# write_wrk_script FILE: a wrk script that cycles through the query mix and
# prints "VNKB requests errors p50_ms p99_ms seconds" when done.
write_wrk_script() {
  cat >"$1" <<LUA
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
LUA
}
