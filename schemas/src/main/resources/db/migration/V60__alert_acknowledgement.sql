-- Operators acknowledge an open alert (someone is on it) and resolve it by hand; who did each is kept.
-- The eta-calculator still resolves an alert whose condition passed (resolved_by stays NULL then).
ALTER TABLE system_alerts
    ADD COLUMN acknowledged_at TIMESTAMPTZ,
    ADD COLUMN acknowledged_by UUID,
    ADD COLUMN resolved_by UUID;
