-- Outbound webhooks: a hospital's systems subscribe to token and alert events; the notifier delivers them
-- from Kafka, signed with the subscription's secret, and logs every attempt (docs/webhooks.md).

CREATE TABLE webhook_subscriptions (
    subscription_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    hospital_id     UUID NOT NULL REFERENCES hospitals(hospital_id) ON DELETE CASCADE,
    target_url      TEXT NOT NULL,
    -- Names of the webhook event catalogue (org.opd.notifier.outbound.WebhookEventTypes), checked by the API.
    event_types     TEXT[] NOT NULL CHECK (cardinality(event_types) > 0),
    -- The HMAC key. Shown to the administrator once, when the subscription is made; the notifier signs with it.
    secret          TEXT NOT NULL,
    description     TEXT,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_by      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_webhook_subscriptions_hospital ON webhook_subscriptions (hospital_id) WHERE active;

-- One row per event and subscription, written before anything is sent: a consumer that restarts and reads the
-- event again finds the row and sends nothing twice. A replay is a new row of the same event (replay_of set).
CREATE TABLE webhook_deliveries (
    delivery_id        UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    subscription_id    UUID NOT NULL REFERENCES webhook_subscriptions(subscription_id) ON DELETE CASCADE,
    hospital_id        UUID NOT NULL,
    event_id           UUID NOT NULL,
    event_type         TEXT NOT NULL,
    -- The JSON body exactly as it is sent and signed (ids, states and times; no names, no phone numbers).
    payload            TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts           INT NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Set while an attempt is in flight; a row claimed longer ago than the in-flight timeout is due again.
    attempt_started_at TIMESTAMPTZ,
    last_error         TEXT,
    replay_of          UUID REFERENCES webhook_deliveries(delivery_id),
    replayed_by        TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at       TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ
);
CREATE UNIQUE INDEX uq_webhook_deliveries_event ON webhook_deliveries (subscription_id, event_id) WHERE replay_of IS NULL;
-- A failed delivery is replayed once; a replay that fails again is itself replayed.
CREATE UNIQUE INDEX uq_webhook_deliveries_replay ON webhook_deliveries (replay_of) WHERE replay_of IS NOT NULL;
CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX idx_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);

-- Every attempt: when, how long, the receiver's status code or the error.
CREATE TABLE webhook_delivery_attempts (
    delivery_id    UUID NOT NULL REFERENCES webhook_deliveries(delivery_id) ON DELETE CASCADE,
    attempt_number INT NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    duration_ms    BIGINT NOT NULL,
    status_code    INT,
    error          TEXT,
    PRIMARY KEY (delivery_id, attempt_number)
);
