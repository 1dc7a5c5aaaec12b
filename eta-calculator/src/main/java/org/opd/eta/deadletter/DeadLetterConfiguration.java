package org.opd.eta.deadletter;

import org.opd.eta.EtaProperties;
import org.opd.eta.projection.RebuildRedis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
// The Redis rebuild command runs none of the service's processing.
@Profile("!" + RebuildRedis.PROFILE)
class DeadLetterConfiguration {

    /** Closed after the topology and the listener containers stopped: they are its only writers. */
    @Bean
    DeadLetters deadLetters(EtaProperties properties, MeterRegistry meters) {
        return new DeadLetters(properties.kafkaBootstrapServers(), properties.applicationId(), meters);
    }
}
