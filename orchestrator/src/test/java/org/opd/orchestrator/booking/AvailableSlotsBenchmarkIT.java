package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The directory page: one hospital, 50 doctors with a weekly schedule (Monday to Saturday
 * 09:00–17:00 in 15-minute slots, lunch 13:00–14:00), 4 appointments each, and every doctor's free
 * slots for the next 30 days asked for through the HTTP API on the real PostgreSQL. Runs only when
 * asked ({@code -Dopd.booking.benchmark=true}); the figures land in
 * {@code orchestrator/target/available-slots-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "opd.booking.benchmark", matches = "true")
class AvailableSlotsBenchmarkIT extends OrchestratorIntegrationTest {

    private static final int DOCTORS = 50;
    private static final int DAYS = 30;
    private static final int BOOKED_PER_DOCTOR = 4;
    private static final int ROUNDS = 3;

    @Test
    void freeSlotsOf50DoctorsFor30Days() throws IOException {
        // Given a hospital with 50 scheduled doctors, each with a few appointments in the month
        Clinic clinic = Clinic.open(api);
        String patient = clinic.patient();
        LocalDate from = Clinic.today().plusDays(1);
        LocalDate to = from.plusDays(DAYS - 1);
        List<String> doctors = new ArrayList<>();
        for (int i = 0; i < DOCTORS; i++) {
            String doctorId = i == 0 ? clinic.doctorId : api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of(
                    "empCode", "EMP-" + UUID.randomUUID(), "name", "Dr. Bench " + i, "specialization", "Cardiology",
                    "primaryDeptId", clinic.deptId, "phone", "+91980000" + (1000 + i), "avgConsultationMinutes", 15,
                    "maxTokensPerSession", 100), "doctorId");
            assertThat(api.put("/doctors/" + doctorId + "/weekly-schedule", week(clinic)).status()).isEqualTo(200);
            List<JsonNode> free = slots(doctorId, from, to);
            for (int b = 0; b < BOOKED_PER_DOCTOR; b++) {
                String start = free.get((b * 37) % free.size()).path("startTime").asText();
                assertThat(api.post("/appointments", Map.of("doctorId", doctorId, "patientId", patient, "startTime", start,
                        "appointmentType", "CONSULTATION", "reason", "Benchmark")).status()).isEqualTo(201);
            }
            doctors.add(doctorId);
        }

        // When the directory asks each doctor's free slots for the month, a few rounds over
        List<Long> millis = new ArrayList<>();
        int slotsSeen = 0;
        long pageStart = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            for (String doctorId : doctors) {
                long start = System.nanoTime();
                slotsSeen = slots(doctorId, from, to).size();
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        long perPage = (System.nanoTime() - pageStart) / 1_000_000 / ROUNDS;

        // And the directory page itself: one call that finds every doctor's next free slot within the month
        List<Long> directoryMillis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            Api.Reply page = api.get("/hospitals/" + clinic.hospitalId + "/doctor-directory?days=" + DAYS + "&size=" + DOCTORS);
            directoryMillis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("totalItems").asInt()).isEqualTo(DOCTORS);
        }

        // Then every answer came, and the figures are written down
        List<Long> sorted = millis.stream().sorted().toList();
        String report = """
                available-slots benchmark: %d doctors, %d days each, %d appointments each, %d calls
                per call: median %d ms, p95 %d ms, max %d ms (last answer: %d free slots)
                all %d doctors one after another: %d ms
                the doctor directory (every doctor's next free slot within %d days, one call): %s ms
                load average at the end: %s
                """.formatted(DOCTORS, DAYS, BOOKED_PER_DOCTOR, millis.size(), sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.95)), sorted.get(sorted.size() - 1), slotsSeen, DOCTORS, perPage,
                DAYS, directoryMillis, Files.readString(Path.of("/proc/loadavg")).trim());
        Files.writeString(Path.of("target/available-slots-benchmark.txt"), report);
        System.out.println(report);
        assertThat(slotsSeen).isPositive();
    }

    private List<JsonNode> slots(String doctorId, LocalDate from, LocalDate to) {
        Api.Reply reply = api.get("/doctors/" + doctorId + "/available-slots?from=" + from + "&to=" + to);
        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> slots = new ArrayList<>();
        reply.body().path("slots").forEach(slots::add);
        return slots;
    }

    private static Map<String, Object> week(Clinic clinic) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                days.add(Map.of("dayOfWeek", day.name(), "cabinId", clinic.cabinId, "startTime", "09:00", "endTime", "17:00",
                        "slotMinutes", 15, "plannedBreaks", List.of(Map.of("start", "13:00", "end", "14:00"))));
            }
        }
        return Map.of("days", days);
    }
}
