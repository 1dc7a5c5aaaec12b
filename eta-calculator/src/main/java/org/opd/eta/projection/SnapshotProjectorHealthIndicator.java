package org.opd.eta.projection;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** DOWN when the projection thread has stopped or Redis does not answer. */
class SnapshotProjectorHealthIndicator implements HealthIndicator {

    private final SnapshotProjector projector;
    private final UnifiedJedis redis;

    SnapshotProjectorHealthIndicator(SnapshotProjector projector, UnifiedJedis redis) {
        this.projector = projector;
        this.redis = redis;
    }

    @Override
    public Health health() {
        Health.Builder health = projector.isRunning() ? Health.up() : Health.down();
        health.withDetail("consuming", projector.isRunning());
        try {
            health.withDetail("redis", redis.ping());
        } catch (JedisException e) {
            health.down().withDetail("redis", e.getMessage());
        }
        return health.build();
    }
}
