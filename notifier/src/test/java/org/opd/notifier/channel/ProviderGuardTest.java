package org.opd.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProviderGuardTest {

    private static final Instant T0 = Instant.parse("2026-03-12T05:00:00Z");
    private static final SendException SERVER_ERROR = SendException.refused(503, null, null, "unavailable");
    private static final SendException BAD_NUMBER = SendException.refused(400, "21211", null, "invalid number");

    @Test
    void letsABurstThroughThenPacesAtTheRate() {
        // Given 2 messages per second with a burst of 2
        ProviderGuard guard = new ProviderGuard(new ProviderLimits(2, 2, 5, Duration.ofSeconds(30)), T0);

        // Then two go at once, the third is told to come back half a second later
        assertThat(guard.admit(T0)).isEmpty();
        assertThat(guard.admit(T0)).isEmpty();
        assertThat(guard.admit(T0)).contains(T0.plusMillis(500));
        assertThat(guard.admit(T0.plusMillis(500))).isEmpty();
    }

    @Test
    void opensAfterConsecutiveProviderFailuresAndProbesOnceAfterTheOpenDuration() {
        // Given a breaker that opens after 3 failures, for 30 s
        ProviderGuard guard = new ProviderGuard(new ProviderLimits(100, 100, 3, Duration.ofSeconds(30)), T0);

        // When the provider fails three times in a row
        for (int i = 0; i < 3; i++) {
            assertThat(guard.admit(T0)).isEmpty();
            guard.failed(SERVER_ERROR, T0);
        }

        // Then nothing goes until the open duration is over
        assertThat(guard.circuitOpen()).isTrue();
        assertThat(guard.admit(T0.plusSeconds(10))).contains(T0.plusSeconds(30));

        // and then exactly one trial goes; the others wait for its outcome
        assertThat(guard.admit(T0.plusSeconds(30))).isEmpty();
        assertThat(guard.admit(T0.plusSeconds(30))).isPresent();

        // When the trial succeeds, the circuit closes
        guard.succeeded();
        assertThat(guard.circuitOpen()).isFalse();
        assertThat(guard.admit(T0.plusSeconds(31))).isEmpty();
    }

    @Test
    void aFailedTrialOpensTheCircuitAgain() {
        ProviderGuard guard = new ProviderGuard(new ProviderLimits(100, 100, 1, Duration.ofSeconds(30)), T0);
        guard.failed(SERVER_ERROR, T0);

        assertThat(guard.admit(T0.plusSeconds(30))).isEmpty();
        guard.failed(SERVER_ERROR, T0.plusSeconds(30));

        assertThat(guard.admit(T0.plusSeconds(31))).contains(T0.plusSeconds(60));
    }

    @Test
    void refusedMessagesDoNotCountAgainstTheProvider() {
        ProviderGuard guard = new ProviderGuard(new ProviderLimits(100, 100, 2, Duration.ofSeconds(30)), T0);

        guard.failed(SERVER_ERROR, T0);
        guard.failed(BAD_NUMBER, T0);
        guard.failed(SERVER_ERROR, T0);

        assertThat(guard.circuitOpen()).isFalse();
    }

    @Test
    void holdsEveryMessageBackWhileOpenAndDuringTheTrialButNotOnceTheTrialMayGo() {
        ProviderGuard guard = new ProviderGuard(new ProviderLimits(100, 100, 1, Duration.ofSeconds(30)), T0);
        assertThat(guard.holdsBack(T0)).isFalse();

        guard.failed(SERVER_ERROR, T0);
        assertThat(guard.holdsBack(T0.plusSeconds(29))).isTrue();

        // Once the open duration is over the loop may claim again, so that the trial goes
        assertThat(guard.holdsBack(T0.plusSeconds(30))).isFalse();
        assertThat(guard.admit(T0.plusSeconds(30))).isEmpty();
        assertThat(guard.holdsBack(T0.plusSeconds(30))).as("the trial is out").isTrue();

        guard.succeeded();
        assertThat(guard.holdsBack(T0.plusSeconds(31))).isFalse();
    }
}
