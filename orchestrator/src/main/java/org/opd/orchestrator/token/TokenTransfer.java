package org.opd.orchestrator.token;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.shift.Shift;
import org.opd.orchestrator.shift.ShiftRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers one token in line (called in or not) to another doctor — of its department or another (sent for an ECG, and
 * back) — into that doctor's shift serving now, under its issuing rules (an ACTIVE doctor of an ACTIVE department, at most
 * {@code max_tokens_per_session}, the shift's row locked while counting), at the place the
 * {@link TransferPlace} rule gives. One transaction: the token, one history row, the events of both
 * lines (TOKEN_TRANSFERRED and TOKEN_REASSIGNED_AWAY) and, when it goes ahead of others, the reorder.
 */
@Service
public class TokenTransfer {

    private final TokenRepository tokens;
    private final DoctorRepository doctors;
    private final ShiftRepository shifts;
    private final DepartmentRepository departments;
    private final TokenChangeRecorder recorder;
    private final QueueReorders reorders;
    private final Clock clock;

    TokenTransfer(TokenRepository tokens, DoctorRepository doctors, ShiftRepository shifts, DepartmentRepository departments,
                  TokenChangeRecorder recorder, QueueReorders reorders, Clock clock) {
        this.tokens = tokens;
        this.doctors = doctors;
        this.shifts = shifts;
        this.departments = departments;
        this.recorder = recorder;
        this.reorders = reorders;
        this.clock = clock;
    }

    @Transactional
    public LoadedToken transfer(TokenCommand command, UUID toDoctorId, TransferPlace place) {
        LoadedToken loaded = TokenTransitions.lock(tokens, command);
        Token token = loaded.token();
        if (token.booking().doctorId().equals(toDoctorId)) {
            throw new BusinessRuleException("same-doctor", "Already with this doctor",
                    "Token " + token.booking().tokenId() + " is already in the line of doctor " + toDoctorId,
                    Map.of("field", "toDoctorId"));
        }
        Doctor doctor = doctors.require(toDoctorId);
        ActiveDoctors.require(doctor);
        if (!doctor.hospitalId().equals(token.booking().hospitalId())) {
            throw new BusinessRuleException("other-hospital", "Belongs to another hospital",
                    "Doctor " + toDoctorId + " works at another hospital than the token's", Map.of("field", "toDoctorId"));
        }
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(loaded.context().zone());
        Shift shift = shifts.findServing(toDoctorId, local.toLocalDate(), local.toLocalTime())
                .orElseThrow(() -> new BusinessRuleException("no-shift", "No shift",
                        "Doctor " + toDoctorId + " has no shift on " + local.toLocalDate() + " that is still on at "
                                + local.toLocalTime().withNano(0), Map.of("field", "toDoctorId")));
        shifts.lockForIssuing(shift.assignmentId());
        if (tokens.countHoldingAPlace(shift.assignmentId()) >= doctor.maxTokensPerSession()) {
            throw new SessionTokenLimitReachedException(doctor.doctorId(), shift.assignmentId(), doctor.maxTokensPerSession());
        }
        Department department = departments.require(shift.deptId());
        ActiveDepartments.require(department, "toDoctorId");

        List<LinedUpToken> line = tokens.lineOf(toDoctorId, token.booking().tokenId());
        Instant linePlace = place.placeIn(line, token.timeline().linePlaceAt(), now);
        int minutesPerPatient = doctor.avgConsultationMinutes() + department.bufferMinutes();
        token.transfer(new Token.Destination(toDoctorId, department.deptId(), shift.cabinId(), shift.assignmentId()), linePlace,
                expectedWaitMinutes(token, line, linePlace, tokens.findInCabin(toDoctorId).isPresent(), minutesPerPatient), now);
        tokens.update(token);
        TokenContext context = new TokenContext(loaded.context().zone(), loaded.context().geofence(),
                doctor.avgConsultationMinutes(), department.bufferMinutes());
        recorder.record(token, context, command.changedBy());
        reorders.recordPlacing(token, line, ReorderReason.TRANSFERRED, now, command.changedBy());
        return new LoadedToken(token, context);
    }

    /** As the redistribution planner estimates: (1 if the cabin is busy + the tokens ahead) × minutes per patient. */
    private static int expectedWaitMinutes(Token token, List<LinedUpToken> line, Instant linePlace, boolean cabinBusy,
                                           int minutesPerPatient) {
        LinedUpToken placed = new LinedUpToken(token.booking().tokenId(), token.booking().tokenNumber(),
                token.booking().priority(), token.timeline().checkInTime(), linePlace);
        long ahead = line.stream().filter(other -> LinedUpToken.CALL_ORDER.compare(other, placed) < 0).count();
        return (int) ((cabinBusy ? 1 : 0) + ahead) * minutesPerPatient;
    }
}
