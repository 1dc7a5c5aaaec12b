package org.opd.notifier.intake;

import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Reports listener containers: UP while every one of them runs, with the partitions each was given. */
public final class ListenerHealth {

    private ListenerHealth() {
    }

    public static void report(KafkaListenerEndpointRegistry registry, List<String> listenerIds, String groupId,
                              Health.Builder builder) {
        boolean allRunning = true;
        for (String id : listenerIds) {
            MessageListenerContainer container = registry.getListenerContainer(id);
            boolean running = container != null && container.isRunning();
            allRunning &= running;
            builder.withDetail(id, running ? "running, partitions " + (container.getAssignedPartitions() == null
                    ? 0 : container.getAssignedPartitions().size()) : "stopped");
        }
        (allRunning ? builder.up() : builder.down()).withDetail("groupId", groupId);
    }
}
