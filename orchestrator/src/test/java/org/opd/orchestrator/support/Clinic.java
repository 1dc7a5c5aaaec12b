package org.opd.orchestrator.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A fresh hospital (MG Road, Bengaluru, 200 m geofence) with a cardiology department (CARD,
 * buffer 4 min), a cabin and a doctor (12 min per consultation, 100 tokens per session unless
 * told otherwise) on shift all of today, built
 * through the API. Each test opens its own, so tests never see each other's tokens.
 */
public final class Clinic {

    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalTime LAST_HOUR = LocalTime.of(23, 0);
    public static final double LATITUDE = 12.9716;
    public static final double LONGITUDE = 77.5946;
    public static final int DOCTOR_AVG_MINUTES = 12;
    public static final int DEPT_BUFFER_MINUTES = 4;

    private final Api api;
    public final String hospitalId;
    public final String deptId;
    public final String cabinId;
    public final String doctorId;
    public final String shiftId;

    private Clinic(Api api, int maxTokensPerDay, int maxTokensPerSession) {
        this.api = api;
        hospitalId = api.create("/hospitals", Map.of("name", "City Hospital", "address", "1 MG Road, Bengaluru",
                "latitude", LATITUDE, "longitude", LONGITUDE, "geofenceRadiusMeters", 200, "timezone", ZONE.getId()),
                "hospitalId");
        deptId = api.create("/hospitals/" + hospitalId + "/departments", Map.of("name", "Cardiology", "code", "CARD",
                "avgConsultationMinutes", 15, "bufferMinutes", DEPT_BUFFER_MINUTES, "maxTokensPerDay", maxTokensPerDay,
                "colorCode", "#C0392B", "priorityLevel", 1), "deptId");
        cabinId = api.create("/departments/" + deptId + "/cabins",
                Map.of("cabinNumber", "C-101", "floorNumber", 1, "equipment", List.of("ECG")), "cabinId");
        doctorId = api.create("/hospitals/" + hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", "Dr. Asha Rao", "specialization", "Cardiology", "primaryDeptId", deptId,
                "phone", "+919800000100", "avgConsultationMinutes", DOCTOR_AVG_MINUTES, "maxTokensPerSession", maxTokensPerSession),
                "doctorId");
        shiftId = shift(today());
    }

    public static Clinic open(Api api) {
        return new Clinic(api, 100, 100);
    }

    public static Clinic open(Api api, int maxTokensPerDay) {
        return new Clinic(api, maxTokensPerDay, 100);
    }

    /** A clinic whose doctor sees at most the given number of patients per shift. */
    public static Clinic withSessionLimit(Api api, int maxTokensPerSession) {
        return new Clinic(api, 100, maxTokensPerSession);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /**
     * For a test that books a slot later today: in the hospital's last hour no slot of the day is left to book,
     * so the test is skipped then (it runs the other 23 hours), rather than failing on the clock.
     */
    public static void assumeSlotsLeftToday() {
        Assumptions.assumeTrue(LocalTime.now(ZONE).isBefore(LAST_HOUR),
                () -> "the hospital's day (" + ZONE + ") has less than an hour left: no slot today to book");
    }

    /** Noon of the given day in the hospital: inside the all-day shifts of this clinic. */
    public static OffsetDateTime noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZONE).toOffsetDateTime();
    }

    /** Plans the doctor for the whole of the given day in the clinic's cabin. */
    public String shift(LocalDate day) {
        return api.create("/shifts", Map.of("cabinId", cabinId, "doctorId", doctorId, "shiftDate", day.toString(),
                "shiftStartTime", "00:00", "shiftEndTime", "23:59", "plannedTokens", 30), "assignmentId");
    }

    public String patient() {
        return patient("Meera Iyer", "+919800000001");
    }

    public String patient(String name, String phone) {
        return api.create("/hospitals/" + hospitalId + "/patients", Map.of("uhid", "UH-" + UUID.randomUUID(),
                "name", name, "phone", phone, "gender", "F", "dateOfBirth", "1980-01-01",
                "whatsappOptIn", false, "smsOptIn", true), "patientId");
    }

    public Api.Reply issue(String patientId, int priority, LocalDate day) {
        return api.post("/tokens", issueRequest(patientId, priority, day));
    }

    /** The body of a token request for the patient at noon of the day. */
    public Map<String, Object> issueRequest(String patientId, int priority, LocalDate day) {
        Map<String, Object> request = new HashMap<>();
        request.put("patientId", patientId);
        request.put("doctorId", doctorId);
        request.put("bookingType", priority == 3 ? "EMERGENCY" : "WALK_IN");
        request.put("priority", priority);
        request.put("scheduledTime", noon(day).toString());
        request.put("visitReason", "Chest pain follow-up");
        return request;
    }

    /** Issues a token for today and returns its JSON, failing unless it was issued. */
    public JsonNode token(int priority) {
        Api.Reply reply = issue(patient(), priority, today());
        if (reply.status() != 201) {
            throw new AssertionError("Token not issued: " + reply.body());
        }
        return reply.body();
    }

    public Api.Reply checkIn(String tokenId) {
        return api.post("/tokens/" + tokenId + "/check-in", Map.of("latitude", LATITUDE + 0.0001, "longitude", LONGITUDE + 0.0001));
    }

    /** A token of today that has checked in and been triaged: waiting to be called. */
    public String waitingToken(int priority) {
        String tokenId = token(priority).get("tokenId").asText();
        expect(checkIn(tokenId), 200);
        expect(api.post("/tokens/" + tokenId + "/wait"), 200);
        return tokenId;
    }

    /** The doctor (this clinic's or another) calls the next patient in; the token called. */
    public String callNext(String doctorId) {
        Api.Reply called = api.post("/doctors/" + doctorId + "/call-next");
        expect(called, 200);
        return called.text("tokenId");
    }

    /** The doctor calls, sees and finishes {@code count} patients; their tokens in that order. */
    public List<String> seeInTurn(String doctorId, int count) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tokenId = callNext(doctorId);
            expect(api.post("/tokens/" + tokenId + "/start"), 200);
            expect(api.post("/tokens/" + tokenId + "/complete"), 200);
            seen.add(tokenId);
        }
        return seen;
    }

    private static void expect(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + reply.status() + ": " + reply.body());
        }
    }
}
