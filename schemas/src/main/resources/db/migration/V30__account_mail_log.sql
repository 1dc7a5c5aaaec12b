-- E-mails of staff account links (confirmation, password reset) the notifier sent: one row per
-- event, so a redelivered event mails nothing twice. No address and no token: the account id and
-- what the link was for are enough to answer "was it sent, and when".
CREATE TABLE account_mail_log (
    event_id UUID PRIMARY KEY,
    account_id UUID NOT NULL REFERENCES staff_accounts(account_id) ON DELETE CASCADE,
    purpose VARCHAR(20) NOT NULL CHECK (purpose IN ('CONFIRM_EMAIL', 'RESET_PASSWORD')),
    sent_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_account_mail_log_account ON account_mail_log (account_id, sent_at);
