package org.opd.schemas.kafka;

/** Kafka header names every published event carries (UTF-8 text values). */
public final class EventHeaders {

    /** The event's unique id; consumers drop duplicates by it. */
    public static final String EVENT_ID = "eventId";

    /** The event type, e.g. {@code TOKEN_ISSUED} or {@code SHIFT_STARTED}. */
    public static final String EVENT_TYPE = "eventType";

    /** The contract version the payload was written with, e.g. {@code "1"}. */
    public static final String SCHEMA_VERSION = "schemaVersion";

    private EventHeaders() {
    }
}
