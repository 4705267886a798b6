#!/usr/bin/env bash
# Runs the SCIM load benchmark end to end (see bench/README.md):
#   bench/run.sh embedded|postgres [ScimLoad options...]
# Builds the server and bench/ScimLoad (Release, into bench/artifacts so concurrent repo builds are not
# disturbed), starts the server on 127.0.0.1:$BENCH_PORT (default 5380) with its own Orleans ports, for
# postgres on a throwaway PostgreSQL from .ci/postgres, waits for /healthz, runs the tool, reports the
# server's RSS before/after and RSS per provisioned user, and stops everything it started.
# Environment: BENCH_PORT (5380), BENCH_SILO_PORT (11411), BENCH_GATEWAY_PORT (30400), BENCH_NO_BUILD=1,
#   BENCH_RATE_LIMIT / BENCH_RATE_BURST -> Scim__RateLimit__RequestsPerSecond / __Burst (unset: server default
#   200/400 per tenant; 0 turns the per-tenant limit off, to measure the server's own capacity),
#   BENCH_PERF=DELAY:SECONDS -> system-wide `perf record -e cpu-clock -g` for SECONDS, DELAY s after the tool
#   starts (pick DELAY so it lands in the steady phase); the server runs with DOTNET_PerfMapEnabled=1 so JIT
#   frames resolve; the CPU split per process and the server's top symbols go to $work/perf-*.txt.
set -euo pipefail

mode=${1:-}
case "$mode" in
  embedded|postgres) shift ;;
  *) echo "usage: bench/run.sh embedded|postgres [ScimLoad options, e.g. --tenants 20 --duration 30]" >&2; exit 2 ;;
esac

port=${BENCH_PORT:-5380}
silo_port=${BENCH_SILO_PORT:-11411}
gateway_port=${BENCH_GATEWAY_PORT:-30400}
# shellcheck source=bench/server.sh
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
bench_require_free_port
bench_build "$here/ScimLoad/ScimLoad.csproj"
tool_dll="$artifacts/bin/ScimLoad/release/Total.ScimLoad.dll"

bench_export_settings Production
label="mode=$mode rateLimit=${BENCH_RATE_LIMIT:-default}"  # commit is appended once known
if [ -n "${BENCH_RATE_LIMIT:-}" ]; then export Scim__RateLimit__RequestsPerSecond="$BENCH_RATE_LIMIT"; fi
# "Off" means every per-tenant limit: also the cap on requests in flight (a one-tenant run may exceed it).
if [ "${BENCH_RATE_LIMIT:-}" = 0 ]; then export Scim__RateLimit__MaxConcurrentRequests=0; fi
if [ -n "${BENCH_RATE_BURST:-}" ]; then export Scim__RateLimit__Burst="$BENCH_RATE_BURST"; fi

pg_args=()
if [ "$mode" = postgres ]; then
  bench_start_postgres
  pg_args=(--pg-pid "$pg_pid")
fi

if [ -n "${BENCH_PERF:-}" ]; then export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0; fi
bench_start_server

rss_start=$(rss_kib "$server_pid")
echo "bench: server healthy, RSS $((rss_start / 1024)) MiB"

mkdir -p "$here/results"
out="$here/results/$mode-$(date -u +%Y%m%dT%H%M%SZ).json"
tool_rc=0
if [ -n "${BENCH_PERF:-}" ]; then
  unset DOTNET_PerfMapEnabled DOTNET_EnableWriteXorExecute
  (sleep "${BENCH_PERF%%:*}"; exec perf record -q -e cpu-clock -F 499 -a -g -o "$work/perf.data" -- sleep "${BENCH_PERF##*:}") >"$work/perf-record.log" 2>&1 &
  perf_pid=$!
fi
dotnet "$tool_dll" --url "http://127.0.0.1:$port" --operator-key "$key" --server-pid "$server_pid" "${pg_args[@]}" --out "$out" --label "$label commit=$commit" "$@" &
tool_pid=$!
wait "$tool_pid" || tool_rc=$?

