package org.opd.notifier.intake;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.token.TokenEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Consumes {@code opd.token-events} in the group {@code opd-notifier}: an issued, cancelled,
 * rescheduled, reassigned, transferred, parked or recalled token is news for its patient. Each record's offset is committed once it is handled;
 * a record whose handling throws goes to the error handler of {@link ConsumerConfiguration}.
 */
@Component
class TokenEventsListener {

    static final String LISTENER_ID = "token-events";

    private static final Logger log = LoggerFactory.getLogger(TokenEventsListener.class);

    private final NotificationIntake intake;
    private final Timer lag;

    TokenEventsListener(NotificationIntake intake, MeterRegistry meters) {
        this.intake = intake;
        this.lag = Timer.builder("opd.notifier.intake.lag")
                .description("From the token event entering Kafka to its notification rows committed in notifications_log")
                .publishPercentileHistogram()
                .register(meters);
    }

    @KafkaListener(id = LISTENER_ID, groupId = ConsumerConfiguration.GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).TOKEN_EVENTS.name()}",
            containerFactory = ConsumerConfiguration.TOKEN_EVENTS_FACTORY)
    void onTokenEvent(ConsumerRecord<String, TokenEvent> record) {
        TokenEvent event = record.value();
        if (event == null) {
            log.warn("Empty token event at {}-{}@{}; skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        try (var eventId = MDC.putCloseable("eventId", String.valueOf(event.eventId()));
             var tokenId = MDC.putCloseable("tokenId", String.valueOf(event.tokenId()));
             var doctorId = MDC.putCloseable("doctorId", String.valueOf(event.doctorId()))) {
            NotificationType type = switch (event.type()) {
                case TOKEN_ISSUED -> NotificationType.TOKEN_CREATED;
                case TOKEN_CANCELLED -> NotificationType.CANCELLED;
                case TOKEN_RESCHEDULED -> NotificationType.RESCHEDULED;
                // The new doctor's copy of a reassignment; the old doctor's (TOKEN_REASSIGNED_AWAY) says nothing new.
                case TOKEN_REASSIGNED -> NotificationType.REASSIGNED;
                case TOKEN_TRANSFERRED -> NotificationType.TRANSFERRED;
                case TOKEN_PARKED -> NotificationType.PARKED;
                case TOKEN_RECALLED -> NotificationType.RECALLED;
                // Queue-driven messages (T_MINUS_3, CALL_NOW, DOCTOR_DELAYED) come from opd.notification-requests.
                default -> null;
            };
            if (type == null) {
                log.trace("{} needs no notification", event.type());
                return;
            }
            intake.accept(new Trigger(event.tokenId(), type, null, event.expectedWaitMinutes(), null));
            // The record's timestamp is the cdc-connector's send time: this is the Kafka → notification log stage.
            lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - record.timestamp())));
        }
    }
}
