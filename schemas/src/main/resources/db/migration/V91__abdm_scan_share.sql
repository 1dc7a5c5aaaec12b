-- ABDM Scan & Share: the patient's ABHA number and address, which counter (HIP id and counter code
-- of the facility's QR) stands for which department, and the tokens issued to shared profiles, so
-- that a replayed share (same request id, or the same ABHA number at the same department that day)
-- gets the token it got first.
ALTER TABLE patients ADD COLUMN abha_number VARCHAR(17);
ALTER TABLE patients ADD COLUMN abha_address VARCHAR(100);
CREATE UNIQUE INDEX idx_patients_abha_number ON patients(hospital_id, abha_number) WHERE abha_number IS NOT NULL;

CREATE TABLE abdm_counters (
    hip_id VARCHAR(50) NOT NULL,
    counter_code VARCHAR(50) NOT NULL,
    dept_id UUID NOT NULL REFERENCES departments(dept_id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (hip_id, counter_code)
);
CREATE INDEX idx_abdm_counters_dept ON abdm_counters(dept_id);

CREATE TABLE abdm_share_tokens (
    share_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    dept_id UUID NOT NULL REFERENCES departments(dept_id) ON DELETE CASCADE,
    abha_number VARCHAR(17) NOT NULL,
    -- The day in the hospital's time zone.
    share_day DATE NOT NULL,
    patient_id UUID NOT NULL REFERENCES patients(patient_id) ON DELETE CASCADE,
    -- No foreign key: tokens are partitioned by day and move to the archive.
    token_id UUID NOT NULL,
    token_number VARCHAR(20) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (dept_id, abha_number, share_day)
);

CREATE TABLE abdm_share_requests (
    request_id VARCHAR(64) PRIMARY KEY,
    share_id UUID NOT NULL REFERENCES abdm_share_tokens(share_id) ON DELETE CASCADE,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
