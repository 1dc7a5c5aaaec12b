package org.opd.notifier.intake;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.opd.notifier.NotifierProperties;
import org.opd.schemas.kafka.Topic;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The one way the notifier's listeners consume a topic: values read with the contract's JSON serde, offsets
 * committed once per poll, failures retried with a bounded exponential back-off and then set aside as dead
 * letters ({@link DeadLetters}); an unreadable record is set aside at once, so it never blocks its partition.
 * Shared by the patient intake and the outbound webhooks' intake.
 */
public final class ListenerContainers {

    private ListenerContainers() {
    }

    public static <V> ConcurrentKafkaListenerContainerFactory<String, V> of(Topic<String, V> topic,
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, V>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(sslBundles),
                new StringDeserializer(), new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer())));
        factory.setConcurrency(properties.listener().concurrency());
        // One offset commit per poll rather than a broker round trip per record: a crash replays at most a
        // poll's records, and every intake is idempotent (one row per event and recipient).
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.setCommonErrorHandler(errorHandler(properties.listener(), deadLetters));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(NotifierProperties.Listener listener, DeadLetters deadLetters) {
        var backOff = new ExponentialBackOffWithMaxRetries(listener.maxRetries());
        backOff.setInitialInterval(listener.retryInitialInterval().toMillis());
        backOff.setMaxInterval(listener.retryMaxInterval().toMillis());
        backOff.setMultiplier(2.0);
        var handler = new DefaultErrorHandler(deadLetters, backOff);
        // Its own log line per failed attempt would repeat what the dead letter's says once.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }
}
