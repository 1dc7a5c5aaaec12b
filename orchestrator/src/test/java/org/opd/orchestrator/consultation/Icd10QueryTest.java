package org.opd.orchestrator.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.error.InvalidInputException;

class Icd10QueryTest {

    @Test
    void theStartOfACodeWithOrWithoutTheDotIsACodePrefix() {
        assertThat(Icd10Query.parse("e11.9").codePrefix()).isEqualTo("E119");
        assertThat(Icd10Query.parse(" E119 ").codePrefix()).isEqualTo("E119");
        assertThat(Icd10Query.parse("J45").codePrefix()).isEqualTo("J45");
        assertThat(Icd10Query.parse("S72.001A").codePrefix()).isEqualTo("S72001A");
    }

    @Test
    void otherTextIsWordsMatchedAsPrefixesAndNothingButLettersAndDigitsReachesTheQuery() {
        Icd10Query query = Icd10Query.parse("Type 2 diab' & !hyper:*|");

        assertThat(query.codePrefix()).isNull();
        assertThat(query.words()).isEqualTo(List.of("type", "2", "diab", "hyper"));
        assertThat(query.tsQuery()).isEqualTo("type:* & 2:* & diab:* & hyper:*");
    }

    @Test
    void blankTextOrPunctuationOnlyIsRefusedNamingTheParameter() {
        for (String text : new String[] {null, " ", "&|!"}) {
            assertThatThrownBy(() -> Icd10Query.parse(text)).isInstanceOf(InvalidInputException.class).hasMessageContaining("q ");
        }
    }

    @Test
    void storedAndDottedFormsOfACode() {
        assertThat(Icd10Code.stored("i10")).contains("I10");
        assertThat(Icd10Code.stored("E11.65")).contains("E1165");
        assertThat(Icd10Code.stored("E1.165")).isEmpty();
        assertThat(Icd10Code.stored("hypertension")).isEmpty();
        assertThat(Icd10Code.dotted("E1165")).isEqualTo("E11.65");
        assertThat(Icd10Code.dotted("I10")).isEqualTo("I10");
    }
}
