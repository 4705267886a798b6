-- The operators' list of tenants, one row per tenant: onboarding writes one row, whatever the number of tenants
-- (it used to rewrite one grain state holding them all, which grew quadratically at thousands of tenants).
-- Tenants onboarded before this migration re-register their row the next time their grain activates.

CREATE TABLE IF NOT EXISTS tenant_directory (
    tenant_id        text        PRIMARY KEY,
    name             text        NOT NULL,
    entra_tenant_id  uuid        NOT NULL,
    created_at       timestamptz NOT NULL
);
