package org.opd.orchestrator.redis;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import redis.clients.jedis.JedisPooled;

/** Health component {@code redis}: the live queues are read from it, so it must answer PING. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

    private final JedisPooled jedis;

    RedisHealthIndicator(JedisPooled jedis) {
        super("Redis does not answer");
        this.jedis = jedis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String answer = jedis.ping();
        if ("PONG".equals(answer)) {
            builder.up();
        } else {
            builder.down().withDetail("answer", answer);
        }
    }
}
