package org.opd.cdc.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.connect.source.SourceRecord;
import org.opd.cdc.capture.CommitTimeHeader;
import org.opd.schemas.kafka.EventHeaders;

/**
 * One outbox row as the outbox event router hands it over: topic from the aggregate type, key the
 * aggregate id (a doctor id), value the payload column, and the row's other columns as headers.
 *
 * @param payload    the payload column's JSON text; a jsonb column arrives as text, so it is published
 *                   as these bytes, not re-encoded as a JSON string
 * @param createdAt  when the outbox row was written
 * @param committedAt when its transaction committed, the start of the capture lag
 */
public record OutboxEvent(
        String topic,
        String key,
        String payload,
        String eventId,
        String eventType,
        String schemaVersion,
        Instant createdAt,
        Instant committedAt) {

    /** Only between the router and this class; the Kafka record does not carry it. */
    public static final String HEADER_CREATED_AT = "createdAt";

    public static OutboxEvent from(SourceRecord record) {
        String eventId = header(record, EventHeaders.EVENT_ID);
        if (!(record.key() instanceof String key) || !(record.value() instanceof String payload)) {
            throw new IllegalStateException("Event " + eventId + " for " + record.topic()
                    + " has no text key and JSON payload; is the outbox router configured?");
        }
        // Debezium renders timestamptz columns as ISO-8601 text.
        Instant createdAt = OffsetDateTime.parse(header(record, HEADER_CREATED_AT)).toInstant();
        var commitTime = record.headers().lastWithName(CommitTimeHeader.HEADER);
        return new OutboxEvent(record.topic(), key, payload, eventId,
                header(record, EventHeaders.EVENT_TYPE),
                header(record, EventHeaders.SCHEMA_VERSION),
                createdAt,
                commitTime != null && commitTime.value() instanceof Long ms ? Instant.ofEpochMilli(ms) : createdAt);
    }

    ProducerRecord<byte[], byte[]> toProducerRecord() {
        List<Header> headers = List.of(
                utf8Header(EventHeaders.EVENT_ID, eventId),
                utf8Header(EventHeaders.EVENT_TYPE, eventType),
                utf8Header(EventHeaders.SCHEMA_VERSION, schemaVersion));
        return new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static String header(SourceRecord record, String name) {
        var header = record.headers().lastWithName(name);
        if (header == null || header.value() == null) {
            throw new IllegalStateException("Record for " + record.topic() + " at " + record.sourceOffset()
                    + " lacks header " + name + "; only outbox rows are expected");
        }
        return header.value().toString();
    }

    private static Header utf8Header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
