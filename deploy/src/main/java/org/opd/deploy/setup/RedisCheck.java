package org.opd.deploy.setup;

import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis holds the live-state projection; nothing is created in it ahead of time (the eta-calculator
 * writes its keys), so set-up only checks that it answers and accepts writes (a primary, not a replica).
 */
final class RedisCheck {

    private final SetupConfig config;

    RedisCheck(SetupConfig config) {
        this.config = config;
    }

    List<Finding> run() {
        String subject = "Redis at " + config.redisHost() + ":" + config.redisPort();
        try (Jedis redis = new Jedis(config.redisHost(), config.redisPort())) {
            if (!"PONG".equals(redis.ping())) {
                return List.of(new Finding(subject, Finding.Outcome.WRONG, "does not answer PING"));
            }
            Object role = redis.role().get(0);
            String name = role instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(role);
            return List.of("master".equals(name) ? Finding.inPlace(subject)
                    : new Finding(subject, Finding.Outcome.WRONG, "is a " + name + ", the projection needs a primary it can write"));
        } catch (JedisException e) {
            return List.of(new Finding(subject, Finding.Outcome.WRONG, "unreachable: " + e.getMessage()));
        }
    }
}
