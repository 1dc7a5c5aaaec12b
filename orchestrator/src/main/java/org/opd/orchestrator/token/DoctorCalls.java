package org.opd.orchestrator.token;

import java.time.Clock;
import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A doctor's "call next". Calls for one doctor are decided one at a time (the doctor's row is
 * locked), and a doctor whose cabin is taken is refused, so two clicks never call two patients.
 */
@Service
public class DoctorCalls {

    private final DoctorRepository doctors;
    private final TokenRepository tokens;
    private final TokenChangeRecorder recorder;
    private final Clock clock;

    DoctorCalls(DoctorRepository doctors, TokenRepository tokens, TokenChangeRecorder recorder, Clock clock) {
        this.doctors = doctors;
        this.tokens = tokens;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** @param changedBy the staff member calling; null when unknown */
    @Transactional
    public LoadedToken callNext(UUID doctorId, UUID changedBy) {
        doctors.lockForCalling(doctorId);
        tokens.findInCabin(doctorId).ifPresent(inCabin -> {
            throw new DoctorBusyException(doctorId, inCabin.token());
        });
        LoadedToken next = tokens.lockNextToCall(doctorId).orElseThrow(() -> new NoWaitingTokenException(doctorId));
        next.token().call(clock.instant());
        tokens.update(next.token());
        recorder.record(next.token(), next.context(), changedBy);
        return next;
    }
}
