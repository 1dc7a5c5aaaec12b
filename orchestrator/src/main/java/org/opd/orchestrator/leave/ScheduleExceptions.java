package org.opd.orchestrator.leave;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.token.LoadedToken;
import org.opd.orchestrator.token.TokenQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doctors' absences: requested, then approved by a department head. Creating one tells at once
 * which of the doctor's tokens it affects. Exceptions of one doctor never overlap: the doctor's
 * row is locked while the overlap is checked, so two requests at once cannot both pass.
 */
@Service
public class ScheduleExceptions {

    private static final Logger log = LoggerFactory.getLogger(ScheduleExceptions.class);

    private final ScheduleExceptionRepository exceptions;
    private final DoctorRepository doctors;
    private final TokenQueries tokens;
    private final Clock clock;

    ScheduleExceptions(ScheduleExceptionRepository exceptions, DoctorRepository doctors, TokenQueries tokens, Clock clock) {
        this.exceptions = exceptions;
        this.doctors = doctors;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @param requestedBy the staff subject asking; null when unknown */
    @Transactional
    public ScheduleException create(NewScheduleException request, UUID requestedBy) {
        doctors.lockForCalling(request.doctorId());
        exceptions.findOverlapping(request.doctorId(), request.start(), request.end()).ifPresent(existing -> {
            throw new OverlappingExceptionException(request.doctorId(), existing);
        });
        int affected = tokens.awaitingBetween(request.doctorId(), request.start(), request.end(), clock.instant()).size();
        UUID exceptionId = exceptions.insert(request, affected, requestedBy);
        try (LogContext ignored = LogContext.doctor(request.doctorId())) {
            log.info("Schedule exception {} ({}) requested, {} tokens affected", exceptionId, request.type(), affected);
        }
        return require(exceptionId);
    }

    /** @param approverDoctorId the approving department head's own doctor record, if they are a doctor */
    @Transactional
    public ScheduleException approve(UUID exceptionId, UUID approvedBy, UUID approverDoctorId) {
        ScheduleException exception = exceptions.findForUpdate(exceptionId)
                .orElseThrow(() -> new NotFoundException("schedule-exception", exceptionId));
        if (exception.approved()) {
            throw new AlreadyApprovedException(exceptionId);
        }
        exceptions.approve(exceptionId, approvedBy, approverDoctorId, clock.instant());
        try (LogContext ignored = LogContext.doctor(exception.doctorId())) {
            log.info("Schedule exception {} approved", exceptionId);
        }
        return require(exceptionId);
    }

    /**
     * When the doctor is away within [from, to): every exception counts, asked for or approved, so that
     * nobody books a slot that a leave being decided would take away.
     */
    @Transactional(readOnly = true)
    public List<Absence> absences(UUID doctorId, Instant from, Instant to) {
        return exceptions.absences(doctorId, from, to);
    }

    @Transactional(readOnly = true)
    public ScheduleException require(UUID exceptionId) {
        return exceptions.find(exceptionId).orElseThrow(() -> new NotFoundException("schedule-exception", exceptionId));
    }

    /** The doctor's tokens the exception takes away, as of now: those in line in call order, then the booked. */
    @Transactional(readOnly = true)
    public List<LoadedToken> affectedTokens(ScheduleException exception) {
        return tokens.awaitingBetween(exception.doctorId(), exception.start(), exception.end(), clock.instant());
    }
}
