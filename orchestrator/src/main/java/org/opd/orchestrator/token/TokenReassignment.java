package org.opd.orchestrator.token;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.shift.Shift;
import org.opd.orchestrator.shift.ShiftRepository;
import org.opd.orchestrator.shift.ShiftStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a token still waiting to be called to another doctor's shift of its department, under the
 * issuing rules of that shift: an ACTIVE doctor, a shift neither cancelled nor over, at most the
 * doctor's {@code max_tokens_per_session} (the shift's row is locked while counting). One history
 * row; events for both lines (see {@link TokenChangeRecorder}).
 */
@Service
public class TokenReassignment {

    private final TokenRepository tokens;
    private final ShiftRepository shifts;
    private final DoctorRepository doctors;
    private final TokenChangeRecorder recorder;
    private final Clock clock;

    TokenReassignment(TokenRepository tokens, ShiftRepository shifts, DoctorRepository doctors, TokenChangeRecorder recorder,
                      Clock clock) {
        this.tokens = tokens;
        this.shifts = shifts;
        this.doctors = doctors;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** @param expectedWaitMinutes the wait the patient is told in the new line */
    @Transactional
    public LoadedToken reassign(TokenCommand command, UUID assignmentId, int expectedWaitMinutes) {
        LoadedToken loaded = TokenTransitions.lock(tokens, command);
        Token token = loaded.token();
        Shift shift = shifts.find(assignmentId)
                .filter(s -> s.status() == ShiftStatus.SCHEDULED || s.status() == ShiftStatus.ACTIVE)
                .filter(s -> s.deptId().equals(token.booking().deptId()))
                .orElseThrow(() -> new BusinessRuleException("no-shift", "No shift",
                        "Shift " + assignmentId + " is not an open shift of the token's department",
                        Map.of("field", "assignmentId")));
        Doctor doctor = doctors.require(shift.doctorId());
        ActiveDoctors.require(doctor);
        shifts.lockForIssuing(assignmentId);
        if (tokens.countHoldingAPlace(assignmentId) >= doctor.maxTokensPerSession()) {
            throw new SessionTokenLimitReachedException(doctor.doctorId(), assignmentId, doctor.maxTokensPerSession());
        }
        token.reassign(doctor.doctorId(), shift.cabinId(), assignmentId, expectedWaitMinutes, clock.instant());
        tokens.update(token);
        TokenContext context = new TokenContext(loaded.context().zone(), loaded.context().geofence(),
                doctor.avgConsultationMinutes(), loaded.context().bufferMinutes());
        recorder.record(token, context, command.changedBy());
        return new LoadedToken(token, context);
    }
}
