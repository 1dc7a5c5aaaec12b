package org.opd.eta.topology;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.EtaChange;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies each token and doctor event to its doctor's queue in the state store and forwards the new
 * snapshot, the ETA changes, the notification requests and the alerts it causes. A doctor's snapshots go out
 * at most once per publish interval: a change that comes sooner waits in the unpublished-changes store
 * and leaves with the others of its interval (a short wall-clock punctuation), so the line is estimated
 * once for all of them. A slower wall-clock punctuation recomputes, as time passes, the queues that
 * went a recompute interval without a snapshot, and publishes again when what screens show changed: a
 * busy doctor's queue is kept fresh by its own events, and the idle ones are spread over the interval.
 */
final class QueueProcessor implements Processor<String, QueueInput, String, QueueOutput> {

    private static final Logger log = LoggerFactory.getLogger(QueueProcessor.class);

    private final SnapshotAssembler assembler;
    private final TopologySettings settings;
    private final PatientNotices notices;
    private final DoctorAlerts alerts;
    private final MeterRegistry meters;
    private final Counter published;
    private final Counter recomputed;
    private final Counter deferred;
    private final PublishThrottle throttle;
    private ProcessorContext<String, QueueOutput> context;
    private DoctorQueues queues;
    private KeyValueStore<String, UnpublishedChanges> unpublished;

    QueueProcessor(SnapshotAssembler assembler, TopologySettings settings, MeterRegistry meters) {
        this.assembler = assembler;
        this.settings = settings;
        this.notices = new PatientNotices(settings.delayThreshold());
        this.alerts = new DoctorAlerts(settings.idleAfter(), settings.lateAfter());
        this.meters = meters;
        this.published = Counter.builder("opd.eta.snapshots.published")
                .description("Queue snapshots forwarded to " + Topics.QUEUE_SNAPSHOTS.name())
                .register(meters);
        this.recomputed = Counter.builder("opd.eta.snapshots.recomputed")
                .description("Queue snapshots published because time passed, not because of an event")
                .register(meters);
        this.deferred = Counter.builder("opd.eta.changes.deferred")
                .description("Queue changes that went out with a later snapshot, within one publish interval")
                .register(meters);
        this.throttle = new PublishThrottle(settings.publishInterval());
    }

    @Override
    public void init(ProcessorContext<String, QueueOutput> context) {
        this.context = context;
        // A new cache for every (re)initialised task: after a dirty close the store is restored from its changelog.
        this.queues = new DoctorQueues(context.getStateStore(QueueTopology.QUEUE_STORE));
        this.unpublished = context.getStateStore(QueueTopology.UNPUBLISHED_STORE);
        // Checked four times an interval, so no queue's ETAs are more than 1.25 intervals old.
        context.schedule(settings.recomputeInterval().dividedBy(4), PunctuationType.WALL_CLOCK_TIME, this::recomputeStale);
        if (!settings.publishInterval().isZero()) {
            // Checked four times an interval, so a change waits at most a quarter interval past its doctor's turn.
            context.schedule(settings.publishInterval().dividedBy(4), PunctuationType.WALL_CLOCK_TIME, this::publishWaiting);
        }
    }

    @Override
    public void process(Record<String, QueueInput> record) {
        String doctorId = record.key();
        if (record.value() == null || doctorId == null) {
            log.warn("Skipping a queue event record without key or value at offset {}",
                    context.recordMetadata().map(meta -> meta.topic() + "-" + meta.partition() + "@" + meta.offset()).orElse("?"));
            ignored(QueueUpdate.Reason.MALFORMED);
            return;
        }
        MDC.put("doctorId", doctorId);
        try {
            DoctorQueue queue = queues.get(doctorId);
            QueueUpdate update;
            UUID called = null;
            if (record.value() instanceof QueueInput.TokenChange change) {
                TokenEvent event = change.event();
                MDC.put("tokenId", String.valueOf(event.tokenId()));
                MDC.put("eventId", String.valueOf(event.eventId()));
                update = queue.apply(event);
                called = event.type() == TokenEventType.TOKEN_CALLED ? event.tokenId() : null;
            } else {
                QueueInput.ShiftChange change = (QueueInput.ShiftChange) record.value();
                MDC.put("eventId", String.valueOf(change.event().eventId()));
                update = queue.apply(change.event());
            }
            if (update instanceof QueueUpdate.Ignored ignored) {
                log.debug("Ignored an event: {}", ignored.reason());
                ignored(ignored.reason());
                return;
            }
            QueueUpdate.Applied applied = (QueueUpdate.Applied) update;
            UnpublishedChanges earlier = unpublished.get(doctorId);
            UnpublishedChanges waiting = Optional.ofNullable(earlier).orElse(UnpublishedChanges.NONE)
                    .plus(applied.departed(), called, record.timestamp());
            if (earlier != null || !throttle.mayPublish(doctorId, context.currentSystemTimeMs())) {
                queues.put(doctorId, applied.queue());
                unpublished.put(doctorId, waiting);
                deferred.increment();
                return;
            }
            publish(doctorId, applied.queue(), waiting, record.timestamp());
        } finally {
            MDC.remove("doctorId");
            MDC.remove("tokenId");
            MDC.remove("eventId");
        }
    }

