-- Appointments booked ahead (spec 001 appointments). Two appointments of a doctor that hold their
-- time can never overlap: PostgreSQL's exclusion constraint decides, so two concurrent bookings of
-- one slot cannot both commit, whatever the application checked before.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE appointments (
    appointment_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    doctor_id UUID NOT NULL REFERENCES doctors(doctor_id) ON DELETE CASCADE,
    patient_id UUID NOT NULL REFERENCES patients(patient_id) ON DELETE CASCADE,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    appointment_type VARCHAR(20) NOT NULL
        CHECK (appointment_type IN ('CONSULTATION', 'FOLLOW_UP', 'PROCEDURE', 'EMERGENCY')),
    -- SCHEDULED: held while unpaid, until hold_expires_at; CONFIRMED: the patient's (paid, or free).
    status VARCHAR(20) NOT NULL
        CHECK (status IN ('SCHEDULED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    reason TEXT NOT NULL,
    hold_expires_at TIMESTAMPTZ,
    cancel_reason TEXT,
    created_by UUID,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Spec 001: an appointment lasts 15 to 480 minutes.
    CHECK (ends_at - starts_at BETWEEN INTERVAL '15 minutes' AND INTERVAL '480 minutes'),
    CHECK (status <> 'SCHEDULED' OR hold_expires_at IS NOT NULL),
    CONSTRAINT appointments_no_overlap EXCLUDE USING gist (
        doctor_id WITH =, tstzrange(starts_at, ends_at) WITH &&
    ) WHERE (status IN ('SCHEDULED', 'CONFIRMED', 'IN_PROGRESS'))
);

CREATE INDEX idx_appointments_patient ON appointments(patient_id);
CREATE INDEX idx_appointments_doctor_start ON appointments(doctor_id, starts_at);
CREATE INDEX idx_appointments_hold_expiry ON appointments(hold_expires_at) WHERE status = 'SCHEDULED';
