package org.opd.eta.projection;

import java.time.Clock;

import org.opd.eta.EtaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean(destroyMethod = "close")
    JedisPooled jedis(EtaProperties properties) {
        return new JedisPooled(new HostAndPort(properties.redis().host(), properties.redis().port()),
                DefaultJedisClientConfig.builder().database(properties.redis().database()).build());
    }

    @Bean
    RedisQueueProjection redisQueueProjection(JedisPooled jedis, EtaProperties properties) {
        return new RedisQueueProjection(jedis, properties.redis().statusTtl(), properties.redis().departedTokenTtl());
    }

    @Bean
    @Profile("!" + RebuildRedis.PROFILE)
    SnapshotProjector snapshotProjector(EtaProperties properties, RedisQueueProjection projection, MeterRegistry meters) {
        return new SnapshotProjector(properties, projection, meters, Clock.systemUTC());
    }

    @Bean
    @Profile("!" + RebuildRedis.PROFILE)
    SnapshotProjectorHealthIndicator redisProjectionHealthIndicator(SnapshotProjector projector, JedisPooled jedis) {
        return new SnapshotProjectorHealthIndicator(projector, jedis);
    }

    @Bean
    @Profile(RebuildRedis.PROFILE)
    RedisRebuild redisRebuild(EtaProperties properties, RedisQueueProjection projection) {
        return new RedisRebuild(properties.kafkaBootstrapServers(), projection);
    }
}
