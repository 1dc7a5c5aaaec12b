package org.opd.schemas.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.opd.schemas.kafka.Topics;

/**
 * The operations alert of a consumer that set records of a topic aside: one open alert per consumer and
 * topic (raised again, it updates the count), resolved by the replay. Names the exception's class only:
 * its message may quote the record.
 */
public final class DeadLetterAlert {

    public static final String ENTITY_TYPE = "TOPIC";

    private DeadLetterAlert() {
    }

    public static OperationsAlert raised(String consumer, String topic, long deadLetters, String reasonClass, Instant at) {
        return new OperationsAlert(OperationsAlert.SCHEMA_VERSION, UUID.randomUUID(), AlertType.DEAD_LETTERS,
                AlertSeverity.CRITICAL, ENTITY_TYPE, entityId(consumer, topic), null, null,
                deadLetters + " record(s) of " + topic + " could not be handled by " + consumer + " since it started,"
                        + " and wait in " + Topics.deadLettersOf(topic) + " (deploy/bin/replay-dead-letters.sh " + topic + ")",
                Map.of("consumer", consumer, "topic", topic, "deadLetterTopic", Topics.deadLettersOf(topic),
                        "deadLetters", deadLetters, "lastReason", reasonClass),
                false, at);
    }

    public static OperationsAlert resolved(String consumer, String topic, Instant at) {
        return new OperationsAlert(OperationsAlert.SCHEMA_VERSION, UUID.randomUUID(), AlertType.DEAD_LETTERS,
                AlertSeverity.CRITICAL, ENTITY_TYPE, entityId(consumer, topic), null, null,
                "The dead letters of " + topic + " for " + consumer + " were replayed", Map.of(), true, at);
    }

    /** Stable per consumer and topic, so a raise updates the open alert and the replay resolves it. */
    static UUID entityId(String consumer, String topic) {
        return UUID.nameUUIDFromBytes((consumer + "\n" + topic).getBytes(StandardCharsets.UTF_8));
    }
}
