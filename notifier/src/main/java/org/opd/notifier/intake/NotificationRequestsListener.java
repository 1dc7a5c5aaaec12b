package org.opd.notifier.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.schemas.notification.NotificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code opd.notification-requests} (T_MINUS_3, CALL_NOW, DOCTOR_DELAYED, decided by the
 * eta-calculator from the live queue) in the group {@code opd-notifier}, as the token events are.
 */
@Component
class NotificationRequestsListener {

    static final String LISTENER_ID = "notification-requests";

    private static final Logger log = LoggerFactory.getLogger(NotificationRequestsListener.class);

    private final NotificationIntake intake;

    NotificationRequestsListener(NotificationIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = LISTENER_ID, groupId = ConsumerConfiguration.GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).NOTIFICATION_REQUESTS.name()}",
            containerFactory = ConsumerConfiguration.NOTIFICATION_REQUESTS_FACTORY)
    void onRequest(ConsumerRecord<String, NotificationRequest> record) {
        NotificationRequest request = record.value();
        if (request == null) {
            log.warn("Empty notification request at {}-{}@{}; skipped", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        try (var eventId = MDC.putCloseable("eventId", String.valueOf(request.requestId()));
             var tokenId = MDC.putCloseable("tokenId", String.valueOf(request.tokenId()));
             var doctorId = MDC.putCloseable("doctorId", String.valueOf(request.doctorId()))) {
            intake.accept(new Trigger(request.tokenId(), request.type(), request.queuePosition(),
                    request.etaMinutesP50(), request.delayMinutes()));
        }
    }
}
