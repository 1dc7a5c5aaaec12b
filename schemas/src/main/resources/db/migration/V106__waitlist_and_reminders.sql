-- Waitlists and reminders of appointments booked ahead (issue 14), and the notification log's rule for
-- messages about an appointment rather than a token.

-- A patient waiting for a slot of a doctor on a day (the hospital's local date). In order of joined_at,
-- the first WAITING entry is offered the next slot of that doctor and day that frees up: a hold of its
-- own (offered_appointment_id). BOOKED: the patient took it; LAPSED: the hold ran out, the slot went to
-- the next; LEFT: the patient (or staff for them) left the list.
CREATE TABLE waitlist_entries (
    entry_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    doctor_id UUID NOT NULL REFERENCES doctors(doctor_id) ON DELETE CASCADE,
    patient_id UUID NOT NULL REFERENCES patients(patient_id) ON DELETE CASCADE,
    day DATE NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'WAITING'
        CHECK (status IN ('WAITING', 'OFFERED', 'BOOKED', 'LAPSED', 'LEFT')),
    offered_appointment_id UUID REFERENCES appointments(appointment_id) ON DELETE SET NULL,
    created_by UUID,
    joined_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (status <> 'OFFERED' OR offered_appointment_id IS NOT NULL)
);

-- A patient is on a doctor's list for a day at most once while it can still be offered something.
CREATE UNIQUE INDEX uq_waitlist_patient_day ON waitlist_entries(doctor_id, day, patient_id)
    WHERE status IN ('WAITING', 'OFFERED');
CREATE INDEX idx_waitlist_order ON waitlist_entries(doctor_id, day, joined_at) WHERE status = 'WAITING';
CREATE UNIQUE INDEX uq_waitlist_offer ON waitlist_entries(offered_appointment_id) WHERE offered_appointment_id IS NOT NULL;

-- Slots that freed up (a hold let go, a cancellation, a reschedule away), written in the transaction that
-- freed them and worked off by the waitlist's offer loop, which claims each with FOR UPDATE SKIP LOCKED.
CREATE TABLE waitlist_openings (
    opening_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    doctor_id UUID NOT NULL REFERENCES doctors(doctor_id) ON DELETE CASCADE,
    starts_at TIMESTAMPTZ NOT NULL,
    freed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_waitlist_openings_freed ON waitlist_openings(freed_at);

-- Each reminder of an appointment, once: the row and its outbox event commit together, and the primary
-- key makes a second scheduler (another instance, or a run that overlaps) insert nothing.
CREATE TABLE appointment_reminders (
    appointment_id UUID NOT NULL REFERENCES appointments(appointment_id) ON DELETE CASCADE,
    kind VARCHAR(20) NOT NULL CHECK (kind IN ('DAY_BEFORE', 'HOUR_BEFORE')),
    starts_at TIMESTAMPTZ NOT NULL,
    due_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (appointment_id, kind)
);

-- Messages about an appointment (a waitlist offer, a reminder) have no token: at most one per appointment,
-- type and channel, so a replayed event sends nothing twice. expires_at (V13) says when it is no longer worth
-- sending (the offer's hold lapsed, the appointment began).
ALTER TABLE notifications_log ADD COLUMN appointment_id UUID;

CREATE UNIQUE INDEX uq_notif_appointment_event_channel ON notifications_log(appointment_id, event_type, channel)
    WHERE appointment_id IS NOT NULL;
