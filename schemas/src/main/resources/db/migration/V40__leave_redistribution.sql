-- Leave redistribution (issue 13): what becomes of a token no other doctor has room for, by the
-- department's rule, and what each applied plan did, so that applying a plan twice moves nobody twice.
ALTER TABLE departments
    ADD COLUMN unplaced_token_rule VARCHAR(20) NOT NULL DEFAULT 'RESCHEDULE'
        CHECK (unplaced_token_rule IN ('RESCHEDULE', 'CANCEL'));

-- One applied plan per exception: the fingerprint of the plan as previewed, and when it was applied.
CREATE TABLE redistribution_plans (
    exception_id UUID PRIMARY KEY REFERENCES schedule_exceptions(exception_id) ON DELETE CASCADE,
    plan_version VARCHAR(64) NOT NULL,
    applied_by UUID,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per affected token, written in the token's own transaction: the primary key is what stops
-- a second move of the same token for the same exception.
CREATE TABLE redistribution_moves (
    exception_id UUID NOT NULL REFERENCES redistribution_plans(exception_id) ON DELETE CASCADE,
    token_id UUID NOT NULL,
    outcome VARCHAR(20) NOT NULL CHECK (outcome IN ('REDISTRIBUTED', 'RESCHEDULED', 'CANCELLED')),
    from_doctor_id UUID NOT NULL,
    to_doctor_id UUID,
    new_token_id UUID,
    expected_wait_minutes INT,
    moved_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (exception_id, token_id)
);
CREATE INDEX idx_redistribution_moves_token ON redistribution_moves(token_id);
