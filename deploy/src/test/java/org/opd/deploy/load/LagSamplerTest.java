package org.opd.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opd.schemas.token.TokenStatus;

class LagSamplerTest {

    @Test
    void aMoveCountsAsSeenOnceRedisShowsItsStatusOrALaterOne() {
        assertThat(LagSampler.reached(TokenStatus.CHECKED_IN, TokenStatus.CHECKED_IN)).isTrue();
        assertThat(LagSampler.reached(TokenStatus.IN_CONSULTATION, TokenStatus.WAITING)).isTrue();
        assertThat(LagSampler.reached(TokenStatus.NO_SHOW, TokenStatus.CHECKED_IN)).isTrue();
        assertThat(LagSampler.reached(TokenStatus.BOOKED, TokenStatus.CHECKED_IN)).isFalse();
        assertThat(LagSampler.reached(TokenStatus.WAITING, TokenStatus.COMPLETED)).isFalse();
    }
}
