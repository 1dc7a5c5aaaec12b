package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AppointmentStatusTest {

    /** Rows: from; columns in declaration order: SCHEDULED CONFIRMED IN_PROGRESS COMPLETED CANCELLED NO_SHOW. */
    private static final String[] ALLOWED = {
            "SCHEDULED   . x . . x x",
            "CONFIRMED   . . x . x x",
            "IN_PROGRESS . . . x x x",
            "COMPLETED   . . . . . .",
            "CANCELLED   . . . . . .",
            "NO_SHOW     . . . . . .",
    };

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (String row : ALLOWED) {
            String[] cells = row.trim().split("\\s+");
            AppointmentStatus from = AppointmentStatus.valueOf(cells[0]);
            for (AppointmentStatus to : AppointmentStatus.values()) {
                pairs.add(Arguments.of(from, to, cells[1 + to.ordinal()].equals("x")));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void allowsExactlyTheMovesOfTheTable(AppointmentStatus from, AppointmentStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(AppointmentStatus.class)
    void aStatusHoldsItsTimeExactlyWhileItCanStillMove(AppointmentStatus from) {
        boolean canMove = Stream.of(AppointmentStatus.values()).anyMatch(from::canMoveTo);
        assertThat(from.holdsTime()).isEqualTo(canMove);
    }
}
