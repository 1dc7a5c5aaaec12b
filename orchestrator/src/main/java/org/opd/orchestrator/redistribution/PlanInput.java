package org.opd.orchestrator.redistribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;

/**
 * Everything a redistribution plan is computed from, as read at one moment. The plan is a function
 * of it alone, so its fingerprint is the plan's version.
 *
 * @param affected    the absent doctor's tokens still to be called, in call order (those in line, then the booked)
 * @param sessions    the colleagues' open shifts in the affected tokens' departments and days
 * @param rules       each department's rule for tokens nobody has room for
 * @param nextSession the absent doctor's first session after the absence, null when none
 */
public record PlanInput(UUID exceptionId, List<AffectedToken> affected, List<Session> sessions,
                        Map<UUID, UnplacedTokenRule> rules, NextSession nextSession) {

    public PlanInput {
        affected = List.copyOf(affected);
        sessions = List.copyOf(sessions);
        rules = Map.copyOf(rules);
    }

    /**
     * @param linePlaceAt       its place in the call order, which it keeps in the new line; null before check-in
     * @param expectedAt        when the visit is due: its scheduled time, or the moment of reading if that has passed
     * @param minutesPerPatient the absent doctor's average consultation plus the department's buffer
     */
    public record AffectedToken(UUID tokenId, String tokenNumber, long version, TokenStatus status, int priority,
                                Instant linePlaceAt, Instant expectedAt, LocalDate serviceDate, UUID deptId,
                                int minutesPerPatient) {
    }

    /**
     * One colleague's shift that could take tokens.
     *
     * @param room  how many more tokens the shift may hold: the doctor's {@code max_tokens_per_session}
     *              less the tokens holding a place in it
     * @param busy  a patient is in the doctor's cabin (called in or in consultation)
     * @param line  the shift's tokens still to be called (booked, checked in, waiting)
     */
    public record Session(UUID assignmentId, UUID doctorId, String doctorName, UUID cabinId, String cabinNumber,
                          UUID deptId, LocalDate shiftDate, Instant endsAt, int avgConsultationMinutes,
                          int bufferMinutes, int room, boolean busy, List<LineToken> line) {

        public Session {
            line = List.copyOf(line);
        }

        int minutesPerPatient() {
            return avgConsultationMinutes + bufferMinutes;
        }
    }

    /** A token already in a colleague's line; only what its place in the call order depends on. */
    public record LineToken(UUID tokenId, long version, int priority, Instant linePlaceAt, String tokenNumber) {
    }

    /** The absent doctor's next session, where the department's RESCHEDULE rule sends tokens. */
    public record NextSession(UUID assignmentId, Instant startsAt, int room) {
    }
}
