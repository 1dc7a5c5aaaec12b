package org.opd.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The guard on a hand-moved clock, which is also the rate limiter's nanosecond time. */
class ProviderGuardTest {

    private static final Instant T0 = Instant.parse("2026-03-12T05:00:00Z");
    private static final SendException SERVER_ERROR = SendException.refused(503, null, null, "unavailable");
    private static final SendException BAD_NUMBER = SendException.refused(400, "21211", null, "invalid number");

    private final MovingClock clock = new MovingClock();

    @Test
    void letsABurstThroughThenPacesAtTheRate() {
        // Given 2 messages per second with a burst of 2: windows of a second
        ProviderGuard guard = guard(new ProviderLimits(2, 2, 5, Duration.ofSeconds(30)));

        // Then two go at once, the third is told to come back when the next window opens
        assertThat(guard.admit()).isEmpty();
        assertThat(guard.admit()).isEmpty();
        clock.advance(Duration.ofMillis(300));
        assertThat(guard.admit()).contains(T0.plusSeconds(1));

        // and then two go again
        clock.advance(Duration.ofMillis(700));
        assertThat(guard.admit()).isEmpty();
        assertThat(guard.admit()).isEmpty();
        assertThat(guard.admit()).contains(T0.plusSeconds(2));
    }

    @Test
    void opensAfterConsecutiveProviderFailuresAndProbesOnceAfterTheOpenDuration() {
        // Given a breaker that opens after 3 failures, for 30 s
        ProviderGuard guard = guard(new ProviderLimits(100, 100, 3, Duration.ofSeconds(30)));

        // When the provider fails three times in a row
        failTimes(guard, 3);

        // Then nothing goes until the open duration is over
        assertThat(guard.circuitOpen()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(guard.admit()).contains(T0.plusSeconds(30));

        // and then exactly one trial goes; the others wait for its outcome
        clock.advance(Duration.ofMillis(20_001));
        assertThat(guard.admit()).isEmpty();
        assertThat(guard.admit()).isPresent();

        // When the trial succeeds, the circuit closes
        guard.succeeded();
        assertThat(guard.circuitOpen()).isFalse();
        assertThat(guard.admit()).isEmpty();
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        ProviderGuard guard = guard(new ProviderLimits(100, 100, 2, Duration.ofSeconds(30)));

        failTimes(guard, 1);
        assertThat(guard.admit()).isEmpty();
        guard.succeeded();
        failTimes(guard, 1);

        assertThat(guard.circuitOpen()).isFalse();
        failTimes(guard, 1);
        assertThat(guard.circuitOpen()).isTrue();
    }

    @Test
    void aFailedTrialOpensTheCircuitAgain() {
        ProviderGuard guard = guard(new ProviderLimits(100, 100, 1, Duration.ofSeconds(30)));
        failTimes(guard, 1);

        clock.advance(Duration.ofMillis(30_001));
        failTimes(guard, 1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.admit()).contains(T0.plusMillis(60_001));
    }

    @Test
    void refusedMessagesDoNotCountAgainstTheProvider() {
        ProviderGuard guard = guard(new ProviderLimits(100, 100, 2, Duration.ofSeconds(30)));

        failTimes(guard, 1);
        assertThat(guard.admit()).isEmpty();
        guard.failed(BAD_NUMBER);
        failTimes(guard, 1);

        assertThat(guard.circuitOpen()).isFalse();
    }

    @Test
    void holdsEveryMessageBackWhileOpenAndDuringTheTrialButNotOnceTheTrialMayGo() {
        ProviderGuard guard = guard(new ProviderLimits(100, 100, 1, Duration.ofSeconds(30)));
        assertThat(guard.holdsBack()).isFalse();

        failTimes(guard, 1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(guard.holdsBack()).isTrue();

        // Once the open duration is over the loop may claim again, so that the trial goes
        clock.advance(Duration.ofMillis(1));
        assertThat(guard.holdsBack()).isFalse();
        assertThat(guard.admit()).isEmpty();
        assertThat(guard.holdsBack()).as("the trial is out").isTrue();

        guard.succeeded();
        assertThat(guard.holdsBack()).isFalse();
    }

    @Test
    void aTrialHeldBackByTheRateLimitGoesWithTheNextPermit() {
        // Given one message per second, and a circuit opened for 100 ms by a failure in this second
        ProviderGuard guard = guard(new ProviderLimits(1, 1, 1, Duration.ofMillis(100)));
        failTimes(guard, 1);

        // When the trial may go but this second's permit is spent
        clock.advance(Duration.ofMillis(101));
        assertThat(guard.admit()).contains(T0.plusSeconds(1));

        // Then the circuit does not hold the channel back, and the trial goes with the next permit
        assertThat(guard.holdsBack()).isFalse();
        clock.advance(Duration.ofMillis(899));
        assertThat(guard.admit()).isEmpty();
        assertThat(guard.holdsBack()).as("the trial is out").isTrue();
    }

    @Test
    void aTrialAbandonedWithoutAnAnswerLetsTheNextTrialGo() {
        // Given a half-open circuit whose trial is out
        ProviderGuard guard = guard(new ProviderLimits(100, 100, 1, Duration.ofMillis(100)));
        failTimes(guard, 1);
        clock.advance(Duration.ofMillis(101));
        assertThat(guard.admit()).isEmpty();
        assertThat(guard.holdsBack()).isTrue();

        // When the send ends in a fault of our own, with no answer from the provider
        guard.abandoned();

        // Then the channel is not held back, and another trial may go
        assertThat(guard.holdsBack()).isFalse();
        assertThat(guard.admit()).isEmpty();
    }

    private ProviderGuard guard(ProviderLimits limits) {
        return new ProviderGuard(limits, clock, clock::nanos);
    }

    private static void failTimes(ProviderGuard guard, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(guard.admit()).isEmpty();
            guard.failed(SERVER_ERROR);
        }
    }

    /** Starts at T0 and moves only when told; {@link #nanos()} counts from T0, as a nano time would. */
    private static final class MovingClock extends Clock {

        private long nanos;

        void advance(Duration step) {
            nanos += step.toNanos();
        }

        long nanos() {
            return nanos;
        }

        @Override
        public Instant instant() {
            return T0.plusNanos(nanos);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the guard needs no zone");
        }
    }
}
