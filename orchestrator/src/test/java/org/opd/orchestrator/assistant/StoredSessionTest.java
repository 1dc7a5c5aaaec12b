package org.opd.orchestrator.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Spec 000's two deadlines of a WhatsApp session: 15 minutes without an answer, an hour in all. */
class StoredSessionTest {

    private static final Duration IDLE = Duration.ofMinutes(15);
    private static final Duration MAX = Duration.ofHours(1);
    private static final Instant START = Instant.parse("2026-12-07T03:30:00Z");

    private final StoredSession started = StoredSession.begin("106540352242922", "919812345678", ConversationState.first(),
            START, IDLE, MAX);

    @Test
    void endsFifteenMinutesAfterTheLastAnswer() {
        StoredSession answered = started.answered(ConversationState.first(), START.plus(Duration.ofMinutes(10)), IDLE);

        assertThat(answered.over(START.plus(Duration.ofMinutes(24)))).isFalse();
        assertThat(answered.over(START.plus(Duration.ofMinutes(25)))).isTrue();
        assertThat(started.over(START.plus(IDLE))).isTrue();
    }

    @Test
    void endsAnHourAfterItStartedHoweverBusy() {
        StoredSession session = started;
        for (int minute = 10; minute <= 50; minute += 10) {
            session = session.answered(ConversationState.first(), START.plus(Duration.ofMinutes(minute)), IDLE);
        }
        StoredSession late = session.answered(ConversationState.first(), START.plus(Duration.ofMinutes(55)), IDLE);

        assertThat(late.idleExpiresAt()).isEqualTo(START.plus(MAX));
        assertThat(late.over(START.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(late.over(START.plus(MAX))).isTrue();
        assertThat(late.sessionId()).isEqualTo(started.sessionId());
    }
}
