package org.opd.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AuditedResourcesTest {

    private static final String ID = "0b6f3c1e-8d2a-4f5b-9c7d-1e2f3a4b5c6d";
    private static final String OTHER = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @CsvSource(nullValues = "-", textBlock = """
            GET,    /api/v1/patients/ID,                  PATIENT,          ID, READ,   /api/v1/patients/{patientId}
            PUT,    /api/v1/patients/ID/contact,          PATIENT,          ID, CHANGE, /api/v1/patients/{patientId}/contact
            GET,    /api/v1/patients/ID/records,          PATIENT,          ID, READ,   /api/v1/patients/{patientId}/**
            GET,    /api/v1/patients,                     PATIENT,          -,  READ,   /api/v1/patients/**
            GET,    /api/v1/hospitals/OTHER/patients,     PATIENT,          -,  READ,   /api/v1/hospitals/{hospitalId}/patients
            POST,   /api/v1/hospitals/OTHER/patients,     PATIENT,          -,  CREATE, /api/v1/hospitals/{hospitalId}/patients
            GET,    /api/v1/tokens,                       TOKEN,            -,  READ,   /api/v1/tokens
            POST,   /api/v1/tokens,                       TOKEN,            -,  CREATE, /api/v1/tokens
            GET,    /api/v1/tokens/ID,                    TOKEN,            ID, READ,   /api/v1/tokens/{tokenId}
            HEAD,   /api/v1/tokens/ID,                    TOKEN,            ID, READ,   /api/v1/tokens/{tokenId}
            POST,   /api/v1/tokens/ID/check-in,           TOKEN,            ID, CHANGE, /api/v1/tokens/{tokenId}/check-in
            POST,   /api/v1/tokens/ID/reschedule,         TOKEN,            ID, CHANGE, /api/v1/tokens/{tokenId}/reschedule
            POST,   /api/v1/tokens/ID/teleport,           TOKEN,            ID, CHANGE, /api/v1/tokens/{tokenId}/**
            GET,    /api/v1/tokens/not-a-uuid,            TOKEN,            -,  READ,   /api/v1/tokens/{tokenId}
            DELETE, /api/v1/tokens/ID,                    TOKEN,            ID, CHANGE, /api/v1/tokens/{tokenId}
            POST,   /api/v1/appointments,                 APPOINTMENT,      -,  CREATE, /api/v1/appointments
            GET,    /api/v1/appointments/ID,              APPOINTMENT,      ID, READ,   /api/v1/appointments/{appointmentId}
            POST,   /api/v1/appointments/ID/cancel,       APPOINTMENT,      ID, CHANGE, /api/v1/appointments/{appointmentId}/cancel
            POST,   /api/v1/doctors/OTHER/waitlist,       WAITLIST_ENTRY,   -,  CREATE, /api/v1/doctors/{doctorId}/waitlist
            GET,    /api/v1/doctors/OTHER/waitlist,       WAITLIST_ENTRY,   -,  READ,   /api/v1/doctors/{doctorId}/waitlist
            GET,    /api/v1/waitlist-entries/ID,          WAITLIST_ENTRY,   ID, READ,   /api/v1/waitlist-entries/{entryId}
            DELETE, /api/v1/waitlist-entries/ID,          WAITLIST_ENTRY,   ID, CHANGE, /api/v1/waitlist-entries/{entryId}
            GET,    /api/v1/doctors/ID/queue,             DOCTOR_QUEUE,     ID, READ,   /api/v1/doctors/{doctorId}/queue
            POST,   /api/v1/doctors/ID/call-next,         DOCTOR_QUEUE,     ID, CHANGE, /api/v1/doctors/{doctorId}/call-next
            GET,    /api/v1/departments/ID/queue,         DEPARTMENT_QUEUE, ID, READ,   /api/v1/departments/{deptId}/queue
            GET,    /api/v1/departments/ID/display,       DEPARTMENT_QUEUE, ID, READ,   /api/v1/departments/{deptId}/display
            GET,    /api/v1/departments/ID/display/stream, DEPARTMENT_QUEUE, ID, READ,  /api/v1/departments/{deptId}/display/stream
            GET,    /api/v1/doctors/ID/queue/stream,      DOCTOR_QUEUE,     ID, READ,   /api/v1/doctors/{doctorId}/queue/stream
            GET,    /api/v1/hospitals/ID/live-queue,      HOSPITAL_QUEUE,   ID, READ,   /api/v1/hospitals/{hospitalId}/live-queue
            GET,    /api/v1/audit,                        AUDIT_LOG,        -,  READ,   /api/v1/audit
            """)
    void mapsEachPatientRecordPathToWhatItIsAbout(String method, String path, AuditResourceType type, String resourceId,
                                                  AuditAction action, String template) {
        AuditedRequest audited = AuditedResources.match(method, ids(path), null).orElseThrow();

        assertThat(audited.resourceType()).isEqualTo(type);
        assertThat(audited.resourceId()).isEqualTo(resourceId == null ? null : UUID.fromString(ID));
        assertThat(audited.action()).isEqualTo(action);
        assertThat(audited.path()).isEqualTo(template);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/hospitals/ID",
            "POST, /api/v1/hospitals/ID/doctors",
            "GET, /api/v1/doctors/ID",
            "GET, /api/v1/doctors/ID/available-slots",
            "PUT, /api/v1/departments/ID/settings",
            "GET, /api/v1/alerts",
            "GET, /actuator/health",
            "OPTIONS, /api/v1/tokens/ID",
    })
    void leavesOutWhatIsNoPatientRecord(String method, String path) {
        assertThat(AuditedResources.match(method, ids(path), null)).isEmpty();
    }

    @Test
    void keepsTheNamesOfQueryParametersButNeverTheirValues() {
        AuditedRequest search = AuditedResources.match("GET", ids("/api/v1/hospitals/OTHER/patients"),
                "phone=%2B919800000001&uhid=UH-1&phone=x&page=0&%2B9198=1").orElseThrow();

        assertThat(search.path()).isEqualTo("/api/v1/hospitals/{hospitalId}/patients?phone&uhid&page");
        assertThat(search.patientId()).isNull();
    }

    @Test
    void namesThePatientOfAPatientPathOrOfAPatientIdParameter() {
        assertThat(AuditedResources.match("GET", ids("/api/v1/patients/ID"), null).orElseThrow().patientId())
                .isEqualTo(UUID.fromString(ID));
        assertThat(AuditedResources.match("GET", "/api/v1/tokens", "patientId=" + ID + "&size=5").orElseThrow().patientId())
                .isEqualTo(UUID.fromString(ID));
        assertThat(AuditedResources.match("GET", "/api/v1/tokens", "patientId=nobody").orElseThrow().patientId()).isNull();
    }

    @Test
    void readsTheCreatedRecordFromTheLocationOfTheAnswer() {
        AuditedRequest issue = AuditedResources.match("POST", "/api/v1/tokens", null).orElseThrow();
        AuditedRequest register = AuditedResources.match("POST", ids("/api/v1/hospitals/OTHER/patients"), null).orElseThrow();

        assertThat(AuditedResources.created(issue, "http://localhost:8080/api/v1/tokens/" + ID)).contains(UUID.fromString(ID));
        assertThat(AuditedResources.created(register, "/api/v1/patients/" + ID).map(register::about).orElseThrow().patientId())
                .isEqualTo(UUID.fromString(ID));
        assertThat(AuditedResources.created(issue, "/api/v1/patients/" + ID)).isEmpty();
        assertThat(AuditedResources.created(issue, null)).isEmpty();
    }

    private static String ids(String path) {
        return path.replace("OTHER", OTHER).replace("ID", ID);
    }
}
