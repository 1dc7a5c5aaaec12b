package org.opd.orchestrator.redistribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.redistribution.PlanInput.AffectedToken;
import org.opd.orchestrator.redistribution.PlanInput.LineToken;
import org.opd.orchestrator.redistribution.PlanInput.NextSession;
import org.opd.orchestrator.redistribution.PlanInput.Session;
import org.opd.schemas.token.PriorityHeadStart;
import org.opd.schemas.token.TokenStatus;

class RedistributionPlannerTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-02");
    private static final Instant NINE = Instant.parse("2026-12-02T09:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-12-02T18:00:00Z");
    private static final UUID DEPT = UUID.randomUUID();

    private final RedistributionPlanner planner = new RedistributionPlanner();
    private int numbers;

    @Test
    void spreadsTheTokensSoThatTheWaitsStayBalanced() {
        // Given two idle colleagues seeing patients in 10 min (+5 buffer) and one in 25 (+5)
        Session fast1 = session("A", 10, 30, List.of());
        Session fast2 = session("B", 10, 30, List.of());
        Session slow = session("C", 25, 30, List.of());
        List<AffectedToken> affected = tokens(6);

        // When the six affected tokens are planned
        RedistributionPlan plan = planner.plan(input(affected, List.of(fast1, fast2, slow), Map.of(), null), "v");

        // Then each goes where its wait is shortest: one to each idle doctor, the next two to the fast lines,
        // and the sixth, 30 min anywhere, to the line with the most room left
        assertThat(plan.unplaced()).isEmpty();
        assertThat(plan.placements()).extracting(RedistributionPlan.Placement::etaMinutesAfter)
                .containsExactly(0, 0, 0, 15, 15, 30);
        assertThat(plan.placements()).extracting(p -> p.session().doctorName())
                .containsExactlyInAnyOrder("A", "A", "B", "B", "C", "C");
    }

    @Test
    void neverPutsMoreTokensInAShiftThanItHasRoomFor() {
        Session a = session("A", 10, 2, List.of());
        Session b = session("B", 10, 1, List.of());

        RedistributionPlan plan = planner.plan(input(tokens(5), List.of(a, b), Map.of(), null), "v");

        assertThat(plan.placements()).filteredOn(p -> p.session() == a).hasSize(2);
        assertThat(plan.placements()).filteredOn(p -> p.session() == b).hasSize(1);
        assertThat(plan.unplaced()).hasSize(2).allMatch(u -> u.outcome() == TokenOutcome.CANCELLED);
    }

    @Test
    void keepsPriorityAndCheckInOrderInTheNewLine() {
        // Given a colleague with two patients in line, checked in at 9:10 and 9:30
        LineToken early = line(1, NINE.plusSeconds(600));
        LineToken late = line(1, NINE.plusSeconds(1800));
        Session a = session("A", 10, 30, List.of(early, late));
        // and the absent doctor's line: an emergency, then a patient checked in at 9:20
        AffectedToken emergency = token(3, NINE.plusSeconds(2400));
        AffectedToken normal = token(1, NINE.plusSeconds(1200));

        RedistributionPlan plan = planner.plan(input(List.of(emergency, normal), List.of(a), Map.of(), null), "v");

        // Then the emergency goes first in the new line, the 9:20 patient after the 9:10 one only
        assertThat(plan.placements()).extracting(RedistributionPlan.Placement::etaMinutesAfter).containsExactly(0, 30);
        assertThat(plan.placements()).extracting(p -> p.token().priority()).containsExactly(3, 1);
    }

    @Test
    void aPatientInTheColleaguesCabinCountsAsOneAhead() {
        Session busy = new Session(UUID.randomUUID(), UUID.randomUUID(), "A", UUID.randomUUID(), "A-1", DEPT, DAY, EVENING,
                10, 5, 30, true, List.of());

        RedistributionPlan plan = planner.plan(input(tokens(1), List.of(busy), Map.of(), null), "v");

        assertThat(plan.placements()).extracting(RedistributionPlan.Placement::etaMinutesAfter).containsExactly(15);
    }

    @Test
    void reschedulesWhatDoesNotFitToTheNextSessionWhileItHasRoomThenCancels() {
        Session a = session("A", 10, 1, List.of());
        NextSession next = new NextSession(UUID.randomUUID(), NINE.plusSeconds(86_400), 2);

        RedistributionPlan plan = planner.plan(input(tokens(4), List.of(a), Map.of(DEPT, UnplacedTokenRule.RESCHEDULE), next), "v");

        assertThat(plan.placements()).hasSize(1);
        assertThat(plan.unplaced()).extracting(RedistributionPlan.Unplaced::outcome)
                .containsExactly(TokenOutcome.RESCHEDULED, TokenOutcome.RESCHEDULED, TokenOutcome.CANCELLED);
        assertThat(plan.unplaced().get(0).rescheduleTo()).isEqualTo(next.startsAt());
    }

    @Test
    void cancelsWhatDoesNotFitWhenTheDepartmentSaysSo() {
        NextSession next = new NextSession(UUID.randomUUID(), NINE.plusSeconds(86_400), 10);

        RedistributionPlan plan = planner.plan(input(tokens(2), List.of(), Map.of(DEPT, UnplacedTokenRule.CANCEL), next), "v");

        assertThat(plan.unplaced()).extracting(RedistributionPlan.Unplaced::outcome)
                .containsExactly(TokenOutcome.CANCELLED, TokenOutcome.CANCELLED);
    }

    @Test
    void placesNoTokenInAShiftOfAnotherDepartmentOrDayOrOneOverByTheVisit() {
        Session otherDept = new Session(UUID.randomUUID(), UUID.randomUUID(), "X", UUID.randomUUID(), "X-1", UUID.randomUUID(),
                DAY, EVENING, 10, 5, 30, false, List.of());
        Session otherDay = new Session(UUID.randomUUID(), UUID.randomUUID(), "Y", UUID.randomUUID(), "Y-1", DEPT,
                DAY.plusDays(1), EVENING.plusSeconds(86_400), 10, 5, 30, false, List.of());
        Session over = new Session(UUID.randomUUID(), UUID.randomUUID(), "Z", UUID.randomUUID(), "Z-1", DEPT,
                DAY, NINE, 10, 5, 30, false, List.of());

        RedistributionPlan plan = planner.plan(input(tokens(1), List.of(otherDept, otherDay, over), Map.of(), null), "v");

        assertThat(plan.placements()).isEmpty();
        assertThat(plan.unplaced()).hasSize(1);
    }

    @Test
    void tellsTheWaitBeforeFromThePlaceInTheAbsentDoctorsLine() {
        RedistributionPlan plan = planner.plan(input(tokens(3), List.of(session("A", 10, 30, List.of())), Map.of(), null), "v");

        assertThat(plan.placements()).extracting(RedistributionPlan.Placement::etaMinutesBefore).containsExactly(0, 20, 40);
    }

    @Test
    void theFingerprintChangesWhenAColleaguesLineMovesAndOnlyThen() {
        Session a = session("A", 10, 30, List.of(line(1, NINE)));
        List<AffectedToken> affected = tokens(2);
        UUID exceptionId = UUID.randomUUID();
        PlanInput input = new PlanInput(exceptionId, affected, List.of(a), Map.of(), null);
        Session moved = new Session(a.assignmentId(), a.doctorId(), "A", a.cabinId(), "A-1", DEPT, DAY, EVENING, 10, 5, 30,
                false, List.of(new LineToken(a.line().get(0).tokenId(), 2, 1, NINE, "GEN-900")));

        assertThat(PlanFingerprint.of(input)).isEqualTo(PlanFingerprint.of(new PlanInput(exceptionId, affected, List.of(a), Map.of(), null)));
        assertThat(PlanFingerprint.of(input))
                .isNotEqualTo(PlanFingerprint.of(new PlanInput(exceptionId, affected, List.of(moved), Map.of(), null)));
    }

    private static PlanInput input(List<AffectedToken> affected, List<Session> sessions, Map<UUID, UnplacedTokenRule> rules,
                                   NextSession next) {
        return new PlanInput(UUID.randomUUID(), affected, sessions, rules, next);
    }

    private static Session session(String name, int avgMinutes, int room, List<LineToken> line) {
        return new Session(UUID.randomUUID(), UUID.randomUUID(), name, UUID.randomUUID(), name + "-1", DEPT, DAY, EVENING,
                avgMinutes, 5, room, false, line);
    }

    /** Normal tokens checked in a minute apart, in call order; the absent doctor sees a patient in 15 + 5 min. */
    private List<AffectedToken> tokens(int count) {
        List<AffectedToken> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(token(1, NINE.plusSeconds(60L * i)));
        }
        return tokens;
    }

    private AffectedToken token(int priority, Instant checkedIn) {
        return new AffectedToken(UUID.randomUUID(), "GEN-%03d".formatted(++numbers), 3, TokenStatus.WAITING, priority,
                PriorityHeadStart.DEFAULTS.placeOf(priority, checkedIn), NINE.plusSeconds(3600), DAY, DEPT, 20);
    }

    private LineToken line(int priority, Instant checkedIn) {
        return new LineToken(UUID.randomUUID(), 3, priority, PriorityHeadStart.DEFAULTS.placeOf(priority, checkedIn), "GEN-%03d".formatted(500 + ++numbers));
    }
}
