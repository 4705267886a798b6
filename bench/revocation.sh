#!/usr/bin/env bash
# Runs one revocation benchmark (issue 5) end to end (see bench/README.md):
#   bench/revocation.sh embedded|postgres sessions|fanout|reminders|sweep [Revocation options...]
# Builds the server and bench/Revocation (Release, into bench/artifacts), starts the server in Development with
# the local Entra and Graph stand-in (HTTPS on 127.0.0.1:$BENCH_STANDIN_PORT) and no demo tenant, on
# 127.0.0.1:$BENCH_PORT with its own Orleans ports, for postgres on a throwaway PostgreSQL from .ci/postgres,
# waits for /healthz, runs the tool, and stops everything it started.
# Environment: BENCH_PORT (5390), BENCH_SILO_PORT (11421), BENCH_GATEWAY_PORT (30410), BENCH_STANDIN_PORT (5453),
#   BENCH_NO_BUILD=1, BENCH_RATE_LIMIT (default 0 here: the per-tenant SCIM limit is off so that setting up
#   thousands of users is quick; every measured SCIM call is a single request, far below any limit),
#   BENCH_RECONCILIATION_PERIOD -> Reconciliation__Period (server default 00:05:00).
set -euo pipefail

mode=${1:-}
scenario=${2:-}
case "$mode" in embedded|postgres) ;; *) mode="" ;; esac
case "$scenario" in sessions|fanout|reminders|sweep) ;; *) scenario="" ;; esac
if [ -z "$mode" ] || [ -z "$scenario" ]; then
  echo "usage: bench/revocation.sh embedded|postgres sessions|fanout|reminders|sweep [Revocation options]" >&2
  exit 2
fi
shift 2

port=${BENCH_PORT:-5390}
silo_port=${BENCH_SILO_PORT:-11421}
gateway_port=${BENCH_GATEWAY_PORT:-30410}
standin_port=${BENCH_STANDIN_PORT:-5453}
# shellcheck source=bench/server.sh
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
bench_require_free_port
bench_build "$here/Revocation/Revocation.csproj"
tool_dll="$artifacts/bin/Revocation/release/Total.Revocation.dll"

bench_export_settings Development
export SignIn__StandIn__Enabled=true
export SignIn__StandIn__HttpsPort="$standin_port"
export Demo__Enabled=false
export Scim__RateLimit__RequestsPerSecond="${BENCH_RATE_LIMIT:-0}"
# "Off" means every per-tenant limit: also the cap on requests in flight (a large --setup-concurrency may exceed it).
if [ "$Scim__RateLimit__RequestsPerSecond" = 0 ]; then export Scim__RateLimit__MaxConcurrentRequests=0; fi
unset Reconciliation__Period || true
if [ -n "${BENCH_RECONCILIATION_PERIOD:-}" ]; then export Reconciliation__Period="$BENCH_RECONCILIATION_PERIOD"; fi
label="mode=$mode scenario=$scenario rateLimit=$Scim__RateLimit__RequestsPerSecond period=${BENCH_RECONCILIATION_PERIOD:-default}"

pg_args=()
if [ "$mode" = postgres ]; then
  bench_start_postgres
  pg_args=(--pg-pid "$pg_pid" --pg "$conn")
fi

bench_start_server
echo "bench: server healthy, RSS $(($(rss_kib "$server_pid") / 1024)) MiB; stand-in on https://127.0.0.1:$standin_port"

mkdir -p "$here/results"
out="$here/results/revocation-$scenario-$mode-$(date -u +%Y%m%dT%H%M%SZ).json"
tool_rc=0
dotnet "$tool_dll" "$scenario" --url "http://127.0.0.1:$port" --standin "https://127.0.0.1:$standin_port" --operator-key "$key" \
  --server-pid "$server_pid" "${pg_args[@]}" --out "$out" --label "$label commit=$commit" "$@" &
tool_pid=$!
wait "$tool_pid" || tool_rc=$?

if kill -0 "$server_pid" 2>/dev/null; then
  read -r utime stime < <(awk '{ sub(/^.*\) /, ""); print $12, $13 }' "/proc/$server_pid/stat")
  echo "== server process: RSS $(($(rss_kib "$server_pid") / 1024)) MiB, CPU user $((utime / 100)) s system $((stime / 100)) s"
else
  echo "bench: the server died during the run"; tail -40 "$work/server.log"; tool_rc=1
fi
grep -E "^(fail|crit)|Unhandled" "$work/server.log" | head -20 || true
echo "bench: results in $out (tool exit $tool_rc)"
exit "$tool_rc"
