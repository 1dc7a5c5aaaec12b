package org.opd.orchestrator.identity.otp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code patient_one_time_codes} table. Phone numbers are bound, never put into SQL text or logs. */
@Repository
class OneTimeCodeRepository {

    /** The latest live code of a phone: its hash (null when no patient had the phone) and attempts so far. */
    record LiveCode(UUID id, byte[] codeHash, int attempts, boolean consumed) {
    }

    /** Advisory lock namespaces: one per thing a limit counts. */
    private static final int PHONE_LOCK = 1_001;
    private static final int ADDRESS_LOCK = 1_002;

    private final JdbcClient jdbc;

    OneTimeCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises, until the transaction ends, the issuing of codes for this phone and this address, so that
     * concurrent requests cannot both pass a limit. Always the phone first, then the address: no deadlock.
     */
    void lockFor(String phone, String clientAddress) {
        jdbc.sql("""
                        SELECT 1 FROM (SELECT pg_advisory_xact_lock(:phoneLock, hashtext(:phone)),
                                              pg_advisory_xact_lock(:addressLock, hashtext(:address))) locks
                        """)
                .param("phoneLock", PHONE_LOCK).param("phone", phone)
                .param("addressLock", ADDRESS_LOCK).param("address", clientAddress)
                .query(Integer.class).single();
    }

    /** What a rate limit counts codes by. */
    enum CountedBy {
        PHONE("phone"), CLIENT_ADDRESS("client_address");

        private final String column;

        CountedBy(String column) {
            this.column = column;
        }
    }

    /**
     * When the {@code n}-th newest code of the phone (or address) since {@code since} was created; empty
     * when there are fewer. With {@code n} the limit, that is the request whose ageing out frees the next slot.
     */
    Optional<Instant> nthNewest(CountedBy countedBy, String value, Instant since, int n) {
        return jdbc.sql("SELECT created_at FROM patient_one_time_codes WHERE " + countedBy.column + " = :value"
                        + " AND created_at > :since ORDER BY created_at DESC OFFSET :skip LIMIT 1")
                .param("value", value).param("since", Sql.timestamp(since)).param("skip", n - 1)
                .query((rs, row) -> Sql.instant(rs, "created_at")).optional();
    }

    /** @param codeHash null when no patient has the phone: the request is counted, nothing can match it */
    void insert(UUID id, UUID hospitalId, String phone, byte[] codeHash, Instant createdAt, Instant expiresAt,
            String clientAddress) {
        jdbc.sql("""
                        INSERT INTO patient_one_time_codes (id, hospital_id, phone, code_hash, created_at, expires_at,
                                                            client_address)
                        VALUES (:id, :hospitalId, :phone, :codeHash, :createdAt, :expiresAt, :address)
                        """)
                .param("id", id).param("hospitalId", hospitalId).param("phone", phone).param("codeHash", codeHash)
                .param("createdAt", Sql.timestamp(createdAt)).param("expiresAt", Sql.timestamp(expiresAt))
                .param("address", clientAddress)
                .update();
    }

    /**
     * The newest code of the phone in the hospital that has not expired, locked until the transaction
     * ends, so that concurrent verifications count their attempts one after the other. An older code
     * does not work once a newer one was issued.
     */
    Optional<LiveCode> lockNewestUnexpired(UUID hospitalId, String phone, Instant now) {
        return jdbc.sql("""
                        SELECT id, code_hash, attempts, consumed_at IS NOT NULL AS consumed FROM patient_one_time_codes
                        WHERE hospital_id = :hospitalId AND phone = :phone AND expires_at > :now
                        ORDER BY created_at DESC LIMIT 1
                        FOR UPDATE
                        """)
                .param("hospitalId", hospitalId).param("phone", phone).param("now", Sql.timestamp(now))
                .query((rs, row) -> new LiveCode(Sql.uuid(rs, "id"), rs.getBytes("code_hash"), rs.getInt("attempts"),
                        rs.getBoolean("consumed")))
                .optional();
    }

    /** Counts one verification of the code; a right one also consumes it. */
    void recordAttempt(UUID id, boolean consume, Instant now) {
        jdbc.sql("""
                        UPDATE patient_one_time_codes
                        SET attempts = attempts + 1, consumed_at = CASE WHEN :consume THEN :now ELSE consumed_at END
                        WHERE id = :id
                        """)
                .param("consume", consume).param("now", Sql.timestamp(now)).param("id", id)
                .update();
    }

    int deleteCreatedBefore(Instant before) {
        return jdbc.sql("DELETE FROM patient_one_time_codes WHERE created_at < :before")
                .param("before", Sql.timestamp(before))
                .update();
    }
}
