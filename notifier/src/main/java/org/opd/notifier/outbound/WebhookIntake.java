package org.opd.notifier.outbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.token.TokenEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns token events, appointment events and operations alerts into PENDING deliveries, one per subscription that asked for the
 * type, committed before anything is sent; then wakes the delivery loop. Nothing is sent from here, and a
 * record read again (a restart before its offset was committed) adds no delivery. A failure (database down)
 * throws to the container's error handler: retries, then the dead-letter topic.
 */
@Component
class WebhookIntake {

    static final String TOKEN_EVENTS_LISTENER = "webhook-token-events";
    static final String ALERTS_LISTENER = "webhook-alerts";
    static final String APPOINTMENT_EVENTS_LISTENER = "webhook-appointment-events";

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final WebhookDeliveries deliveries;
    private final WebhookDeliveryLoop loop;
    private final ObjectMapper json;

    WebhookIntake(WebhookDeliveries deliveries, WebhookDeliveryLoop loop, ObjectMapper json) {
        this.deliveries = deliveries;
        this.loop = loop;
        this.json = json;
    }

    @KafkaListener(id = TOKEN_EVENTS_LISTENER, groupId = WebhookConsumerConfiguration.GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).TOKEN_EVENTS.name()}",
            containerFactory = WebhookConsumerConfiguration.TOKEN_EVENTS_FACTORY)
    void onTokenEvent(ConsumerRecord<String, TokenEvent> record) {
        if (record.value() != null) {
            accept(WebhookEvent.of(record.value()));
        }
    }

    @KafkaListener(id = APPOINTMENT_EVENTS_LISTENER, groupId = WebhookConsumerConfiguration.GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).APPOINTMENT_EVENTS.name()}",
            containerFactory = WebhookConsumerConfiguration.APPOINTMENT_EVENTS_FACTORY)
    void onAppointmentEvent(ConsumerRecord<String, AppointmentEvent> record) {
        if (record.value() != null) {
            accept(WebhookEvent.of(record.value()));
        }
    }

    @KafkaListener(id = ALERTS_LISTENER, groupId = WebhookConsumerConfiguration.GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).ALERTS.name()}",
            containerFactory = WebhookConsumerConfiguration.ALERTS_FACTORY)
    void onAlert(ConsumerRecord<String, OperationsAlert> record) {
        OperationsAlert alert = record.value();
        // System-wide alerts (dead letters) belong to no hospital; a compacted topic's tombstones carry nothing.
        if (alert != null && alert.hospitalId() != null && alert.eventId() != null) {
            accept(WebhookEvent.of(alert));
        }
    }

    private void accept(WebhookEvent event) {
        if (event.hospitalId() == null || event.id() == null) {
            return;
        }
        try (var eventId = MDC.putCloseable("eventId", String.valueOf(event.id()))) {
            int queued = deliveries.recordForSubscribers(event, body(event));
            if (queued > 0) {
                log.info("{} of hospital {} queued for {} webhook subscription(s)", event.type(), event.hospitalId(), queued);
                loop.wakeUp();
            }
        }
    }

    private String body(WebhookEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the webhook body of event " + event.id(), e);
        }
    }
}