if [ -n "$perf_pid" ]; then
  wait "$perf_pid" || true
  if [ -f "$work/perf.data" ]; then
    python3 "$here/perf-summary.py" "$work/perf.data" "$server_pid" "$tool_pid" "${pg_pid:-}" >"$work/perf-summary.txt" 2>&1 || true
    echo "== perf summary ($work/perf-summary.txt)"; cat "$work/perf-summary.txt"
  fi
fi

if [ "${BENCH_SETTLE_SECONDS:-0}" -gt 0 ] && kill -0 "$server_pid" 2>/dev/null; then
  # Steady-state memory: idle user/group grains are collected after their age limit (2 min) plus the
  # collection quantum (1 min); what remains is the directory projection and the stores.
  echo "bench: waiting ${BENCH_SETTLE_SECONDS}s for idle grains to be collected before measuring memory"
  sleep "$BENCH_SETTLE_SECONDS"
fi

if kill -0 "$server_pid" 2>/dev/null; then
  # Live managed heap after a full compacting collection, and grain activations by type: RSS alone also
  # counts heap the GC has freed but kept committed.
  curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$port/operator/diagnostics?collect=true" >"$work/diagnostics.json" || true
  rss_end=$(rss_kib "$server_pid")
  read -r utime stime < <(awk '{ sub(/^.*\) /, ""); print $12, $13 }' "/proc/$server_pid/stat")
  users=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("usersProvisioned", 0))' "$out" 2>/dev/null || echo 0)
  echo "== server process: RSS start $((rss_start / 1024)) MiB, end $((rss_end / 1024)) MiB, CPU user $((utime / 100)) s system $((stime / 100)) s"
  if [ "${users:-0}" -gt 0 ]; then
    cp "$work/diagnostics.json" "${out%.json}.diagnostics.json" 2>/dev/null || true
    python3 - "$rss_start" "$rss_end" "$users" "$out" "${BENCH_SETTLE_SECONDS:-0}" <<'PY'
import json, sys
start, end, users, out = int(sys.argv[1]) * 1024, int(sys.argv[2]) * 1024, int(sys.argv[3]), sys.argv[4]
per_user = (end - start) / users
print(f"== memory: RSS delta {(end - start) / 1048576:.0f} MiB over {users} provisioned users = {per_user / 1024:.1f} KiB/user "
      f"(1M users ≈ {per_user * 1_000_000 / 2**30:.1f} GiB); includes garbage the GC has not collected yet"
      + (f"; measured {sys.argv[5]} s after the load stopped" if len(sys.argv) > 5 and sys.argv[5] != "0" else "; measured right after the load"))
doc = json.load(open(out))
try:
    diag = json.load(open(out.replace(".json", "") + ".diagnostics.json"))
except Exception:
    diag = None
if diag:
    heap = diag["process"]["gcHeapBytes"]
    print(f"== memory: live managed heap after a full collection {heap / 1048576:.0f} MiB = {heap / users / 1024:.1f} KiB/user "
          f"(1M users ≈ {heap / users * 1_000_000 / 2**30:.1f} GiB); activations: {diag['activations']}")
    doc["serverDiagnostics"] = diag
doc["serverProcess"] = {"rssStartBytes": start, "rssEndBytes": end, "rssDeltaPerUserBytes": per_user,
                        "settleSeconds": int(sys.argv[5]) if len(sys.argv) > 5 else 0}
json.dump(doc, open(out, "w"), indent=2)
PY
  fi
else
  echo "bench: the server died during the run"; tail -40 "$work/server.log"; tool_rc=1
fi
grep -E "^(fail|crit)|Unhandled" "$work/server.log" | head -20 || true
echo "bench: results in $out (tool exit $tool_rc)"
exit "$tool_rc"
