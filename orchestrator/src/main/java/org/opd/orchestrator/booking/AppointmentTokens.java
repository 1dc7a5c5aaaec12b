package org.opd.orchestrator.booking;

import java.time.Clock;
import java.util.UUID;

import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.token.IssueToken;
import org.opd.orchestrator.token.TokenIssuer;
import org.opd.schemas.token.BookingType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On its day, a confirmed appointment becomes an ONLINE token in its doctor's queue, numbered in the
 * department's sequence like every token, through the token module's own issuer. Each appointment
 * and its token are stored in one transaction; one that cannot be issued yet (no shift planned, the
 * session full) is left for the next check, and staff see it in the log by its id.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentTokens implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AppointmentTokens.class);
    private static final int BATCH = 200;
    private static final int EMERGENCY_PRIORITY = 3;
    private static final int NORMAL_PRIORITY = 1;

    private final AppointmentRepository appointments;
    private final TokenIssuer tokens;
    private final BookingProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AppointmentTokens(AppointmentRepository appointments, TokenIssuer tokens, BookingProperties properties,
                      TransactionTemplate transaction, Clock clock) {
        this.appointments = appointments;
        this.tokens = tokens;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::issueDueTokens, properties.tokenCheckInterval());
    }

    /** @return how many appointments became tokens */
    int issueDueTokens() {
        int issued = 0;
        for (UUID appointmentId : appointments.dueForToken(clock.instant(), BATCH)) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> issue(appointmentId)))) {
                    issued++;
                }
            } catch (ProblemException | ConcurrencyFailureException e) {
                log.warn("Appointment {} not in the queue yet: {}", appointmentId, e.getMessage());
            }
        }
        return issued;
    }

    /** Re-checked on the locked row: cancelled or issued meanwhile, it is left alone. */
    private boolean issue(UUID appointmentId) {
        Appointment appointment = appointments.findForUpdate(appointmentId).orElse(null);
        if (appointment == null || appointment.status() != AppointmentStatus.CONFIRMED || appointment.tokenId() != null) {
            return false;
        }
        try (LogContext ignored = LogContext.doctor(appointment.doctorId())) {
            UUID tokenId = tokens.issue(new IssueToken(appointment.patientId(), appointment.doctorId(), BookingType.ONLINE,
                    appointment.type() == AppointmentType.EMERGENCY ? EMERGENCY_PRIORITY : NORMAL_PRIORITY,
                    appointment.startsAt(), appointment.reason()), null).token().booking().tokenId();
            appointments.linkToken(appointmentId, tokenId);
            log.info("Appointment {} is token {} today", appointmentId, tokenId);
            return true;
        }
    }
}
