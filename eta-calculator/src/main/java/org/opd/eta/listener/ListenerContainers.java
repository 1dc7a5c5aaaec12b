package org.opd.eta.listener;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.opd.eta.EtaProperties;
import org.opd.eta.deadletter.DeadLetters;
import org.opd.eta.streams.QueueStreams;
import org.opd.schemas.kafka.Topic;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one way the eta-calculator's listeners consume a topic of the topology's: committed records only, one
 * batch per poll whose offsets are committed once the listener returned (so after its store took the batch;
 * a crash replays it, and every store here is idempotent). A failing batch is handed over again after
 * {@code opd.eta.projection.retry-backoff}, for as long as it fails: a store that is down is no reason to
 * drop records. Only a record that cannot be read is not retried: it goes at once to its dead-letter topic
 * ({@link DeadLetterRecoverer}). Settings come from {@link EtaProperties} only, as the topology's do.
 */
public final class ListenerContainers {

    private ListenerContainers() {
    }

    /**
     * A single-consumer container that starts after the queue topology, which creates the topic.
     *
     * @param clientName the consumer's client id after the application id
     */
    public static <V> KafkaMessageListenerContainer<String, V> of(Topic<String, V> topic, String groupId, String clientName,
            BatchMessageListener<String, V> listener, EtaProperties properties, DeadLetters deadLetters, MeterRegistry meters) {
        var consumers = new DefaultKafkaConsumerFactory<>(consumerConfig(groupId, clientName, properties),
                topic.keySerde().deserializer(), new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer()));
        consumers.addListener(new ClientMetrics<>(meters));
        var container = new KafkaMessageListenerContainer<>(consumers, containerProperties(topic, listener, properties));
        container.setCommonErrorHandler(errorHandler(properties, deadLetters));
        container.setPhase(QueueStreams.PHASE + 1);
        return container;
    }

    private static Map<String, Object> consumerConfig(String groupId, String clientName, EtaProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.applicationId() + "-" + clientName);
        // Only records of committed Streams transactions: an aborted one never reaches a screen or system_alerts.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The topology creates its topics (compacted) at start; never let a subscription create one otherwise.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putAll(properties.groupMembership());
        return config;
    }

    private static <V> ContainerProperties containerProperties(Topic<String, V> topic, BatchMessageListener<String, V> listener,
            EtaProperties properties) {
        var container = new ContainerProperties(topic.name());
        // An unreadable record reaches the listener as null: the error handler is told which one it was instead.
        container.setMessageListener((BatchMessageListener<String, V>) records -> UnreadableRecords.handleUpToFirst(records,
                listener::onMessage));
        container.setAckMode(AckMode.BATCH);
        container.setPollTimeout(properties.projection().pollTimeout().toMillis());
        return container;
    }

    private static DefaultErrorHandler errorHandler(EtaProperties properties, DeadLetters deadLetters) {
        var handler = new DefaultErrorHandler(new DeadLetterRecoverer(deadLetters),
                new FixedBackOff(properties.projection().retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        // Every failure is retried but an unreadable record, which no retry can read (spring-kafka's default
        // list would also dead-letter, say, a ClassCastException of a readable record).
        handler.setClassifications(Map.of(DeserializationException.class, false), true);
        // A store that is down fails once per back-off: a warning each time, not spring-kafka's error.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners(new RetryLog(properties.projection().retryBackoff()));
        return handler;
    }
}
