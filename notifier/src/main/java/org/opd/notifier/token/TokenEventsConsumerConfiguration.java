package org.opd.notifier.token;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opd.notifier.NotifierProperties;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.TokenEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * How {@code opd.token-events} is consumed: values read with the contract's JSON serde, offsets
 * committed per record after handling, failures retried with a bounded exponential back-off and
 * then logged and skipped. A record that cannot be read at all is not retried: it is logged by
 * event id and offset and skipped at once, so it never blocks its partition.
 */
@Configuration(proxyBeanMethods = false)
class TokenEventsConsumerConfiguration {

    static final String CONTAINER_FACTORY = "tokenEventsContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(TokenEventsConsumerConfiguration.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, TokenEvent> tokenEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, TokenEvent>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(sslBundles),
                new StringDeserializer(),
                new ErrorHandlingDeserializer<>(Topics.TOKEN_EVENTS.valueSerde().deserializer())));
        factory.setConcurrency(properties.listener().concurrency());
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        factory.setCommonErrorHandler(errorHandler(properties.listener()));
        return factory;
    }

    /** Creates the topic if this service starts before the ones that publish to it. */
    @Bean
    SmartInitializingSingleton tokenEventsTopic(KafkaProperties kafka, NotifierProperties properties) {
        return () -> TopicProvisioner.ensureExist(String.join(",", kafka.getBootstrapServers()),
                (short) properties.topicReplicationFactor(), List.of(Topics.TOKEN_EVENTS));
    }

    private static DefaultErrorHandler errorHandler(NotifierProperties.Listener listener) {
        var backOff = new ExponentialBackOffWithMaxRetries(listener.maxRetries());
        backOff.setInitialInterval(listener.retryInitialInterval().toMillis());
        backOff.setMaxInterval(listener.retryMaxInterval().toMillis());
        backOff.setMultiplier(2.0);
        var handler = new DefaultErrorHandler(TokenEventsConsumerConfiguration::skip, backOff);
        // Its own log line per failed attempt would repeat what skip() says once.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    private static void skip(ConsumerRecord<?, ?> record, Exception failure) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (rootCause(failure) instanceof DeserializationException) {
            log.error("Unreadable token event {} (eventId {}) skipped", position, eventId(record), failure);
        } else {
            log.error("Token event {} (eventId {}) skipped after retries", position, eventId(record), failure);
        }
    }

    private static String eventId(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof TokenEvent event) {
            return String.valueOf(event.eventId());
        }
        return Optional.ofNullable(record.headers().lastHeader(EventHeaders.EVENT_ID))
                .map(Header::value)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("unknown");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof DeserializationException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
