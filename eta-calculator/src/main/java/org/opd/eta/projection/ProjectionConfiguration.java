package org.opd.eta.projection;

import java.time.Clock;

import org.opd.eta.EtaProperties;
import org.opd.eta.deadletter.DeadLetters;
import org.opd.eta.listener.ListenerContainers;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.queue.QueueSnapshot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

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
    SnapshotProjector snapshotProjector(RedisQueueProjection projection, MeterRegistry meters) {
        return new SnapshotProjector(projection, meters, Clock.systemUTC());
    }

    /** Consumes {@code opd.queue-snapshots} into the projector once the topology has created it. */
    @Bean
    @Profile("!" + RebuildRedis.PROFILE)
    KafkaMessageListenerContainer<String, QueueSnapshot> snapshotProjectorContainer(SnapshotProjector projector,
            EtaProperties properties, DeadLetters deadLetters, MeterRegistry meters) {
        return ListenerContainers.of(Topics.QUEUE_SNAPSHOTS, SnapshotProjector.GROUP_ID, "redis-projector", projector, properties,
                deadLetters, meters);
    }

    @Bean
    @Profile("!" + RebuildRedis.PROFILE)
    SnapshotProjectorHealthIndicator redisProjectionHealthIndicator(
            KafkaMessageListenerContainer<String, QueueSnapshot> snapshotProjectorContainer, JedisPooled jedis) {
        return new SnapshotProjectorHealthIndicator(snapshotProjectorContainer, jedis);
    }

    @Bean
    @Profile(RebuildRedis.PROFILE)
    RedisRebuild redisRebuild(EtaProperties properties, RedisQueueProjection projection) {
        return new RedisRebuild(properties.kafkaBootstrapServers(), projection);
    }
}
