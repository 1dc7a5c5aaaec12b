package org.opd.eta.streams;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** DOWN unless the queue topology is starting, rebalancing or running. */
class QueueStreamsHealthIndicator implements HealthIndicator {

    private static final Set<KafkaStreams.State> DOWN = EnumSet.of(KafkaStreams.State.PENDING_SHUTDOWN,
            KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR);

    private final Supplier<KafkaStreams.State> state;

    /** @param state the Kafka Streams client's state, null while it is not started */
    QueueStreamsHealthIndicator(Supplier<KafkaStreams.State> state) {
        this.state = state;
    }

    @Override
    public Health health() {
        KafkaStreams.State current = state.get();
        if (current == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        return (DOWN.contains(current) ? Health.down() : Health.up()).withDetail("state", current.name()).build();
    }
}
