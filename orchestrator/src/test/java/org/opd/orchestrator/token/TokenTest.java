package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opd.orchestrator.error.IllegalTransitionException;
import org.opd.orchestrator.hospital.Coordinates;
import org.opd.orchestrator.hospital.Geofence;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.PriorityHeadStart;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

class TokenTest {

    private static final Instant EARLIER = Instant.parse("2026-03-02T04:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T04:30:00Z");
    private static final Coordinates HOSPITAL = new Coordinates(12.9716, 77.5946);
    private static final Geofence GEOFENCE = new Geofence(HOSPITAL, 200);
    /** About 16 m north-east of the hospital. */
    private static final Coordinates AT_THE_DOOR = new Coordinates(12.9717, 77.5947);

    /** Each intention method, named by the status it moves a token to. */
    private enum Intention {
        CHECK_IN(TokenStatus.CHECKED_IN, (token, now) -> token.checkIn(AT_THE_DOOR, GEOFENCE, PriorityHeadStart.DEFAULTS, now)),
        WAIT(TokenStatus.WAITING, (token, now) -> token.markWaiting(now)),
        START(TokenStatus.IN_CONSULTATION, (token, now) -> token.startConsultation(now)),
        COMPLETE(TokenStatus.COMPLETED, (token, now) -> token.complete(now)),
        NO_SHOW(TokenStatus.NO_SHOW, (token, now) -> token.markNoShow("Did not come when called", now)),
        CANCEL(TokenStatus.CANCELLED, (token, now) -> token.cancel("Patient asked", now)),
        RESCHEDULE(TokenStatus.RESCHEDULED, (token, now) -> token.reschedule("Doctor delayed", UUID.randomUUID(), now));

        final TokenStatus target;
        final BiConsumer<Token, Instant> move;

        Intention(TokenStatus target, BiConsumer<Token, Instant> move) {
            this.target = target;
            this.move = move;
        }
    }

    static Stream<Arguments> everyStatusWithEveryIntention() {
        return Arrays.stream(TokenStatus.values())
                .flatMap(from -> Arrays.stream(Intention.values()).map(intention -> Arguments.of(from, intention)));
    }

