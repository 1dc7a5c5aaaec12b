package org.opd.eta.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opd.eta.DoctorDay;
import org.opd.schemas.doctor.PlannedBreak;

class DoctorQueueTest {

    @Test
    void remembersABoundedNumberOfEventsAndDeparturesSoTheStateDoesNotGrowAllDay() {
        // Given a long day: more tokens come and go than the queue remembers
        DoctorDay day = new DoctorDay(10, 5);
        DoctorQueue queue = DoctorQueue.empty();
        int tokens = DoctorQueue.REMEMBERED_DEPARTURES + 50;

        // When each is issued and cancelled
        for (int i = 0; i < tokens; i++) {
            var token = day.token("GEN-%03d".formatted(i), 1);
            queue = ((QueueUpdate.Applied) queue.apply(token.issued(i % 60))).queue();
            queue = ((QueueUpdate.Applied) queue.apply(token.cancelled(i % 60))).queue();
        }

        // Then every change counted, but only the latest ids are kept
        assertThat(queue.version()).isEqualTo(2L * tokens);
        assertThat(queue.tokens()).isEmpty();
        assertThat(queue.recentEventIds()).hasSize(DoctorQueue.REMEMBERED_EVENTS);
        assertThat(queue.departedTokenIds()).hasSize(DoctorQueue.REMEMBERED_DEPARTURES);
    }

    @Test
    void keepsTheShiftsPlannedBreaksAndWhenTheDoctorLastWentOnABreak() {
        // Given a shift 09:00-13:00 with a break planned 10:30-10:45
        DoctorDay day = new DoctorDay(10, 5).withPlannedBreak(90, 105);
        DoctorQueue queue = DoctorQueue.empty();

        // When it is scheduled and started, and the doctor goes on the break five minutes late
        queue = ((QueueUpdate.Applied) queue.apply(day.shiftScheduled(-60, 0, 240))).queue();
        queue = ((QueueUpdate.Applied) queue.apply(day.shiftStarted(2))).queue();
        queue = ((QueueUpdate.Applied) queue.apply(day.breakStarted(95, 110))).queue();

        // Then the model sees the planned break and that it has begun
        assertThat(queue.shift().plannedBreaks()).containsExactly(new PlannedBreak(DoctorDay.at(90), DoctorDay.at(105)));
        assertThat(queue.shift().lastBreakStartedAt()).isEqualTo(DoctorDay.at(95));
        assertThat(queue.shift().onBreak()).isTrue();
    }
}
