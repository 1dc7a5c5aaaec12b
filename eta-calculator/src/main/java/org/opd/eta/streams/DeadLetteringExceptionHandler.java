package org.opd.eta.streams;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.opd.eta.deadletter.DeadLetters;

/**
 * A record the queue topology cannot read is set aside ({@link DeadLetters}) and the topology goes on
 * with the next one. If it cannot be set aside, the thread fails and is replaced ({@link ThreadFailurePolicy}),
 * so the record is read again rather than lost.
 */
public class DeadLetteringExceptionHandler implements DeserializationExceptionHandler {

    /** Streams configuration entry holding the service's {@link DeadLetters}: Kafka Streams makes this handler per thread. */
    static final String DEAD_LETTERS_CONFIG = "opd.dead-letters";

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = (DeadLetters) configs.get(DEAD_LETTERS_CONFIG);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        return deadLetters.setAside(record, exception) ? DeserializationHandlerResponse.CONTINUE
                : DeserializationHandlerResponse.FAIL;
    }
}
