package org.opd.orchestrator.alert;

import org.opd.schemas.live.LiveAlertChange;
import org.opd.schemas.live.LiveStateKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells every orchestrator's dashboards that an operator acknowledged or resolved an alert, once the change
 * is committed, on the channel the eta-calculator announces its own alert changes on.
 */
@Component
class AlertAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(AlertAnnouncer.class);

    private final JedisPooled jedis;
    private final ObjectMapper json;

    AlertAnnouncer(JedisPooled jedis, ObjectMapper json) {
        this.jedis = jedis;
        this.json = json;
    }

    /** Within the transaction that changes the alert: announced after it commits, never when it rolls back. */
    void announceAfterCommit(Alert alert) {
        if (alert.hospitalId() == null) {
            return;
        }
        LiveAlertChange change = new LiveAlertChange(alert.hospitalId(), alert.alertType());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publish(change);
            }
        });
    }

    private void publish(LiveAlertChange change) {
        try {
            jedis.publish(LiveStateKeys.ALERT_CHANGES_CHANNEL, json.writeValueAsString(change));
        } catch (JedisException | JsonProcessingException e) {
            // The change is stored; dashboards see it on their next refresh.
            log.warn("Alert change of hospital {} not announced to the dashboards: {}", change.hospitalId(), e.toString());
        }
    }
}
