-- 0001_orleans_main.sql
-- Query catalogue for the Orleans 10.4.x ADO.NET providers (Microsoft.Orleans.Clustering.AdoNet,
-- .Persistence.AdoNet, .Reminders.AdoNet). Each provider runs
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- when it starts and afterwards executes only the SQL stored here. Migrations 0002-0004 add the rows.
--
-- Conventions for all Orleans migrations in this folder:
--   * Identifiers are deliberately unquoted. PostgreSQL folds them to lower case, so the providers'
--     unquoted references (OrleansQuery, QueryKey, ...) resolve to the lower-case objects created here.
--     Never quote them when editing.
--   * Every statement can run again safely (IF NOT EXISTS, CREATE OR REPLACE, ON CONFLICT DO UPDATE).
--   * No BEGIN/COMMIT: the migration runner supplies the transaction.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);

COMMENT ON TABLE orleansquery IS
    'SQL statements executed by the Orleans ADO.NET providers, by key. Provisioned by migrations 0002-0004.';
