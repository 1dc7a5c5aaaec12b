-- The OPD schema of spec 004, with two deliberate departures:
--  * every timestamp is TIMESTAMPTZ (stored in UTC, shown in the hospital's time zone);
--  * tokens carry a `version` for optimistic locking, and an `outbox` table carries the
--    events that the cdc-connector publishes to Kafka.
-- Monthly partitioning of `tokens` and the archive arrive with their own migration.

CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

CREATE TABLE hospitals (
    hospital_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    address TEXT NOT NULL,
    latitude DECIMAL(10, 8) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude DECIMAL(11, 8) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    geofence_radius INT NOT NULL DEFAULT 200 CHECK (geofence_radius > 0),
    timezone VARCHAR(50) NOT NULL DEFAULT 'Asia/Kolkata',
    operating_hours JSONB NOT NULL DEFAULT '{
        "monday": {"open": "08:00", "close": "20:00"},
        "tuesday": {"open": "08:00", "close": "20:00"}
    }',
    status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_hospitals_location ON hospitals USING GIST (ll_to_earth(latitude, longitude));

CREATE TABLE departments (
    dept_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    hospital_id UUID NOT NULL REFERENCES hospitals(hospital_id) ON DELETE CASCADE,
    name VARCHAR(100) NOT NULL,
    -- 004 also makes `code` unique on its own; a code is unique per hospital, so two
    -- hospitals may both have a CARD department.
    code VARCHAR(10) NOT NULL,
    avg_consultation_time INT NOT NULL CHECK (avg_consultation_time > 0),
    buffer_time INT NOT NULL DEFAULT 5 CHECK (buffer_time >= 0),
    max_tokens_per_day INT NOT NULL DEFAULT 100 CHECK (max_tokens_per_day > 0),
    color_code VARCHAR(7) NOT NULL DEFAULT '#007BFF' CHECK (color_code ~ '^#[0-9A-Fa-f]{6}$'),
    priority_level INT NOT NULL DEFAULT 1,
    status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (hospital_id, code)
);

CREATE INDEX idx_dept_hospital ON departments(hospital_id);
CREATE INDEX idx_dept_status ON departments(status) WHERE status = 'ACTIVE';

CREATE TABLE cabins (
    cabin_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    dept_id UUID NOT NULL REFERENCES departments(dept_id) ON DELETE CASCADE,
    cabin_number VARCHAR(20) NOT NULL,
    floor_number INT,
    capacity INT NOT NULL DEFAULT 1 CHECK (capacity > 0),
    equipment JSONB NOT NULL DEFAULT '[]',
    status VARCHAR(20) NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'OCCUPIED', 'MAINTENANCE')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (dept_id, cabin_number)
);

CREATE INDEX idx_cabin_dept ON cabins(dept_id);
CREATE INDEX idx_cabin_status ON cabins(status);

