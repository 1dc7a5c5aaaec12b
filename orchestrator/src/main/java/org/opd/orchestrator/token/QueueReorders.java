package org.opd.orchestrator.token;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records, in the transaction of the move, every change that puts a token ahead of others waiting; lists them for operators. */
@Service
public class QueueReorders {

    private static final Logger log = LoggerFactory.getLogger(QueueReorders.class);

    private final TokenRepository tokens;
    private final QueueReorderRepository reorders;
    private final TokenMetrics metrics;
    private final DoctorRepository doctors;
    private final HospitalRepository hospitals;

    QueueReorders(TokenRepository tokens, QueueReorderRepository reorders, TokenMetrics metrics, DoctorRepository doctors,
                  HospitalRepository hospitals) {
        this.tokens = tokens;
        this.reorders = reorders;
        this.metrics = metrics;
        this.doctors = doctors;
        this.hospitals = hospitals;
    }

    /** @param line the others waiting to be called in the token's (new) line, read before or after the move */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordPlacing(Token token, List<LinedUpToken> line, ReorderReason reason, Instant now, UUID changedBy) {
        TokenBooking b = token.booking();
        LinedUpToken placed = new LinedUpToken(b.tokenId(), b.tokenNumber(), b.priority(), token.timeline().checkInTime(),
                token.timeline().linePlaceAt());
        QueueReorder.of(b.doctorId(), placed, line, reason, now, changedBy).ifPresent(reorder -> {
            reorders.insert(reorder);
            metrics.countWhenCommitted(reason);
            try (LogContext ignored = LogContext.token(b.tokenId(), b.doctorId())) {
                log.info("Token {} went ahead of {} waiting ({}); {} kept ahead by the fairness bound", b.tokenNumber(),
                        reorder.overtakenTokenIds().size(), reason, reorder.heldAheadTokenIds().size());
            }
        });
    }

    /** The line the token is placed into: the others of its doctor waiting to be called. */
    List<LinedUpToken> lineFor(Token token) {
        return tokens.lineOf(token.booking().doctorId(), token.booking().tokenId());
    }

    /** The doctor's reorders of one day in the hospital's time zone, oldest first; 404 for an unknown doctor. */
    @Transactional(readOnly = true)
    public List<QueueReorder> ofDay(UUID doctorId, LocalDate day) {
        ZoneId zone = hospitals.require(doctors.require(doctorId).hospitalId()).zone();
        return reorders.findByDoctor(doctorId, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
