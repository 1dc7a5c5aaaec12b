package org.opd.schemas.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The names are spec 004's: hospitals' own screens read them, so they change only with the spec. */
class LiveStateKeysTest {

    private static final UUID ID = UUID.fromString("5b0f6a0e-8f3c-4d7e-9a51-2f1c0d9e7b44");

    @Test
    void keysAreSpelledAsInTheSpecification() {
        assertThat(LiveStateKeys.doctorQueue(ID)).isEqualTo("queue:doctor:" + ID + ":active");
        assertThat(LiveStateKeys.tokenDetails(ID)).isEqualTo("token:" + ID + ":details");
        assertThat(LiveStateKeys.doctorStatus(ID)).isEqualTo("doctor:" + ID + ":status");
        assertThat(LiveStateKeys.departmentQueueCount(ID)).isEqualTo("dept:" + ID + ":queue_count");
    }

    @Test
    void theDetailsKeyIsItsPrefixTheTokenIdAndItsSuffix() {
        assertThat(LiveStateKeys.TOKEN_DETAILS_PREFIX + ID + LiveStateKeys.TOKEN_DETAILS_SUFFIX)
                .isEqualTo(LiveStateKeys.tokenDetails(ID));
    }

    @Test
    void inLineOnlyFieldsAreThePositionAndTheEta() {
        assertThat(TokenDetailsField.names(TokenDetailsField.IN_LINE_ONLY))
                .containsExactly("position", "etaMinutesP50", "etaMinutesP90");
    }
}
