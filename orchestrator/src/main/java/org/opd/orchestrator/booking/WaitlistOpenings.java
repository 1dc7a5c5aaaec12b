package org.opd.orchestrator.booking;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Slots that freed up and wait to be offered to the waitlist: written with the change that freed them. */
@Repository
class WaitlistOpenings {

    /** A freed slot of a doctor. */
    record Opening(UUID openingId, UUID doctorId, Instant startsAt) {
    }

    private final JdbcClient jdbc;

    WaitlistOpenings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID doctorId, Instant startsAt) {
        jdbc.sql("INSERT INTO waitlist_openings (doctor_id, starts_at) VALUES (:doctor, :start)")
                .param("doctor", doctorId).param("start", Sql.timestamp(startsAt)).update();
    }

    /** The oldest opening no other instance is working on, deleted: it is gone if the claiming transaction commits. */
    Optional<Opening> claimOldest() {
        return jdbc.sql("""
                        DELETE FROM waitlist_openings WHERE opening_id = (
                            SELECT opening_id FROM waitlist_openings ORDER BY freed_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING opening_id, doctor_id, starts_at""")
                .query((rs, row) -> new Opening(Sql.uuid(rs, "opening_id"), Sql.uuid(rs, "doctor_id"), Sql.instant(rs, "starts_at")))
                .optional();
    }
}
