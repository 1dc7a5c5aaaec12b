package org.opd.eta.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArrivalWindowTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final ShiftState NINE_TO_ONE = new ShiftState(NINE, NINE.plus(Duration.ofHours(4)), NINE, null, null,
            false, false, List.of(), null);

    @Test
    void onAFirstMorningWalkInsFadeFromTheLastBookingToThePlannedEnd() {
        // Given 09:00, a booking at 11:00 and the shift planned to end at 13:00
        List<QueueSituation.BookedToken> booked = List.of(new QueueSituation.BookedToken(1, NINE.plus(Duration.ofHours(2))));

        ArrivalWindow window = ArrivalWindow.of(new QueueSituation(NINE, null, 10, 5, List.of(), booked, NINE_TO_ONE, DoctorHistory.EMPTY));

        assertThat(window.chance(90)).isEqualTo(1);
        assertThat(window.chance(180)).isEqualTo(0.5);
        assertThat(window.chance(240)).isZero();
    }

    @Test
    void oncePastMorningsShowedWhenWalkInsStopThatHourDecidesAndNotThePlannedEnd() {
        // Given two past mornings whose last walk-in was at 11:30, a booked senior checking in after it each day
        PriorityArrivals arrivals = PriorityArrivals.NONE;
        for (int day = 2; day >= 1; day--) {
            Instant morning = NINE.minus(Duration.ofDays(day));
            // (the last argument: whether it is a walk-in)
            arrivals = arrivals.withCheckIn(morning, 1, false)
                    .withCheckIn(morning.plus(Duration.ofMinutes(150)), 1, true)
                    .withCheckIn(morning.plus(Duration.ofMinutes(160)), 2, false);
        }
        arrivals = arrivals.withCheckIn(NINE, 1, true);
        DoctorHistory history = new DoctorHistory(List.of(), List.of(), 0, 0, 0, 0, arrivals);
        ShiftState nineToTwo = new ShiftState(NINE, NINE.plus(Duration.ofHours(5)), NINE, null, null, false, false, List.of(), null);

        ArrivalWindow toOne = ArrivalWindow.of(new QueueSituation(NINE, null, 10, 5, List.of(), List.of(), NINE_TO_ONE, history));
        ArrivalWindow toTwo = ArrivalWindow.of(new QueueSituation(NINE, null, 10, 5, List.of(), List.of(), nineToTwo, history));

        // Then the full rate runs to 11:30 (the booked check-in after it does not count) and fades out by 11:45
        assertThat(toOne).isEqualTo(new ArrivalWindow(150, 165)).isEqualTo(toTwo);
    }
}
