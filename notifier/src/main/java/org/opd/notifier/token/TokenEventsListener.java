package org.opd.notifier.token;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.schemas.token.TokenEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code opd.token-events} in the group {@code opd-notifier}. Each record's offset is
 * committed once it is handled; a record whose handling throws goes to the error handler of
 * {@link TokenEventsConsumerConfiguration}.
 */
@Component
class TokenEventsListener {

    static final String LISTENER_ID = "token-events";
    static final String GROUP_ID = "opd-notifier";

    private static final Logger log = LoggerFactory.getLogger(TokenEventsListener.class);

    private final TokenIssuedNotifier tokenIssued;

    TokenEventsListener(TokenIssuedNotifier tokenIssued) {
        this.tokenIssued = tokenIssued;
    }

    @KafkaListener(id = LISTENER_ID, groupId = GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).TOKEN_EVENTS.name()}",
            containerFactory = TokenEventsConsumerConfiguration.CONTAINER_FACTORY)
    void onTokenEvent(ConsumerRecord<String, TokenEvent> record) {
        TokenEvent event = record.value();
        if (event == null) {
            log.warn("Empty token event at {}-{}@{}; skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        try (var eventId = MDC.putCloseable("eventId", String.valueOf(event.eventId()));
             var tokenId = MDC.putCloseable("tokenId", String.valueOf(event.tokenId()));
             var doctorId = MDC.putCloseable("doctorId", String.valueOf(event.doctorId()))) {
            switch (event.type()) {
                case TOKEN_ISSUED -> tokenIssued.onIssued(event);
                // Queue-driven messages (T_MINUS_3, CALL_NOW) come from opd.notification-requests instead.
                default -> log.trace("{} needs no notification", event.type());
            }
        }
    }
}
