package org.opd.orchestrator.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps no more of the chats than the assistant needs: an ended conversation for a day (so that a patient
 * coming back is told it ended rather than greeted as new), a message id for a week (Meta retries an
 * unanswered webhook for up to seven days, and a retry must still be recognised).
 */
@Component
class SessionPurge {

    static final Duration KEEP_ENDED = Duration.ofDays(1);
    static final Duration KEEP_MESSAGE_IDS = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(SessionPurge.class);

    private final SessionRepository sessions;
    private final InboundMessageRepository messages;
    private final Clock clock;

    SessionPurge(SessionRepository sessions, InboundMessageRepository messages, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${opd.orchestrator.assistant.purge-interval}")
    @Transactional
    public void purge() {
        Instant now = clock.instant();
        int ended = sessions.deleteEndedBefore(now.minus(KEEP_ENDED));
        int ids = messages.deleteReceivedBefore(now.minus(KEEP_MESSAGE_IDS));
        if (ended + ids > 0) {
            log.info("Forgot {} ended WhatsApp conversation(s) and {} old message id(s)", ended, ids);
        }
    }
}
