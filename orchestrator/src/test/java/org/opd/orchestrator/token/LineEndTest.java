package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LineEndTest {

    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    private static final Duration MICRO = Duration.ofNanos(1_000);

    private final List<LinedUpToken> line = List.of(
            lined(NOW.minus(Duration.ofMinutes(70))), lined(NOW.minus(Duration.ofMinutes(10))));

    @Test
    void theFrontIsJustBeforeTheFirstWaitingAndTheBackIsNowOrJustAfterTheLast() {
        assertThat(LineEnd.FRONT.placeIn(line, NOW.minus(Duration.ofMinutes(5)), NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(70)).minus(MICRO));
        assertThat(LineEnd.BACK.placeIn(line, NOW.minus(Duration.ofMinutes(5)), NOW)).isEqualTo(NOW);
        List<LinedUpToken> lastInTheFuture = List.of(lined(NOW.plusSeconds(1)));
        assertThat(LineEnd.BACK.placeIn(lastInTheFuture, null, NOW)).isEqualTo(NOW.plusSeconds(1).plus(MICRO));
    }

    @Test
    void aTokenAlreadyAheadOfEveryoneKeepsItsPlaceAtTheFrontAndAnEmptyLineTakesItsOwnPlace() {
        Instant ownEarlier = NOW.minus(Duration.ofMinutes(90));

        assertThat(LineEnd.FRONT.placeIn(line, ownEarlier, NOW)).isEqualTo(ownEarlier);
        assertThat(LineEnd.FRONT.placeIn(List.of(), ownEarlier, NOW)).isEqualTo(ownEarlier);
        assertThat(LineEnd.BACK.placeIn(List.of(), ownEarlier, NOW)).isEqualTo(NOW);
        assertThat(TransferPlace.KEEP.placeIn(line, ownEarlier, NOW)).isEqualTo(ownEarlier);
    }

    private static LinedUpToken lined(Instant place) {
        return new LinedUpToken(UUID.randomUUID(), "CARD-" + place.getEpochSecond(), 1, place, place);
    }
}
