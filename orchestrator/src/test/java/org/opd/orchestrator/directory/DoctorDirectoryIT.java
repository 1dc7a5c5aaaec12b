package org.opd.orchestrator.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

/** Specialties in two languages, and the directory that finds doctors by specialty, name and next free slot. */
class DoctorDirectoryIT extends OrchestratorIntegrationTest {

    @Test
    void findsDoctorsBySpecialtyAndNameSoonestFreeSlotFirst() {
        // Given two specialties, and in one hospital: Dr. Bela Shah (cardiology) bookable every day, Dr. Anil Kumar
        // (cardiology) only three days from now, Dr. Chitra Nair (orthopaedics) with no schedule
        String cardiology = "cardiology-" + suffix();
        String orthopaedics = "orthopaedics-" + suffix();
        String cardiologyId = specialty(cardiology, "Cardiology", "हृदय रोग");
        String orthopaedicsId = specialty(orthopaedics, "Orthopaedics", "हड्डी रोग");
        Clinic clinic = Clinic.open(api);
        LocalDate inThreeDays = Clinic.today().plusDays(3);
        String bela = doctor(clinic, "Dr. Bela Shah", cardiologyId, List.of(DayOfWeek.values()));
        String anil = doctor(clinic, "Dr. Anil Kumar", cardiologyId, List.of(inThreeDays.getDayOfWeek()));
        String chitra = doctor(clinic, "Dr. Chitra Nair", orthopaedicsId, List.of());

        // When the directory is asked for cardiologists
        JsonNode cardiologists = directory(clinic, "specialty=" + cardiology);

        // Then both are listed, the one free sooner first, with their specialty in both languages and their next slot
        assertThat(ids(cardiologists)).containsExactly(bela, anil);
        JsonNode second = cardiologists.path("items").get(1);
        assertThat(second.path("specialty").path("nameEn").asText()).isEqualTo("Cardiology");
        assertThat(second.path("specialty").path("nameHi").asText()).isEqualTo("हृदय रोग");
        assertThat(second.path("departmentName").asText()).isNotBlank();
        assertThat(second.path("nextAvailable").path("startTime").asText()).isEqualTo(inThreeDays + "T09:00:00+05:30");
        assertThat(cardiologists.path("totalItems").asInt()).isEqualTo(2);

        // And looking only two days ahead, Dr. Kumar has no free slot: listed last, or left out when only the available are asked for
        JsonNode twoDays = directory(clinic, "specialty=" + cardiology + "&days=2");
        assertThat(ids(twoDays)).containsExactly(bela, anil);
        assertThat(twoDays.path("items").get(1).path("nextAvailable").isNull()).isTrue();
        assertThat(ids(directory(clinic, "specialty=" + cardiology + "&days=2&available=true"))).containsExactly(bela);

        // And a name finds a doctor in any case, literally (a % is not a wildcard)
        assertThat(ids(directory(clinic, "name=chitra"))).containsExactly(chitra);
        assertThat(ids(directory(clinic, "name=%25"))).isEmpty();
        assertThat(ids(directory(clinic, "specialty=" + orthopaedics))).containsExactly(chitra);
        assertThat(ids(directory(clinic, "specialty=" + cardiology + "&size=1&page=1"))).containsExactly(anil);
    }

    @Test
    void refusesBadInputNamingTheFieldAndStoresNothing() {
        String slug = "neurology-" + suffix();
        specialty(slug, "Neurology", "तंत्रिका रोग");
        Clinic clinic = Clinic.open(api);

        assertProblem(api.post("/specialties", Map.of("slug", slug, "nameEn", "Again", "nameHi", "फिर")), 409, "slug");
        assertProblem(api.post("/specialties", Map.of("slug", "Not A Slug", "nameEn", "X", "nameHi", "X")), 400, "slug");
        assertProblem(api.post("/specialties", Map.of("slug", "x-" + suffix(), "nameEn", " ", "nameHi", "X")), 400, "nameEn");
        assertProblem(api.put("/doctors/" + clinic.doctorId + "/specialty", Map.of("specialtyId", UUID.randomUUID())), 400, "specialtyId");
        assertThat(api.put("/doctors/" + UUID.randomUUID() + "/specialty", Map.of()).status()).isEqualTo(404);
        assertProblem(api.get("/hospitals/" + clinic.hospitalId + "/doctor-directory?specialty=no-such-" + suffix()), 400, "specialty");
        assertProblem(api.get("/hospitals/" + clinic.hospitalId + "/doctor-directory?days=0"), 400, "days");
        assertProblem(api.get("/hospitals/" + clinic.hospitalId + "/doctor-directory?days=32"), 400, "days");
        assertThat(api.get("/specialties").body().toString()).doesNotContain("Again", "Not A Slug");
    }

    private String specialty(String slug, String nameEn, String nameHi) {
        Api.Reply created = api.post("/specialties", Map.of("slug", slug, "nameEn", nameEn, "nameHi", nameHi, "icon", "heart"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("specialtyId").asText();
    }

    private String doctor(Clinic clinic, String name, String specialtyId, List<DayOfWeek> workdays) {
        String doctorId = api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", name, "specialization", "General", "primaryDeptId", clinic.deptId, "phone", "+919800000222",
                "avgConsultationMinutes", 15, "maxTokensPerSession", 30), "doctorId");
        Api.Reply assigned = api.put("/doctors/" + doctorId + "/specialty", Map.of("specialtyId", specialtyId));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().path("specialty").path("specialtyId").asText()).isEqualTo(specialtyId);
        if (!workdays.isEmpty()) {
            List<Map<String, Object>> days = new ArrayList<>();
            workdays.forEach(day -> days.add(Map.of("dayOfWeek", day.name(), "cabinId", clinic.cabinId, "startTime", "09:00",
                    "endTime", "17:00", "slotMinutes", 15)));
            assertThat(api.put("/doctors/" + doctorId + "/weekly-schedule", Map.of("days", days)).status()).isEqualTo(200);
        }
        return doctorId;
    }

    private JsonNode directory(Clinic clinic, String query) {
        Api.Reply reply = api.get("/hospitals/" + clinic.hospitalId + "/doctor-directory?" + query);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("doctorId").asText()));
        return ids;
    }

    private static void assertProblem(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().toString()).contains(field);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