CREATE TABLE doctors (
    doctor_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    hospital_id UUID NOT NULL REFERENCES hospitals(hospital_id),
    emp_code VARCHAR(50) NOT NULL UNIQUE,
    name VARCHAR(255) NOT NULL,
    specialization VARCHAR(100) NOT NULL,
    primary_dept_id UUID REFERENCES departments(dept_id),
    phone VARCHAR(15) NOT NULL,
    email VARCHAR(255) UNIQUE,
    avg_consultation_time INT NOT NULL DEFAULT 15 CHECK (avg_consultation_time > 0),
    max_tokens_per_session INT NOT NULL DEFAULT 30 CHECK (max_tokens_per_session > 0),
    profile_image_url TEXT,
    status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ON_LEAVE', 'INACTIVE')),
    last_active_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_doctor_hospital ON doctors(hospital_id);
CREATE INDEX idx_doctor_dept ON doctors(primary_dept_id);
CREATE INDEX idx_doctor_status ON doctors(status);
CREATE INDEX idx_doctor_email ON doctors(email);

CREATE TABLE cabin_doctors (
    assignment_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    cabin_id UUID NOT NULL REFERENCES cabins(cabin_id) ON DELETE CASCADE,
    doctor_id UUID NOT NULL REFERENCES doctors(doctor_id) ON DELETE CASCADE,
    shift_date DATE NOT NULL,
    shift_start_time TIME NOT NULL,
    shift_end_time TIME NOT NULL,
    actual_start_time TIMESTAMPTZ,
    actual_end_time TIMESTAMPTZ,
    planned_tokens INT NOT NULL DEFAULT 30 CHECK (planned_tokens > 0),
    status VARCHAR(20) NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (shift_end_time > shift_start_time),
    UNIQUE (cabin_id, doctor_id, shift_date, shift_start_time)
);

CREATE INDEX idx_assignment_cabin ON cabin_doctors(cabin_id);
CREATE INDEX idx_assignment_doctor ON cabin_doctors(doctor_id);
CREATE INDEX idx_assignment_date ON cabin_doctors(shift_date);
CREATE INDEX idx_assignment_status ON cabin_doctors(status);

CREATE TABLE patients (
    patient_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    hospital_id UUID NOT NULL REFERENCES hospitals(hospital_id),
    -- 004 also makes `uhid` unique on its own; a UHID is issued by one hospital.
    uhid VARCHAR(50) NOT NULL,
    name VARCHAR(255) NOT NULL,
    phone VARCHAR(15) NOT NULL,
    email VARCHAR(255),
    date_of_birth DATE,
    gender VARCHAR(10),
    address TEXT,
    emergency_contact VARCHAR(15),
    fcm_token TEXT,
    whatsapp_opt_in BOOLEAN NOT NULL DEFAULT TRUE,
    sms_opt_in BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (hospital_id, uhid)
);

CREATE INDEX idx_patient_phone ON patients(phone);
CREATE INDEX idx_patient_uhid ON patients(uhid);

CREATE TABLE tokens (
    token_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    token_number VARCHAR(20) NOT NULL,
    patient_id UUID NOT NULL REFERENCES patients(patient_id),
    doctor_id UUID NOT NULL REFERENCES doctors(doctor_id),
    cabin_id UUID NOT NULL REFERENCES cabins(cabin_id),
    dept_id UUID NOT NULL REFERENCES departments(dept_id),
    hospital_id UUID NOT NULL REFERENCES hospitals(hospital_id),

    booking_type VARCHAR(20) NOT NULL DEFAULT 'WALK_IN' CHECK (booking_type IN ('WALK_IN', 'ONLINE', 'EMERGENCY')),
    priority INT NOT NULL DEFAULT 1 CHECK (priority BETWEEN 1 AND 3),

    status VARCHAR(20) NOT NULL DEFAULT 'BOOKED',

    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    scheduled_time TIMESTAMPTZ NOT NULL,
    -- The day the token number counts in, in the hospital's time zone.
    service_date DATE NOT NULL,
    check_in_time TIMESTAMPTZ,
    check_in_latitude DECIMAL(10, 8),
    check_in_longitude DECIMAL(11, 8),
    called_time TIMESTAMPTZ,
    consultation_start_time TIMESTAMPTZ,
    consultation_end_time TIMESTAMPTZ,

    queue_position INT,
    estimated_wait_time INT,
    eta_updated_at TIMESTAMPTZ,

    visit_reason TEXT,
    notes JSONB NOT NULL DEFAULT '{}',
    cancellation_reason TEXT,

    version BIGINT NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT chk_status CHECK (status IN (
        'BOOKED', 'CHECKED_IN', 'WAITING', 'IN_CONSULTATION',
        'COMPLETED', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED'
    )),
    UNIQUE (dept_id, service_date, token_number)
);

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

-- Gap-free token numbers: one row per department and day, incremented in the same
-- transaction that inserts the token, so a rolled-back issue leaves no hole.
CREATE TABLE token_sequences (
    dept_id UUID NOT NULL REFERENCES departments(dept_id) ON DELETE CASCADE,
    service_date DATE NOT NULL,
    last_number INT NOT NULL,
    PRIMARY KEY (dept_id, service_date)
);

CREATE TABLE token_history (
    history_id BIGSERIAL PRIMARY KEY,
    token_id UUID NOT NULL REFERENCES tokens(token_id) ON DELETE CASCADE,
    previous_status VARCHAR(20),
    new_status VARCHAR(20) NOT NULL,
    changed_by UUID,
    change_reason VARCHAR(255),
    metadata JSONB NOT NULL DEFAULT '{}',
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_history_token ON token_history(token_id);
CREATE INDEX idx_history_timestamp ON token_history(changed_at);

CREATE TABLE schedule_exceptions (
    exception_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    doctor_id UUID NOT NULL REFERENCES doctors(doctor_id) ON DELETE CASCADE,
    exception_type VARCHAR(20) NOT NULL,
    start_datetime TIMESTAMPTZ NOT NULL,
    end_datetime TIMESTAMPTZ NOT NULL,
    reason TEXT,
    affected_tokens_count INT NOT NULL DEFAULT 0,
    redistribution_status VARCHAR(20) NOT NULL DEFAULT 'PENDING'
        CHECK (redistribution_status IN ('PENDING', 'REDISTRIBUTED', 'RESCHEDULED', 'CANCELLED')),
    approver_id UUID REFERENCES doctors(doctor_id),
    approved_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT chk_exception_type CHECK (exception_type IN (
        'PLANNED_LEAVE', 'UNPLANNED_LEAVE', 'EMERGENCY', 'TRAINING', 'SURGERY'
    )),
    CHECK (end_datetime > start_datetime)
);

CREATE INDEX idx_exception_doctor ON schedule_exceptions(doctor_id);
CREATE INDEX idx_exception_dates ON schedule_exceptions(start_datetime, end_datetime);

CREATE TABLE doctor_performance_metrics (
    metric_id BIGSERIAL PRIMARY KEY,
    doctor_id UUID NOT NULL REFERENCES doctors(doctor_id),
    metric_date DATE NOT NULL,
    tokens_scheduled INT NOT NULL DEFAULT 0,
    tokens_completed INT NOT NULL DEFAULT 0,
    tokens_no_show INT NOT NULL DEFAULT 0,
    avg_consultation_time_mins NUMERIC(5,2),
    avg_wait_time_mins NUMERIC(5,2),
    first_patient_delay_mins INT,
    last_patient_time TIME,
    idle_time_mins INT NOT NULL DEFAULT 0,
    break_time_mins INT NOT NULL DEFAULT 0,
    utilization_rate NUMERIC(5,2),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (doctor_id, metric_date)
);

CREATE INDEX idx_metrics_doctor ON doctor_performance_metrics(doctor_id);
CREATE INDEX idx_metrics_date ON doctor_performance_metrics(metric_date);

CREATE TABLE system_alerts (
    alert_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    alert_type VARCHAR(50) NOT NULL,
    severity VARCHAR(20) NOT NULL DEFAULT 'INFO' CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    entity_type VARCHAR(50),
    entity_id UUID,
    message TEXT NOT NULL,
    metadata JSONB NOT NULL DEFAULT '{}',
    is_resolved BOOLEAN NOT NULL DEFAULT FALSE,
    resolved_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_alerts_unresolved ON system_alerts(created_at) WHERE is_resolved = FALSE;
CREATE INDEX idx_alerts_severity ON system_alerts(severity);

CREATE TABLE notifications_log (
    notification_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    patient_id UUID NOT NULL REFERENCES patients(patient_id),
    token_id UUID REFERENCES tokens(token_id),
    channel VARCHAR(20) NOT NULL CHECK (channel IN ('SMS', 'WHATSAPP', 'PUSH', 'EMAIL')),
    event_type VARCHAR(50) NOT NULL,
    message TEXT NOT NULL,
    phone_number VARCHAR(15),
    delivery_status VARCHAR(20) NOT NULL DEFAULT 'PENDING'
        CHECK (delivery_status IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED')),
    external_id VARCHAR(255),
    sent_at TIMESTAMPTZ,
    delivered_at TIMESTAMPTZ,
    failed_reason TEXT,
    retry_count INT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_notif_patient ON notifications_log(patient_id);
CREATE INDEX idx_notif_token ON notifications_log(token_id);
CREATE INDEX idx_notif_status ON notifications_log(delivery_status) WHERE delivery_status = 'PENDING';
-- One message per token, event and channel: a replayed event never sends twice.
CREATE UNIQUE INDEX uq_notif_token_event_channel ON notifications_log(token_id, event_type, channel);

-- Transactional outbox in the shape Debezium's outbox event router expects.
-- aggregatetype routes to the topic opd.<aggregatetype>; aggregateid is the Kafka key.
CREATE TABLE outbox (
    id UUID PRIMARY KEY,
    aggregatetype VARCHAR(64) NOT NULL,
    aggregateid VARCHAR(64) NOT NULL,
    type VARCHAR(64) NOT NULL,
    schema_version INT NOT NULL,
    payload JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_outbox_created ON outbox(created_at);

CREATE VIEW vw_live_queue AS
SELECT
    t.token_id,
    t.token_number,
    p.name AS patient_name,
    p.phone AS patient_phone,
    d.name AS doctor_name,
    dept.name AS department_name,
    c.cabin_number,
    t.status,
    t.queue_position,
    t.estimated_wait_time,
    t.scheduled_time,
    t.check_in_time,
    EXTRACT(EPOCH FROM (now() - t.check_in_time)) / 60 AS actual_wait_mins
FROM tokens t
JOIN patients p ON t.patient_id = p.patient_id
JOIN doctors d ON t.doctor_id = d.doctor_id
JOIN departments dept ON t.dept_id = dept.dept_id
JOIN cabins c ON t.cabin_id = c.cabin_id
WHERE t.status IN ('CHECKED_IN', 'WAITING', 'IN_CONSULTATION')
AND DATE(t.scheduled_time) = CURRENT_DATE
ORDER BY t.queue_position;

CREATE VIEW vw_doctor_status AS
SELECT
    d.doctor_id,
    d.name AS doctor_name,
    d.specialization,
    cd.cabin_id,
    c.cabin_number,
    COUNT(t.token_id) FILTER (WHERE t.status = 'WAITING') AS pending_tokens,
    MAX(t.consultation_start_time) AS last_consult_start,
    CASE
        WHEN EXISTS (SELECT 1 FROM tokens WHERE doctor_id = d.doctor_id
                     AND status = 'IN_CONSULTATION')
        THEN 'BUSY'
        WHEN cd.status = 'ACTIVE' THEN 'AVAILABLE'
        ELSE 'OFFLINE'
    END AS current_status
FROM doctors d
LEFT JOIN cabin_doctors cd ON d.doctor_id = cd.doctor_id
    AND cd.shift_date = CURRENT_DATE AND cd.status = 'ACTIVE'
LEFT JOIN cabins c ON cd.cabin_id = c.cabin_id
LEFT JOIN tokens t ON d.doctor_id = t.doctor_id
    AND DATE(t.scheduled_time) = CURRENT_DATE
GROUP BY d.doctor_id, d.name, d.specialization, cd.cabin_id, c.cabin_number, cd.status;

-- The seed ETA, kept unchanged as the baseline the eta-calculator is measured against.
CREATE OR REPLACE FUNCTION calculate_token_eta(p_token_id UUID) RETURNS INT AS $$
DECLARE
    v_estimated_wait INT;
    v_queue_position INT;
    v_doctor_id UUID;
    v_avg_consult_time INT;
    v_tokens_ahead INT;
    v_current_consult_start TIMESTAMPTZ;
    v_time_elapsed INT;
BEGIN
    SELECT doctor_id, queue_position INTO v_doctor_id, v_queue_position
    FROM tokens WHERE token_id = p_token_id;

    SELECT COALESCE(avg_consultation_time, 15) INTO v_avg_consult_time
    FROM doctors WHERE doctor_id = v_doctor_id;

    SELECT COUNT(*) INTO v_tokens_ahead
    FROM tokens
    WHERE doctor_id = v_doctor_id
    AND queue_position < v_queue_position
    AND status IN ('WAITING', 'IN_CONSULTATION');

    SELECT consultation_start_time INTO v_current_consult_start
    FROM tokens
    WHERE doctor_id = v_doctor_id AND status = 'IN_CONSULTATION'
    LIMIT 1;

    IF v_current_consult_start IS NOT NULL THEN
        v_time_elapsed := EXTRACT(EPOCH FROM (now() - v_current_consult_start)) / 60;
        v_estimated_wait := GREATEST(0, v_avg_consult_time - v_time_elapsed);
    ELSE
        v_estimated_wait := 0;
    END IF;

    v_estimated_wait := v_estimated_wait + (v_tokens_ahead * v_avg_consult_time);
    v_estimated_wait := v_estimated_wait + (v_tokens_ahead * 5);

    RETURN v_estimated_wait;
END;
$$ LANGUAGE plpgsql;
