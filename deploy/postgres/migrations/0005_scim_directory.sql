-- SCIM users and groups of every tenant, one row per resource, read and written by the User and Group
-- grains (the write model) and loaded by the per-tenant directory shard grains (the query projection).
-- One row per resource keeps every write O(1) whatever the tenant's size.

CREATE TABLE IF NOT EXISTS scim_resources (
    tenant_id      text     NOT NULL,
    resource_type  smallint NOT NULL,          -- 1 = User, 2 = Group
    id             text     NOT NULL,          -- server-assigned SCIM id
    unique_key     text     NOT NULL,          -- lower-cased userName (User) or displayName (Group)
    shard          smallint NOT NULL,          -- directory shard of unique_key within the tenant
    external_id    text     NULL,
    version        bigint   NOT NULL,          -- meta.version; optimistic concurrency for writes
    body           text     NOT NULL,          -- the SCIM resource JSON exactly as stored (text keeps key order and values as sent)
    private_state  text     NULL,              -- grain-private JSON (e.g. a user's groups), never returned over SCIM
    PRIMARY KEY (tenant_id, resource_type, id)
);

-- Uniqueness per tenant (userName case-insensitive, group displayName): the last line of defence behind
-- the shard grains' claims.
CREATE UNIQUE INDEX IF NOT EXISTS scim_resources_unique_key ON scim_resources (tenant_id, resource_type, unique_key);
CREATE INDEX IF NOT EXISTS scim_resources_shard ON scim_resources (tenant_id, resource_type, shard);

-- Group membership, one row per (group, member): adding or removing one member of a 50,000-member group
-- touches one row.
CREATE TABLE IF NOT EXISTS scim_group_members (
    tenant_id  text NOT NULL,
    group_id   text NOT NULL,
    member_id  text NOT NULL,
    PRIMARY KEY (tenant_id, group_id, member_id)
);
CREATE INDEX IF NOT EXISTS scim_group_members_by_member ON scim_group_members (tenant_id, member_id);
