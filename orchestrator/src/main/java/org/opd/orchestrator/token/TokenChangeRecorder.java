package org.opd.orchestrator.token;

import java.util.UUID;

import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.outbox.OutboxEvent;
import org.opd.orchestrator.outbox.OutboxWriter;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.TokenEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what a token's accepted changes leave behind, in the transaction that saves the token:
 * a history row and an outbox event (keyed by doctor id) per change. A reassignment is news for
 * two lines: it also gets a TOKEN_REASSIGNED_AWAY event keyed by the doctor the token left. Each change
 * is also published in-process as a {@link TokenMoved}, for modules that follow tokens (booking).
 */
@Component
class TokenChangeRecorder {

    private static final Logger log = LoggerFactory.getLogger(TokenChangeRecorder.class);

    private final TokenHistoryRepository history;
    private final OutboxWriter outbox;
    private final TokenMetrics metrics;
    private final ApplicationEventPublisher events;

    TokenChangeRecorder(TokenHistoryRepository history, OutboxWriter outbox, TokenMetrics metrics,
                        ApplicationEventPublisher events) {
        this.history = history;
        this.outbox = outbox;
        this.metrics = metrics;
        this.events = events;
    }

    /** @param changedBy the staff member who made the changes; null when unknown or the system */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(Token token, TokenContext context, UUID changedBy) {
        TokenBooking booking = token.booking();
        try (LogContext ignored = LogContext.token(booking.tokenId(), booking.doctorId())) {
            for (TokenChange change : token.changes()) {
                UUID eventId = UUID.randomUUID();
                history.append(booking.tokenId(), change, eventId, changedBy);
                TokenEvent event = TokenEvents.of(eventId, token, change, context);
                outbox.append(new OutboxEvent(eventId, Topics.TOKEN_AGGREGATE, booking.doctorId().toString(),
                        change.type().name(), TokenEvent.SCHEMA_VERSION, event));
                if (change.handover() != null) {
                    UUID awayId = UUID.randomUUID();
                    TokenEvent away = TokenEvents.away(awayId, token, change, context);
                    outbox.append(new OutboxEvent(awayId, Topics.TOKEN_AGGREGATE, change.handover().fromDoctorId().toString(),
                            away.type().name(), TokenEvent.SCHEMA_VERSION, away));
                }
                metrics.countWhenCommitted(change.type());
                events.publishEvent(new TokenMoved(booking.tokenId(), change.newStatus()));
                log.info("Token {} {}: {} -> {} (event {})", booking.tokenNumber(), change.type(),
                        change.previousStatus(), change.newStatus(), eventId);
            }
        }
    }
}
