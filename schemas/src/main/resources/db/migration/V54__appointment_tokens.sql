-- On its day a confirmed appointment becomes an ONLINE token in the doctor's queue; the token it became.
-- No foreign key: tokens are partitioned by day and move to the archive, the appointment stays.
ALTER TABLE appointments ADD COLUMN token_id UUID UNIQUE;

CREATE INDEX idx_appointments_awaiting_token ON appointments(starts_at) WHERE status = 'CONFIRMED' AND token_id IS NULL;
