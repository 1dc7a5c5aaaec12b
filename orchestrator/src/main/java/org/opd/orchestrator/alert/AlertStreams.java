package org.opd.orchestrator.alert;

import java.time.Duration;
import java.util.UUID;

import org.opd.orchestrator.error.UnavailableException;
import org.opd.orchestrator.screen.KeyedStreams;
import org.opd.orchestrator.screen.LiveChangeFollower;
import org.opd.schemas.live.LiveAlertChange;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * The operations dashboards' live streams of their hospital's alerts: each announced change (an alert
 * raised or resolved by the eta-calculator, acknowledged or resolved by an operator) is sent on as an
 * {@value #ALERTS_EVENT} event, and the dashboard reads the open alerts again.
 */
@Component
public class AlertStreams implements LiveChangeFollower {

    /** SSE event name: a {@link LiveAlertChange} of the hospital. */
    public static final String ALERTS_EVENT = "alerts";

    private final KeyedStreams byHospital = new KeyedStreams();
    private final ObjectMapper json;
    private volatile boolean following;

    AlertStreams(ObjectMapper json, MeterRegistry meters) {
        this.json = json;
        Gauge.builder("opd.screen.streams.open", byHospital, KeyedStreams::count).tag("follows", "hospital-alerts")
                .description("Open live streams of screens").register(meters);
    }

    public SseEmitter follow(UUID hospitalId, Duration lifetime) {
        if (!following) {
            throw new UnavailableException("live-updates-unavailable", "Live updates unavailable",
                    "The alerts' changes cannot be followed right now; load the alerts and try again shortly", null);
        }
        return byHospital.open(hospitalId, lifetime);
    }

    @Override
    public void alertsChanged(LiveAlertChange change) {
        if (!byHospital.follows(change.hospitalId())) {
            return;
        }
        try {
            byHospital.sendAll(change.hospitalId(), SseEmitter.event().name(ALERTS_EVENT).data(json.writeValueAsString(change)).build());
        } catch (JsonProcessingException e) {
            // Cannot happen for two plain fields; the dashboards reload rather than miss it.
            byHospital.endAll(change.hospitalId());
        }
    }

    @Override
    public void following(boolean following) {
        this.following = following;
    }

    @Override
    public void disconnectAll() {
        byHospital.endAll();
    }

    @Scheduled(fixedDelayString = "${opd.orchestrator.screens.heartbeat}")
    void heartbeat() {
        byHospital.heartbeat();
    }

    @PreDestroy
    void close() {
        disconnectAll();
    }
}
