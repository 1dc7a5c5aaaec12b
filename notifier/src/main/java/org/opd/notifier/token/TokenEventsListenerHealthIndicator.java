package org.opd.notifier.token;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/** UP while the consumer of {@code opd.token-events} runs; without it no patient hears from us. */
@Component
class TokenEventsListenerHealthIndicator extends AbstractHealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    TokenEventsListenerHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MessageListenerContainer container = registry.getListenerContainer(TokenEventsListener.LISTENER_ID);
        boolean running = container != null && container.isRunning();
        (running ? builder.up() : builder.down())
                .withDetail("groupId", TokenEventsListener.GROUP_ID)
                .withDetail("assignedPartitions", container == null || container.getAssignedPartitions() == null
                        ? 0 : container.getAssignedPartitions().size());
    }
}
