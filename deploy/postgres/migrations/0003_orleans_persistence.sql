-- 0003_orleans_persistence.sql
-- Grain state storage for Microsoft.Orleans.Persistence.AdoNet 10.4.x: AdoNetGrainStorage, registered
-- with AddAdoNetGrainStorage(...). Requires 0001_orleans_main.sql.
--
-- Contract (from the provider code):
--   * A state row is identified by ServiceId, the state name (GrainTypeString), the grain key
--     (GrainIdN0/GrainIdN1 for integer and Guid keys, GrainIdExtensionString for key extensions and
--     string keys) and the two hashes GrainIdHash/GrainTypeHash that the provider computes.
--     The grain class is not part of the key.
--   * Version is the ETag (an integer). Every write or clear must give back the version it read.
--     If the stored version has moved, nothing changes and the provider throws InconsistentStateException.
--   * The 10.4 provider reads and writes only PayloadBinary (bytes from the configured grain storage
--     serializer). It does not use the PayloadJson/PayloadXml columns of old Orleans versions.
--   * Queries: WriteToStorageKey, ReadFromStorageKey and ClearStorageKey are required.
--     DeleteStorageKey is needed when AdoNetGrainStorageOptions.DeleteStateOnClear = true.

CREATE TABLE IF NOT EXISTS orleansstorage
(
    -- Surrogate key: gives the table a primary key (replication tools, logical replication) even though
    -- the natural key below contains a nullable column.
    id                     bigint       GENERATED ALWAYS AS IDENTITY,
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,      -- NULL after ClearStateAsync (row kept as a tombstone)
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NOT NULL,
    CONSTRAINT pk_orleansstorage PRIMARY KEY (id)
);

-- Natural key: one row per grain state. It leads with the two hashes, so it is also the lookup index for
-- every query below. NULLS NOT DISTINCT (PostgreSQL 15+) makes a NULL key extension count as one value,
-- so two first writes of the same grain cannot both insert a row.
-- Note: a btree entry is limited to about 2.7 kB. Very long multi-byte state names or string keys
-- (close to the 512-character limits) would make the write fail rather than corrupt data.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain
    ON orleansstorage (grainidhash, graintypehash, serviceid, grainidn0, grainidn1,
                       graintypestring, grainidextensionstring)
    NULLS NOT DISTINCT;

-- Writes a grain state with an optimistic version check.
--   p_expected_version NULL: the grain has never stored state (no ETag). A row is inserted with version 1.
--   otherwise: the row is updated only if its version equals p_expected_version, and the version goes up by 1.
-- Returns the new version, or NULL if the write was rejected (row already exists, or version moved).
-- The provider treats NULL as a version conflict.
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grain_id_hash          integer,
    p_grain_id_n0            bigint,
    p_grain_id_n1            bigint,
    p_grain_type_hash        integer,
    p_grain_type             text,
    p_grain_id_extension     text,
    p_service_id             text,
    p_expected_version       integer,
    p_payload                bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO orleansstorage
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
             grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type,
             p_grain_id_extension, p_service_id, p_payload, now(), 1)
        ON CONFLICT (grainidhash, graintypehash, serviceid, grainidn0, grainidn1,
                     graintypestring, grainidextensionstring)
        DO NOTHING
        RETURNING version INTO v_new_version;

        RETURN v_new_version;
    END IF;

    UPDATE orleansstorage
       SET payloadbinary = p_payload,
           modifiedon    = now(),
           version       = version + 1
     WHERE grainidhash     = p_grain_id_hash
       AND graintypehash   = p_grain_type_hash
       AND serviceid       = p_service_id
       AND grainidn0       = p_grain_id_n0
       AND grainidn1       = p_grain_id_n1
       AND graintypestring = p_grain_type
       AND grainidextensionstring IS NOT DISTINCT FROM p_grain_id_extension
       AND version         = p_expected_version
    RETURNING version INTO v_new_version;

    RETURN v_new_version;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'WriteToStorageKey',
    $q$
    SELECT orleans_storage_write(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion;
    $q$
),
(
    'ReadFromStorageKey',
    -- No row means the state has never been written. A row with NULL payload means it was cleared.
    -- The provider uses Version as the ETag either way.
    $q$
    SELECT payloadbinary AS PayloadBinary,
           version       AS Version
      FROM orleansstorage
     WHERE grainidhash     = @GrainIdHash
       AND graintypehash   = @GrainTypeHash
       AND serviceid       = @ServiceId
       AND grainidn0       = @GrainIdN0
       AND grainidn1       = @GrainIdN1
       AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;
    $q$
),
(
    'ClearStorageKey',
    -- Default ClearStateAsync: keeps the row, drops the payload, bumps the version.
    -- No row returned = version conflict.
    $q$
    UPDATE orleansstorage
       SET payloadbinary = NULL,
           modifiedon    = now(),
           version       = version + 1
     WHERE grainidhash     = @GrainIdHash
       AND graintypehash   = @GrainTypeHash
       AND serviceid       = @ServiceId
       AND grainidn0       = @GrainIdN0
       AND grainidn1       = @GrainIdN1
       AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version         = @GrainStateVersion
    RETURNING version AS NewGrainStateVersion;
    $q$
),
(
    'DeleteStorageKey',
    -- ClearStateAsync with DeleteStateOnClear = true: removes the row. Returns a value different from
    -- the caller's ETag on success, and no row on a version conflict.
    $q$
    DELETE FROM orleansstorage
     WHERE grainidhash     = @GrainIdHash
       AND graintypehash   = @GrainTypeHash
       AND serviceid       = @ServiceId
       AND grainidn0       = @GrainIdN0
       AND grainidn1       = @GrainIdN1
       AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version         = @GrainStateVersion
    RETURNING version + 1 AS NewGrainStateVersion;
    $q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
