package org.opd.orchestrator.outbox;

import org.opd.orchestrator.jdbc.Sql;
import org.opd.schemas.kafka.JsonSerde;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Appends events to the outbox table. Only inside the transaction of the change the event
 * describes: the event is published (by change data capture) if and only if the change commits.
 */
@Component
public class OutboxWriter {

    private final JdbcClient jdbc;

    OutboxWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxEvent event) {
        jdbc.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, schema_version, payload)
                        VALUES (:id, :aggregateType, :aggregateId, :type, :schemaVersion, :payload)
                        """)
                .param("id", event.id())
                .param("aggregateType", event.aggregateType())
                .param("aggregateId", event.aggregateId())
                .param("type", event.type())
                .param("schemaVersion", event.schemaVersion())
                .param("payload", Sql.jsonb(json(event)))
                .update();
    }

    private static String json(OutboxEvent event) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.id() + " is not writable as JSON", e);
        }
    }
}
