package org.opd.notifier.outbound;

import java.util.List;

import org.opd.notifier.intake.ListenerHealth;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/** UP while the webhooks' consumers of {@code opd.token-events}, {@code opd.appointment-events} and {@code opd.alerts} run. Shown as {@code webhookListeners}. */
@Component("webhookListeners")
class WebhookListenersHealthIndicator extends AbstractHealthIndicator {

    private static final List<String> LISTENERS = List.of(WebhookIntake.TOKEN_EVENTS_LISTENER, WebhookIntake.ALERTS_LISTENER,
            WebhookIntake.APPOINTMENT_EVENTS_LISTENER);

    private final KafkaListenerEndpointRegistry registry;

    WebhookListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ListenerHealth.report(registry, LISTENERS, WebhookConsumerConfiguration.GROUP_ID, builder);
    }
}
