package org.opd.eta.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opd.eta.DoctorDay;

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
}
