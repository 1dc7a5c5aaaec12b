package org.opd.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opd.schemas.token.TokenStatus.*;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opd.schemas.token.TokenStatus;

class TokenStatusTest {

    /** The whole table of spec 004: every allowed move, and nothing else. */
    private static final Set<String> ALLOWED = Set.of(
            "BOOKED>CHECKED_IN", "CHECKED_IN>WAITING", "WAITING>IN_CONSULTATION", "IN_CONSULTATION>COMPLETED",
            "BOOKED>NO_SHOW", "BOOKED>CANCELLED", "BOOKED>RESCHEDULED",
            "CHECKED_IN>NO_SHOW", "CHECKED_IN>CANCELLED", "CHECKED_IN>RESCHEDULED",
            "WAITING>NO_SHOW", "WAITING>CANCELLED", "WAITING>RESCHEDULED",
            "IN_CONSULTATION>NO_SHOW", "IN_CONSULTATION>CANCELLED", "IN_CONSULTATION>RESCHEDULED");

    static Stream<Arguments> everyPairOfStatuses() {
        return Stream.of(TokenStatus.values())
                .flatMap(from -> Stream.of(TokenStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void allowsExactlyTheMovesOfTheSpec(TokenStatus from, TokenStatus to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(from + ">" + to));
    }

    @ParameterizedTest
    @MethodSource("everyPairOfStatuses")
    void aFinalStatusNeverMovesAgain(TokenStatus from, TokenStatus to) {
        if (Set.of(COMPLETED, NO_SHOW, CANCELLED, RESCHEDULED).contains(from)) {
            assertThat(from.canMoveTo(to)).isFalse();
        }
    }
}
