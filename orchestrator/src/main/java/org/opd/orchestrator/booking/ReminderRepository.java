package org.opd.orchestrator.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.opd.schemas.appointment.ReminderKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code appointment_reminders} table: one row per appointment and reminder, the claim that it was sent. */
@Repository
class ReminderRepository {

    private final JdbcClient jdbc;

    ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the reminders of one kind that are due at {@code now}: of confirmed appointments starting between
     * {@code before} and {@code until} from now (until excluded), not claimed yet. A concurrent claim of the same
     * row waits for the other transaction and then claims nothing, so each reminder is claimed once.
     *
     * @return the appointments whose reminder this transaction claimed
     */
    List<UUID> claimDue(ReminderKind kind, Duration before, Duration until, Instant now, int limit) {
        return jdbc.sql("""
                        INSERT INTO appointment_reminders (appointment_id, kind, starts_at, due_at)
                        SELECT a.appointment_id, :kind, a.starts_at, a.starts_at - make_interval(secs => :before)
                        FROM appointments a
                        WHERE a.status = 'CONFIRMED'
                          AND a.starts_at <= CAST(:now AS timestamptz) + make_interval(secs => :before)
                          AND a.starts_at > CAST(:now AS timestamptz) + make_interval(secs => :until)
                          AND NOT EXISTS (SELECT 1 FROM appointment_reminders r
                                          WHERE r.appointment_id = a.appointment_id AND r.kind = :kind)
                        ORDER BY a.starts_at
                        LIMIT :limit
                        ON CONFLICT (appointment_id, kind) DO NOTHING
                        RETURNING appointment_id""")
                .param("kind", kind.name())
                .param("before", before.toSeconds())
                .param("until", until.toSeconds())
                .param("now", Sql.timestamp(now))
                .param("limit", limit)
                .query(UUID.class).list();
    }
}
