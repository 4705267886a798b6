#!/usr/bin/env bash
# Entra's initial provisioning cycle against a fresh server, driven by wrk (bench/README.md, "Initial-cycle mix"):
#   bench/initial-cycle.sh embedded|postgres
# Builds the server (Release, into bench/artifacts), starts it in Production on 127.0.0.1:$BENCH_PORT (for
# postgres on a throwaway PostgreSQL with default durability), onboards $BENCH_TENANTS tenants, warms up for
# $BENCH_WARMUP s, then runs wrk for $BENCH_DURATION s with $BENCH_CONNECTIONS connections (one wrk thread each).
# Reads the server's and PostgreSQL's CPU from /proc before and after the measured run and prints one JSON line
# (also appended to bench/results/initial-cycle.jsonl): req/s, p50/p95/p99, errors, CPU µs per request.
# Environment: BENCH_TENANTS (20), BENCH_CONNECTIONS (32), BENCH_DURATION (20), BENCH_WARMUP (20), BENCH_NO_BUILD=1,
#   BENCH_PORT (5380), BENCH_SILO_PORT (11411), BENCH_GATEWAY_PORT (30400), BENCH_PG_FSYNC_OFF=1,
#   BENCH_PERF=SECONDS -> `perf record` of the server for SECONDS during the measured run (perf map on),
#   BENCH_SERVER_ENV="K=V ..." -> extra server settings (for experiments; the label records them).
set -euo pipefail

mode=${1:-}
case "$mode" in
  embedded|postgres) shift ;;
  *) echo "usage: bench/initial-cycle.sh embedded|postgres" >&2; exit 2 ;;
esac
# wrk comes from Debian: installed here when missing and this user may (as .ci/run installs what the tests need).
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "bench: installing wrk (apt-get)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk; } >/dev/null 2>&1 || true
fi
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }

port=${BENCH_PORT:-5380}
silo_port=${BENCH_SILO_PORT:-11411}
gateway_port=${BENCH_GATEWAY_PORT:-30400}
tenants=${BENCH_TENANTS:-20}
connections=${BENCH_CONNECTIONS:-32}
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-20}
# shellcheck source=bench/server.sh
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
bench_require_free_port
bench_build
bench_export_settings Production
for setting in ${BENCH_SERVER_ENV:-}; do export "${setting?}"; done
if [ "$mode" = postgres ]; then bench_start_postgres; fi
if [ -n "${BENCH_PERF:-}" ]; then export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0; fi
bench_start_server

# Onboard the tenants: each line of $work/tenants is "<SCIM base path> <Secret Token>".
for i in $(seq 1 "$tenants"); do
  curl -sf -X POST "http://127.0.0.1:$port/operator/tenants" -H "Authorization: Bearer $key" -H "Content-Type: application/json" \
    -d "{\"name\":\"Bench $i\",\"entraTenantId\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"adminGroups\":[\"Admins\"],\"monitoredGroups\":[\"Staff\"]}" \
    | python3 -c 'import json, sys, urllib.parse; t = json.load(sys.stdin); print(urllib.parse.urlparse(t["scimBaseUrl"]).path, t["scimToken"])' >>"$work/tenants"
done

run_wrk() { # TAG SECONDS -> the WRK_JSON line
  timeout $(($2 + 30)) wrk -t"$connections" -c"$connections" -d"$2s" --timeout 10s -s "$here/wrk/initial-cycle.lua" \
    "http://127.0.0.1:$port" -- "$work/tenants" "$1" >"$work/wrk-$1.txt" 2>&1 || { cat "$work/wrk-$1.txt"; exit 1; }
  grep '^WRK_JSON ' "$work/wrk-$1.txt" | sed 's/^WRK_JSON //'
}

if [ "$warmup" -gt 0 ]; then run_wrk warmup "$warmup" >/dev/null; fi

diagnostics() { curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$port/operator/diagnostics" | python3 -c 'import json, sys; p = json.load(sys.stdin)["process"]; print(p["allocatedBytes"], p["gcPauseMilliseconds"])'; }
read -r allocated_before pause_before < <(diagnostics)
server_before=$(cpu_ticks "$server_pid")
pg_before=0; [ -n "$pg_pid" ] && pg_before=$(tree_cpu_ticks "$pg_pid")
read -r busy_before total_before < <(machine_ticks)
if [ -n "${BENCH_PERF:-}" ]; then
  (sleep 2; exec perf record -q -F 999 -g -p "$server_pid" -o "$work/perf.data" -- sleep "$BENCH_PERF") >"$work/perf-record.log" 2>&1 &
  perf_pid=$!
fi
result=$(run_wrk measured "$duration")
server_after=$(cpu_ticks "$server_pid")
pg_after=0; [ -n "$pg_pid" ] && pg_after=$(tree_cpu_ticks "$pg_pid")
read -r busy_after total_after < <(machine_ticks)
read -r allocated_after pause_after < <(diagnostics)

line=$(python3 - "$result" "$mode" "$commit" "$tenants" "$connections" "$duration" "$warmup" \
  "$((server_after - server_before))" "$((pg_after - pg_before))" "$((busy_after - busy_before))" "$((total_after - total_before))" \
  "${pg_durability:-}" "${BENCH_SERVER_ENV:-}" "$((allocated_after - allocated_before))" "$(python3 -c "print($pause_after - $pause_before)")" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
mode, commit, tenants, connections, duration, warmup = sys.argv[2], sys.argv[3], *map(int, sys.argv[4:8])
server, pg, busy, total = (int(x) for x in sys.argv[8:12])
seconds = r["seconds"]
cores = total / 100 / seconds  # ticks of all CPUs over the run, per second
r.update({
    "mix": "initial-cycle", "mode": mode, "commit": commit, "tenants": tenants, "connections": connections,
    "durationSeconds": duration, "warmupSeconds": warmup, "postgres": sys.argv[12] or None, "serverEnv": sys.argv[13] or None,
    "errors": r["socket_errors"] + r["non_2xx"] + r["unexpected"] + r["checks_failed"],
    "serverCpuUsPerRequest": round(server * 10_000 / r["requests"], 1),
    "postgresCpuUsPerRequest": round(pg * 10_000 / r["requests"], 1) if mode == "postgres" else None,
    "serverAllocatedBytesPerRequest": round(int(sys.argv[14]) / r["requests"]),
    "serverGcPauseMsPerSecond": round(float(sys.argv[15]) / seconds, 2),
    "serverCores": round(server / 100 / seconds, 2), "postgresCores": round(pg / 100 / seconds, 2),
    "machineBusyCores": round(busy / 100 / seconds, 2), "machineCores": round(cores, 2),
})
print(json.dumps(r))
PY
)
mkdir -p "$here/results"
echo "$line" >>"$here/results/initial-cycle.jsonl"
if [ -n "$perf_pid" ]; then
  wait "$perf_pid" || true
  perf report -i "$work/perf.data" --no-children --sort dso,sym --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -60 >"$work/perf-top.txt" || true
  echo "bench: perf profile in $work/perf.data, top symbols in $work/perf-top.txt"
fi
grep -E "^(fail|crit)|Unhandled" "$work/server.log" | head -20 || true
echo "$line"
