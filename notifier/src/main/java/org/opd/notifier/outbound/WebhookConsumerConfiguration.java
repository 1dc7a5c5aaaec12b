package org.opd.notifier.outbound;

import java.net.http.HttpClient;
import java.util.List;
import java.util.random.RandomGenerator;

import org.opd.notifier.NotifierProperties;
import org.opd.notifier.delivery.RetryPolicy;
import org.opd.notifier.intake.DeadLetters;
import org.opd.notifier.intake.ListenerContainers;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.kafka.TopicProvisioner;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.TokenEvent;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * The outbound webhooks' own consumer group, {@code opd-webhooks}, on {@code opd.token-events},
 * {@code opd.appointment-events} and {@code opd.alerts}: its offsets are its own, so a slow receiver never holds back patients' messages, and
 * the same retries and dead letters as the notifier's other listeners. Then the delivery loop.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConsumerConfiguration {

    static final String GROUP_ID = "opd-webhooks";
    static final String TOKEN_EVENTS_FACTORY = "webhookTokenEventsContainerFactory";
    static final String ALERTS_FACTORY = "webhookAlertsContainerFactory";
    static final String APPOINTMENT_EVENTS_FACTORY = "webhookAppointmentEventsContainerFactory";

    @Bean(TOKEN_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, TokenEvent> webhookTokenEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return ListenerContainers.of(Topics.TOKEN_EVENTS, kafka, sslBundles, properties, deadLetters);
    }

    @Bean(ALERTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, OperationsAlert> webhookAlertsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return ListenerContainers.of(Topics.ALERTS, kafka, sslBundles, properties, deadLetters);
    }

    @Bean(APPOINTMENT_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, AppointmentEvent> webhookAppointmentEventsContainerFactory(
            KafkaProperties kafka, SslBundles sslBundles, NotifierProperties properties, DeadLetters deadLetters) {
        return ListenerContainers.of(Topics.APPOINTMENT_EVENTS, kafka, sslBundles, properties, deadLetters);
    }

    /** The alerts' and appointment events' topics, if this service starts before the set-up command made them. */
    @Bean
    SmartInitializingSingleton webhookTopics(KafkaProperties kafka, NotifierProperties properties) {
        return () -> TopicProvisioner.ensureExist(String.join(",", kafka.getBootstrapServers()),
                (short) properties.topicReplicationFactor(), List.of(Topics.ALERTS, Topics.ALERTS_DEAD_LETTERS,
                        Topics.APPOINTMENT_EVENTS, Topics.APPOINTMENT_EVENTS_DEAD_LETTERS));
    }

    @Bean
    WebhookDeliveryLoop webhookDeliveryLoop(WebhookDeliveries deliveries, WebhookMetrics metrics,
                                            OutboundWebhookProperties settings) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // A receiver's redirect is an answer, not a new target: nothing is sent where the admin did not say.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        RetryPolicy retries = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(),
                RandomGenerator.getDefault());
        return new WebhookDeliveryLoop(deliveries, new WebhookSender(http, settings.requestTimeout()), retries, metrics,
                settings);
    }
}
