package org.opd.eta.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ThreadFailurePolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void replacesAThreadThatFailsNowAndThenButShutsDownWhenFailuresComeBackAtOnce() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy(2, Duration.ofMinutes(10), clock);

        assertThat(policy.onFailure()).isEqualTo(REPLACE_THREAD);
        now.set(T0.plusSeconds(5));
        assertThat(policy.onFailure()).isEqualTo(REPLACE_THREAD);
        now.set(T0.plusSeconds(6));
        assertThat(policy.onFailure()).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy(1, Duration.ofMinutes(10), clock);

        assertThat(policy.onFailure()).isEqualTo(REPLACE_THREAD);
        now.set(T0.plus(Duration.ofMinutes(10)));
        assertThat(policy.onFailure()).isEqualTo(REPLACE_THREAD);
    }
}
