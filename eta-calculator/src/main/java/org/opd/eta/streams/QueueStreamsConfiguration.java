package org.opd.eta.streams;

import org.opd.eta.EtaProperties;
import org.opd.eta.deadletter.DeadLetters;
import org.opd.eta.estimate.EtaEstimator;
import org.opd.eta.estimate.LearnedEtaEstimator;
import org.opd.eta.topology.QueueTopology;
import org.opd.eta.topology.TopologySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.opd.eta.projection.RebuildRedis;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
// The Redis rebuild command runs none of the service's processing.
@Profile("!" + RebuildRedis.PROFILE)
class QueueStreamsConfiguration {

    @Bean
    EtaEstimator etaEstimator() {
        return new LearnedEtaEstimator();
    }

    @Bean
    QueueStreams queueStreams(EtaEstimator estimator, EtaProperties properties, MeterRegistry meters, DeadLetters deadLetters) {
        TopologySettings settings = new TopologySettings(properties.queue().recomputeInterval(), properties.queue().statusRefresh(),
                properties.queue().delayThreshold(), properties.alerts().bottleneckInLine(), properties.alerts().bottleneckAverageWait(),
                properties.alerts().idleAfter(), properties.alerts().lateAfter(), properties.queue().publishInterval());
        return new QueueStreams(new QueueTopology(estimator, settings, meters).build(), properties, meters, deadLetters);
    }

    @Bean
    QueueStreamsHealthIndicator queueStreamsHealthIndicator(QueueStreams streams) {
        return new QueueStreamsHealthIndicator(streams::state);
    }
}
