-- 0002_orleans_clustering.sql
-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.x. Silos read these tables through
-- UseAdoNetClustering (AdoNetClusteringTable). Clients read them through the ADO.NET gateway list
-- provider (UseAdoNetClustering on the client builder). Requires 0001_orleans_main.sql.
--
-- Contract (from the provider code):
--   * Every row of a cluster uses DeploymentId = ClusterOptions.ClusterId.
--   * One row per cluster in orleansmembershipversiontable holds the table version (the ETag).
--     Insert and update of a silo row succeed only if the caller's version still matches. The version
--     then goes up by one in the same transaction. These two queries return one column: 1 = done, 0 = lost.
--   * Timestamps are sent as UTC DateTime values and read back as UTC, so the columns are timestamptz.
--   * The provider requires the *Key queries below, except CleanupDefunctSiloEntryKey, which it uses
--     when present. 10.4.x reads no MetadataJson column.

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    timestamp    timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,   -- IPv4 or IPv6 text form
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(256) NOT NULL,
    hostname     varchar(256) NOT NULL,
    status       integer      NOT NULL,   -- Orleans SiloStatus: 3 = Active, 6 = Dead
    proxyport    integer      NOT NULL DEFAULT 0,  -- gateway port, 0 = not a gateway
    suspecttimes text         NULL,       -- "silo,date|silo,date" votes, written by Orleans
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

-- Adds a silo row if the caller's table version is still current, then bumps the version.
-- The version row is locked first, so concurrent writers for the same cluster run one after another.
-- Returns 1 if the row was added, 0 if the version had moved or the row already existed
-- (in that case nothing changes).
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_current integer;
BEGIN
    SELECT version INTO v_current
      FROM orleansmembershipversiontable
     WHERE deploymentid = p_deployment_id
       FOR UPDATE;

    IF v_current IS NULL OR p_expected_version IS NULL
       OR v_current <> p_expected_version OR v_current = 2147483647 THEN
        RETURN 0;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname,
         status, proxyport, starttime, iamalivetime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, COALESCE(p_proxy_port, 0), p_start_time, p_i_am_alive_time)
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable
       SET version = version + 1,
           timestamp = now()
     WHERE deploymentid = p_deployment_id;

    RETURN 1;
END
$fn$;

-- Changes status, suspicion votes and liveness of a silo row if the caller's table version is still
-- current, then bumps the version. Returns 1 on success, 0 otherwise (nothing changes).
-- IAmAliveTime only moves forward: a heartbeat written in between is never undone.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_current integer;
BEGIN
    SELECT version INTO v_current
      FROM orleansmembershipversiontable
     WHERE deploymentid = p_deployment_id
       FOR UPDATE;

    IF v_current IS NULL OR p_expected_version IS NULL
       OR v_current <> p_expected_version OR v_current = 2147483647 THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershiptable
       SET status       = p_status,
           suspecttimes = p_suspect_times,
           iamalivetime = GREATEST(iamalivetime, p_i_am_alive_time)
     WHERE deploymentid = p_deployment_id
       AND address      = p_address
       AND port         = p_port
       AND generation   = p_generation;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable
       SET version = version + 1,
           timestamp = now()
     WHERE deploymentid = p_deployment_id;

    RETURN 1;
END
$fn$;

-- Query texts. Parameter names (@Name) and result column names are fixed by the provider.
-- The providers read result columns by name, and case does not matter for that.
INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'InsertMembershipVersionKey',
    -- Creates the version row for a cluster on first start. Returns 1 if created, 0 if it existed.
    $q$
    WITH created AS (
        INSERT INTO orleansmembershipversiontable (deploymentid)
        VALUES (@DeploymentId)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1
    )
    SELECT count(*) AS inserted FROM created;
    $q$
),
(
    'InsertMembershipKey',
    $q$
    SELECT orleans_membership_insert(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS inserted;
    $q$
),
(
    'UpdateMembershipKey',
    $q$
    SELECT orleans_membership_update(
        @DeploymentId, @Address, @Port, @Generation,
        @Status, @SuspectTimes, @IAmAliveTime, @Version) AS updated;
    $q$
),
(
    'UpdateIAmAlivetimeKey',
    -- Heartbeat. Does not touch the table version. The result is not checked.
    $q$
    UPDATE orleansmembershiptable
       SET iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
     WHERE deploymentid = @DeploymentId
       AND address      = @Address
       AND port         = @Port
       AND generation   = @Generation;
    $q$
),
(
    'MembershipReadRowKey',
    -- Always returns the version row (LEFT JOIN), with NULL silo columns if the silo is unknown.
    $q$
    SELECT v.deploymentid AS DeploymentId,
           m.address      AS Address,
           m.port         AS Port,
           m.generation   AS Generation,
           m.siloname     AS SiloName,
           m.hostname     AS HostName,
           m.status       AS Status,
           m.proxyport    AS ProxyPort,
           m.suspecttimes AS SuspectTimes,
           m.starttime    AS StartTime,
           m.iamalivetime AS IAmAliveTime,
           v.version      AS Version
      FROM orleansmembershipversiontable v
      LEFT JOIN orleansmembershiptable m
             ON m.deploymentid = v.deploymentid
            AND m.address      = @Address
            AND m.port         = @Port
            AND m.generation   = @Generation
     WHERE v.deploymentid = @DeploymentId;
    $q$
),
(
    'MembershipReadAllKey',
    $q$
    SELECT v.deploymentid AS DeploymentId,
           m.address      AS Address,
           m.port         AS Port,
           m.generation   AS Generation,
           m.siloname     AS SiloName,
           m.hostname     AS HostName,
           m.status       AS Status,
           m.proxyport    AS ProxyPort,
           m.suspecttimes AS SuspectTimes,
           m.starttime    AS StartTime,
           m.iamalivetime AS IAmAliveTime,
           v.version      AS Version
      FROM orleansmembershipversiontable v
      LEFT JOIN orleansmembershiptable m
             ON m.deploymentid = v.deploymentid
     WHERE v.deploymentid = @DeploymentId;
    $q$
),
(
    'GatewaysQueryKey',
    -- Used by clients: active silos (@Status = 3) that expose a gateway port.
    $q$
    SELECT address    AS Address,
           proxyport  AS ProxyPort,
           generation AS Generation
      FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId
       AND status = @Status
       AND proxyport > 0;
    $q$
),
(
    'DeleteMembershipTableEntriesKey',
    -- Removes a whole cluster (tests and tooling only).
    $q$
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
    $q$
),
(
    'CleanupDefunctSiloEntryKey',
    -- Preferred cleanup: the provider first reads all rows, then deletes each Dead (6) silo older than
    -- the cut-off by passing back the values it saw. If the row changed in between, nothing is deleted.
    $q$
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId
       AND address      = @Address
       AND port         = @Port
       AND generation   = @Generation
       AND status       = 6
       AND starttime    = @StartTime
       AND iamalivetime = @IAmAliveTime
       AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '');
    $q$
),
(
    'CleanupDefunctSiloEntriesKey',
    -- Required by the provider, used only when CleanupDefunctSiloEntryKey is missing:
    -- bulk delete of Dead silos without suspicion votes that started and last beat before the cut-off.
    $q$
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId
       AND status = 6
       AND starttime    < @IAmAliveTime
       AND iamalivetime < @IAmAliveTime
       AND COALESCE(suspecttimes, '') = '';
    $q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
