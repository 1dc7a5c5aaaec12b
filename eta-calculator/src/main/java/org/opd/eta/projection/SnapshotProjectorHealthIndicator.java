package org.opd.eta.projection;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.listener.MessageListenerContainer;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * DOWN when the projection's listener container has stopped or Redis does not answer; the partitions it was
 * given show whether this instance projects any doctors (none is normal for an instance beyond the partitions).
 */
class SnapshotProjectorHealthIndicator implements HealthIndicator {

    private final MessageListenerContainer container;
    private final UnifiedJedis redis;

    SnapshotProjectorHealthIndicator(MessageListenerContainer container, UnifiedJedis redis) {
        this.container = container;
        this.redis = redis;
    }

    @Override
    public Health health() {
        boolean consuming = container.isRunning();
        Collection<TopicPartition> assigned = container.getAssignedPartitions();
        Health.Builder health = consuming ? Health.up() : Health.down();
        health.withDetail("consuming", consuming).withDetail("partitions", assigned == null ? 0 : assigned.size());
        try {
            health.withDetail("redis", redis.ping());
        } catch (JedisException e) {
            health.down().withDetail("redis", e.getMessage());
        }
        return health.build();
    }
}
