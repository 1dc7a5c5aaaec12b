package org.opd.orchestrator.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.logging.LogContext;
import org.opd.schemas.appointment.ReminderKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reminds each confirmed appointment's patient the day before and the hour before, each once: a claimed row
 * in {@code appointment_reminders} and its {@code REMINDER_DUE} event commit together, so a restart sends
 * nothing twice and nothing claimed is lost, and several orchestrators running this at once claim each
 * reminder once (the row's primary key). The day-before reminder is only due until the hour-before one is:
 * an appointment booked within the hour gets only the latter.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentReminders implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);
    private static final int BATCH = 500;

    private final ReminderRepository reminders;
    private final AppointmentRepository appointments;
    private final AppointmentEvents events;
    private final BookingProperties.Reminders settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<ReminderKind, Counter> claimed;

    AppointmentReminders(ReminderRepository reminders, AppointmentRepository appointments, AppointmentEvents events,
                         BookingProperties properties, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.reminders = reminders;
        this.appointments = appointments;
        this.events = events;
        this.settings = properties.reminders();
        this.transaction = transaction;
        this.clock = clock;
        this.claimed = Map.of(ReminderKind.DAY_BEFORE, counter(meters, ReminderKind.DAY_BEFORE),
                ReminderKind.HOUR_BEFORE, counter(meters, ReminderKind.HOUR_BEFORE));
    }

    private static Counter counter(MeterRegistry meters, ReminderKind kind) {
        return Counter.builder("opd.appointment.reminders")
                .description("Appointment reminders claimed and published for the notifier")
                .tag("kind", kind.name().toLowerCase())
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::publishDueReminders, settings.checkInterval());
    }

    /** @return how many reminders this run published */
    int publishDueReminders() {
        Instant now = clock.instant();
        return publish(ReminderKind.DAY_BEFORE, settings.dayBefore(), settings.hourBefore(), now)
                + publish(ReminderKind.HOUR_BEFORE, settings.hourBefore(), Duration.ZERO, now);
    }

    private int publish(ReminderKind kind, Duration before, Duration until, Instant now) {
        Integer published = transaction.execute(status -> {
            List<UUID> due = reminders.claimDue(kind, before, until, now, BATCH);
            for (UUID appointmentId : due) {
                Appointment appointment = appointments.find(appointmentId).orElseThrow();
                events.reminderDue(appointment, kind);
                try (LogContext ignored = LogContext.doctor(appointment.doctorId())) {
                    log.info("Reminder {} of appointment {} due", kind, appointmentId);
                }
            }
            return due.size();
        });
        int count = published == null ? 0 : published;
        claimed.get(kind).increment(count);
        return count;
    }
}
