-- Cal.com sync (spec 002): a doctor's Cal.com user and event type, the Cal.com booking an appointment
-- mirrors, each hospital's webhook secret, and the deliveries that could not be applied, parked for
-- an operator with the reason instead of being dropped.
ALTER TABLE doctors ADD COLUMN cal_com_user_id VARCHAR(64);
ALTER TABLE doctors ADD COLUMN cal_com_event_type_id VARCHAR(64);
-- Cal.com's organizer id names one doctor of the hospital.
CREATE UNIQUE INDEX idx_doctors_cal_com_user ON doctors(hospital_id, cal_com_user_id) WHERE cal_com_user_id IS NOT NULL;

ALTER TABLE appointments ADD COLUMN cal_com_booking_id BIGINT;
-- The uid of the Cal.com booking the appointment is now (a reschedule gives the booking a new uid).
ALTER TABLE appointments ADD COLUMN cal_com_uid VARCHAR(100) UNIQUE;

CREATE TABLE cal_com_settings (
    hospital_id UUID PRIMARY KEY REFERENCES hospitals(hospital_id) ON DELETE CASCADE,
    -- The secret set on the hospital's Cal.com webhook: the key of X-Cal-Signature-256.
    webhook_secret TEXT NOT NULL CHECK (length(webhook_secret) >= 16),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE cal_com_parked_bookings (
    parked_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    hospital_id UUID NOT NULL REFERENCES hospitals(hospital_id) ON DELETE CASCADE,
    trigger_event VARCHAR(40) NOT NULL,
    cal_com_uid VARCHAR(100) NOT NULL,
    -- UNKNOWN_DOCTOR, UNKNOWN_EVENT_TYPE, SLOT_NOT_FREE, UNKNOWN_BOOKING, NO_ATTENDEE_PHONE, NOT_BOOKABLE
    reason_code VARCHAR(40) NOT NULL,
    reason TEXT NOT NULL,
    -- The signed delivery as received, applied again on retry.
    payload JSONB NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'DISMISSED')),
    attempts INT NOT NULL DEFAULT 1,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_by UUID,
    appointment_id UUID REFERENCES appointments(appointment_id) ON DELETE SET NULL
);
-- A delivery Cal.com retries is parked once.
CREATE UNIQUE INDEX idx_cal_com_parked_open ON cal_com_parked_bookings(hospital_id, trigger_event, cal_com_uid) WHERE status = 'OPEN';
CREATE INDEX idx_cal_com_parked_hospital ON cal_com_parked_bookings(hospital_id, status, received_at);
