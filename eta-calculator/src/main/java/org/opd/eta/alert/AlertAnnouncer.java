package org.opd.eta.alert;

import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.live.LiveAlertChange;
import org.opd.schemas.live.LiveStateKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells the dashboards that an alert changed, once {@link AlertStore} committed it: the orchestrator
 * fans the announcement out to its hospital's alert streams. Fire-and-forget: a lost announcement only
 * delays a dashboard until its next refresh, and the alert itself is safe in PostgreSQL.
 */
public class AlertAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(AlertAnnouncer.class);

    private final JedisPooled jedis;

    public AlertAnnouncer(JedisPooled jedis) {
        this.jedis = jedis;
    }

    public void announce(OperationsAlert alert) {
        if (alert.hospitalId() == null) {
            return;
        }
        try {
            jedis.publish(LiveStateKeys.ALERT_CHANGES_CHANNEL,
                    JsonSerde.MAPPER.writeValueAsString(new LiveAlertChange(alert.hospitalId(), alert.type().name())));
        } catch (JedisException | JsonProcessingException e) {
            log.warn("Alert {} of {} {} not announced to the dashboards: {}", alert.type(), alert.entityType(), alert.entityId(), e.toString());
        }
    }
}
