-- The first answer to each POST sent with an Idempotency-Key. The row is written in the
-- transaction of the change it answers, so a key is stored if and only if its change is:
-- a retry finds the answer and changes nothing, and a failed first try leaves no key behind.
CREATE TABLE idempotency_keys (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    -- SHA-256 (hex) of method, path, query and body: the same key with another request is refused.
    request_hash CHAR(64) NOT NULL,
    -- Null only inside the first request's own transaction, before its answer is known.
    response_status INT,
    response_content_type VARCHAR(255),
    response_location TEXT,
    response_etag VARCHAR(64),
    response_body TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_idempotency_created ON idempotency_keys(created_at);
