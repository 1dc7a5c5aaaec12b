package org.opd.notifier.intake;

import java.util.List;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/**
 * UP while the consumers of {@code opd.token-events}, {@code opd.notification-requests}, {@code opd.identity-events} and
 * {@code opd.appointment-events} run;
 * without them no patient hears from us. Shown as {@code notifierListeners}.
 */
@Component("notifierListeners")
class ListenersHealthIndicator extends AbstractHealthIndicator {

    private static final List<String> LISTENERS =
            List.of(TokenEventsListener.LISTENER_ID, NotificationRequestsListener.LISTENER_ID,
                    OneTimeCodesListener.LISTENER_ID, AppointmentEventsListener.LISTENER_ID);

    private final KafkaListenerEndpointRegistry registry;

    ListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ListenerHealth.report(registry, LISTENERS, ConsumerConfiguration.GROUP_ID, builder);
    }
}
