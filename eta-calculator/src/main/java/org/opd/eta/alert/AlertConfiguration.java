package org.opd.eta.alert;

import org.opd.eta.EtaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.opd.eta.projection.RebuildRedis;
import org.springframework.jdbc.core.JdbcTemplate;
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
    AlertRecorder alertRecorder(EtaProperties properties, AlertStore store, JedisPooled jedis, MeterRegistry meters) {
        return new AlertRecorder(properties, store, new AlertAnnouncer(jedis), meters);
    }
}
