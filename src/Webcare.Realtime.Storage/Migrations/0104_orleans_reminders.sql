-- Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2): durable timers such as the retention purge.
-- grain_hash places a reminder on the silo that owns its slice of the hash ring.

CREATE TABLE orleans_reminder
(
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period        bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminder_by_hash ON orleans_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', '
    INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period::bigint, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
       SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
           version = orleans_reminder.version + 1
    RETURNING version'),
('ReadReminderRowsKey', '
    SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
      FROM orleans_reminder WHERE service_id = @ServiceId AND grain_id = @GrainId'),
('ReadReminderRowKey', '
    SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
      FROM orleans_reminder WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName'),
-- The ring slice (BeginHash, EndHash]; when it wraps around, BeginHash is past EndHash.
('ReadRangeRows1Key', '
    SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
      FROM orleans_reminder WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash'),
('ReadRangeRows2Key', '
    SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
      FROM orleans_reminder WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)'),
('DeleteReminderRowKey', '
    WITH gone AS (DELETE FROM orleans_reminder
                   WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
                     AND version = @Version RETURNING 1)
    SELECT count(*)::integer FROM gone'),
('DeleteReminderRowsKey', '
    DELETE FROM orleans_reminder WHERE service_id = @ServiceId');
