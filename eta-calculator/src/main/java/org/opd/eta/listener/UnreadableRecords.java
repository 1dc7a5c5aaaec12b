package org.opd.eta.listener;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Records whose value the {@code ErrorHandlingDeserializer} could not read: it hands them over with a null
 * value and the failure in a header. A batch listener must say which one it was, so that the error handler
 * dead-letters that record and hands the rest of the batch over again.
 */
final class UnreadableRecords {

    private static final LogAccessor log = new LogAccessor(UnreadableRecords.class);

    private UnreadableRecords() {
    }

    /**
     * Hands the batch up to its first unreadable record to the handler, then fails on that record; a
     * batch without one is handed over whole.
     *
     * @throws BatchListenerFailedException naming the unreadable record, once the records before it are handled
     */
    static <K, V> void handleUpToFirst(List<ConsumerRecord<K, V>> records, Consumer<List<ConsumerRecord<K, V>>> handler) {
        for (int index = 0; index < records.size(); index++) {
            DeserializationException failure = failureOf(records.get(index));
            if (failure != null) {
                handler.accept(records.subList(0, index));
                throw new BatchListenerFailedException("Unreadable record", failure, index);
            }
        }
        handler.accept(records);
    }

    /** Why the record's value could not be read, or null if it was read (a tombstone included). */
    static DeserializationException failureOf(ConsumerRecord<?, ?> record) {
        if (record.value() != null) {
            return null;
        }
        return SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
    }
}