    @ParameterizedTest(name = "{0} --{1}--> allowed iff the state machine allows {0} -> target")
    @MethodSource("everyStatusWithEveryIntention")
    void movesExactlyWhereTheStateMachineAllows(TokenStatus from, Intention intention) {
        // Given a token in the status (a waiting token has been called in, so it may start)
        Token token = tokenIn(from);

        // When the intention is acted on
        Throwable refusal = catchThrowable(() -> intention.move.accept(token, NOW));

        // Then it moves iff the one transition table allows it, and records exactly that move
        if (from.canMoveTo(intention.target)) {
            assertThat(refusal).isNull();
            assertThat(token.status()).isEqualTo(intention.target);
            assertThat(token.changes()).singleElement().satisfies(change -> {
                assertThat(change.previousStatus()).isEqualTo(from);
                assertThat(change.newStatus()).isEqualTo(intention.target);
                assertThat(change.occurredAt()).isEqualTo(NOW);
            });
        } else {
            assertThat(refusal).isInstanceOf(IllegalTransitionException.class);
            assertThat(((IllegalTransitionException) refusal).currentStatus()).isEqualTo(from.name());
            assertThat(token.status()).isEqualTo(from);
            assertThat(token.changes()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TokenStatus.class)
    void callsOnlyAWaitingTokenThatWasNotCalledYet(TokenStatus from) {
        Token token = tokenIn(from, null);

        Throwable refusal = catchThrowable(() -> token.call(NOW));

        if (from == TokenStatus.WAITING) {
            assertThat(refusal).isNull();
            assertThat(token.status()).isEqualTo(TokenStatus.WAITING);
            assertThat(token.timeline().calledTime()).isEqualTo(NOW);
            assertThat(token.changes()).singleElement().satisfies(change -> {
                assertThat(change.type()).isEqualTo(TokenEventType.TOKEN_CALLED);
                assertThat(change.previousStatus()).isEqualTo(TokenStatus.WAITING);
                assertThat(change.newStatus()).isEqualTo(TokenStatus.WAITING);
            });
        } else {
            assertThat(refusal).isInstanceOf(IllegalTransitionException.class);
            assertThat(token.timeline().calledTime()).isNull();
            assertThat(token.changes()).isEmpty();
        }
    }

    @Test
    void refusesToCallATokenTwice() {
        Token token = tokenIn(TokenStatus.WAITING, EARLIER);

        assertThatThrownBy(() -> token.call(NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("already been called");
        assertThat(token.timeline().calledTime()).isEqualTo(EARLIER);
        assertThat(token.changes()).isEmpty();
    }

    @Test
    void refusesToStartAConsultationNobodyWasCalledIn() {
        Token token = tokenIn(TokenStatus.WAITING, null);

        assertThatThrownBy(() -> token.startConsultation(NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("has not been called");
        assertThat(token.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(token.changes()).isEmpty();
    }

    @Test
    void refusesACheckInOutsideTheGeofenceNamingTheDistance() {
        Token token = tokenIn(TokenStatus.BOOKED);
        // Roughly 5.6 km north of the hospital.
        Coordinates acrossTown = new Coordinates(13.0216, 77.5946);

        Throwable refusal = catchThrowable(() -> token.checkIn(acrossTown, GEOFENCE, PriorityHeadStart.DEFAULTS, NOW));

        assertThat(refusal).isInstanceOf(OutsideGeofenceException.class);
        assertThat(((OutsideGeofenceException) refusal).properties())
                .containsEntry("radiusMeters", 200)
                .hasEntrySatisfying("distanceMeters", d -> assertThat((Long) d).isBetween(5_500L, 5_600L));
        assertThat(token.status()).isEqualTo(TokenStatus.BOOKED);
        assertThat(token.timeline().checkInTime()).isNull();
        assertThat(token.changes()).isEmpty();
    }

    @Test
    void checkInKeepsWhereAndWhenAndTheDistance() {
        Token token = tokenIn(TokenStatus.BOOKED);

        token.checkIn(AT_THE_DOOR, GEOFENCE, PriorityHeadStart.DEFAULTS, NOW);

        assertThat(token.timeline().checkInTime()).isEqualTo(NOW);
        assertThat(token.timeline().checkInLocation()).isEqualTo(AT_THE_DOOR);
        assertThat(token.changes().get(0).type()).isEqualTo(TokenEventType.TOKEN_CHECKED_IN);
        assertThat(token.changes().get(0).details()).containsEntry("distanceMeters", 16L);
    }

    @Test
    void cancellingKeepsTheReason() {
        Token token = tokenIn(TokenStatus.CHECKED_IN);

        token.cancel("Patient felt better", NOW);

        assertThat(token.cancellationReason()).isEqualTo("Patient felt better");
        assertThat(token.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(TokenEventType.TOKEN_CANCELLED);
            assertThat(change.reason()).isEqualTo("Patient felt better");
        });
    }

    @ParameterizedTest
    @EnumSource(TokenStatus.class)
    void marksAnUnansweredCallANoShowOnlyForACalledWaitingTokenPastTheGrace(TokenStatus from) {
        // Given a token in the status, called 30 minutes ago (EARLIER) when it is waiting
        Token token = tokenIn(from);

        // When the automatic no-show runs with a 10-minute grace period
        Throwable refusal = catchThrowable(() -> token.markNoShowAfterCall(Duration.ofMinutes(10), NOW));

        // Then only the called waiting token becomes a no-show, saying it was automatic and why
        if (from == TokenStatus.WAITING) {
            assertThat(refusal).isNull();
            assertThat(token.status()).isEqualTo(TokenStatus.NO_SHOW);
            assertThat(token.changes()).singleElement().satisfies(change -> {
                assertThat(change.type()).isEqualTo(TokenEventType.TOKEN_MARKED_NO_SHOW);
                assertThat(change.reason()).contains("PT10M");
                assertThat(change.details()).containsEntry("automatic", true).containsEntry("graceSeconds", 600L);
            });
        } else {
            assertThat(refusal).isInstanceOf(IllegalTransitionException.class);
            assertThat(token.status()).isEqualTo(from);
            assertThat(token.changes()).isEmpty();
        }
    }

    @Test
    void leavesACalledTokenAloneWithinTheGrace() {
        Token token = tokenIn(TokenStatus.WAITING, EARLIER);

        assertThatThrownBy(() -> token.markNoShowAfterCall(Duration.ofMinutes(31), NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(token.status()).isEqualTo(TokenStatus.WAITING);
    }

    @Test
    void leavesAnUncalledWaitingTokenAlone() {
        Token token = tokenIn(TokenStatus.WAITING, null);

        assertThatThrownBy(() -> token.markNoShowAfterCall(Duration.ZERO, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(token.changes()).isEmpty();
    }

    @Test
    void reschedulingNamesTheReplacementToken() {
        Token token = tokenIn(TokenStatus.BOOKED);
        UUID replacement = UUID.randomUUID();

        token.reschedule("Doctor on emergency duty", replacement, NOW);

        assertThat(token.status()).isEqualTo(TokenStatus.RESCHEDULED);
        assertThat(token.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(TokenEventType.TOKEN_RESCHEDULED);
            assertThat(change.reason()).isEqualTo("Doctor on emergency duty");
            assertThat(change.details()).containsEntry("rescheduledTo", replacement.toString());
        });
    }

    @ParameterizedTest
    @EnumSource(value = TokenStatus.class, names = {"BOOKED", "CHECKED_IN", "WAITING"})
    void reassigningKeepsStatusNumberPriorityAndCheckInAndNamesBothLines(TokenStatus from) {
        Token token = tokenIn(from, null);
        UUID oldDoctor = token.booking().doctorId();
        UUID oldCabin = token.booking().cabinId();
        UUID doctor = UUID.randomUUID();
        UUID cabin = UUID.randomUUID();
        UUID shift = UUID.randomUUID();

        token.reassign(doctor, cabin, shift, 25, NOW);

        assertThat(token.status()).isEqualTo(from);
        assertThat(token.booking()).extracting(TokenBooking::doctorId, TokenBooking::cabinId, TokenBooking::assignmentId,
                TokenBooking::tokenNumber, TokenBooking::priority).containsExactly(doctor, cabin, shift, "CARD-001", 1);
        assertThat(token.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(TokenEventType.TOKEN_REASSIGNED);
            assertThat(change.previousStatus()).isEqualTo(from);
            assertThat(change.newStatus()).isEqualTo(from);
            assertThat(change.handover()).isEqualTo(new TokenChange.Handover(oldDoctor, oldCabin, doctor, 25));
        });
    }

    @ParameterizedTest
    @EnumSource(value = TokenStatus.class, names = {"IN_CONSULTATION", "COMPLETED", "NO_SHOW", "CANCELLED", "RESCHEDULED"})
    void refusesToReassignATokenNoLongerWaiting(TokenStatus from) {
        Token token = tokenIn(from);

        assertThatThrownBy(() -> token.reassign(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 10, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(token.changes()).isEmpty();
    }

    @Test
    void refusesToReassignATokenCalledIn() {
        Token token = tokenIn(TokenStatus.WAITING, EARLIER);

        assertThatThrownBy(() -> token.reassign(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 10, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anIssuedTokenIsBookedAndRecordsItsIssue() {
        Token token = Token.issue(booking(), NOW);

        assertThat(token.status()).isEqualTo(TokenStatus.BOOKED);
        assertThat(token.changes()).singleElement().isEqualTo(
                new TokenChange(TokenEventType.TOKEN_ISSUED, null, TokenStatus.BOOKED, NOW, null, Map.of()));
    }

    private static Token tokenIn(TokenStatus status) {
        return tokenIn(status, status == TokenStatus.WAITING ? EARLIER : null);
    }

    private static Token tokenIn(TokenStatus status, Instant calledTime) {
        TokenTimeline timeline = status == TokenStatus.BOOKED ? TokenTimeline.NOT_STARTED
                : new TokenTimeline(EARLIER, AT_THE_DOOR, calledTime, null, null, EARLIER, null);
        return Token.restore(booking(), status, timeline, null, 3);
    }

    private static TokenBooking booking() {
        return new TokenBooking(UUID.randomUUID(), "CARD-001", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), BookingType.WALK_IN, 1, EARLIER, LocalDate.of(2026, 3, 2), null, UUID.randomUUID(), null);
    }
}
