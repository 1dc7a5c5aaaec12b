-- The audit trail of access to patient records (HIPAA 164.312(b), India DPDP): one row per
-- request that read or changed a patient, a token or a queue, allowed or refused, written by the
-- orchestrator's audit filter. Append-only, partitioned by month of occurred_at, kept at least a
-- year: the orchestrator's maintenance drops whole months past the retention, no row is ever
-- updated or deleted.
--
-- The month-partition helpers of V5 (tokens) become generic here, so that tokens and audit_log
-- share one copy: month_partition_name, ensure_month_partition and drop_month_partitions take the
-- partitioned table's name; token_partition_name, ensure_token_partition and archive_tokens keep
-- their signatures and now call them.

-- The name of the month partition of a table a day goes to: <table>_YYYY_MM.
CREATE FUNCTION month_partition_name(p_table TEXT, p_day DATE) RETURNS TEXT AS $$
    SELECT p_table || '_' || to_char(p_day, 'YYYY_MM');
$$ LANGUAGE sql IMMUTABLE;

-- Creates the month's partition of the table unless it exists; returns its name. Created outside
-- the partitioned table and then attached (SHARE UPDATE EXCLUSIVE: inserts go on meanwhile);
-- attaching clones the parent's indexes, foreign keys and row triggers. The bounds are written as
-- midnight UTC, which a DATE key reads as the day and a TIMESTAMPTZ key as that instant whatever
-- the session's time zone. Concurrent calls for one table are serialised by an advisory lock.
CREATE FUNCTION ensure_month_partition(p_table TEXT, p_day DATE) RETURNS TEXT AS $$
DECLARE
    v_from TEXT := to_char(date_trunc('month', p_day), 'YYYY-MM-DD') || ' 00:00:00+00';
    v_to TEXT := to_char(date_trunc('month', p_day) + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00';
    v_name TEXT := month_partition_name(p_table, p_day);
BEGIN
    IF to_regclass(v_name) IS NOT NULL THEN
        RETURN v_name;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('opd.' || p_table || '.partitions'));
    IF to_regclass(v_name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name, p_table);
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', p_table, v_name, v_from, v_to);
    END IF;
    RETURN v_name;
END;
$$ LANGUAGE plpgsql;

-- Drops the month partitions of the table that lie wholly before p_before; returns how many.
CREATE FUNCTION drop_month_partitions(p_table TEXT, p_before DATE) RETURNS INT AS $$
DECLARE
    v_partition TEXT;
    v_dropped INT := 0;
BEGIN
    FOR v_partition IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = p_table::regclass AND c.relname ~ ('^' || p_table || '_[0-9]{4}_[0-9]{2}$')
          AND to_date(right(c.relname, 7), 'YYYY_MM') + interval '1 month' <= p_before
    LOOP
        EXECUTE format('DROP TABLE %I', v_partition);
        v_dropped := v_dropped + 1;
    END LOOP;
    RETURN v_dropped;
END;
$$ LANGUAGE plpgsql;

-- V5's token functions, unchanged in what they do, on the generic helpers.
CREATE OR REPLACE FUNCTION token_partition_name(p_day DATE) RETURNS TEXT AS $$
    SELECT month_partition_name('tokens', p_day);
$$ LANGUAGE sql IMMUTABLE;

CREATE OR REPLACE FUNCTION ensure_token_partition(p_day DATE) RETURNS TEXT AS $$
    SELECT ensure_month_partition('tokens', p_day);
$$ LANGUAGE sql;

CREATE OR REPLACE FUNCTION archive_tokens(p_before DATE) RETURNS INT AS $$
DECLARE
    v_moved INT;
BEGIN
    WITH moved AS (DELETE FROM tokens WHERE service_date < p_before RETURNING *)
    INSERT INTO tokens_archive SELECT * FROM moved;
    GET DIAGNOSTICS v_moved = ROW_COUNT;
    DELETE FROM token_sequences WHERE service_date < p_before;
    PERFORM drop_month_partitions('tokens', p_before);
    RETURN v_moved;
