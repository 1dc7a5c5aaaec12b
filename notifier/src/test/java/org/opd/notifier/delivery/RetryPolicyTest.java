package org.opd.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(10),
            new SplittableRandom());

    @RepeatedTest(20)
    void backsOffExponentiallyWithJitterInTheUpperHalfUpToTheMaximum() {
        assertThat(policy.nextDelay(1, Optional.empty())).hasValueSatisfying(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(policy.nextDelay(2, Optional.empty())).hasValueSatisfying(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4)));
        assertThat(policy.nextDelay(3, Optional.empty())).hasValueSatisfying(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8)));
        assertThat(policy.nextDelay(4, Optional.empty())).hasValueSatisfying(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.nextDelay(5, Optional.empty())).isEmpty();
    }

    @Test
    void neverRetriesSoonerThanTheProviderAsked() {
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofSeconds(30)))).contains(Duration.ofSeconds(30));
        assertThat(policy.nextDelay(3, Optional.of(Duration.ofMillis(10)))).hasValueSatisfying(delay ->
                assertThat(delay).isGreaterThanOrEqualTo(Duration.ofSeconds(4)));
    }
}
