package org.opd.orchestrator.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.booking.BookingProperties;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers one inbound WhatsApp message: finds the chat's conversation (a new one when there is none or
 * the last one ended: 15 minutes idle or an hour in all), takes the answer through the
 * {@link Conversation} and stores where it stands, all in one transaction with the message's id, so a
 * message delivered twice is answered once. Returns the replies, to be sent once committed.
 */
@Service
public class Assistant {

    private static final Logger log = LoggerFactory.getLogger(Assistant.class);

    private final BookingNumbers numbers;
    private final HospitalRepository hospitals;
    private final SessionRepository sessions;
    private final InboundMessageRepository inbound;
    private final Conversation conversation;
    private final AssistantProperties properties;
    private final AssistantMetrics metrics;
    private final Clock clock;

    Assistant(BookingNumbers numbers, HospitalRepository hospitals, SessionRepository sessions, InboundMessageRepository inbound,
              Desk desk, AssistantProperties properties, BookingProperties booking, AssistantMetrics metrics, Clock clock) {
        this.numbers = numbers;
        this.hospitals = hospitals;
        this.sessions = sessions;
        this.inbound = inbound;
        this.conversation = new Conversation(desk, new Texts(), properties.daysAhead(), booking.holdFor());
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public List<Outgoing> receive(InboundMessage message) {
        Optional<UUID> hospitalId = numbers.hospitalOf(message.phoneNumberId());
        if (hospitalId.isEmpty()) {
            log.warn("WhatsApp message {} to booking number {}, which no hospital has; not answered", message.messageId(),
                    message.phoneNumberId());
            return List.of();
        }
        Instant now = clock.instant();
        Optional<StoredSession> current = sessions.lockFor(message.phoneNumberId(), message.waId());
        boolean fresh = current.isEmpty() || current.get().over(now);
        StoredSession session = fresh
                ? StoredSession.begin(message.phoneNumberId(), message.waId(), ConversationState.first(), now,
                        properties.idleTimeout(), properties.maxSession())
                : current.get();
        if (!inbound.recordFirst(message.messageId(), session.sessionId())) {
            log.info("WhatsApp message {} of conversation {} was answered before; ignored", message.messageId(),
                    current.map(StoredSession::sessionId).orElse(null));
            return List.of();
        }
        Chat chat = new Chat(session.sessionId(), hospitalId.get(), "+" + message.waId(),
                hospitals.require(hospitalId.get()).zone(), now);
        Turn turn;
        if (current.isEmpty()) {
            turn = conversation.start(chat);
        } else if (fresh) {
            log.info("Conversation {} ended by time; conversation {} starts", current.get().sessionId(), session.sessionId());
            turn = conversation.restart(chat, current.get().state());
        } else {
            turn = conversation.answer(chat, session.state(), message.answer());
        }
        sessions.save(session.answered(turn.state(), now, properties.idleTimeout()));
        if (fresh) {
            metrics.started();
            log.info("Conversation {} started with hospital {}", session.sessionId(), hospitalId.get());
        }
        if (turn.booked() != null) {
            metrics.booked();
            log.info("Conversation {} booked appointment {}", session.sessionId(), turn.booked());
        }
        return turn.prompts().stream()
                .map(prompt -> new Outgoing(session.sessionId(), message.phoneNumberId(), message.waId(), prompt))
                .toList();
    }
}
