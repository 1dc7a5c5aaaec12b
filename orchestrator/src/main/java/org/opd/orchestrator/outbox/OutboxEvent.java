package org.opd.orchestrator.outbox;

import java.util.UUID;

/**
 * One row of the transactional outbox, in the shape the cdc-connector publishes.
 *
 * @param id            the event id; consumers drop duplicates by it
 * @param aggregateType picks the topic ({@code opd.<aggregateType>})
 * @param aggregateId   the Kafka key (a doctor id), so one doctor's events stay in order
 * @param type          the event type name
 * @param payload       the event record, written as JSON with the shared event mapping
 */
public record OutboxEvent(
        UUID id,
        String aggregateType,
        String aggregateId,
        String type,
        int schemaVersion,
        Object payload) {
}
