-- Tables of the cdc-connector, in the database whose outbox it streams.
--
-- cdc_offsets: the connector's position in the WAL (Kafka Connect offset key and value as JSON text).
-- Kept in this database rather than a file, so that a recreated or restored database never meets
-- a position that belongs to another one's WAL, and a restart of the connector anywhere resumes.
CREATE TABLE cdc_offsets (
    offset_key TEXT PRIMARY KEY,
    offset_value TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- cdc_heartbeat: one row the connector updates every heartbeat interval. The table is in the
-- connector's publication, so on a database without outbox traffic these updates still flow through
-- the replication slot and let it confirm a newer position, instead of holding WAL forever.
CREATE TABLE cdc_heartbeat (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    beat_at TIMESTAMPTZ NOT NULL
);
