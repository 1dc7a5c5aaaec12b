package org.opd.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.schemas.token.CallOrder;
import org.opd.schemas.token.PriorityHeadStart;

class CallOrderTest {

    private record Waiting(String name, int priority, Instant checkIn, String number, UUID id) {
        Instant place() {
            return PriorityHeadStart.DEFAULTS.placeOf(priority, checkIn);
        }
    }

    private static final Comparator<Waiting> ORDER = CallOrder.comparator(Waiting::place, Waiting::number, Waiting::id);
    private static final Instant NINE = Instant.parse("2026-12-02T03:30:00Z");

    @Test
    void callsHigherPrioritiesFirstWithinTheirHeadStartThenByCheckInTimeWithTheUncheckedInLast() {
        Waiting normalEarly = new Waiting("normal early", 1, NINE, "CARD-001", UUID.randomUUID());
        Waiting normalLate = new Waiting("normal late", 1, NINE.plusSeconds(600), "CARD-002", UUID.randomUUID());
        Waiting senior = new Waiting("senior", 2, NINE.plusSeconds(900), "CARD-003", UUID.randomUUID());
        Waiting emergency = new Waiting("emergency", 3, NINE.plusSeconds(1200), "CARD-004", UUID.randomUUID());
        Waiting notCheckedIn = new Waiting("not checked in", 1, null, "CARD-000", UUID.randomUUID());

        assertThat(sorted(normalLate, notCheckedIn, senior, normalEarly, emergency))
                .extracting(Waiting::name)
                .containsExactly("emergency", "senior", "normal early", "normal late", "not checked in");
    }

    @Test
    void anEmergencyArrivingPastItsHeadStartAfterANormalTokenQueuesBehindIt() {
        // The ageing bound: 60 minutes after checking in, a normal token is no longer pushed back by later emergencies.
        Waiting normal = new Waiting("normal", 1, NINE, "CARD-001", UUID.randomUUID());
        Waiting emergencyWithin = new Waiting("emergency at 59 min", 3, NINE.plus(Duration.ofMinutes(59)), "CARD-002", UUID.randomUUID());
        Waiting emergencyAfter = new Waiting("emergency at 65 min", 3, NINE.plus(Duration.ofMinutes(65)), "CARD-003", UUID.randomUUID());
        Waiting seniorAfter = new Waiting("senior at 21 min", 2, NINE.plus(Duration.ofMinutes(21)), "CARD-004", UUID.randomUUID());

        assertThat(sorted(emergencyAfter, seniorAfter, normal, emergencyWithin))
                .extracting(Waiting::name)
                .containsExactly("emergency at 59 min", "normal", "senior at 21 min", "emergency at 65 min");
    }

    @Test
    void underAStreamOfEmergenciesANormalTokenIsOvertakenOnlyByThoseArrivingWithinTheBound() {
        // Given a normal token at 9:00, an emergency every 2 minutes for 3 hours, one consultation every 5 minutes
        PriorityHeadStart bound = PriorityHeadStart.DEFAULTS;

        // When the doctor calls in the shared order
        int normalCalledAt = minuteCalled(bound);

        // Then only the 31 emergencies arriving within its 60 minutes (9:00 to 10:00, the last tying on place and
        // ahead by token number) went ahead: it is called 32nd, 160 minutes after 9:00
        assertThat(normalCalledAt).isEqualTo(160);
        // Without the bound (a head start longer than the day) all 90 go first: it waits until the stream has been seen
        assertThat(minuteCalled(new PriorityHeadStart(Duration.ofHours(24), Duration.ofHours(24)))).isEqualTo(455);
    }

    /** The minute the normal token is called in the scenario above, under the given head starts. */
    private static int minuteCalled(PriorityHeadStart headStart) {
        Comparator<Waiting> order = CallOrder.comparator(w -> headStart.placeOf(w.priority(), w.checkIn()), Waiting::number, Waiting::id);
        List<Waiting> line = new ArrayList<>(List.of(new Waiting("normal", 1, NINE, "GEN-000", UUID.randomUUID())));
        int arrivals = 0;
        for (int minute = 0; minute <= 24 * 60; minute++) {
            if (minute % 2 == 0 && minute < 180) {
                line.add(new Waiting("emergency", 3, NINE.plus(Duration.ofMinutes(minute)), "EMR-%03d".formatted(++arrivals),
                        UUID.randomUUID()));
            }
            if (minute % 5 == 0 && minute > 0) {
                line.sort(order);
                if (line.remove(0).name().equals("normal")) {
                    return minute;
                }
            }
        }
        throw new AssertionError("never called");
    }

    @Test
    void refusesAnEmergencyHeadStartShorterThanTheSeniors() {
        assertThatThrownBy(() -> new PriorityHeadStart(Duration.ofMinutes(30), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void breaksATieOfPlacesByTokenNumberThenByTokenIdAsPostgresqlOrdersUuids() {
        // UUID.compareTo compares signed halves and would put 8… before 1…; PostgreSQL (and the order) do not.
        UUID low = UUID.fromString("10000000-0000-4000-8000-000000000000");
        UUID high = UUID.fromString("80000000-0000-4000-8000-000000000000");
        assertThat(high.compareTo(low)).isNegative();
        Waiting b = new Waiting("B", 1, NINE, "CARD-002", low);
        Waiting aHigh = new Waiting("A high id", 1, NINE, "CARD-001", high);
        Waiting aLow = new Waiting("A low id", 1, NINE, "CARD-001", low);

        assertThat(sorted(b, aHigh, aLow)).extracting(Waiting::name).containsExactly("A low id", "A high id", "B");
    }

    @Test
    void namesTheSameFieldsInSql() {
        assertThat(CallOrder.sql("t")).isEqualTo("t.line_place_at ASC NULLS LAST, t.token_number COLLATE \"C\", t.token_id");
    }

    private static List<Waiting> sorted(Waiting... tokens) {
        List<Waiting> list = new ArrayList<>(List.of(tokens));
        list.sort(ORDER);
        return list;
    }
}
