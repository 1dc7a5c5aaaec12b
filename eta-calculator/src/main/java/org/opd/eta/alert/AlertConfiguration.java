package org.opd.eta.alert;

import org.opd.eta.EtaProperties;
import org.opd.eta.deadletter.DeadLetters;
import org.opd.eta.listener.ListenerContainers;
import org.opd.eta.projection.RebuildRedis;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
// The Redis rebuild command runs none of the service's processing.
@Profile("!" + RebuildRedis.PROFILE)
class AlertConfiguration {

    @Bean
    AlertStore alertStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new AlertStore(jdbc, transactions);
    }

    @Bean
    AlertRecorder alertRecorder(AlertStore store, JedisPooled jedis, MeterRegistry meters) {
        return new AlertRecorder(store, new AlertAnnouncer(jedis), meters);
    }

    /** Consumes {@code opd.alerts} into the recorder once the topology has created it. */
    @Bean
    KafkaMessageListenerContainer<String, OperationsAlert> alertRecorderContainer(AlertRecorder recorder, EtaProperties properties,
            DeadLetters deadLetters, MeterRegistry meters) {
        return ListenerContainers.of(Topics.ALERTS, AlertRecorder.GROUP_ID, "alert-store", recorder, properties, deadLetters, meters);
    }
}
