-- Single-row reads by primary key (tenant_id, resource_type, id) must never pick a secondary index that starts
-- with the same two columns: on a table PostgreSQL has not analyzed yet (a fresh database, a new tenant's first
-- burst) the planner cannot tell them apart and read a tenant's whole shard for one user. With resource_type
-- last, the secondary indexes no longer match the primary key's prefix. Same uniqueness, same queries served.

DROP INDEX IF EXISTS scim_resources_unique_key;
CREATE UNIQUE INDEX scim_resources_unique_key ON scim_resources (tenant_id, unique_key, resource_type);

DROP INDEX IF EXISTS scim_resources_shard;
CREATE INDEX scim_resources_shard ON scim_resources (tenant_id, shard, resource_type);
