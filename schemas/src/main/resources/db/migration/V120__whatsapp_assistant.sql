-- The WhatsApp booking assistant (spec 000's channel and its `wa_sessions`).
--
-- A hospital's booking number: the WhatsApp Cloud API phone number id patients write to. Inbound
-- messages name it (`metadata.phone_number_id`), so it tells which hospital a conversation is with.
CREATE TABLE wa_booking_numbers (
    phone_number_id VARCHAR(32) PRIMARY KEY,
    hospital_id     UUID NOT NULL REFERENCES hospitals(hospital_id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One conversation per WhatsApp user and booking number (spec 000's pk "whatsapp:+91…"): where it
-- stands and what was chosen so far. It ends after 15 minutes idle and an hour at most; the next
-- message then starts a new one (a new session id) in the same row.
CREATE TABLE wa_sessions (
    session_id          UUID PRIMARY KEY,
    phone_number_id     VARCHAR(32) NOT NULL REFERENCES wa_booking_numbers(phone_number_id) ON DELETE CASCADE,
    -- The user's WhatsApp id (their number with country code, no plus), where the replies go.
    wa_id               VARCHAR(20) NOT NULL,
    step                VARCHAR(20) NOT NULL,
    language            VARCHAR(2),
    -- Set once the phone's one-time code was verified: whom the conversation books for.
    patient_id          UUID REFERENCES patients(patient_id) ON DELETE CASCADE,
    -- What was chosen so far and which answers the last question offered (ConversationState).
    state               JSONB NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    last_active_at      TIMESTAMPTZ NOT NULL,
    idle_expires_at     TIMESTAMPTZ NOT NULL,
    absolute_expires_at TIMESTAMPTZ NOT NULL,
    UNIQUE (phone_number_id, wa_id)
);
CREATE INDEX idx_wa_sessions_expiry ON wa_sessions(idle_expires_at);

-- Inbound message ids (wamid) already handled: Meta delivers at least once, so a replayed message
-- must not advance a conversation twice.
CREATE TABLE wa_inbound_messages (
    message_id  VARCHAR(128) PRIMARY KEY,
    session_id  UUID NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_wa_inbound_received ON wa_inbound_messages(received_at);