    /** Publishes the queue as it is now (its version already counts the change) with the changes it carries. */
    private void publish(String doctorId, DoctorQueue queue, UnpublishedChanges changes, long timestamp) {
        QueueSnapshot snapshot = assembler.assemble(queue, changes.departed());
        forward(doctorId, new QueueOutput.Snapshot(snapshot), timestamp);
        published.increment();
        throttle.published(doctorId, context.currentSystemTimeMs());
        for (EtaChange change : EtaChanges.between(queue.lastPublished(), snapshot)) {
            forward(doctorId, new QueueOutput.EtaChanged(change), timestamp);
        }
        DoctorQueue next = queue.withPublished(view(snapshot));
        next = tell(doctorId, next, snapshot, changes.calledIn(), timestamp);
        next = alert(next, timestamp);
        queues.put(doctorId, next);
        log.debug("Published queue version {}: {} in line, doctor {}", snapshot.version(), snapshot.waiting().size(),
                snapshot.doctorStatus());
    }

    /** The changes that came within a publish interval of the previous snapshot, one snapshot per doctor. */
    private void publishWaiting(long wallClockMillis) {
        for (KeyValue<String, UnpublishedChanges> entry : DoctorQueues.copyOf(unpublished)) {
            if (!throttle.mayPublish(entry.key, wallClockMillis)) {
                continue;
            }
            MDC.put("doctorId", entry.key);
            try {
                unpublished.delete(entry.key);
                publish(entry.key, queues.get(entry.key), entry.value, entry.value.firstChange());
            } finally {
                MDC.remove("doctorId");
            }
        }
    }

    private void recomputeStale(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        for (KeyValue<String, DoctorQueue> entry : queues.all()) {
            if (throttle.publishedWithin(entry.key, wallClockMillis, settings.recomputeInterval())) {
                continue; // an event published it lately: its ETAs are as fresh as a recomputation's
            }
            if (unpublished.get(entry.key) != null) {
                continue; // its changes go out within a publish interval, and would be lost here
            }
            MDC.put("doctorId", entry.key);
            try {
                recompute(entry.key, entry.value.at(now), wallClockMillis);
            } finally {
                MDC.remove("doctorId");
            }
        }
    }

    private void recompute(String doctorId, DoctorQueue queue, long timestamp) {
        QueueSnapshot candidate = assembler.assemble(queue, List.of());
        PublishedView view = view(candidate);
        boolean changed = !view.sameAs(queue.lastPublished());
        boolean statusDue = keepsStatus(queue, candidate) && (queue.lastPublished() == null
                || !queue.asOf().isBefore(queue.lastPublished().publishedAt().plus(settings.statusRefresh())));
        if (changed || statusDue) {
            recomputed.increment();
            publish(doctorId, queue.withNextVersion(), UnpublishedChanges.NONE, timestamp);
            return;
        }
        DoctorQueue next = alert(queue, timestamp);
        if (!next.openAlerts().equals(queue.openAlerts())) {
            queues.put(doctorId, next);
        }
    }

    /** A doctor at work or with patients: screens must not see the status expire to OFFLINE. */
    private static boolean keepsStatus(DoctorQueue queue, QueueSnapshot snapshot) {
        return snapshot.doctorStatus() != DoctorStatus.OFFLINE || !queue.tokens().isEmpty();
    }

    private DoctorQueue tell(String doctorId, DoctorQueue queue, QueueSnapshot snapshot, List<UUID> calledIn, long timestamp) {
        PatientNotices.Outcome outcome = notices.decide(queue, snapshot, calledIn);
        for (NotificationRequest request : outcome.requests()) {
            forward(doctorId, new QueueOutput.Notification(request), timestamp);
            Counter.builder("opd.eta.notification.requests").tag("type", request.type().name()).register(meters).increment();
        }
        return outcome.queue();
    }

    private DoctorQueue alert(DoctorQueue queue, long timestamp) {
        DoctorAlerts.Outcome outcome = alerts.evaluate(queue);
        for (OperationsAlert alert : outcome.alerts()) {
            forward(alert.key(), new QueueOutput.Alert(alert), timestamp);
            log.info("{} alert {} for {} {}", alert.resolved() ? "Resolved" : "Raised", alert.type(), alert.entityType(), alert.entityId());
        }
        return outcome.queue();
    }

    private void forward(String key, QueueOutput output, long timestamp) {
        // Event headers (eventId, eventType) describe the input, not what is published: none are copied.
        context.forward(new Record<>(key, output, timestamp, new RecordHeaders()));
    }

    private static PublishedView view(QueueSnapshot snapshot) {
        return new PublishedView(snapshot.doctorStatus(), snapshot.current() == null ? null : snapshot.current().tokenId(),
                snapshot.waiting(), snapshot.asOf());
    }

    private void ignored(QueueUpdate.Reason reason) {
        Counter.builder("opd.eta.events.ignored")
                .description("Queue events that changed no queue")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment();
    }
}
