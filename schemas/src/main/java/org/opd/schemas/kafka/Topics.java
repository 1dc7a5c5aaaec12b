package org.opd.schemas.kafka;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.identity.AccountLinkIssued;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.queue.EtaChange;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.token.TokenEvent;

/** Every topic of the system, with its key and value serdes. Keys are doctor ids unless a topic says otherwise. */
public final class Topics {

    /** Partitions of every doctor-keyed topic; equal counts keep them co-partitioned. */
    public static final int DOCTOR_PARTITIONS = 6;

    /** Token changes from the outbox, in per-doctor order. */
    public static final Topic<String, TokenEvent> TOKEN_EVENTS = new Topic<>("opd.token-events",
            Serdes.String(), new JsonSerde<>(TokenEvent.class), DOCTOR_PARTITIONS, false);

    /** Shift starts, ends and breaks from the outbox, in per-doctor order. */
    public static final Topic<String, DoctorEvent> DOCTOR_EVENTS = new Topic<>("opd.doctor-events",
            Serdes.String(), new JsonSerde<>(DoctorEvent.class), DOCTOR_PARTITIONS, false);

    /** Appointments booked ahead: their changes, waitlist offers and due reminders from the outbox, in per-doctor order. */
    public static final Topic<String, AppointmentEvent> APPOINTMENT_EVENTS = new Topic<>("opd.appointment-events",
            Serdes.String(), new JsonSerde<>(AppointmentEvent.class), DOCTOR_PARTITIONS, false);

    /** The latest live queue of each doctor. */
    public static final Topic<String, QueueSnapshot> QUEUE_SNAPSHOTS = new Topic<>("opd.queue-snapshots",
            Serdes.String(), new JsonSerde<>(QueueSnapshot.class), DOCTOR_PARTITIONS, true);

    /** Every move of a token's position or ETA, per token, in per-doctor order. */
    public static final Topic<String, EtaChange> ETA_CHANGES = new Topic<>("opd.eta-changes",
            Serdes.String(), new JsonSerde<>(EtaChange.class), DOCTOR_PARTITIONS, false);

    /** What patients should be told, decided from the live queue (T_MINUS_3, CALL_NOW, …). */
    public static final Topic<String, NotificationRequest> NOTIFICATION_REQUESTS = new Topic<>(
            "opd.notification-requests", Serdes.String(), new JsonSerde<>(NotificationRequest.class),
            DOCTOR_PARTITIONS, false);

    /** Operations alerts raised and resolved; compacted so the latest state of each alert stays. */
    public static final Topic<String, OperationsAlert> ALERTS = new Topic<>("opd.alerts",
            Serdes.String(), new JsonSerde<>(OperationsAlert.class), DOCTOR_PARTITIONS, true);

    /**
     * Sign-in codes and account links travel sealed and expire within minutes to days; a day of them is
     * enough for a notifier that was down, and no longer is kept.
     */
    public static final Duration SEALED_SECRETS_RETENTION = Duration.ofDays(1);

    /** Partitions of the patient-keyed identity topic; it carries sign-ins, far fewer than queue changes. */
    public static final int IDENTITY_PARTITIONS = 3;

    /**
     * Sign-in events from the outbox, key = patient id: so far only {@link OneTimeCodeIssued}, whose code
     * travels sealed. A second event type on this topic needs a common supertype for the serde.
     */
    public static final Topic<String, OneTimeCodeIssued> IDENTITY_EVENTS = new Topic<>("opd.identity-events",
            Serdes.String(), new JsonSerde<>(OneTimeCodeIssued.class), IDENTITY_PARTITIONS, false, SEALED_SECRETS_RETENTION);

    /** Staff account links to e-mail (confirmation, password reset), key = account id; one partition is plenty. */
    public static final Topic<String, AccountLinkIssued> ACCOUNT_EVENTS = new Topic<>("opd.account-events",
            Serdes.String(), new JsonSerde<>(AccountLinkIssued.class), 1, false, SEALED_SECRETS_RETENTION);