END;
$$ LANGUAGE plpgsql;

-- One row per audited request. Ids are the caller's JWT claims as they were at the time (no
-- foreign keys: the trail outlives patients, tokens and accounts). path is the path template
-- with the names of the query parameters only, never their values (a phone number searched for).
CREATE TABLE audit_log (
    id             UUID         NOT NULL DEFAULT gen_random_uuid(),
    occurred_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor_subject  VARCHAR(255),
    actor_type     VARCHAR(20),
    actor_roles    TEXT[]       NOT NULL DEFAULT '{}',
    hospital_id    UUID,
    action         VARCHAR(10)  NOT NULL CHECK (action IN ('READ', 'CREATE', 'CHANGE')),
    resource_type  VARCHAR(30)  NOT NULL,
    resource_id    UUID,
    patient_id     UUID,
    method         VARCHAR(10)  NOT NULL,
    path           VARCHAR(500) NOT NULL,
    status         SMALLINT     NOT NULL CHECK (status BETWEEN 100 AND 599),
    outcome        VARCHAR(10)  NOT NULL CHECK (
        (outcome = 'ALLOWED' AND status < 400)
        OR (outcome = 'REFUSED' AND status IN (401, 403, 429))
        OR (outcome = 'FAILED' AND status >= 400 AND status NOT IN (401, 403, 429))),
    client_address INET,
    request_id     VARCHAR(100),
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

-- The filters of GET /api/v1/audit, each with the time order of the list.
CREATE INDEX idx_audit_occurred ON audit_log (occurred_at DESC);
CREATE INDEX idx_audit_patient ON audit_log (patient_id, occurred_at DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX idx_audit_actor ON audit_log (actor_subject, occurred_at DESC) WHERE actor_subject IS NOT NULL;
CREATE INDEX idx_audit_resource ON audit_log (resource_type, resource_id, occurred_at DESC);
CREATE INDEX idx_audit_hospital ON audit_log (hospital_id, occurred_at DESC) WHERE hospital_id IS NOT NULL;
CREATE INDEX idx_audit_not_allowed ON audit_log (outcome, occurred_at DESC) WHERE outcome <> 'ALLOWED';

-- Append-only for everyone, the owner and superusers included: a row trigger (cloned onto every
-- partition, so a partition's own rows are covered too) refuses UPDATE and DELETE, a statement
-- trigger refuses TRUNCATE, on the table and on each partition. Retention drops whole partitions,
-- which fires no trigger. In production the orchestrator should connect as a role that does not
-- own the table and holds only INSERT and SELECT on it.
CREATE FUNCTION refuse_audit_log_change() RETURNS TRIGGER AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- The month's partition of audit_log, with the TRUNCATE guard a partition does not inherit.
CREATE FUNCTION ensure_audit_log_partition(p_day DATE) RETURNS TEXT AS $$
DECLARE
    v_name TEXT := month_partition_name('audit_log', p_day);
BEGIN
    IF to_regclass(v_name) IS NOT NULL THEN
        RETURN v_name;
    END IF;
    PERFORM ensure_month_partition('audit_log', p_day);
    EXECUTE format('CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change()', v_name);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM PUBLIC', v_name);
    RETURN v_name;
END;
$$ LANGUAGE plpgsql;

-- Drops the months of audit_log wholly before p_before, refusing to cut into the last 365 days
-- whatever the orchestrator is configured with. Returns how many partitions went.
CREATE FUNCTION drop_audit_log_partitions(p_before DATE) RETURNS INT AS $$
BEGIN
    IF p_before > (now() AT TIME ZONE 'UTC')::date - 365 THEN
        RAISE EXCEPTION 'audit_log is kept at least 365 days: refusing to drop months before %', p_before
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN drop_month_partitions('audit_log', p_before);
END;
$$ LANGUAGE plpgsql;

-- This month's partition and the next three; the orchestrator's maintenance keeps them ahead.
SELECT ensure_audit_log_partition(month::date)
FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC'),
                     date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months',
                     interval '1 month') AS month;
