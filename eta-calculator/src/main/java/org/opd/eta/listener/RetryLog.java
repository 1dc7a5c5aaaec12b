package org.opd.eta.listener;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.RetryListener;

/** A warning per failed attempt at a batch, so that an outage of Redis or PostgreSQL shows while it lasts. */
final class RetryLog implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(RetryLog.class);

    private final Duration backOff;

    RetryLog(Duration backOff) {
        this.backOff = backOff;
    }

    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
        if (namesOneRecord(failure)) {
            return; // an unreadable record, set aside at once: DeadLetters says so
        }
        log.warn("{} record(s) of {} not taken (attempt {}); handing them over again in {}: {}", records.count(),
                records.partitions(), attempt, backOff, rootCause(failure).toString());
    }

    /** Only an unreadable record fails alone here, and it is set aside at once; DeadLetters says so. */
    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
    }

    private static boolean namesOneRecord(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
