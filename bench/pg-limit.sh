#!/usr/bin/env bash
# PostgreSQL's own limit on this machine for rows shaped like ours: pgbench inserting scim_resources-shaped rows (same
# columns, primary key and secondary indexes, a 700-byte body) into a throwaway PostgreSQL with default durability.
#   bench/pg-limit.sh            -> prints one JSON line {"tps":…,"clients":…,"seconds":…}
# Environment: BENCH_PG_CLIENTS (16), BENCH_PG_SECONDS (10).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
clients=${BENCH_PG_CLIENTS:-16}
seconds=${BENCH_PG_SECONDS:-10}
work=$(mktemp -d /tmp/total-pglimit.XXXXXX)
chmod 755 "$work"
trap '"$repo/.ci/postgres" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
conn=$(TOTAL_PG_DURABLE=1 "$repo/.ci/postgres" start "$work/pg")
port=$(cat "$work/pg/port")
psql() { command psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }

# The shape of deploy/postgres/migrations/0005 and 0008: the table a SCIM create writes one row of.
psql <<'SQL'
CREATE TABLE scim_resources (
    tenant_id text NOT NULL, resource_type smallint NOT NULL, id text NOT NULL, unique_key text NOT NULL,
    shard smallint NOT NULL, external_id text NULL, version bigint NOT NULL, body text NOT NULL, private_state text NULL,
    PRIMARY KEY (tenant_id, resource_type, id));
CREATE UNIQUE INDEX scim_resources_unique_key ON scim_resources (tenant_id, unique_key, resource_type);
CREATE INDEX scim_resources_shard ON scim_resources (tenant_id, shard, resource_type);
SQL
body='{"id":"00000000-0000-7000-8000-000000000000","schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"externalId":"6d2f0b84-1c6e-4a57-b0f3-9e1d2c3b4a50","userName":"user.r.1.1@contoso.example","name":{"formatted":"Ada Lovelace1","familyName":"Lovelace1","givenName":"Ada"},"displayName":"Ada Lovelace1","title":"Lead Analyst","active":true,"emails":[{"value":"user.r.1.1@contoso.example","type":"work","primary":true}],"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"1","department":"Red Team"},"meta":{"resourceType":"User","created":"2026-12-04T05:00:00.000Z","lastModified":"2026-12-04T05:00:00.000Z","version":"W/\"1\""}}'
cat >"$work/insert.sql" <<SQL
\set n random(1, 2000000000)
INSERT INTO scim_resources (tenant_id, resource_type, id, unique_key, shard, external_id, version, body)
VALUES ('tenant-' || (:client_id % 20), 1, md5(:n::text || :client_id::text), 'user.' || :n || '.' || :client_id || '@contoso.example', :n % 8, md5(:n::text), 1, '$body')
ON CONFLICT DO NOTHING;
SQL
out=$(pgbench -h 127.0.0.1 -p "$port" -U postgres -n -c "$clients" -j 2 -T "$seconds" -f "$work/insert.sql" postgres 2>&1)
tps=$(echo "$out" | awk '/^tps = / {print $3; exit}')
echo "{\"tps\":${tps:-0},\"clients\":$clients,\"seconds\":$seconds,\"durability\":\"default (fsync, synchronous_commit, full_page_writes on)\"}"
