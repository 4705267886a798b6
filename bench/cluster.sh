#!/usr/bin/env bash
# The SCIM load benchmark against a real cluster (see bench/README.md, "Multi-silo"):
#   bench/cluster.sh SILOS [ScimLoad options...]
# Builds the API, the silo host and ScimLoad (Release, into bench/artifacts), starts a throwaway PostgreSQL,
# applies the migrations with `Total.Silo.dll migrate`, starts SILOS silo host processes and the API as a pure
# Orleans client, and runs ScimLoad against the API. With BENCH_KILL_AFTER=S, the last silo is killed with
# SIGKILL S seconds into the run, and a probe (one authenticated SCIM read every 0.2 s) records what clients saw:
# the failed answers and how long until the first success after the last failure. Everything runs on
# 127.0.0.1 and is stopped by PID on exit. Orleans' failure detection runs at its defaults (no tuning).
set -euo pipefail

silos=${1:-}
case "$silos" in
  1|2|3) shift ;;
  *) echo "usage: bench/cluster.sh 1|2|3 [ScimLoad options, e.g. --tenants 20 --duration 60]" >&2; exit 2 ;;
esac

mode=postgres
port=${BENCH_PORT:-5390}
silo_port=${BENCH_SILO_PORT:-11421}
gateway_port=${BENCH_GATEWAY_PORT:-30410}
# shellcheck source=bench/server.sh
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
silo_pids=()
probe_pid=""
killer_pid=""
cluster_cleanup() {
  for pid in $probe_pid $killer_pid "${silo_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  bench_cleanup
}
trap cluster_cleanup EXIT

bench_require_free_port
bench_build "$here/ScimLoad/ScimLoad.csproj"
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  dotnet build "$repo/src/Silo/Silo.csproj" -c Release --artifacts-path "$artifacts" -nologo -v q >"$work/build-silo.log" 2>&1 \
    || { tail -30 "$work/build-silo.log"; exit 1; }
fi
tool_dll="$artifacts/bin/ScimLoad/release/Total.ScimLoad.dll"
silo_dll="$artifacts/bin/Silo/release/Total.Silo.dll"

bench_export_settings Production
bench_start_postgres
export Database__ApplyMigrationsOnStart=false Orleans__AdvertisedIPAddress=127.0.0.1
if [ -n "${BENCH_RATE_LIMIT:-}" ]; then export Scim__RateLimit__RequestsPerSecond="$BENCH_RATE_LIMIT"; fi
if [ "${BENCH_RATE_LIMIT:-}" = 0 ]; then export Scim__RateLimit__MaxConcurrentRequests=0; fi
(cd "$(dirname "$silo_dll")" && dotnet "$silo_dll" migrate) >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }

for i in $(seq 1 "$silos"); do
  (cd "$(dirname "$silo_dll")" && ASPNETCORE_URLS="http://127.0.0.1:$((port + 10 + i))" Orleans__SiloName="silo$i" \
    Orleans__SiloPort=$((silo_port + i)) Orleans__GatewayPort=$((gateway_port + i)) exec dotnet "$silo_dll" >"$work/silo$i.log" 2>&1) &
  silo_pids+=($!)
done
for i in $(seq 1 "$silos"); do
  for n in $(seq 1 240); do
    curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$((port + 10 + i))/healthz" && break
    [ "$n" = 240 ] && { echo "bench: silo $i not healthy"; tail -30 "$work/silo$i.log"; exit 1; }
    sleep 0.5
  done
done
echo "bench: $silos silo(s) healthy: ${silo_pids[*]}"

export Orleans__Mode=Client
bench_start_server

mkdir -p "$here/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$here/results/cluster-$silos-silos-$stamp.json"
label="mode=cluster silos=$silos kill=${BENCH_KILL_AFTER:-none} rateLimit=${BENCH_RATE_LIMIT:-default} commit=$commit"

if [ -n "${BENCH_KILL_AFTER:-}" ]; then
  # A probe tenant of its own, read every 0.2 s: what a client sees while a silo dies.
  created=$(curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Probe\",\"entraTenantId\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"adminGroups\":[],\"monitoredGroups\":[]}" \
    "http://127.0.0.1:$port/operator/tenants")
  probe_url=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["scimBaseUrl"] + "/Users?count=1")' "$created")
  probe_token=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["scimToken"])' "$created")
  (while true; do
     code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $probe_token" "$probe_url" || true)
     echo "$(date +%s.%N) $code"
     sleep 0.2
   done) >"$work/probe.log" &
  probe_pid=$!
  victim=${silo_pids[$((silos - 1))]}
  (sleep "$BENCH_KILL_AFTER"; date +%s.%N >"$work/killed-at"; kill -KILL "$victim") &
  killer_pid=$!
fi

tool_rc=0
dotnet "$tool_dll" --url "http://127.0.0.1:$port" --operator-key "$key" --server-pid "$server_pid" --pg-pid "$pg_pid" --out "$out" --label "$label" "$@" &
tool_pid=$!
wait "$tool_pid" || tool_rc=$?

if [ -n "${BENCH_KILL_AFTER:-}" ]; then
  kill -KILL "$probe_pid" 2>/dev/null || true
  python3 - "$work/probe.log" "$work/killed-at" "$out" <<'PY'
import json, sys
lines = [l.split() for l in open(sys.argv[1]) if len(l.split()) == 2]
killed = float(open(sys.argv[2]).read())
after = [(float(t), c) for t, c in lines if float(t) >= killed]
failed = [(t, c) for t, c in after if c != "200"]
summary = {"probeRequestsAfterKill": len(after), "probeFailures": len(failed),
           "probeFailureCodes": sorted({c for _, c in failed})}
if failed:
    last_failure = max(t for t, _ in failed)
    recovered = min((t for t, c in after if c == "200" and t > last_failure), default=None)
    summary["secondsFromKillToRecovery"] = round((recovered or last_failure) - killed, 1)
    summary["secondsFromKillToFirstFailure"] = round(min(t for t, _ in failed) - killed, 1)
else:
    summary["secondsFromKillToRecovery"] = 0.0
print("== failover probe:", json.dumps(summary))
doc = json.load(open(sys.argv[3]))
doc["failover"] = summary
json.dump(doc, open(sys.argv[3], "w"), indent=2)
PY
fi
for i in $(seq 1 "$silos"); do grep -E "^(fail|crit)|Unhandled" "$work/silo$i.log" | head -5 || true; done
echo "bench: results in $out (tool exit $tool_rc)"
exit "$tool_rc"
