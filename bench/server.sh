# shellcheck shell=bash
# Sourced by bench/run.sh and bench/revocation.sh: builds (Release, into bench/artifacts so concurrent repo
# builds are not disturbed), starts a throwaway PostgreSQL from .ci/postgres when asked, starts the server on
# 127.0.0.1:$port with its own Orleans ports, waits for /healthz, and on exit stops everything it started
# (by PID only: other servers may run on this machine). Before sourcing, the caller sets `mode`
# (embedded|postgres) and `port`, `silo_port`, `gateway_port`; it exports the server's own settings itself.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
artifacts="$here/artifacts"
work=$(mktemp -d /tmp/total-bench.XXXXXX)
chmod 755 "$work"   # the postgres user must reach $work/pg
server_pid=""
tool_pid=""
perf_pid=""
pg_started=""
pg_pid=""
conn=""

bench_cleanup() {
  local rc=$?
  for pid in $tool_pid $perf_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$pg_started" ]; then
    "$repo/.ci/postgres" stop "$work/pg" || true
    rm -rf "$work/pg/data"
  fi
  echo "bench: logs in $work"
  exit "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# Refuses to start when something already answers on the port (another bench, a developer's server).
bench_require_free_port() {
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz"; then
    echo "bench: something already answers on 127.0.0.1:$port; set BENCH_PORT" >&2
    exit 2
  fi
}

# bench_build [TOOL_PROJECT]: the server and the tool, unless BENCH_NO_BUILD=1; sets commit and server_dll.
bench_build() {
  local tool_project=${1:-} tool_name
  if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
    echo "bench: building the server${tool_project:+ and $(basename "$tool_project" .csproj)} (Release) into $artifacts"
    # With the development stand-ins (a Release build has none): bench/revocation.sh signs in at the Entra stand-in.
    dotnet build "$repo/src/Api/Api.csproj" -c Release -p:DevStandIns=true --artifacts-path "$artifacts" -nologo -v q >"$work/build-server.log" 2>&1 \
      || { tail -30 "$work/build-server.log"; exit 1; }
    if [ -n "$tool_project" ]; then
      tool_name=$(basename "$tool_project" .csproj)
      dotnet build "$tool_project" -c Release --artifacts-path "$artifacts" -nologo -v q >"$work/build-$tool_name.log" 2>&1 \
        || { tail -30 "$work/build-$tool_name.log"; exit 1; }
    fi
    # Which source the binaries were built from (others may commit while a benchmark series runs).
    echo "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" status --porcelain -- src 2>/dev/null | grep -q . && echo '+uncommitted-src' || true)" >"$artifacts/build-commit.txt"
  fi
  commit=$(cat "$artifacts/build-commit.txt" 2>/dev/null || echo unknown)
  server_dll="$artifacts/bin/Api/release/Total.Api.dll"
}

# bench_export_settings ENVIRONMENT: the server's address, environment, a fresh operator key (in $key), its own
# Orleans ports, and no inherited database or cluster mode.
bench_export_settings() {
  key=$(openssl rand -hex 24)
  export ASPNETCORE_URLS="http://127.0.0.1:$port"
  export ASPNETCORE_ENVIRONMENT="$1"
  export DOTNET_ENVIRONMENT="$1"
  export Operator__ApiKey="$key"
  export Orleans__SiloPort="$silo_port"
  export Orleans__GatewayPort="$gateway_port"
  unset ConnectionStrings__Total Orleans__Mode || true
}

# For postgres: a throwaway database with PostgreSQL's default durability (fsync, synchronous_commit and
# full_page_writes on, as customers run it; BENCH_PG_FSYNC_OFF=1 for the test database's settings instead), its
# connection string exported to the server (and kept in $conn), a fresh secrets key (never stored anywhere), and
# the postmaster's PID in $pg_pid.
bench_start_postgres() {
  if [ "${BENCH_PG_FSYNC_OFF:-}" = 1 ]; then pg_durability="fsync off"; else pg_durability="durable"; fi
  conn=$(TOTAL_PG_DURABLE=$([ "$pg_durability" = durable ] && echo 1 || echo 0) "$repo/.ci/postgres" start "$work/pg")
  pg_started=1
  export ConnectionStrings__Total="$conn"
  Secrets__EncryptionKey="$(openssl rand -base64 32)"
  export Secrets__EncryptionKey
  pg_pid=$(head -1 "$work/pg/data/postmaster.pid")
  echo "bench: PostgreSQL $conn (postmaster $pg_pid, $pg_durability)"
}

# Starts the server with the exported settings and waits (up to 120 s) until /healthz answers 200.
bench_start_server() {
  # The content root must be the build output: appsettings.json (log levels, Orleans ports) is read from there.
  (cd "$(dirname "$server_dll")" && exec dotnet "$server_dll" >"$work/server.log" 2>&1) &
  server_pid=$!
  echo "bench: server pid $server_pid on http://127.0.0.1:$port ($mode), built from $commit"
  for i in $(seq 1 240); do
    if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz"; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "bench: server exited"; tail -40 "$work/server.log"; exit 1; fi
    if [ "$i" = 240 ]; then echo "bench: /healthz not 200 after 120 s"; tail -40 "$work/server.log"; exit 1; fi
    sleep 0.5
  done
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# CPU ticks (user + system, of 100 per second) a process has used, its waited-for children included.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$1/stat"; }

# CPU ticks of a process and every live child (PostgreSQL: the postmaster and its backends).
tree_cpu_ticks() {
  local total
  total=$(cpu_ticks "$1")
  for child in $(pgrep -P "$1"); do total=$((total + $(cpu_ticks "$child" 2>/dev/null || echo 0))); done
  echo "$total"
}

# Busy and total CPU ticks of the whole machine, from /proc/stat.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }
