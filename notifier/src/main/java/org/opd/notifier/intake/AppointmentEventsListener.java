package org.opd.notifier.intake;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.notification.NotificationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Consumes {@code opd.appointment-events} in the group {@code opd-notifier}: an appointment booked (or its hold
 * paid), a slot offered from the waitlist and a reminder due are news for the patient; the appointment's other changes reach them through its token on
 * the day. A record whose handling throws goes to the error handler of {@link ConsumerConfiguration}: retries,
 * then its dead-letter topic.
 */
@Component
class AppointmentEventsListener {

    static final String LISTENER_ID = "appointment-events";

    private static final Logger log = LoggerFactory.getLogger(AppointmentEventsListener.class);

    private final AppointmentIntake intake;
    private final Timer lag;

    AppointmentEventsListener(AppointmentIntake intake, MeterRegistry meters) {
        this.intake = intake;
        this.lag = Timer.builder("opd.notifier.appointment-intake.lag")
                .description("From the appointment event entering Kafka to its message committed in notifications_log")
                .register(meters);
    }

    @KafkaListener(id = LISTENER_ID, groupId = ConsumerConfiguration.GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).APPOINTMENT_EVENTS.name()}",
            containerFactory = ConsumerConfiguration.APPOINTMENT_EVENTS_FACTORY)
    void onAppointmentEvent(ConsumerRecord<String, AppointmentEvent> record) {
        AppointmentEvent event = record.value();
        if (event == null) {
            log.warn("Empty appointment event at {}-{}@{}; skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        try (var eventId = MDC.putCloseable("eventId", String.valueOf(event.eventId()));
             var appointmentId = MDC.putCloseable("appointmentId", String.valueOf(event.appointmentId()));
             var doctorId = MDC.putCloseable("doctorId", String.valueOf(event.doctorId()))) {
            NotificationType type = switch (event.type()) {
                // Booked confirmed at once (free, Cal.com), or a hold paid or confirmed: one message either way.
                case APPOINTMENT_BOOKED, APPOINTMENT_CONFIRMED -> NotificationType.APPOINTMENT_BOOKED;
                case WAITLIST_OFFERED -> NotificationType.WAITLIST_OFFER;
                case REMINDER_DUE -> switch (event.reminderKind()) {
                    case DAY_BEFORE -> NotificationType.REMINDER_DAY_BEFORE;
                    case HOUR_BEFORE -> NotificationType.REMINDER_HOUR_BEFORE;
                };
                default -> null;
            };
            if (type == null) {
                log.trace("{} needs no notification", event.type());
                return;
            }
            intake.accept(event, type);
            lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - record.timestamp())));
        }
    }
}
