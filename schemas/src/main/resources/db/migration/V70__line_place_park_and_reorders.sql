-- Issue 13: one call order with a fairness bound, park and recall, and the record of reorders.
--
-- tokens.line_place_at is the token's place in its doctor's call order (CallOrder in schemas):
-- its check-in time less its priority's head start (PriorityHeadStart), moved by a recall to the
-- front or back or by a transfer. tokens.parked_at is set while the patient has stepped out.
ALTER TABLE tokens ADD COLUMN line_place_at TIMESTAMPTZ, ADD COLUMN parked_at TIMESTAMPTZ;
-- tokens_archive keeps the same columns in the same order (V5).
ALTER TABLE tokens_archive ADD COLUMN line_place_at TIMESTAMPTZ, ADD COLUMN parked_at TIMESTAMPTZ;

-- Tokens already checked in take the place the old order gave them, under PriorityHeadStart.DEFAULTS
-- (senior 20 min, emergency 60 min); later ones get theirs from the orchestrator at check-in.
UPDATE tokens SET line_place_at = check_in_time - CASE priority WHEN 3 THEN INTERVAL '60 minutes'
                                                                WHEN 2 THEN INTERVAL '20 minutes'
                                                                ELSE INTERVAL '0' END
WHERE check_in_time IS NOT NULL;

-- Every change that put a token ahead of others already waiting in a doctor's line, for operators:
-- the tokens it overtook, and, for a priority arrival, those the fairness bound kept ahead of it.
CREATE TABLE queue_reorders (
    reorder_id          UUID PRIMARY KEY,
    doctor_id           UUID NOT NULL REFERENCES doctors(doctor_id),
    token_id            UUID NOT NULL,
    reason              VARCHAR(20) NOT NULL CHECK (reason IN ('PRIORITY', 'RECALLED_TO_FRONT', 'TRANSFERRED')),
    priority            INT NOT NULL,
    line_place_at       TIMESTAMPTZ NOT NULL,
    overtaken_token_ids UUID[] NOT NULL,
    held_ahead_token_ids UUID[] NOT NULL,
    occurred_at         TIMESTAMPTZ NOT NULL,
    changed_by          UUID
);
CREATE INDEX idx_queue_reorders_doctor_time ON queue_reorders(doctor_id, occurred_at);
