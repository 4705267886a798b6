-- 0004_orleans_reminders.sql
-- Reminder table for Microsoft.Orleans.Reminders.AdoNet 10.4.x: AdoNetReminderTable, registered with
-- UseAdoNetReminderService(...). Requires 0001_orleans_main.sql.
--
-- Contract (from the provider code):
--   * A reminder is identified by ServiceId + GrainId (GrainId.ToString()) + ReminderName.
--   * GrainHash is the grain's uniform hash, sent as a signed int (the uint is cast to int). Each silo
--     reads the reminders in its part of the hash ring:
--       ReadRangeRows1Key when (int)BeginHash < (int)EndHash:  BeginHash < GrainHash <= EndHash
--       ReadRangeRows2Key otherwise (the range wraps around):    GrainHash > BeginHash OR GrainHash <= EndHash
--     Both compare signed integers, the same way the hashes are stored.
--   * Period is milliseconds (int or bigint parameter). StartTime is UTC.
--   * Version is the ETag. Upsert returns the new Version. Delete succeeds only with the current Version
--     and returns one column, > 0 on success.
--   * 10.4.x sends no cron/priority columns (those belong to other reminder packages).

CREATE TABLE IF NOT EXISTS orleansreminderstable
(
    serviceid    varchar(150) NOT NULL,
    grainid      varchar(512) NOT NULL,
    remindername varchar(150) NOT NULL,
    starttime    timestamptz  NOT NULL,
    period       bigint       NOT NULL,   -- milliseconds
    grainhash    integer      NOT NULL,
    version      integer      NOT NULL,
    CONSTRAINT pk_orleansreminderstable PRIMARY KEY (serviceid, grainid, remindername)
);

-- The periodic range scans filter on (serviceid, grainhash). Without this index every silo would read
-- the whole table on each refresh.
CREATE INDEX IF NOT EXISTS ix_orleansreminderstable_grainhash
    ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'UpsertReminderRowKey',
    -- New reminders start at version 0. Each re-registration bumps the version.
    $q$
    INSERT INTO orleansreminderstable AS r
        (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
       SET starttime = EXCLUDED.starttime,
           period    = EXCLUDED.period,
           grainhash = EXCLUDED.grainhash,
           version   = r.version + 1
    RETURNING r.version AS Version;
    $q$
),
(
    'ReadReminderRowsKey',
    $q$
    SELECT grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime,
           period AS Period, version AS Version
      FROM orleansreminderstable
     WHERE serviceid = @ServiceId
       AND grainid   = @GrainId;
    $q$
),
(
    'ReadReminderRowKey',
    $q$
    SELECT grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime,
           period AS Period, version AS Version
      FROM orleansreminderstable
     WHERE serviceid    = @ServiceId
       AND grainid      = @GrainId
       AND remindername = @ReminderName;
    $q$
),
(
    'ReadRangeRows1Key',
    $q$
    SELECT grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime,
           period AS Period, version AS Version
      FROM orleansreminderstable
     WHERE serviceid = @ServiceId
       AND grainhash > @BeginHash
       AND grainhash <= @EndHash;
    $q$
),
(
    'ReadRangeRows2Key',
    $q$
    SELECT grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime,
           period AS Period, version AS Version
      FROM orleansreminderstable
     WHERE serviceid = @ServiceId
       AND (grainhash > @BeginHash OR grainhash <= @EndHash);
    $q$
),
(
    'DeleteReminderRowKey',
    $q$
    WITH removed AS (
        DELETE FROM orleansreminderstable
         WHERE serviceid    = @ServiceId
           AND grainid      = @GrainId
           AND remindername = @ReminderName
           AND version      = @Version
        RETURNING 1
    )
    SELECT count(*) AS deleted FROM removed;
    $q$
),
(
    'DeleteReminderRowsKey',
    -- Removes every reminder of a service (tests and tooling only).
    $q$
    DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;
    $q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
