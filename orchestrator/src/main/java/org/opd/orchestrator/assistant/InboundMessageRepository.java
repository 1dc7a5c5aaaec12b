package org.opd.orchestrator.assistant;

import java.time.Instant;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InboundMessageRepository {

    private final JdbcClient jdbc;

    InboundMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records WhatsApp's message id; false when it was handled before (Meta delivers at least once). A
     * second delivery at the same moment waits for the first's commit and then finds it.
     */
    boolean recordFirst(String messageId, UUID sessionId) {
        return jdbc.sql("INSERT INTO wa_inbound_messages (message_id, session_id) VALUES (:id, :session) ON CONFLICT DO NOTHING")
                .param("id", messageId).param("session", sessionId)
                .update() == 1;
    }

    int deleteReceivedBefore(Instant before) {
        return jdbc.sql("DELETE FROM wa_inbound_messages WHERE received_at < :before")
                .param("before", Sql.timestamp(before)).update();
    }
}
