-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2). The payload is the System.Text.Json
-- document the host's serializer writes (UTF-8 bytes); grain_state_json shows it as jsonb for operators.
-- version is the optimistic-concurrency tag: a write names the version it read, or none for a new row.

CREATE TABLE orleans_grain_state
(
    service_id     varchar(150) NOT NULL,
    grain_type     varchar(512) NOT NULL,
    grain_type_hash integer     NOT NULL,
    grain_id_hash  integer      NOT NULL,
    grain_id_n0    bigint       NOT NULL,
    grain_id_n1    bigint       NOT NULL,
    grain_id_ext   varchar(512) NOT NULL DEFAULT '',
    payload        bytea,
    version        integer      NOT NULL,
    modified_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_ext)
);

CREATE VIEW grain_state_json AS
SELECT service_id, grain_type, grain_id_ext AS grain_key, version, modified_at,
       convert_from(payload, 'UTF8')::jsonb AS state
  FROM orleans_grain_state;

-- Returns the new version, or the version passed in when another writer got there first (Orleans then
-- raises InconsistentStateException and the grain re-reads).
CREATE FUNCTION orleans_write_grain_state(
    p_service text, p_type text, p_type_hash integer, p_id_hash integer, p_n0 bigint, p_n1 bigint,
    p_ext text, p_version integer, p_payload bytea)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    written integer;
BEGIN
    IF p_version IS NULL THEN
        INSERT INTO orleans_grain_state (service_id, grain_type, grain_type_hash, grain_id_hash, grain_id_n0,
                                         grain_id_n1, grain_id_ext, payload, version)
        VALUES (p_service, p_type, p_type_hash, p_id_hash, p_n0, p_n1, COALESCE(p_ext, ''), p_payload, 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO written;
    ELSE
        UPDATE orleans_grain_state
           SET payload = p_payload, version = version + 1, modified_at = now()
         WHERE service_id = p_service AND grain_type_hash = p_type_hash AND grain_id_hash = p_id_hash
           AND grain_id_n0 = p_n0 AND grain_id_n1 = p_n1 AND grain_type = p_type
           AND grain_id_ext = COALESCE(p_ext, '') AND version = p_version
        RETURNING version INTO written;
    END IF;
    RETURN COALESCE(written, p_version);
END $$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('WriteToStorageKey', '
    SELECT orleans_write_grain_state(@ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash, @GrainIdN0,
                                     @GrainIdN1, @GrainIdExtensionString, @GrainStateVersion, @PayloadBinary)
           AS newgrainstateversion'),
('ReadFromStorageKey', '
    SELECT payload AS payloadbinary, NULL::text AS payloadxml, NULL::text AS payloadjson, now() AS modifiedon, version
      FROM orleans_grain_state
     WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
       AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''')'),
('ClearStorageKey', '
    UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = now()
     WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
       AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''') AND version = @GrainStateVersion
    RETURNING version AS newgrainstateversion'),
('DeleteStorageKey', '
    DELETE FROM orleans_grain_state
     WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
       AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''') AND version = @GrainStateVersion
    RETURNING version AS newgrainstateversion');
