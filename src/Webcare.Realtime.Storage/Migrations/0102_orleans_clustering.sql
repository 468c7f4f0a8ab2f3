-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2). One version row per cluster
-- (Orleans' optimistic concurrency: every membership change bumps it) and one row per silo incarnation.

CREATE TABLE orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

CREATE TABLE orleans_membership
(
    deployment_id  varchar(150)  NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address        varchar(45)   NOT NULL,
    port           integer       NOT NULL,
    generation     integer       NOT NULL,
    silo_name      varchar(150)  NOT NULL,
    host_name      varchar(150)  NOT NULL,
    status         integer       NOT NULL,
    proxy_port     integer,
    suspect_times  varchar(8000),
    start_time     timestamptz   NOT NULL,
    i_am_alive     timestamptz   NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Inserts a silo's row and bumps the version, both or neither: Orleans reads false as "someone else
-- changed the table first" and retries with a fresh read.
CREATE FUNCTION orleans_insert_member(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_silo_name text,
    p_host_name text, p_status integer, p_proxy_port integer, p_start timestamptz, p_alive timestamptz,
    p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment AND version = p_version;
    IF NOT FOUND THEN RETURN false; END IF;
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                    proxy_port, start_time, i_am_alive)
    VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
            p_proxy_port, p_start, p_alive);
    RETURN true;
EXCEPTION WHEN unique_violation THEN
    RETURN false; -- the block's savepoint undoes the version bump
END $$;

-- Updates a silo's row and bumps the version, both or neither.
CREATE FUNCTION orleans_update_member(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_status integer,
    p_suspect_times text, p_alive timestamptz, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment AND version = p_version;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_membership
       SET status = p_status, suspect_times = p_suspect_times, i_am_alive = GREATEST(i_am_alive, p_alive)
     WHERE deployment_id = p_deployment AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'no_data_found'; END IF;
    RETURN true;
EXCEPTION WHEN no_data_found THEN
    RETURN false;
END $$;

INSERT INTO orleansquery (querykey, querytext) VALUES
-- One row always: true when this call created the version row, false when it existed.
('InsertMembershipVersionKey', '
    WITH created AS (INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                     ON CONFLICT (deployment_id) DO NOTHING RETURNING 1)
    SELECT count(*) > 0 FROM created'),
('InsertMembershipKey', '
    SELECT orleans_insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                                 @ProxyPort, @StartTime, @IAmAliveTime, @Version)'),
('UpdateMembershipKey', '
    SELECT orleans_update_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                 @IAmAliveTime, @Version)'),
('UpdateIAmAlivetimeKey', '
    UPDATE orleans_membership SET i_am_alive = GREATEST(i_am_alive, @IAmAliveTime)
     WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),
('MembershipReadRowKey', '
    SELECT v.deployment_id AS deploymentid, m.address, m.port, m.generation, m.silo_name AS siloname,
           m.host_name AS hostname, m.status, m.proxy_port AS proxyport, m.suspect_times AS suspecttimes,
           m.start_time AS starttime, m.i_am_alive AS iamalivetime, v.version
      FROM orleans_membership_version v
      LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
           AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.deployment_id = @DeploymentId'),
('MembershipReadAllKey', '
    SELECT v.deployment_id AS deploymentid, m.address, m.port, m.generation, m.silo_name AS siloname,
           m.host_name AS hostname, m.status, m.proxy_port AS proxyport, m.suspect_times AS suspecttimes,
           m.start_time AS starttime, m.i_am_alive AS iamalivetime, v.version
      FROM orleans_membership_version v
      LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId'),
('GatewaysQueryKey', '
    SELECT address, proxy_port AS proxyport, generation
      FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId'),
-- Status 6 is Dead: only rows of silos declared dead, not alive since the cut-off and unsuspected, go.
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive < @IAmAliveTime
       AND start_time < @IAmAliveTime AND COALESCE(suspect_times, '''') = '''''),
('CleanupDefunctSiloEntryKey', '
    DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND status = 6
       AND address = @Address AND port = @Port AND generation = @Generation
       AND i_am_alive = @IAmAliveTime AND start_time = @StartTime
       AND suspect_times IS NOT DISTINCT FROM @SuspectTimes');
