-- Patient sign-in by phone with a one-time code (issue 10).
--
-- One row per code request, also for a phone no patient has (code_hash NULL): the rate limits count
-- every request the same, so an answer never tells whether a phone is registered.
-- phone:          the normalised E.164 number asked for (look-ups and the per-phone limit); never logged.
-- code_hash:      HMAC-SHA256, under a server key kept outside the database, of the row id and the code.
--                 Never the code itself; without the key a table dump cannot even brute-force the 10^6 codes.
-- attempts:       verifications tried against the code; at the maximum it is dead, even if the next is right.
-- consumed_at:    set by the one successful verification; the code works once.
-- client_address: who asked (the per-address limit).
-- Rows are deleted by the orchestrator's periodic clean-up once past their retention.
CREATE TABLE patient_one_time_codes (
    id UUID PRIMARY KEY,
    hospital_id UUID NOT NULL REFERENCES hospitals(hospital_id),
    phone VARCHAR(16) NOT NULL,
    code_hash BYTEA,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    attempts INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    consumed_at TIMESTAMPTZ,
    client_address VARCHAR(64) NOT NULL
);

-- The per-phone limit (across hospitals) and verification's "latest code of this phone".
CREATE INDEX idx_otp_phone_created ON patient_one_time_codes(phone, created_at DESC);
-- The per-address limit.
CREATE INDEX idx_otp_client_created ON patient_one_time_codes(client_address, created_at DESC);
-- The clean-up.
CREATE INDEX idx_otp_created ON patient_one_time_codes(created_at);

-- A sign-in code is logged like every message, but it is about no token (token_id is NULL, which it
-- may be already), its phone is looked up when it is sent (phone_number NULL), and its text holds the
-- code masked. What is sent needs the code, so until the row's outcome is final it keeps the code as
-- sealed in the event (AES-GCM, key outside the database), then clears it.
-- source_event_id: the event the row came from; a replayed event finds its row and sends nothing.
-- expires_at:      after this it is not sent, not even by a retry.
ALTER TABLE notifications_log
    ADD COLUMN source_event_id UUID,
    ADD COLUMN sealed_code TEXT,
    ADD COLUMN expires_at TIMESTAMPTZ;

CREATE UNIQUE INDEX uq_notif_source_event_channel ON notifications_log(source_event_id, channel)
    WHERE source_event_id IS NOT NULL;
