package org.opd.orchestrator.audit;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.booking.Bookings;
import org.opd.orchestrator.booking.Waitlist;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.token.TokenQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes the audit trail: one {@code audit_log} row per audited request, in a short transaction of
 * its own. It never fails the caller's request: a row that cannot be written is logged (what kind
 * of request, never who or which patient) and counted in {@code opd_audit_write_failures_total};
 * written rows are counted in {@code opd_audit_records_total{outcome}}. A token's (or its note's)
 * row names the token's patient when the token is known.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    /** PostgreSQL's check_violation, also raised for a row no partition takes. */
    private static final String CHECK_VIOLATION = "23514";
    private static final String INSERT = """
            INSERT INTO audit_log (occurred_at, actor_subject, actor_type, actor_roles, hospital_id, action,
                                   resource_type, resource_id, patient_id, method, path, status, outcome,
                                   client_address, request_id)
            VALUES (:occurredAt, :actorSubject, :actorType, :actorRoles, :hospitalId, :action,
                    :resourceType, :resourceId, :patientId, :method, :path, :status, :outcome,
                    CAST(:clientAddress AS inet), :requestId)
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final AuditPartitions partitions;
    private final TokenQueries tokens;
    private final Bookings bookings;
    private final Waitlist waitlist;
    private final Map<AuditOutcome, Counter> written = new EnumMap<>(AuditOutcome.class);
    private final Counter failures;

    AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, AuditPartitions partitions, TokenQueries tokens,
             Bookings bookings, Waitlist waitlist, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.tokens = tokens;
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ownTransaction.setTimeout(5);
        for (AuditOutcome outcome : AuditOutcome.values()) {
            written.put(outcome, Counter.builder("opd.audit.records")
                    .description("Audited requests to patient records written to audit_log")
                    .tag("outcome", outcome.name())
                    .register(registry));
        }
        failures = Counter.builder("opd.audit.write.failures")
                .description("Audited requests whose audit_log row could not be written")
                .register(registry);
    }

    /** Writes the record; never throws. */
    public void record(AuditRecord record) {
        try {
            try {
                ownTransaction.executeWithoutResult(status -> insert(record));
            } catch (DataAccessException e) {
                LocalDate day = LocalDate.ofInstant(record.occurredAt(), ZoneOffset.UTC);
                if (!CHECK_VIOLATION.equals(sqlState(e)) || partitions.exists(day)) {
                    throw e;
                }
                // The maintenance has not made this month's partition (yet): make it, and write again.
                partitions.ensureFor(day);
                ownTransaction.executeWithoutResult(status -> insert(record));
            }
            written.get(record.outcome()).increment();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Audit record of a {} {} answered {} not written: {} (SQL state {})",
                    record.request().action(), record.request().resourceType(), record.status(),
                    e.getClass().getSimpleName(), sqlState(e));
        }
    }

    private void insert(AuditRecord record) {
        AuditedRequest request = record.request();
        if (request.patientId() == null && request.resourceId() != null) {
            request = patientOf(request).map(request::ofPatient).orElse(request);
        }
        AuditCaller caller = record.caller();
        jdbc.sql(INSERT)
                .param("occurredAt", Sql.timestamp(record.occurredAt()))
                .param("actorSubject", caller.subject())
                .param("actorType", caller.type())
                .param("actorRoles", caller.roles().toArray(String[]::new))
                .param("hospitalId", caller.hospitalId())
                .param("action", request.action().name())
                .param("resourceType", request.resourceType().name())
                .param("resourceId", request.resourceId())
                .param("patientId", request.patientId())
                .param("method", record.method())
                .param("path", request.path())
                .param("status", record.status())
                .param("outcome", record.outcome().name())
                .param("clientAddress", record.clientAddress())
                .param("requestId", record.requestId())
                .update();
    }

    /** The patient a token's, an appointment's or a waitlist entry's record is about, looked up by its id. */
    private Optional<UUID> patientOf(AuditedRequest request) {
        if (request.resourceType().isAboutAToken()) {
            return tokens.patientOf(request.resourceId());
        }
        return switch (request.resourceType()) {
            case APPOINTMENT -> bookings.patientOf(request.resourceId());
            case WAITLIST_ENTRY -> waitlist.patientOf(request.resourceId());
            default -> Optional.empty();
        };
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
