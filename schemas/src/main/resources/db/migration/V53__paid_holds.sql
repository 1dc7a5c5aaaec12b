-- Paid bookings (spec 000): a doctor's booking fee; the payment link of a held appointment
-- (spec 000 paylinks, here Razorpay Payment Links); the provider's webhook events already handled,
-- so that a replayed event changes nothing.
CREATE TABLE doctor_booking_fees (
    doctor_id UUID PRIMARY KEY REFERENCES doctors(doctor_id) ON DELETE CASCADE,
    -- In the currency's smallest unit (paise), as the provider takes it.
    amount_minor INT NOT NULL CHECK (amount_minor > 0),
    currency CHAR(3) NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE payment_links (
    appointment_id UUID PRIMARY KEY REFERENCES appointments(appointment_id) ON DELETE CASCADE,
    provider_link_id VARCHAR(64) NOT NULL UNIQUE,
    short_url TEXT NOT NULL,
    amount_minor INT NOT NULL CHECK (amount_minor > 0),
    currency CHAR(3) NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    -- PAID_LATE: paid after the hold had lapsed and the slot was freed; REFUND_DUE: paid, then the
    -- appointment was cancelled. Both are owed back in full (specs 000–003 set no cancellation fee).
    -- CANCELLED: the held appointment was cancelled before payment, and the link with it.
    status VARCHAR(20) NOT NULL DEFAULT 'CREATED'
        CHECK (status IN ('CREATED', 'PAID', 'PAID_LATE', 'REFUND_DUE', 'EXPIRED', 'CANCELLED')),
    provider_payment_id VARCHAR(64),
    paid_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE payment_webhook_events (
    provider VARCHAR(20) NOT NULL,
    event_id VARCHAR(100) NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);
