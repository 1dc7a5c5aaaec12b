package org.opd.cdc.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opd.cdc.CdcProperties;

class CaptureEngineBackoffTest {

    private final CaptureEngine engine = new CaptureEngine(properties(Duration.ofSeconds(1), Duration.ofMinutes(1)), null,
            new EngineStatus());

    @Test
    void doublesTheWaitBeforeEachRestartOfAnEngineThatKeepsDyingUpToTheLimit() {
        assertThat(engine.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(engine.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(engine.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(engine.backoff(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(engine.backoff(1_000)).isEqualTo(Duration.ofMinutes(1));
    }

    private static CdcProperties properties(Duration backoff, Duration backoffMax) {
        return new CdcProperties(new CdcProperties.Database("127.0.0.1", 5432, "opd", "postgres", ""), "localhost:9092",
                "opd_outbox", "opd_outbox_publication", Duration.ofMillis(10), 2048, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(5), backoff, backoffMax,
                Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofSeconds(10), 1);
    }
}
