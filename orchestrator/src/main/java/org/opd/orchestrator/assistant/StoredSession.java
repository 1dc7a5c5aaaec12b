package org.opd.orchestrator.assistant;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code wa_sessions}: one chat's conversation and its two deadlines (spec 000: 15 minutes
 * idle, an hour at most).
 *
 * @param waId the patient's WhatsApp id (their number with country code, no plus); never logged
 */
record StoredSession(UUID sessionId, String phoneNumberId, String waId, ConversationState state, Instant startedAt,
                     Instant lastActiveAt, Instant idleExpiresAt, Instant absoluteExpiresAt) {

    static StoredSession begin(String phoneNumberId, String waId, ConversationState state, Instant now, Duration idle,
                               Duration max) {
        Instant end = now.plus(max);
        return new StoredSession(UUID.randomUUID(), phoneNumberId, waId, state, now, now, earlier(now.plus(idle), end), end);
    }

    boolean over(Instant now) {
        return !now.isBefore(idleExpiresAt) || !now.isBefore(absoluteExpiresAt);
    }

    /** The conversation moved on: idle again from now, never past its hour. */
    StoredSession answered(ConversationState next, Instant now, Duration idle) {
        return new StoredSession(sessionId, phoneNumberId, waId, next, startedAt, now, earlier(now.plus(idle), absoluteExpiresAt),
                absoluteExpiresAt);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
