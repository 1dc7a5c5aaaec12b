package org.opd.eta.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.health.Status;

class QueueStreamsHealthIndicatorTest {

    @ParameterizedTest
    @CsvSource({
            "CREATED, UP",
            "REBALANCING, UP",
            "RUNNING, UP",
            "PENDING_SHUTDOWN, DOWN",
            "NOT_RUNNING, DOWN",
            "PENDING_ERROR, DOWN",
            "ERROR, DOWN"})
    void reportsTheTopologyStateAndIsDownOnceItStopsOrFails(KafkaStreams.State state, String expected) {
        var health = new QueueStreamsHealthIndicator(() -> state).health();

        assertThat(health.getStatus()).isEqualTo(new Status(expected));
        assertThat(health.getDetails()).containsEntry("state", state.name());
    }

    @Test
    void isDownBeforeTheTopologyStarts() {
        var health = new QueueStreamsHealthIndicator(() -> null).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "NOT_STARTED");
    }
}
