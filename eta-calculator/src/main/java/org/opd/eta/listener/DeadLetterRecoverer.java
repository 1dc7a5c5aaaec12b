package org.opd.eta.listener;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.opd.eta.deadletter.DeadLetters;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Sets an unreadable record of a listener container aside through the service's {@link DeadLetters}, as the
 * topology does: the bytes as they came, the reason in the headers. If it cannot be written, the failure goes
 * back to the container's error handler, which hands the record over again: it is never skipped unwritten.
 */
final class DeadLetterRecoverer implements ConsumerRecordRecoverer {

    private final DeadLetters deadLetters;

    DeadLetterRecoverer(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        DeserializationException unreadable = UnreadableRecords.failureOf(record);
        if (unreadable == null) {
            // Only unreadable records are classified as not worth retrying (ListenerContainers).
            throw new IllegalStateException("Only an unreadable record is set aside, not " + record.topic() + "-"
                    + record.partition() + "@" + record.offset(), failure);
        }
        if (!deadLetters.setAside(asRead(record, unreadable), reason(unreadable))) {
            throw new IllegalStateException("Unreadable record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " could not be set aside; it is handed over again");
        }
    }

    /** The record as the broker held it; without the deserializer's own header, a serialized exception of no use to a replay. */
    private static ConsumerRecord<byte[], byte[]> asRead(ConsumerRecord<?, ?> record, DeserializationException unreadable) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        byte[] key = record.key() == null ? null : record.key().toString().getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), key, unreadable.getData(),
                headers, record.leaderEpoch());
    }

    /** The serde's own failure, as the topology's dead letters name it. */
    private static Exception reason(DeserializationException unreadable) {
        return Optional.ofNullable(unreadable.getCause()).filter(Exception.class::isInstance).map(Exception.class::cast)
                .orElse(unreadable);
    }
}
