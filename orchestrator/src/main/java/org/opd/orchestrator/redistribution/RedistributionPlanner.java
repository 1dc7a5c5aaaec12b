package org.opd.orchestrator.redistribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.redistribution.PlanInput.AffectedToken;
import org.opd.orchestrator.redistribution.PlanInput.LineToken;
import org.opd.orchestrator.redistribution.PlanInput.Session;
import org.opd.schemas.token.CallOrder;

/**
 * Plans where an absent doctor's tokens go. The rule, greedy and deterministic:
 * <ol>
 * <li>The affected tokens are taken in call order (those in line, then the booked).</li>
 * <li>Each goes to the colleague's shift — same department, same day, not over by the time the
 *     visit is due, with room under {@code max_tokens_per_session} — where its expected wait is the
 *     shortest: (1 if a patient is in the cabin + the tokens ahead of it in that line by the shared
 *     {@link CallOrder}) × (the doctor's average consultation + the department's buffer). The token
 *     keeps its place in line (from its priority and check-in time), so it lands in the new line where the call order puts it,
 *     and the tokens placed before it are in that line when the next one is placed. Ties: the shift
 *     with more room left, then the lower shift id.</li>
 * <li>A token that fits nowhere follows its department's {@link UnplacedTokenRule}: RESCHEDULE to the
 *     absent doctor's next session while that has room, else (or by rule CANCEL) cancelled.</li>
 * </ol>
 * The wait before is its place among the affected tokens of its day × the absent doctor's minutes per patient.
 */
public final class RedistributionPlanner {

    private static final Comparator<LineToken> CALL_ORDER = CallOrder.comparator(LineToken::linePlaceAt,
            LineToken::tokenNumber, LineToken::tokenId);

    public RedistributionPlan plan(PlanInput input, String planVersion) {
        Map<UUID, OpenSession> open = new HashMap<>();
        input.sessions().forEach(session -> open.put(session.assignmentId(), new OpenSession(session)));
        int nextSessionRoom = input.nextSession() == null ? 0 : input.nextSession().room();
        Map<Object, Integer> aheadBefore = new HashMap<>();
        List<RedistributionPlan.Placement> placements = new ArrayList<>();
        List<RedistributionPlan.Unplaced> unplaced = new ArrayList<>();

        for (AffectedToken token : input.affected()) {
            int before = aheadBefore.merge(token.serviceDate(), 1, Integer::sum) - 1;
            LineToken asLine = asLine(token);
            Optional<OpenSession> best = open.values().stream()
                    .filter(candidate -> candidate.accepts(token))
                    .min(Comparator.comparingInt((OpenSession candidate) -> candidate.waitFor(asLine))
                            .thenComparing(candidate -> -candidate.room)
                            .thenComparing(candidate -> candidate.session.assignmentId().toString()));
            if (best.isPresent()) {
                OpenSession chosen = best.get();
                placements.add(new RedistributionPlan.Placement(token, chosen.session,
                        before * token.minutesPerPatient(), chosen.waitFor(asLine)));
                chosen.take(asLine);
                continue;
            }
            UnplacedTokenRule rule = input.rules().getOrDefault(token.deptId(), UnplacedTokenRule.RESCHEDULE);
            if (rule == UnplacedTokenRule.RESCHEDULE && nextSessionRoom > 0) {
                nextSessionRoom--;
                unplaced.add(new RedistributionPlan.Unplaced(token, TokenOutcome.RESCHEDULED, input.nextSession().startsAt(),
                        "No colleague on shift has room; moved to the doctor's next session"));
            } else {
                unplaced.add(new RedistributionPlan.Unplaced(token, TokenOutcome.CANCELLED, null,
                        rule == UnplacedTokenRule.CANCEL ? "No colleague on shift has room; the department cancels such tokens"
                                : "No colleague on shift has room and the doctor has no later session with room"));
            }
        }
        return new RedistributionPlan(input.exceptionId(), planVersion, placements, unplaced);
    }

    private static LineToken asLine(AffectedToken token) {
        return new LineToken(token.tokenId(), token.version(), token.priority(), token.linePlaceAt(), token.tokenNumber());
    }

    /** A colleague's shift as the plan fills it. */
    private static final class OpenSession {
        private final Session session;
        private final List<LineToken> line;
        private int room;

        OpenSession(Session session) {
            this.session = session;
            this.line = new ArrayList<>(session.line());
            this.room = session.room();
        }

        boolean accepts(AffectedToken token) {
            return room > 0 && session.deptId().equals(token.deptId()) && session.shiftDate().equals(token.serviceDate())
                    && session.endsAt().isAfter(token.expectedAt());
        }

        int waitFor(LineToken token) {
            long ahead = line.stream().filter(other -> CALL_ORDER.compare(other, token) < 0).count();
            return (int) ((session.busy() ? 1 : 0) + ahead) * session.minutesPerPatient();
        }

        void take(LineToken token) {
            line.add(token);
            room--;
        }
    }
}
