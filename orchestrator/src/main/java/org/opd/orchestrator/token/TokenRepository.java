package org.opd.orchestrator.token;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.hospital.Coordinates;
import org.opd.orchestrator.hospital.Geofence;
import org.opd.orchestrator.jdbc.PagedSelect;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.jdbc.Where;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.CallOrder;
import org.opd.schemas.token.TokenStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    private static final String COLUMNS = """
            SELECT t.*,
                   d.avg_consultation_time AS doctor_avg_consultation_time,
                   dep.buffer_time AS dept_buffer_time,
                   h.timezone AS hospital_timezone,
                   h.latitude AS hospital_latitude,
                   h.longitude AS hospital_longitude,
                   h.geofence_radius AS hospital_geofence_radius
            """;
    private static final String FROM = """
            FROM tokens t
            JOIN doctors d ON d.doctor_id = t.doctor_id
            JOIN departments dep ON dep.dept_id = t.dept_id
            JOIN hospitals h ON h.hospital_id = t.hospital_id
            """;
    private static final String SELECT = COLUMNS + FROM;

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LoadedToken> find(UUID tokenId) {
        return jdbc.sql(SELECT + " WHERE t.token_id = :id").param("id", tokenId).query(TokenRepository::map).optional();
    }

    /** The patient of a token, in the live partitions or in the archive. */
    Optional<UUID> patientOf(UUID tokenId) {
        return jdbc.sql("""
                        SELECT patient_id FROM tokens WHERE token_id = :id
                        UNION ALL SELECT patient_id FROM tokens_archive WHERE token_id = :id
                        LIMIT 1
                        """).param("id", tokenId).query(UUID.class).optional();
    }

    /** Whose a token is and its status, in the live partitions or in the archive. */
    Optional<TokenParties> parties(UUID tokenId) {
        return jdbc.sql("""
                        SELECT token_id, hospital_id, patient_id, doctor_id, status FROM tokens WHERE token_id = :id
                        UNION ALL SELECT token_id, hospital_id, patient_id, doctor_id, status FROM tokens_archive WHERE token_id = :id
                        LIMIT 1
                        """).param("id", tokenId)
                .query((rs, row) -> new TokenParties(Sql.uuid(rs, "token_id"), Sql.uuid(rs, "hospital_id"),
                        Sql.uuid(rs, "patient_id"), Sql.uuid(rs, "doctor_id"), TokenStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    Page<LoadedToken> page(TokenFilter filter, PageRequest page) {
        Where where = new Where()
                .optional("t.hospital_id = :hospitalId", "hospitalId", filter.hospitalId())
                .optional("t.dept_id = :deptId", "deptId", filter.deptId())
                .optional("t.doctor_id = :doctorId", "doctorId", filter.doctorId())
                .optional("t.patient_id = :patientId", "patientId", filter.patientId())
                .optional("t.status = :status", "status", filter.status() == null ? null : filter.status().name())
                .optional("t.service_date = :serviceDate", "serviceDate", filter.serviceDate());
        return PagedSelect.run(jdbc, COLUMNS, FROM, where, "t.service_date DESC, t.dept_id, t.token_number, t.token_id",
                TokenRepository::map, page);
    }

    /** The token, locked until the transaction ends so that moves of one token happen one after another. */
    Optional<LoadedToken> findForUpdate(UUID tokenId) {
        return jdbc.sql(SELECT + " WHERE t.token_id = :id FOR UPDATE OF t").param("id", tokenId)
                .query(TokenRepository::map).optional();
    }

    /**
     * The doctor's next patient, locked: the first waiting, not yet called token in the shared
     * {@link CallOrder} (place in line), not parked. A token another transaction is
     * changing right now is skipped rather than waited for.
     */
    Optional<LoadedToken> lockNextToCall(UUID doctorId) {
        return jdbc.sql(SELECT + """
                         WHERE t.doctor_id = :doctorId AND t.status = 'WAITING' AND t.called_time IS NULL AND t.parked_at IS NULL
                         ORDER BY %s
                         LIMIT 1
                         FOR UPDATE OF t SKIP LOCKED
                        """.formatted(CallOrder.sql("t")))
                .param("doctorId", doctorId).query(TokenRepository::map).optional();
    }

    /**
     * The doctor's tokens not yet called whose visit falls in [from, to): booked, checked in or
     * waiting, expected at their scheduled time, or now if that has passed. Those in line first, in
     * call order, then the booked ones.
     */
    List<LoadedToken> findAwaitingBetween(UUID doctorId, Instant from, Instant to, Instant now) {
        return jdbc.sql(SELECT + """
                         WHERE t.doctor_id = :doctorId AND t.status IN ('BOOKED', 'CHECKED_IN', 'WAITING')
                           AND t.called_time IS NULL
                           AND greatest(t.scheduled_time, :now) >= :from AND greatest(t.scheduled_time, :now) < :to
                         ORDER BY t.status = 'BOOKED', %s, t.scheduled_time
                        """.formatted(CallOrder.sql("t")))
                .param("doctorId", doctorId).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .param("now", Sql.timestamp(now))
                .query(TokenRepository::map).list();
    }

    /** The token that holds the doctor's cabin: in consultation, or called in and not yet started. */
    Optional<LoadedToken> findInCabin(UUID doctorId) {
        return jdbc.sql(SELECT + """
                         WHERE t.doctor_id = :doctorId
                           AND (t.status = 'IN_CONSULTATION' OR (t.status = 'WAITING' AND t.called_time IS NOT NULL))
                         ORDER BY t.called_time
                         LIMIT 1
                        """)
                .param("doctorId", doctorId).query(TokenRepository::map).optional();
    }

    void insert(Token token) {
        TokenBooking b = token.booking();
        jdbc.sql("""
                        INSERT INTO tokens (token_id, token_number, patient_id, doctor_id, cabin_id, dept_id, hospital_id,
                                            booking_type, priority, status, scheduled_time, service_date, visit_reason, version,
                                            assignment_id, rescheduled_from)
                        VALUES (:tokenId, :tokenNumber, :patientId, :doctorId, :cabinId, :deptId, :hospitalId,
                                :bookingType, :priority, :status, :scheduledTime, :serviceDate, :visitReason, :version,
                                :assignmentId, :rescheduledFrom)
                        """)
                .param("tokenId", b.tokenId())
                .param("tokenNumber", b.tokenNumber())
                .param("patientId", b.patientId())
                .param("doctorId", b.doctorId())
                .param("cabinId", b.cabinId())
                .param("deptId", b.deptId())
                .param("hospitalId", b.hospitalId())
                .param("bookingType", b.bookingType().name())
                .param("priority", b.priority())
                .param("status", token.status().name())
                .param("scheduledTime", Sql.timestamp(b.scheduledTime()))
                .param("serviceDate", b.serviceDate())
                .param("visitReason", b.visitReason())
                .param("version", token.version())
                .param("assignmentId", b.assignmentId())
                .param("rescheduledFrom", b.rescheduledFrom())
                .update();
    }

    /** Saves the token's lifecycle (and its doctor, cabin and shift, which a reassignment changes) at version + 1, provided nobody saved it since it was loaded. */
    void update(Token token) {
        TokenTimeline timeline = token.timeline();
        Coordinates checkInAt = timeline.checkInLocation();
        int updated = jdbc.sql("""
                        UPDATE tokens
                        SET status = :status,
                            doctor_id = :doctorId,
                            cabin_id = :cabinId,
                            assignment_id = :assignmentId,
                            check_in_time = :checkInTime,
                            check_in_latitude = :checkInLatitude,
                            check_in_longitude = :checkInLongitude,
                            called_time = :calledTime,
                            consultation_start_time = :consultationStartTime,
                            consultation_end_time = :consultationEndTime,
                            line_place_at = :linePlaceAt,
                            parked_at = :parkedAt,
                            dept_id = :deptId,
                            cancellation_reason = :cancellationReason,
                            version = version + 1,
                            updated_at = now()
                        WHERE token_id = :tokenId AND service_date = :serviceDate AND version = :version
                        """)
                .param("status", token.status().name())
                .param("doctorId", token.booking().doctorId())
                .param("cabinId", token.booking().cabinId())
                .param("assignmentId", token.booking().assignmentId())
                .param("checkInTime", Sql.timestamp(timeline.checkInTime()))
                .param("checkInLatitude", checkInAt == null ? null : BigDecimal.valueOf(checkInAt.latitude()))
                .param("checkInLongitude", checkInAt == null ? null : BigDecimal.valueOf(checkInAt.longitude()))
                .param("calledTime", Sql.timestamp(timeline.calledTime()))
                .param("consultationStartTime", Sql.timestamp(timeline.consultationStartTime()))
                .param("consultationEndTime", Sql.timestamp(timeline.consultationEndTime()))
                .param("linePlaceAt", Sql.timestamp(timeline.linePlaceAt()))
                .param("parkedAt", Sql.timestamp(timeline.parkedAt()))
                .param("deptId", token.booking().deptId())
                .param("cancellationReason", token.cancellationReason())
                .param("tokenId", token.booking().tokenId())
                // The partition key: the update touches one partition only.
                .param("serviceDate", token.booking().serviceDate())
                .param("version", token.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Token " + token.booking().tokenId() + " changed since version "
                    + token.version());
        }
        token.saved();
    }

    /**
     * The doctor's tokens in line, not yet called and not parked, but {@code except}, in the shared
     * {@link CallOrder}: who a token placed in this line goes ahead of or behind.
     */
    List<LinedUpToken> lineOf(UUID doctorId, UUID except) {
        return jdbc.sql("""
                         SELECT t.token_id, t.token_number, t.priority, t.check_in_time, t.line_place_at FROM tokens t
                         WHERE t.doctor_id = :doctorId AND t.status IN ('CHECKED_IN', 'WAITING')
                           AND t.called_time IS NULL AND t.parked_at IS NULL AND t.token_id <> :except
                         ORDER BY %s
                        """.formatted(CallOrder.sql("t")))
                .param("doctorId", doctorId).param("except", except)
                .query((rs, row) -> new LinedUpToken(Sql.uuid(rs, "token_id"), rs.getString("token_number"),
                        rs.getInt("priority"), Sql.instant(rs, "check_in_time"), Sql.instant(rs, "line_place_at")))
                .list();
    }

    /** How many tokens of the shift still hold a place in it: all but the cancelled and the rescheduled. */
    int countHoldingAPlace(UUID assignmentId) {
        return jdbc.sql("""
                        SELECT count(*) FROM tokens
                        WHERE assignment_id = :assignmentId AND status NOT IN ('CANCELLED', 'RESCHEDULED')
                        """)
                .param("assignmentId", assignmentId).query(Integer.class).single();
    }

    /**
     * Tokens called in at or before the deadline whose consultation has not started, oldest call
     * first. Tokens being moved right now are skipped: their move decides.
     */
    List<UUID> findCalledBefore(Instant deadline, int limit) {
        return jdbc.sql("""
                        SELECT token_id FROM tokens
                        WHERE status = 'WAITING' AND called_time IS NOT NULL AND called_time <= :deadline
                        ORDER BY called_time
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("deadline", Sql.timestamp(deadline))
                .param("limit", limit)
                .query(UUID.class).list();
    }

    private static LoadedToken map(ResultSet rs, int row) throws SQLException {
        TokenBooking booking = new TokenBooking(
                Sql.uuid(rs, "token_id"),
                rs.getString("token_number"),
                Sql.uuid(rs, "patient_id"),
                Sql.uuid(rs, "doctor_id"),
                Sql.uuid(rs, "dept_id"),
                Sql.uuid(rs, "cabin_id"),
                Sql.uuid(rs, "hospital_id"),
                BookingType.valueOf(rs.getString("booking_type")),
                rs.getInt("priority"),
                Sql.instant(rs, "scheduled_time"),
                rs.getObject("service_date", LocalDate.class),
                rs.getString("visit_reason"),
                Sql.uuid(rs, "assignment_id"),
                Sql.uuid(rs, "rescheduled_from"));
        Double latitude = Sql.decimal(rs, "check_in_latitude");
        Double longitude = Sql.decimal(rs, "check_in_longitude");
        TokenTimeline timeline = new TokenTimeline(
                Sql.instant(rs, "check_in_time"),
                latitude == null || longitude == null ? null : new Coordinates(latitude, longitude),
                Sql.instant(rs, "called_time"),
                Sql.instant(rs, "consultation_start_time"),
                Sql.instant(rs, "consultation_end_time"),
                Sql.instant(rs, "line_place_at"),
                Sql.instant(rs, "parked_at"));
        Token token = Token.restore(booking, TokenStatus.valueOf(rs.getString("status")), timeline,
                rs.getString("cancellation_reason"), rs.getLong("version"));
        TokenContext context = new TokenContext(
                ZoneId.of(rs.getString("hospital_timezone")),
                new Geofence(new Coordinates(rs.getDouble("hospital_latitude"), rs.getDouble("hospital_longitude")),
                        rs.getInt("hospital_geofence_radius")),
                rs.getInt("doctor_avg_consultation_time"),
                rs.getInt("dept_buffer_time"));
        return new LoadedToken(token, context);
    }
}
