package org.opd.orchestrator.redistribution;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;

/** A clinic whose doctor goes away, with colleagues in the same department to take the patients. */
final class LeaveScenario {

    record Colleague(String doctorId, String shiftId) {
    }

    private final Api api;
    final Clinic clinic;

    LeaveScenario(Api api, Clinic clinic) {
        this.api = api;
        this.clinic = clinic;
    }

    /** A doctor of the clinic's department with a cabin of their own and a shift for the whole of today. */
    Colleague colleague(String name, int avgMinutes, int maxTokensPerSession) {
        String cabinId = api.create("/departments/" + clinic.deptId + "/cabins",
                Map.of("cabinNumber", name.substring(4) + "-1", "floorNumber", 1, "equipment", List.of()), "cabinId");
        String doctorId = api.create("/hospitals/" + clinic.hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", name, "specialization", "Cardiology", "primaryDeptId", clinic.deptId, "phone", "+919800000200",
                "avgConsultationMinutes", avgMinutes, "maxTokensPerSession", maxTokensPerSession), "doctorId");
        String shiftId = api.create("/shifts", Map.of("cabinId", cabinId, "doctorId", doctorId, "shiftDate", Clinic.today().toString(),
                "shiftStartTime", "00:00", "shiftEndTime", "23:59", "plannedTokens", 30), "assignmentId");
        return new Colleague(doctorId, shiftId);
    }

    /** A token of today for the doctor, checked in and waiting to be called. */
    String waiting(String doctorId) {
        Map<String, Object> request = new HashMap<>(clinic.issueRequest(clinic.patient(), 1, Clinic.today()));
        request.put("doctorId", doctorId);
        String tokenId = api.create("/tokens", request, "tokenId");
        clinic.checkIn(tokenId);
        api.post("/tokens/" + tokenId + "/wait");
        return tokenId;
    }

    /** The clinic's doctor is away from an hour ago to the end of today. */
    String leave() {
        return api.create("/schedule-exceptions", Map.of("doctorId", clinic.doctorId, "exceptionType", "UNPLANNED_LEAVE",
                "startDatetime", OffsetDateTime.now().minusHours(1).toString(),
                "endDatetime", Clinic.today().plusDays(1).atStartOfDay(Clinic.ZONE).toOffsetDateTime().toString(),
                "reason", "Taken ill"), "exceptionId");
    }

    /** The department's head. */
    Api head() {
        return api.as(api.callers().client(Set.of("DEPARTMENT_HEAD"), clinic.hospitalId, clinic.deptId, null));
    }
}
