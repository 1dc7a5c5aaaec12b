-- What a token is linked to beyond spec 004's columns:
--  * assignment_id: the shift (cabin_doctors row) the token was issued for, so the doctor's
--    max_tokens_per_session is counted per shift;
--  * rescheduled_from: the token this one replaces (the old one ends RESCHEDULED).
ALTER TABLE tokens ADD COLUMN assignment_id UUID REFERENCES cabin_doctors(assignment_id);
ALTER TABLE tokens ADD COLUMN rescheduled_from UUID REFERENCES tokens(token_id);

CREATE INDEX idx_token_assignment ON tokens(assignment_id);
CREATE UNIQUE INDEX uq_token_rescheduled_from ON tokens(rescheduled_from);
-- Finds called tokens whose patient did not come in, for the automatic no-show.
CREATE INDEX idx_token_called ON tokens(called_time) WHERE status = 'WAITING' AND called_time IS NOT NULL;
