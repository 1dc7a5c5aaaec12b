-- Monthly partitions of `tokens` (spec 004: "Partition by Month"), and `tokens_archive` for
-- tokens older than the retention (the orchestrator's storage job moves them, and creates
-- partitions ahead).
--
-- The partition key is service_date: the hospital's day the token counts in. It is NOT NULL,
-- never changes, and is what the day's views and queues filter on.
--
-- A key of a partitioned table must contain the partition key, so:
--  * the primary key is (token_id, service_date); token ids stay unique in practice (random UUIDs
--    made by the orchestrator), but PostgreSQL can no longer enforce it across partitions;
--  * nothing can reference tokens(token_id) alone: the foreign keys of token_history.token_id,
--    notifications_log.token_id and tokens.rescheduled_from are dropped (the archive move would
--    break them anyway: history and notifications outlive the token's partition). Those columns
--    keep their indexes.
-- tokens_archive has the same columns in the same order: a migration that adds a column to
-- tokens must add it to tokens_archive too.

-- The views of V1 depend on the table being replaced: kept as they are defined, re-created at the end.
CREATE TEMPORARY TABLE saved_token_views AS
    SELECT viewname, definition FROM pg_views WHERE schemaname = current_schema()
    AND viewname IN ('vw_live_queue', 'vw_doctor_status');
DROP VIEW vw_live_queue;
DROP VIEW vw_doctor_status;

ALTER TABLE token_history DROP CONSTRAINT token_history_token_id_fkey;
ALTER TABLE notifications_log DROP CONSTRAINT notifications_log_token_id_fkey;

ALTER TABLE tokens RENAME TO tokens_unpartitioned;

CREATE TABLE tokens (LIKE tokens_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (service_date);

-- The name of the month partition a day's tokens go to: tokens_YYYY_MM.
CREATE FUNCTION token_partition_name(p_day DATE) RETURNS TEXT AS $$
    SELECT 'tokens_' || to_char(p_day, 'YYYY_MM');
$$ LANGUAGE sql IMMUTABLE;

-- Creates the month's partition unless it exists; returns its name. The table is
-- created outside the partitioned table and then attached, which locks tokens only in SHARE UPDATE
-- EXCLUSIVE mode, so issuing and moving tokens goes on meanwhile; attaching creates the partition's
-- indexes and foreign keys from the parent's. Concurrent calls are serialised by an advisory lock.
CREATE FUNCTION ensure_token_partition(p_day DATE) RETURNS TEXT AS $$
DECLARE
    v_from DATE := date_trunc('month', p_day)::date;
    v_to DATE := (date_trunc('month', p_day) + interval '1 month')::date;
    v_name TEXT := token_partition_name(p_day);
BEGIN
    IF to_regclass(v_name) IS NOT NULL THEN
        RETURN v_name;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('opd.tokens.partitions'));
    IF to_regclass(v_name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I (LIKE tokens INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name);
        EXECUTE format('ALTER TABLE tokens ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', v_name, v_from, v_to);
    END IF;
    RETURN v_name;
END;
$$ LANGUAGE plpgsql;

-- Partitions for the data there is and for this month and the next three.
DO $$
DECLARE
    v_month DATE;
BEGIN
    FOR v_month IN
        SELECT generate_series(
            date_trunc('month', LEAST(current_date, (SELECT min(service_date) FROM tokens_unpartitioned))),
            date_trunc('month', GREATEST(current_date + interval '3 months', (SELECT max(service_date) FROM tokens_unpartitioned))),
            interval '1 month')::date
    LOOP
        PERFORM ensure_token_partition(v_month);
    END LOOP;
END;
$$;

INSERT INTO tokens SELECT * FROM tokens_unpartitioned;
DROP TABLE tokens_unpartitioned;

ALTER TABLE tokens ADD PRIMARY KEY (token_id, service_date);
ALTER TABLE tokens ADD UNIQUE (dept_id, service_date, token_number);
ALTER TABLE tokens ADD FOREIGN KEY (patient_id) REFERENCES patients(patient_id);
ALTER TABLE tokens ADD FOREIGN KEY (doctor_id) REFERENCES doctors(doctor_id);
ALTER TABLE tokens ADD FOREIGN KEY (cabin_id) REFERENCES cabins(cabin_id);
ALTER TABLE tokens ADD FOREIGN KEY (dept_id) REFERENCES departments(dept_id);
ALTER TABLE tokens ADD FOREIGN KEY (hospital_id) REFERENCES hospitals(hospital_id);
ALTER TABLE tokens ADD FOREIGN KEY (assignment_id) REFERENCES cabin_doctors(assignment_id);

-- A token is found by its id alone (GET /tokens/{id}): one index probe per partition.
CREATE INDEX idx_token_id ON tokens(token_id);
CREATE INDEX idx_token_patient ON tokens(patient_id);
CREATE INDEX idx_token_doctor ON tokens(doctor_id);
CREATE INDEX idx_token_cabin ON tokens(cabin_id);
CREATE INDEX idx_token_dept ON tokens(dept_id);
CREATE INDEX idx_token_hospital ON tokens(hospital_id);
CREATE INDEX idx_token_status ON tokens(status) WHERE status IN ('WAITING', 'IN_CONSULTATION');
CREATE INDEX idx_token_scheduled ON tokens(scheduled_time);
CREATE INDEX idx_token_created ON tokens(created_at);
CREATE INDEX idx_token_live_queue ON tokens(doctor_id, status, queue_position)
    WHERE status IN ('CHECKED_IN', 'WAITING');
CREATE INDEX idx_token_assignment ON tokens(assignment_id);
CREATE INDEX idx_token_rescheduled_from ON tokens(rescheduled_from);
CREATE INDEX idx_token_called ON tokens(called_time) WHERE status = 'WAITING' AND called_time IS NOT NULL;

CREATE TABLE tokens_archive (LIKE tokens INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE tokens_archive ADD PRIMARY KEY (token_id);
CREATE INDEX idx_token_archive_service_date ON tokens_archive(service_date);
CREATE INDEX idx_token_archive_patient ON tokens_archive(patient_id);
CREATE INDEX idx_token_archive_doctor ON tokens_archive(doctor_id);

-- Moves the tokens of days before p_before into tokens_archive, in one statement, forgets those
-- days' number counters, and drops the month partitions that lie wholly before p_before (emptied
-- by the move). Returns how many tokens moved.
CREATE FUNCTION archive_tokens(p_before DATE) RETURNS INT AS $$
DECLARE
    v_moved INT;
    v_partition TEXT;
BEGIN
    WITH moved AS (DELETE FROM tokens WHERE service_date < p_before RETURNING *)
    INSERT INTO tokens_archive SELECT * FROM moved;
    GET DIAGNOSTICS v_moved = ROW_COUNT;
    DELETE FROM token_sequences WHERE service_date < p_before;
    FOR v_partition IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'tokens'::regclass AND c.relname ~ '^tokens_[0-9]{4}_[0-9]{2}$'
          AND to_date(substring(c.relname FROM 8), 'YYYY_MM') + interval '1 month' <= p_before
    LOOP
        EXECUTE format('DROP TABLE %I', v_partition);
    END LOOP;
    RETURN v_moved;
END;
$$ LANGUAGE plpgsql;

-- The views of V1, unchanged, now on the partitioned table.
DO $$
DECLARE
    v_view RECORD;
BEGIN
    FOR v_view IN SELECT viewname, definition FROM saved_token_views LOOP
        EXECUTE format('CREATE VIEW %I AS %s', v_view.viewname, v_view.definition);
    END LOOP;
END;
$$;
DROP TABLE saved_token_views;
