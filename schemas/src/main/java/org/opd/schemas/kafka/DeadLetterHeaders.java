package org.opd.schemas.kafka;

/**
 * Headers of a dead letter: where it came from and why it was set aside. The names are spring-kafka's
 * ({@code KafkaHeaders.DLT_*}), which its {@code DeadLetterPublishingRecoverer} writes in the notifier; the
 * eta-calculator's Kafka Streams handler writes the same, so one replay command reads both.
 */
public final class DeadLetterHeaders {

    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    /** Every header spring-kafka adds starts so: a replay leaves them out. */
    public static final String PREFIX = "kafka_dlt-";
    /** Which consumer set it aside (the service and its consumer), ours. */
    public static final String CONSUMER = "opd-dead-letter-consumer";

    private DeadLetterHeaders() {
    }
}
