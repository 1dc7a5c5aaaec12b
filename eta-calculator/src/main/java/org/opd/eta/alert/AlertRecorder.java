package org.opd.eta.alert;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.schemas.alert.OperationsAlert;
import org.springframework.kafka.listener.BatchMessageListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records each batch of committed alerts in {@code system_alerts} and announces each to the dashboards. Its
 * container ({@link AlertConfiguration}) commits a batch's offsets only after the database took all of it,
 * and hands a batch PostgreSQL refused over again (recording again is harmless: the store is idempotent).
 */
public class AlertRecorder implements BatchMessageListener<String, OperationsAlert> {

    public static final String GROUP_ID = "opd-eta-alert-store";

    private final AlertStore store;
    private final AlertAnnouncer announcer;
    private final Counter recorded;

    public AlertRecorder(AlertStore store, AlertAnnouncer announcer, MeterRegistry meters) {
        this.store = store;
        this.announcer = announcer;
        this.recorded = Counter.builder("opd.eta.alerts.recorded").description("Alerts written to system_alerts").register(meters);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, OperationsAlert>> records) {
        for (ConsumerRecord<String, OperationsAlert> record : records) {
            if (record.value() != null) {
                store.record(record.value());
                recorded.increment();
                announcer.announce(record.value());
            }
        }
    }
}
