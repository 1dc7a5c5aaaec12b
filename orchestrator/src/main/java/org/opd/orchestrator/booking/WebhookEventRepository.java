package org.opd.orchestrator.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookEventRepository {

    private final JdbcClient jdbc;

    WebhookEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the provider's event; false when it was recorded before (a replay or a retry). A second
     * delivery at the same moment waits for the first's commit and then finds it.
     */
    boolean recordFirst(String provider, String eventId, String eventType) {
        return jdbc.sql("""
                        INSERT INTO payment_webhook_events (provider, event_id, event_type) VALUES (:p, :id, :type)
                        ON CONFLICT DO NOTHING""")
                .param("p", provider).param("id", eventId).param("type", eventType)
                .update() == 1;
    }
}
