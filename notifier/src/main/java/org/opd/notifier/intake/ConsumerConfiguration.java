package org.opd.notifier.intake;

import java.util.List;

import org.opd.notifier.NotifierProperties;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.identity.AccountLinkIssued;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.kafka.Topic;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.token.TokenEvent;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * How {@code opd.token-events}, {@code opd.notification-requests}, {@code opd.identity-events},
 * {@code opd.account-events} and {@code opd.appointment-events} are consumed: values read with
 * the contract's JSON serde, offsets committed once per poll, failures retried with a bounded exponential
 * back-off and then set aside as dead letters ({@link DeadLetters}). A record that cannot be read at all is
 * not retried: it is set aside at once, so it never blocks its partition. Handling only writes PENDING
 * rows, so it is quick: sending happens elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    static final String GROUP_ID = "opd-notifier";
    static final String TOKEN_EVENTS_FACTORY = "tokenEventsContainerFactory";
    static final String NOTIFICATION_REQUESTS_FACTORY = "notificationRequestsContainerFactory";
    static final String IDENTITY_EVENTS_FACTORY = "identityEventsContainerFactory";
    static final String ACCOUNT_EVENTS_FACTORY = "accountEventsContainerFactory";
    static final String APPOINTMENT_EVENTS_FACTORY = "appointmentEventsContainerFactory";

    @Bean(TOKEN_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, TokenEvent> tokenEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return containerFactory(Topics.TOKEN_EVENTS, kafka, sslBundles, properties, deadLetters);
    }

    @Bean(NOTIFICATION_REQUESTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, NotificationRequest> notificationRequestsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return containerFactory(Topics.NOTIFICATION_REQUESTS, kafka, sslBundles, properties, deadLetters);
    }

    @Bean(IDENTITY_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, OneTimeCodeIssued> identityEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return containerFactory(Topics.IDENTITY_EVENTS, kafka, sslBundles, properties, deadLetters);
    }

    @Bean(ACCOUNT_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, AccountLinkIssued> accountEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return containerFactory(Topics.ACCOUNT_EVENTS, kafka, sslBundles, properties, deadLetters);
    }

    @Bean(APPOINTMENT_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, AppointmentEvent> appointmentEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return containerFactory(Topics.APPOINTMENT_EVENTS, kafka, sslBundles, properties, deadLetters);
    }

    /** Creates the topics (and the dead-letter topics) if this service starts before the ones that publish to them. */
    @Bean
    SmartInitializingSingleton consumedTopics(KafkaProperties kafka, NotifierProperties properties) {
        return () -> TopicProvisioner.ensureExist(String.join(",", kafka.getBootstrapServers()),
                (short) properties.topicReplicationFactor(), List.of(Topics.TOKEN_EVENTS, Topics.NOTIFICATION_REQUESTS, Topics.IDENTITY_EVENTS,
                        Topics.ACCOUNT_EVENTS, Topics.TOKEN_EVENTS_DEAD_LETTERS, Topics.NOTIFICATION_REQUESTS_DEAD_LETTERS,
                        Topics.IDENTITY_EVENTS_DEAD_LETTERS, Topics.ACCOUNT_EVENTS_DEAD_LETTERS, Topics.APPOINTMENT_EVENTS,
                        Topics.APPOINTMENT_EVENTS_DEAD_LETTERS, Topics.ALERTS));
    }

    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> containerFactory(Topic<String, V> topic,
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return ListenerContainers.of(topic, kafka, sslBundles, properties, deadLetters);
    }
}
