package org.opd.orchestrator.assistant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@Repository
class SessionRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SessionRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The chat's conversation, locked so that two messages of one chat are answered one after the other. */
    Optional<StoredSession> lockFor(String phoneNumberId, String waId) {
        return jdbc.sql("SELECT * FROM wa_sessions WHERE phone_number_id = :number AND wa_id = :wa FOR UPDATE")
                .param("number", phoneNumberId).param("wa", waId)
                .query(this::map).optional();
    }

    /** Stores the chat's conversation; a new session replaces the chat's ended one. */
    void save(StoredSession session) {
        ConversationState state = session.state();
        jdbc.sql("""
                        INSERT INTO wa_sessions (session_id, phone_number_id, wa_id, step, language, patient_id, state,
                                                 started_at, last_active_at, idle_expires_at, absolute_expires_at)
                        VALUES (:id, :number, :wa, :step, :language, :patient, :state, :started, :active, :idle, :absolute)
                        ON CONFLICT (phone_number_id, wa_id) DO UPDATE SET
                            session_id = EXCLUDED.session_id, step = EXCLUDED.step, language = EXCLUDED.language,
                            patient_id = EXCLUDED.patient_id, state = EXCLUDED.state, started_at = EXCLUDED.started_at,
                            last_active_at = EXCLUDED.last_active_at, idle_expires_at = EXCLUDED.idle_expires_at,
                            absolute_expires_at = EXCLUDED.absolute_expires_at""")
                .param("id", session.sessionId()).param("number", session.phoneNumberId()).param("wa", session.waId())
                .param("step", state.step().name())
                .param("language", state.language() == null ? null : state.language().name())
                .param("patient", state.patientId())
                .param("state", Sql.jsonb(write(state)))
                .param("started", Sql.timestamp(session.startedAt()))
                .param("active", Sql.timestamp(session.lastActiveAt()))
                .param("idle", Sql.timestamp(session.idleExpiresAt()))
                .param("absolute", Sql.timestamp(session.absoluteExpiresAt()))
                .update();
    }

    /** Forgets the conversations that ended (idle or at their hour) before {@code before}; how many. */
    int deleteEndedBefore(Instant before) {
        return jdbc.sql("DELETE FROM wa_sessions WHERE LEAST(idle_expires_at, absolute_expires_at) < :before")
                .param("before", Sql.timestamp(before)).update();
    }

    private StoredSession map(ResultSet rs, int row) throws SQLException {
        return new StoredSession(Sql.uuid(rs, "session_id"), rs.getString("phone_number_id"), rs.getString("wa_id"),
                read(rs.getString("state")), Sql.instant(rs, "started_at"), Sql.instant(rs, "last_active_at"),
                Sql.instant(rs, "idle_expires_at"), Sql.instant(rs, "absolute_expires_at"));
    }

    private String write(ConversationState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A conversation state is always JSON", e);
        }
    }

    private ConversationState read(String stored) {
        try {
            return json.readValue(stored, ConversationState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wa_sessions.state is not a conversation state", e);
        }
    }
}
