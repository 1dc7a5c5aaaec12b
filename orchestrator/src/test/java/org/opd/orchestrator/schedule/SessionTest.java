package org.opd.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.shift.ShiftBreak;

class SessionTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    @Test
    void slotsStartAgainAtTheEndOfEachBreakSoNoMinutesAreLost() {
        Session session = session(20, new ShiftBreak(time("10:10"), time("10:25")));

        assertThat(session.slots()).extracting(s -> local(s.start()))
                .containsExactly("09:00", "09:20", "09:40", "10:25", "10:45", "11:05", "11:25");
        assertThat(local(session.slots().get(6).end())).isEqualTo("11:45");
    }

    @Test
    void anAppointmentFitsOnlyInsideTheSessionAndOutOfItsBreaks() {
        Session session = session(15, new ShiftBreak(time("10:00"), time("10:30")));

        assertThat(session.fits(at("09:30"), at("10:00"))).isTrue();
        assertThat(session.fits(at("09:45"), at("10:15"))).isFalse();
        assertThat(session.fits(at("10:30"), at("12:00"))).isTrue();
        assertThat(session.fits(at("11:45"), at("12:15"))).isFalse();
        assertThat(session.fits(at("08:45"), at("09:15"))).isFalse();
    }

    private static Session session(int slotMinutes, ShiftBreak... breaks) {
        return new Session(DAY, KOLKATA, UUID.randomUUID(), time("09:00"), time("12:00"), slotMinutes, List.of(breaks));
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text);
    }

    private static Instant at(String text) {
        return DAY.atTime(time(text)).atZone(KOLKATA).toInstant();
    }

    private static String local(Instant instant) {
        return instant.atZone(KOLKATA).toLocalTime().toString();
    }
}