    /**
     * Dead letters: the records of a consumed topic that a consumer could not read or handle, set aside with
     * the reason in their headers ({@link DeadLetterHeaders}) to be replayed once fixed. Same partitions as
     * their topic (a record keeps its partition) and its retention: sealed secrets stay no longer there.
     */
    public static final Topic<byte[], byte[]> TOKEN_EVENTS_DEAD_LETTERS = deadLettersOf(TOKEN_EVENTS);
    public static final Topic<byte[], byte[]> DOCTOR_EVENTS_DEAD_LETTERS = deadLettersOf(DOCTOR_EVENTS);
    public static final Topic<byte[], byte[]> APPOINTMENT_EVENTS_DEAD_LETTERS = deadLettersOf(APPOINTMENT_EVENTS);
    public static final Topic<byte[], byte[]> NOTIFICATION_REQUESTS_DEAD_LETTERS = deadLettersOf(NOTIFICATION_REQUESTS);
    public static final Topic<byte[], byte[]> IDENTITY_EVENTS_DEAD_LETTERS = deadLettersOf(IDENTITY_EVENTS);
    public static final Topic<byte[], byte[]> ACCOUNT_EVENTS_DEAD_LETTERS = deadLettersOf(ACCOUNT_EVENTS);
    /**
     * Alerts a consumer (the outbound webhooks, the eta-calculator's alert store) could not read or handle; kept a
     * week, as the topic it came from is compacted.
     */
    public static final Topic<byte[], byte[]> ALERTS_DEAD_LETTERS = deadLettersOfCompacted(ALERTS);
    /** Queue snapshots the Redis projection could not read; kept a week, as the topic it came from is compacted. */
    public static final Topic<byte[], byte[]> QUEUE_SNAPSHOTS_DEAD_LETTERS = deadLettersOfCompacted(QUEUE_SNAPSHOTS);

    public static final List<Topic<?, ?>> ALL = List.of(TOKEN_EVENTS, DOCTOR_EVENTS, APPOINTMENT_EVENTS, QUEUE_SNAPSHOTS,
            ETA_CHANGES, NOTIFICATION_REQUESTS, ALERTS, IDENTITY_EVENTS, ACCOUNT_EVENTS, TOKEN_EVENTS_DEAD_LETTERS,
            DOCTOR_EVENTS_DEAD_LETTERS, APPOINTMENT_EVENTS_DEAD_LETTERS, NOTIFICATION_REQUESTS_DEAD_LETTERS,
            IDENTITY_EVENTS_DEAD_LETTERS, ACCOUNT_EVENTS_DEAD_LETTERS, ALERTS_DEAD_LETTERS, QUEUE_SNAPSHOTS_DEAD_LETTERS);

    /** Outbox aggregate type of token events; the cdc-connector routes it to {@link #TOKEN_EVENTS}. */
    public static final String TOKEN_AGGREGATE = "token-events";

    /** Outbox aggregate type of doctor events; routed to {@link #DOCTOR_EVENTS}. */
    public static final String DOCTOR_AGGREGATE = "doctor-events";

    /** Outbox aggregate type of appointment events; routed to {@link #APPOINTMENT_EVENTS}. */
    public static final String APPOINTMENT_AGGREGATE = "appointment-events";

    /** Outbox aggregate type of identity events; routed to {@link #IDENTITY_EVENTS}. */
    public static final String IDENTITY_AGGREGATE = "identity-events";

    /** Outbox aggregate type of staff account events; routed to {@link #ACCOUNT_EVENTS}. */
    public static final String ACCOUNT_AGGREGATE = "account-events";

    private Topics() {
    }

    /** The dead-letter topic of a consumed topic: its name with {@code .dlt}. */
    public static String deadLettersOf(String topic) {
        return topic + ".dlt";
    }

    private static Topic<byte[], byte[]> deadLettersOf(Topic<?, ?> topic) {
        return new Topic<>(deadLettersOf(topic.name()), Serdes.ByteArray(), Serdes.ByteArray(), topic.partitions(), false,
                topic.retention());
    }

    /** A compacted topic's dead letters are not compacted (each is one failure, whatever its key): kept a week. */
    private static Topic<byte[], byte[]> deadLettersOfCompacted(Topic<?, ?> topic) {
        return new Topic<>(deadLettersOf(topic.name()), Serdes.ByteArray(), Serdes.ByteArray(), topic.partitions(), false,
                Topic.DEFAULT_RETENTION);
    }

    /** The topic an outbox row of the given aggregate type is published to. */
    public static String forAggregate(String aggregateType) {
        return "opd." + aggregateType;
    }
}
