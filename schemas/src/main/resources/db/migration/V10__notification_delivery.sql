-- What the notifier needs to deliver each notifications_log row once, on time (issue 6).
--
-- next_attempt_at:    when the row is due to be (re)tried; back-off, Retry-After, an open circuit
--                     breaker or the provider's rate limit move it later.
-- attempt_started_at: set, in its own committed statement, just before the provider is called and
--                     cleared with the outcome. A PENDING row still carrying it long after the
--                     request timeout means the notifier stopped mid-send: the message may have gone
--                     out, so it is reconciled to FAILED rather than sent again (at most once).
ALTER TABLE notifications_log
    ADD COLUMN next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN attempt_started_at TIMESTAMPTZ;

CREATE INDEX idx_notif_due ON notifications_log(next_attempt_at) WHERE delivery_status = 'PENDING';

-- Provider status callbacks name the message by the provider's id.
CREATE INDEX idx_notif_external ON notifications_log(channel, external_id) WHERE external_id IS NOT NULL;

-- The language a patient reads their messages in (e.g. 'en', 'hi'); NULL: the notifier's default.
ALTER TABLE patients ADD COLUMN preferred_language VARCHAR(10);
