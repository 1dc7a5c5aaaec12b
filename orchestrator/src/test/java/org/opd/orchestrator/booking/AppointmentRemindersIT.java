package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;
import org.opd.orchestrator.support.WeekdayMornings;
import org.springframework.beans.factory.annotation.Autowired;

class AppointmentRemindersIT extends OrchestratorIntegrationTest {

    @Autowired
    private AppointmentReminders reminders;

    @Test
    void eachReminderIsPublishedOnceEvenWhenSchedulersRunConcurrentlyAndAgain() throws Exception {
        // Given a confirmed appointment tomorrow, one within the hour, and a hold within the hour
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        UUID tomorrow = startingIn(book(clinic, clinic.patient("Asha Rao", "+919800000301"), day, "09:00"), Duration.ofHours(23));
        UUID soon = startingIn(book(clinic, clinic.patient("Ravi Kumar", "+919800000302"), day, "09:15"), Duration.ofMinutes(40));
        UUID cancelled = book(clinic, clinic.patient("Meera Nair", "+919800000303"), day, "09:30");
        api.post("/appointments/" + cancelled + "/cancel", Map.of("reason", "Travelling"));
        startingIn(cancelled, Duration.ofMinutes(30));

        // When four orchestrators' schedulers run at the same moment, and then once more
        CyclicBarrier together = new CyclicBarrier(4);
        List<Callable<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(() -> {
                together.await();
                return reminders.publishDueReminders();
            });
        }
        Parallel.run(runs);
        reminders.publishDueReminders();

        // Then tomorrow's patient is reminded the day before, the next one the hour before (only), each once,
        // and a cancelled appointment not at all
        assertThat(remindersOf(tomorrow)).containsExactly("DAY_BEFORE");
        assertThat(remindersOf(soon)).containsExactly("HOUR_BEFORE");
        assertThat(remindersOf(cancelled)).isEmpty();
        assertThat(jdbc.sql("SELECT kind FROM appointment_reminders WHERE appointment_id IN (:ids) ORDER BY kind")
                .param("ids", List.of(tomorrow, soon, cancelled)).query(String.class).list())
                .containsExactly("DAY_BEFORE", "HOUR_BEFORE");
    }

    private UUID book(Clinic clinic, String patientId, LocalDate day, String time) {
        Api.Reply reply = api.post("/appointments", Map.of("doctorId", clinic.doctorId, "patientId", patientId,
                "startTime", day.atTime(LocalTime.parse(time)).atZone(Clinic.ZONE).toOffsetDateTime().toString(),
                "appointmentType", "CONSULTATION", "reason", "Knee pain"));
        assertThat(reply.status()).isEqualTo(201);
        return UUID.fromString(reply.text("appointmentId"));
    }

    /** Moves the appointment in time as the clock would bring it near (the day's slots lie days ahead). */
    private UUID startingIn(UUID appointmentId, Duration fromNow) {
        jdbc.sql("""
                        UPDATE appointments SET starts_at = now() + make_interval(secs => :s),
                                                ends_at = now() + make_interval(secs => :s) + interval '15 minutes'
                        WHERE appointment_id = :id""")
                .param("s", fromNow.toSeconds()).param("id", appointmentId).update();
        return appointmentId;
    }

    /** The reminder kinds published for the appointment, as the notifier will receive them. */
    private List<String> remindersOf(UUID appointmentId) {
        return jdbc.sql("""
                        SELECT payload->>'reminderKind' FROM outbox
                        WHERE aggregatetype = 'appointment-events' AND type = 'REMINDER_DUE' AND payload->>'appointmentId' = :id""")
                .param("id", appointmentId.toString()).query(String.class).list();
    }
}
