#!/usr/bin/env bash
# The "what already holds keeps holding" checks of bench/README.md, remeasured in one go (about 10 minutes):
#   bench/checks.sh
# Builds once (Release), then runs, each against a fresh server:
#   1. big group: a one-member PATCH (Add, and Remove by value list) on a 50,000-member group against the same on
#      a 5-member group, 500 sequential pairs each (bench/run.sh embedded --big-group 50000; the per-tenant limit
#      is off because the setup creates 50,000 users in one tenant, the measured PATCHes are one at a time);
#   2. memory: 20 tenants × 5,000 users on PostgreSQL (embedded mode keeps the whole store in the heap too), then
#      the live managed heap per provisioned user after idle grains are collected (BENCH_SETTLE_SECONDS=300: a
#      grain idle for its 2-minute limit leaves at a later sweep of Orleans' collector; at 200 s 5,296 user grains
#      of the last phase were still active, at 300 s none);
#   3. SCIM-signalled revocation: 1,000 signed-in admins removed through SCIM, time from the SCIM answer to the
#      refused console request (bench/revocation.sh embedded|postgres sessions).
# The fairness check (a 25 req/s tenant while 20 saturate) is part of bench/current.sh's steady mix.
# Prints one Markdown table naming the commit, also written to bench/results/checks-<time>.md.
# Environment: BENCH_BIG_GROUP (50000), BENCH_MEMORY_USERS (5000 per tenant), BENCH_SETTLE_SECONDS (300).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
stamp=$(date -u +%Y%m%dT%H%M%SZ)
runs=$(mktemp -d /tmp/total-checks.XXXXXX)
big=${BENCH_BIG_GROUP:-50000}
memory_users=${BENCH_MEMORY_USERS:-5000}
settle=${BENCH_SETTLE_SECONDS:-300}

echo "bench: building once (server, ScimLoad and Revocation, Release)"
# With the development stand-ins (a Release build has none): the revocation runs sign in at the Entra stand-in.
for project in "$repo/src/Api/Api.csproj" "$here/ScimLoad/ScimLoad.csproj" "$here/Revocation/Revocation.csproj"; do
  dotnet build "$project" -c Release -p:DevStandIns=true --artifacts-path "$here/artifacts" -nologo -v q >>"$runs/build.log" 2>&1 || { tail -30 "$runs/build.log"; exit 1; }
done
echo "$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" status --porcelain -- src 2>/dev/null | grep -q . && echo '+uncommitted-src' || true)" >"$here/artifacts/build-commit.txt"
export BENCH_NO_BUILD=1

result_of() { sed -n 's/^bench: results in \(.*\.json\) (tool exit .*/\1/p' "$1"; }

echo "bench: big group ($big members), embedded"
BENCH_RATE_LIMIT=0 "$here/run.sh" embedded --tenants 0 --duration 1 --concurrency 8 --big-group "$big" >"$runs/big.log" 2>&1 || { tail -20 "$runs/big.log"; exit 1; }
result_of "$runs/big.log" >"$runs/big.path"

echo "bench: memory (20 × $memory_users users, measured $settle s after the load), postgres"
BENCH_RATE_LIMIT=0 BENCH_SETTLE_SECONDS="$settle" "$here/run.sh" postgres --tenants 20 --users-per-tenant "$memory_users" --groups-per-tenant 20 --duration 10 --concurrency 64 >"$runs/memory.log" 2>&1 || { tail -20 "$runs/memory.log"; exit 1; }
result_of "$runs/memory.log" >"$runs/memory.path"

for mode in embedded postgres; do
  echo "bench: SCIM-signalled revocation, $mode"
  "$here/revocation.sh" "$mode" sessions --tenants 10 --admins-per-tenant 100 --concurrency 8 >"$runs/revocation-$mode.log" 2>&1 || { tail -20 "$runs/revocation-$mode.log"; exit 1; }
  result_of "$runs/revocation-$mode.log" >"$runs/revocation-$mode.path"
done

mkdir -p "$here/results"
python3 - "$runs" "$(cat "$here/artifacts/build-commit.txt")" <<'PY' | tee "$here/results/checks-$stamp.md"
import json, sys
runs, commit = sys.argv[1], sys.argv[2]
load = lambda name: json.load(open(open(f"{runs}/{name}.path").read().strip()))
print(f"Measured on commit `{commit}` with `bench/checks.sh` (shipped defaults, Production unless noted, fresh server each run).\n")
print("| check | target | measured | met |")
print("|---|---|---|---|")
b = load("big")["bigGroup"]
for op, label in (("add1", "Add 1"), ("remove1", "Remove 1 (value list)")):
    big, small = b[f"big.{op}"], b[f"small.{op}"]
    worst = max(b[f"{op}RatioP50"], b[f"{op}RatioP99"])
    print(f"| one-member PATCH {label}, {b['members']:,} vs 5 members (embedded, {big['count']} each) | within 2× | "
          f"p50 {big['p50Ms']:.2f} vs {small['p50Ms']:.2f} ms, p99 {big['p99Ms']:.2f} vs {small['p99Ms']:.2f} ms (ratio ≤ {worst:.2f}) | {'yes' if worst <= 2 else '**no**'} |")
m = load("memory")
heap = m["serverDiagnostics"]["process"]["gcHeapBytes"]
users = m["usersProvisioned"]
per_user = heap / users / 1024
print(f"| live managed heap per provisioned user (PostgreSQL, {users:,} users, {m['serverProcess']['settleSeconds']} s after the load, after a full collection) | ≤ 2.5 KiB | "
      f"{per_user:.2f} KiB ({heap / 2**20:.0f} MiB) | {'yes' if per_user <= 2.5 else '**no**'} |")
for mode in ("embedded", "postgres"):
    r = load(f"revocation-{mode}")["results"]
    d = r["sessions.scimAnswerToDenied"]
    print(f"| SCIM-signalled revocation, {mode} (Development with the Entra stand-in; {r['sessions.removed']:,} admins): SCIM answer → refused console request | p99 < 1 s | "
          f"p50 {d['p50Ms']:.1f} / p99 {d['p99Ms']:.1f} / max {d['maxMs']:.1f} ms; refused on the first request: {r['sessions.deniedOnFirstRequest']:,} | {'yes' if d['p99Ms'] < 1000 and r['sessions.neverDenied'] == 0 else '**no**'} |")
PY
echo "bench: logs in $runs"
