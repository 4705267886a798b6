-- Admin access per provisioned user, and the log of every grant and revocation.
-- user_access is what a console session is checked against on every request (through the user's access
-- grain); access_events is the console's access log. A change writes both in one transaction.

CREATE TABLE IF NOT EXISTS user_access (
    tenant_id     text        NOT NULL,
    user_id       text        NOT NULL,          -- SCIM id of the user
    external_id   text        NULL,              -- the Entra object id access was decided for
    admin         boolean     NOT NULL,
    graph_denied  boolean     NOT NULL,          -- Microsoft Graph says: in no admin group in Entra
    revision      bigint      NOT NULL,          -- increases on every change of admin access
    changed_at    timestamptz NULL,
    PRIMARY KEY (tenant_id, user_id)
);

-- What reconciliation re-checks each period: only admins and Graph-denied users, never the whole tenant.
CREATE INDEX IF NOT EXISTS user_access_flagged ON user_access (tenant_id) WHERE admin OR graph_denied;

CREATE TABLE IF NOT EXISTS access_events (
    sequence     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text        NOT NULL,
    user_id      text        NOT NULL,
    user_name    text        NULL,
    external_id  text        NULL,
    kind         smallint    NOT NULL,           -- 1 = granted, 2 = revoked
    source       smallint    NOT NULL,           -- 1 = SCIM, 2 = Graph, 3 = settings
    detail       text        NOT NULL,           -- the SCIM request or Graph delta that caused it
    revision     bigint      NOT NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS access_events_by_tenant ON access_events (tenant_id, sequence DESC);
