package org.opd.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void everyOptionHasADefault() {
        LoadOptions options = LoadOptions.parse();

        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.baseUrl()).isNull();
    }

    @Test
    void maxRateMeansAsFastAsTheSystemAnswers() {
        LoadOptions options = LoadOptions.parse("--rate=max", "--duration=10m", "--doctors=19");

        assertThat(options.rate()).isZero();
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.doctors()).isEqualTo(19);
    }

    @Test
    void refusesBadValuesNamingTheOption() {
        assertThatThrownBy(() -> LoadOptions.parse("--rate=fast")).hasMessageStartingWith("--rate:");
        assertThatThrownBy(() -> LoadOptions.parse("--rate=-5")).hasMessageStartingWith("--rate:");
        assertThatThrownBy(() -> LoadOptions.parse("--duration=soon")).hasMessageStartingWith("--duration:");
        assertThatThrownBy(() -> LoadOptions.parse("--clients=0")).hasMessageStartingWith("--clients:");
        assertThatThrownBy(() -> LoadOptions.parse("--doctors=20")).hasMessageStartingWith("--doctors:");
        assertThatThrownBy(() -> LoadOptions.parse("--colour=blue")).hasMessageStartingWith("unknown argument --colour");
        assertThatThrownBy(() -> LoadOptions.parse("rate=5")).hasMessageContaining("expected --name=value");
    }
}
