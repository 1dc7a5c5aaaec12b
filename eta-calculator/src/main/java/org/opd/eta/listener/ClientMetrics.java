package org.opd.eta.listener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.ConsumerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Binds each container consumer's client metrics as the topology's are bound: spring-kafka's own
 * {@code MicrometerConsumerListener} adds a {@code spring.id} tag, and Prometheus refuses a meter whose tag
 * keys differ from those of the same name already registered by Kafka Streams.
 */
final class ClientMetrics<K, V> implements ConsumerFactory.Listener<K, V> {

    private final MeterRegistry meters;
    private final Map<String, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    ClientMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void consumerAdded(String id, Consumer<K, V> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(meters);
        bound.put(id, metrics);
    }

    @Override
    public void consumerRemoved(String id, Consumer<K, V> consumer) {
        KafkaClientMetrics metrics = bound.remove(id);
        if (metrics != null) {
            metrics.close();
        }
    }
}
