package org.opd.orchestrator.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators do with an alert: acknowledge it (someone is on it), resolve it. Each is one
 * conditional update, so two operators at once cannot both do it; a resolved alert takes neither.
 */
@Service
public class AlertActions {

    private final JdbcClient jdbc;
    private final AlertQueries alerts;
    private final AlertAnnouncer announcer;
    private final Clock clock;

    AlertActions(JdbcClient jdbc, AlertQueries alerts, AlertAnnouncer announcer, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.announcer = announcer;
        this.clock = clock;
    }

    @Transactional
    public Alert acknowledge(UUID alertId, UUID by) {
        int changed = jdbc.sql("""
                        UPDATE system_alerts SET acknowledged_at = :now, acknowledged_by = :by
                        WHERE alert_id = :id AND NOT is_resolved AND acknowledged_at IS NULL
                        """)
                .param("now", now()).param("by", by).param("id", alertId).update();
        return changed == 1 ? announced(alertId) : refused(alertId, "acknowledge");
    }

    @Transactional
    public Alert resolve(UUID alertId, UUID by) {
        int changed = jdbc.sql("""
                        UPDATE system_alerts SET is_resolved = TRUE, resolved_at = :now, resolved_by = :by
                        WHERE alert_id = :id AND NOT is_resolved
                        """)
                .param("now", now()).param("by", by).param("id", alertId).update();
        return changed == 1 ? announced(alertId) : refused(alertId, "resolve");
    }

    private Alert announced(UUID alertId) {
        Alert alert = alerts.require(alertId);
        announcer.announceAfterCommit(alert);
        return alert;
    }

    /** Why nothing changed: no such alert (404), or one already resolved / acknowledged (409 naming its state). */
    private Alert refused(UUID alertId, String action) {
        Alert alert = alerts.require(alertId);
        String state = alert.resolved() ? "RESOLVED" : "ACKNOWLEDGED";
        throw new ConflictException("alert-" + state.toLowerCase(), "Alert already " + state.toLowerCase(),
                "Alert " + alertId + " is " + state.toLowerCase() + "; it cannot " + action + " again", Map.of("currentStatus", state));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
