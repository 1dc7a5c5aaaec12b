package org.opd.eta.streams;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record the queue topology cannot read is set aside ({@link TopologyDeadLetters}) and the topology goes on
 * with the next one. If it cannot be set aside, the thread fails and is replaced ({@link ThreadFailurePolicy}),
 * so the record is read again rather than lost.
 */
public class DeadLetteringExceptionHandler implements DeserializationExceptionHandler {

    private TopologyDeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = (TopologyDeadLetters) configs.get(TopologyDeadLetters.CONFIG);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        return deadLetters.setAside(record, exception) ? DeserializationHandlerResponse.CONTINUE
                : DeserializationHandlerResponse.FAIL;
    }
}
