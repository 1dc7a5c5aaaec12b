package org.opd.notifier.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opd.notifier.LogSafe;
import org.opd.notifier.NotifierProperties;
import org.opd.schemas.identity.AccountLinkIssued;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.Topic;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.notification.NotificationRequest;
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
 * How {@code opd.token-events}, {@code opd.notification-requests} and {@code opd.identity-events} are consumed: values read with
 * the contract's JSON serde, offsets committed per record after handling, failures retried with a
 * bounded exponential back-off and then logged and skipped. A record that cannot be read at all is
 * not retried: it is logged by event id and offset and skipped at once, so it never blocks its
 * partition. Handling only writes PENDING rows, so it is quick: sending happens elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    static final String GROUP_ID = "opd-notifier";
    static final String TOKEN_EVENTS_FACTORY = "tokenEventsContainerFactory";
    static final String NOTIFICATION_REQUESTS_FACTORY = "notificationRequestsContainerFactory";
    static final String IDENTITY_EVENTS_FACTORY = "identityEventsContainerFactory";
    static final String ACCOUNT_EVENTS_FACTORY = "accountEventsContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    @Bean(TOKEN_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, TokenEvent> tokenEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties) {
        return containerFactory(Topics.TOKEN_EVENTS, kafka, sslBundles, properties);
    }

    @Bean(NOTIFICATION_REQUESTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, NotificationRequest> notificationRequestsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties) {
        return containerFactory(Topics.NOTIFICATION_REQUESTS, kafka, sslBundles, properties);
    }

    @Bean(IDENTITY_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, OneTimeCodeIssued> identityEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties) {
        return containerFactory(Topics.IDENTITY_EVENTS, kafka, sslBundles, properties);
    }

    @Bean(ACCOUNT_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, AccountLinkIssued> accountEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties) {
        return containerFactory(Topics.ACCOUNT_EVENTS, kafka, sslBundles, properties);
    }

    /** Creates the topics if this service starts before the ones that publish to them. */
    @Bean
    SmartInitializingSingleton consumedTopics(KafkaProperties kafka, NotifierProperties properties) {
        return () -> TopicProvisioner.ensureExist(String.join(",", kafka.getBootstrapServers()),
                (short) properties.topicReplicationFactor(), List.of(Topics.TOKEN_EVENTS, Topics.NOTIFICATION_REQUESTS, Topics.IDENTITY_EVENTS,
                        Topics.ACCOUNT_EVENTS));
    }

    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> containerFactory(Topic<String, V> topic,
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, V>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(sslBundles),
                new StringDeserializer(), new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer())));
        factory.setConcurrency(properties.listener().concurrency());
        // One offset commit per poll rather than a broker round trip per record: a crash replays at most a
        // poll's records, and intake is idempotent (one row per token, event and channel).
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.setCommonErrorHandler(errorHandler(properties.listener()));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(NotifierProperties.Listener listener) {
        var backOff = new ExponentialBackOffWithMaxRetries(listener.maxRetries());
        backOff.setInitialInterval(listener.retryInitialInterval().toMillis());
        backOff.setMaxInterval(listener.retryMaxInterval().toMillis());
        backOff.setMultiplier(2.0);
        var handler = new DefaultErrorHandler(ConsumerConfiguration::skip, backOff);
        // Its own log line per failed attempt would repeat what skip() says once.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    private static void skip(ConsumerRecord<?, ?> record, Exception failure) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (rootCause(failure) instanceof DeserializationException) {
            log.error("Unreadable record {} (eventId {}) skipped: {}", position, eventId(record), LogSafe.failure(failure));
        } else {
            log.error("Record {} (eventId {}) skipped after retries: {}", position, eventId(record),
                    LogSafe.failure(failure));
        }
    }

    private static String eventId(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof TokenEvent event) {
            return String.valueOf(event.eventId());
        }
        if (record.value() instanceof NotificationRequest request) {
            return String.valueOf(request.requestId());
        }
        if (record.value() instanceof OneTimeCodeIssued issued) {
            return String.valueOf(issued.eventId());
        }
        if (record.value() instanceof AccountLinkIssued issued) {
            return String.valueOf(issued.eventId());
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
