package org.opd.orchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskedNameTest {

    @ParameterizedTest
    @CsvSource({"Meera Iyer, M*** I***", "'  Anil   Kumar Mehta ', A*** K*** M***", "Ravi, R***", "Ána Ödegaard, Á*** Ö***"})
    void keepsOnlyTheFirstLetterOfEachPart(String name, String masked) {
        assertThat(MaskedName.of(name)).isEqualTo(masked);
    }
}
