package org.opd.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.metrics.DoctorDayFacts.Session;
import org.opd.orchestrator.metrics.DoctorDayFacts.Visit;
import org.opd.schemas.token.TokenStatus;

class DoctorDayMetricsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final UUID DOCTOR = UUID.randomUUID();

    @Test
    void aSimulatedDayGivesTheFiguresComputedByHand() {
        // Given a morning session planned 09:00-13:00 (worked 09:10-13:05), an afternoon planned 14:00-17:00 (14:00-16:30)
        List<Session> sessions = List.of(
                new Session(at("14:00"), at("17:00"), at("14:00"), at("16:30"), List.of()),
                new Session(at("09:00"), at("13:00"), at("09:10"), at("13:05"), List.of()));
        // and seven tokens: three seen (15, 12 and 18 min, after waits of 30, 40 and 5), a no-show, a cancelled,
        // a rescheduled and one still waiting
        List<Visit> visits = List.of(
                new Visit(TokenStatus.COMPLETED, at("08:50"), at("09:20"), at("09:35")),
                new Visit(TokenStatus.COMPLETED, at("09:00"), at("09:40"), at("09:52")),
                new Visit(TokenStatus.NO_SHOW, at("09:05"), null, null),
                new Visit(TokenStatus.COMPLETED, at("14:10"), at("14:15"), at("14:33")),
                new Visit(TokenStatus.CANCELLED, null, null, null),
                new Visit(TokenStatus.RESCHEDULED, null, null, null),
                new Visit(TokenStatus.WAITING, at("16:00"), null, null));

        // When the day's metrics are computed
        DoctorDayMetrics metrics = DoctorDayMetrics.of(new DoctorDayFacts(DOCTOR, DAY, ZONE, sessions, visits));

        // Then, by hand:
        assertThat(metrics.tokensScheduled()).as("all but cancelled and rescheduled").isEqualTo(5);
        assertThat(metrics.tokensCompleted()).isEqualTo(3);
        assertThat(metrics.tokensNoShow()).isEqualTo(1);
        assertThat(metrics.avgConsultationMinutes()).as("(15 + 12 + 18) / 3").isEqualByComparingTo("15.00");
        assertThat(metrics.avgWaitMinutes()).as("(30 + 40 + 5) / 3").isEqualByComparingTo("25.00");
        assertThat(metrics.firstPatientDelayMinutes()).as("09:20 - 09:00").isEqualTo(20);
        assertThat(metrics.lastPatientTime()).isEqualTo(LocalTime.of(14, 33));
        assertThat(metrics.breakMinutes()).as("13:05 to 14:00").isEqualTo(55);
        assertThat(metrics.idleMinutes()).as("235 + 150 worked - 45 consulting").isEqualTo(340);
        assertThat(metrics.utilizationPercent()).as("45 / 385").isEqualByComparingTo(new BigDecimal("11.69"));
    }

    @Test
    void aDayStillOnEndsAtItsLastConsultationAndADayWithoutPatientsHasNoAverages() {
        // Given a session started at 09:00 and not ended, with one consultation 09:00-09:30
        Session open = new Session(at("09:00"), at("13:00"), at("09:00"), null, List.of());
        DoctorDayMetrics busy = DoctorDayMetrics.of(new DoctorDayFacts(DOCTOR, DAY, ZONE, List.of(open),
                List.of(new Visit(TokenStatus.COMPLETED, at("08:55"), at("09:00"), at("09:30")))));
        DoctorDayMetrics empty = DoctorDayMetrics.of(new DoctorDayFacts(DOCTOR, DAY, ZONE, List.of(open), List.of()));

        // Then the first is fully used so far; the second has no averages, no delay and no last patient
        assertThat(busy.utilizationPercent()).isEqualByComparingTo("100.00");
        assertThat(busy.idleMinutes()).isZero();
        assertThat(busy.firstPatientDelayMinutes()).isZero();
        assertThat(empty.avgConsultationMinutes()).isNull();
        assertThat(empty.avgWaitMinutes()).isNull();
        assertThat(empty.firstPatientDelayMinutes()).isNull();
        assertThat(empty.lastPatientTime()).isNull();
        assertThat(empty.idleMinutes()).as("planned 09:00-13:00, nobody seen").isEqualTo(240);
    }

    @Test
    void aPlannedBreakCountsAsBreakExceptWhereTheDoctorConsultedThroughIt() {
        // Given a session 09:00-13:00 with a break planned 11:00-11:30, and one consultation 11:20-11:35 (10 min into it)
        Session session = new Session(at("09:00"), at("13:00"), at("09:00"), at("13:00"),
                List.of(new DoctorDayFacts.Break(at("11:00"), at("11:30"))));
        List<Visit> visits = List.of(new Visit(TokenStatus.COMPLETED, at("11:00"), at("11:20"), at("11:35")));

        // When the day's metrics are computed
        DoctorDayMetrics metrics = DoctorDayMetrics.of(new DoctorDayFacts(DOCTOR, DAY, ZONE, List.of(session), visits));

        // Then, by hand: the break taken is 30 - 10 min, and neither idle time nor utilization counts it
        assertThat(metrics.breakMinutes()).as("30 planned - 10 consulted").isEqualTo(20);
        assertThat(metrics.idleMinutes()).as("240 - 20 break - 15 consulting").isEqualTo(205);
        assertThat(metrics.utilizationPercent()).as("15 / 220").isEqualByComparingTo(new BigDecimal("6.82"));
    }

    private static Instant at(String localTime) {
        return DAY.atTime(LocalTime.parse(localTime)).atZone(ZONE).toInstant();
    }
}
