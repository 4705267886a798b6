#!/usr/bin/env bash
# The numbers bench/README.md shows, remeasured in one go (a few minutes):
#   bench/current.sh
# Builds the server and bench/ScimLoad once (Release), then runs, each against a fresh server in Production:
#   1. PostgreSQL's own limit here (bench/pg-limit.sh: pgbench inserting rows shaped like ours, default durability);
#   2. the initial-cycle mix (bench/initial-cycle.sh, wrk) embedded, then on PostgreSQL with default durability;
#   3. the steady mix (bench/run.sh, bench/ScimLoad) embedded, then on PostgreSQL with default durability;
# and prints one Markdown table naming the commit, also written to bench/results/current-<time>.md.
# Environment: BENCH_STEADY_SECONDS (30), plus what the scripts above read (BENCH_DURATION, BENCH_WARMUP, …).
# The server and the load tools share this machine's cores: the table reports each one's CPU.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
stamp=$(date -u +%Y%m%dT%H%M%SZ)
runs=$(mktemp -d /tmp/total-current.XXXXXX)
steady_seconds=${BENCH_STEADY_SECONDS:-30}
steady=(--tenants 20 --users-per-tenant 200 --groups-per-tenant 10 --duration "$steady_seconds" --concurrency 64 --probe-tenant)

echo "bench: building once (server and ScimLoad, Release)"
dotnet build "$repo/src/Api/Api.csproj" -c Release --artifacts-path "$here/artifacts" -nologo -v q >"$runs/build.log" 2>&1 || { tail -30 "$runs/build.log"; exit 1; }
dotnet build "$here/ScimLoad/ScimLoad.csproj" -c Release --artifacts-path "$here/artifacts" -nologo -v q >>"$runs/build.log" 2>&1 || { tail -30 "$runs/build.log"; exit 1; }
echo "$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" status --porcelain -- src 2>/dev/null | grep -q . && echo '+uncommitted-src' || true)" >"$here/artifacts/build-commit.txt"
export BENCH_NO_BUILD=1

echo "bench: PostgreSQL's own limit (pgbench)"
"$here/pg-limit.sh" >"$runs/pg-limit.json"
for mode in embedded postgres; do
  echo "bench: initial-cycle mix, $mode"
  "$here/initial-cycle.sh" "$mode" >"$runs/initial-$mode.log" 2>&1 || { tail -20 "$runs/initial-$mode.log"; exit 1; }
  grep '^{' "$runs/initial-$mode.log" | tail -1 >"$runs/initial-$mode.json"
done
for mode in embedded postgres; do
  echo "bench: steady mix, $mode"
  "$here/run.sh" "$mode" "${steady[@]}" >"$runs/steady-$mode.log" 2>&1 || { tail -20 "$runs/steady-$mode.log"; exit 1; }
  sed -n 's/^bench: results in \(.*\.json\) (tool exit .*/\1/p' "$runs/steady-$mode.log" >"$runs/steady-$mode.path"
done

mkdir -p "$here/results"
python3 - "$runs" "$(cat "$here/artifacts/build-commit.txt")" "$steady_seconds" <<'PY' | tee "$here/results/current-$stamp.md"
import json, sys
runs, commit, steady_seconds = sys.argv[1], sys.argv[2], sys.argv[3]
limit = json.load(open(f"{runs}/pg-limit.json"))
print(f"Measured on commit `{commit}` with `bench/current.sh` (shipped defaults, Production, fresh server each run).\n")
print("| mix | mode | req/s | p50 / p95 / p99 ms | errors | server CPU µs/req | PostgreSQL CPU µs/req | server KiB allocated/req |")
print("|---|---|---|---|---|---|---|---|")
for mode in ("embedded", "postgres"):
    r = json.load(open(f"{runs}/initial-{mode}.json"))
    pg = f"{r['postgresCpuUsPerRequest']:.0f}" if r["postgresCpuUsPerRequest"] is not None else "–"
    print(f"| initial cycle (wrk, 20 tenants, 32 connections, {r['durationSeconds']} s after {r['warmupSeconds']} s warm-up) | {mode} | **{r['rps']:,.0f}** | {r['p50_ms']:.1f} / {r['p95_ms']:.1f} / **{r['p99_ms']:.1f}** | {r['errors']} | **{r['serverCpuUsPerRequest']:.0f}** | {pg} | {r['serverAllocatedBytesPerRequest'] / 1024:.1f} |")
for mode in ("embedded", "postgres"):
    d = json.load(open(open(f"{runs}/steady-{mode}.path").read().strip()))
    s = d["phases"]["steady"]
    a = s["all"]
    cores = s["cpuCores"]
    rps = s["requestsPerSecond"]
    errors = a["non2xx"] + a["unexpected"] + a["checkFailures"] + sum(a["errors"].values())
    server_us = cores["server"] / rps * 1e6
    pg = f"{cores['postgres'] / rps * 1e6:.0f}" if "postgres" in cores else "–"
    probe = d.get("fairnessProbe", {})
    print(f"| steady (ScimLoad, 20 tenants + a 25 req/s tenant, 64 in flight, {steady_seconds} s; probe got {probe.get('achievedRate2xx', 0):.1f} req/s) | {mode} | **{rps:,.0f}** | {a['p50Ms']:.1f} / {a['p95Ms']:.1f} / **{a['p99Ms']:.1f}** | {errors} | **{server_us:.0f}** | {pg} | – |")
pg_rps = json.load(open(f"{runs}/initial-postgres.json"))["rps"]
print(f"\nPostgreSQL's own limit here (`bench/pg-limit.sh`: pgbench, {limit['clients']} clients, single-row durable INSERT of a row shaped like ours): "
      f"**{limit['tps']:,.0f} tx/s**; the initial-cycle mix on PostgreSQL reaches {pg_rps / limit['tps']:.2f}× that in requests "
      f"(two of its three requests write a row).")
PY
echo "bench: logs in $runs"
