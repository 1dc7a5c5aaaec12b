package org.opd.orchestrator.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.schemas.identity.Role;
import org.opd.schemas.status.StatusLinks;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Role × endpoint: every call of the OpenAPI document, made by a credential of each role of one
 * hospital, is let through (any answer but 401 / 403) exactly for the roles this table names.
 * An endpoint added to the API without a row here fails {@link #everyEndpointOfTheApiHasARow()}.
 */
class AccessRulesIT extends OrchestratorIntegrationTest {

    /** Callers of one hospital only: the rows hold for staff of that hospital, not for the bootstrap administrator. */
    private static final String STAFF = "ADMIN RECEPTIONIST NURSE DOCTOR DEPARTMENT_HEAD OPERATIONS";
    private static final String SCREENS = STAFF + " DISPLAY";
    /** Open calls: the one-use token in the body, or the status link in the path, is the credential. */
    private static final String EVERYONE = SCREENS;
    private static final String[] TABLE = {
            "POST /api/v1/hospitals                               | ",
            "GET  /api/v1/hospitals                               | " + STAFF,
            "GET  /api/v1/hospitals/{hospitalId}                  | " + SCREENS,
            "PUT  /api/v1/hospitals/{hospitalId}/status           | ADMIN",
            "POST /api/v1/hospitals/{hospitalId}/departments      | ADMIN",
            "GET  /api/v1/hospitals/{hospitalId}/departments      | " + SCREENS,
            "GET  /api/v1/departments/{deptId}                    | " + SCREENS,
            "PUT  /api/v1/departments/{deptId}/settings           | ADMIN DEPARTMENT_HEAD",
            "PUT  /api/v1/departments/{deptId}/status             | ADMIN",
            "POST /api/v1/departments/{deptId}/cabins             | ADMIN DEPARTMENT_HEAD",
            "GET  /api/v1/departments/{deptId}/cabins             | " + SCREENS,
            "GET  /api/v1/cabins/{cabinId}                        | " + SCREENS,
            "PUT  /api/v1/cabins/{cabinId}/status                 | ADMIN DEPARTMENT_HEAD NURSE",
            "POST /api/v1/hospitals/{hospitalId}/doctors          | ADMIN DEPARTMENT_HEAD",
            "GET  /api/v1/hospitals/{hospitalId}/doctors          | " + SCREENS,
            "GET  /api/v1/doctors/{doctorId}                      | " + SCREENS,
            "PUT  /api/v1/doctors/{doctorId}/settings             | ADMIN DEPARTMENT_HEAD",
            "PUT  /api/v1/doctors/{doctorId}/status               | ADMIN DEPARTMENT_HEAD NURSE DOCTOR",
            "GET  /api/v1/doctors/{doctorId}/weekly-schedule      | " + STAFF,
            "PUT  /api/v1/doctors/{doctorId}/weekly-schedule      | ADMIN DEPARTMENT_HEAD",
            "POST /api/v1/doctors/{doctorId}/weekly-schedule/shifts | ADMIN DEPARTMENT_HEAD",
            "GET  /api/v1/doctors/{doctorId}/available-slots?from=2030-01-01&to=2030-01-02 | " + STAFF,
            "POST /api/v1/appointments                            | RECEPTIONIST",
            "GET  /api/v1/appointments/{appointmentId}            | RECEPTIONIST NURSE DOCTOR DEPARTMENT_HEAD",
            "POST /api/v1/appointments/{appointmentId}/cancel     | RECEPTIONIST",
            "POST /api/v1/appointments/{appointmentId}/confirm    | RECEPTIONIST",
            "POST /api/v1/doctors/{doctorId}/waitlist             | RECEPTIONIST",
            "GET  /api/v1/doctors/{doctorId}/waitlist?date=2030-01-01 | RECEPTIONIST NURSE DOCTOR DEPARTMENT_HEAD",
            "GET  /api/v1/waitlist-entries/{entryId}              | RECEPTIONIST NURSE DOCTOR DEPARTMENT_HEAD",
            "DELETE /api/v1/waitlist-entries/{entryId}            | RECEPTIONIST",
            "PUT  /api/v1/doctors/{doctorId}/booking-fee          | ADMIN DEPARTMENT_HEAD",
            "POST /api/v1/specialties                             | ADMIN",
            "GET  /api/v1/specialties                             | " + STAFF,
            "PUT  /api/v1/doctors/{doctorId}/specialty            | ADMIN DEPARTMENT_HEAD",
            "GET  /api/v1/hospitals/{hospitalId}/doctor-directory | " + STAFF,
            "POST /api/v1/payment-webhooks/razorpay               | " + EVERYONE,
            "PUT  /api/v1/hospitals/{hospitalId}/whatsapp-assistant | ADMIN",
            // Open to every caller, but only Meta's X-Hub-Signature-256 (GET: the verify token) gets past 401: no role does.
            "GET  /api/v1/whatsapp-webhooks/booking               | ",
            "POST /api/v1/whatsapp-webhooks/booking               | ",
            "PUT  /api/v1/hospitals/{hospitalId}/cal-com          | ADMIN",
            "PUT  /api/v1/doctors/{doctorId}/cal-com              | ADMIN DEPARTMENT_HEAD",
            "GET  /api/v1/hospitals/{hospitalId}/cal-com/parked-bookings | ADMIN OPERATIONS RECEPTIONIST",
            "POST /api/v1/hospitals/{hospitalId}/cal-com/parked-bookings/{parkedId}/retry | ADMIN OPERATIONS RECEPTIONIST",
            "POST /api/v1/hospitals/{hospitalId}/cal-com/parked-bookings/{parkedId}/dismiss | ADMIN OPERATIONS",
            // Open to every caller, but only a body signed with the hospital's Cal.com secret gets past 401: no role does.
            "POST /api/v1/cal-com-webhooks/{hospitalId}           | ",
            "PUT  /api/v1/departments/{deptId}/abdm-counter       | ADMIN",
            "POST /api/v1/schedule-exceptions                     | ADMIN DEPARTMENT_HEAD",
            "GET  /api/v1/schedule-exceptions/{exceptionId}       | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "POST /api/v1/schedule-exceptions/{exceptionId}/approve | DEPARTMENT_HEAD",
            "GET  /api/v1/schedule-exceptions/{exceptionId}/redistribution/preview | ADMIN DEPARTMENT_HEAD",
            "POST /api/v1/schedule-exceptions/{exceptionId}/redistribution/apply | ADMIN DEPARTMENT_HEAD",
            "PUT  /api/v1/departments/{deptId}/unplaced-token-rule | ADMIN DEPARTMENT_HEAD",
            "POST /api/v1/shifts                                  | ADMIN DEPARTMENT_HEAD",
            "GET  /api/v1/shifts?deptId={deptId}                  | " + STAFF,
            "GET  /api/v1/shifts/{assignmentId}                   | " + STAFF,
            "POST /api/v1/shifts/{assignmentId}/cancel            | ADMIN DEPARTMENT_HEAD",
            "POST /api/v1/shifts/{assignmentId}/start             | DEPARTMENT_HEAD NURSE DOCTOR",
            "POST /api/v1/shifts/{assignmentId}/end               | DEPARTMENT_HEAD NURSE DOCTOR",
            "POST /api/v1/hospitals/{hospitalId}/patients         | RECEPTIONIST NURSE",
            "GET  /api/v1/hospitals/{hospitalId}/patients         | RECEPTIONIST NURSE DOCTOR DEPARTMENT_HEAD",
            "GET  /api/v1/patients/{patientId}                    | RECEPTIONIST NURSE DOCTOR DEPARTMENT_HEAD",
            "PUT  /api/v1/patients/{patientId}/contact            | RECEPTIONIST",
            "POST /api/v1/tokens                                  | RECEPTIONIST NURSE",
            "GET  /api/v1/tokens?hospitalId={hospitalId}          | RECEPTIONIST NURSE DOCTOR DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/tokens/{tokenId}                        | RECEPTIONIST NURSE DOCTOR DEPARTMENT_HEAD OPERATIONS",
            "POST /api/v1/tokens/{tokenId}/check-in               | RECEPTIONIST NURSE",
            "POST /api/v1/tokens/{tokenId}/wait                   | NURSE",
            "POST /api/v1/tokens/{tokenId}/start                  | DOCTOR",
            "POST /api/v1/tokens/{tokenId}/complete               | DOCTOR",
            "POST /api/v1/tokens/{tokenId}/no-show                | NURSE DOCTOR",
            "POST /api/v1/tokens/{tokenId}/cancel                 | RECEPTIONIST",
            "POST /api/v1/tokens/{tokenId}/reschedule             | RECEPTIONIST",
            "POST /api/v1/doctors/{doctorId}/call-next            | DOCTOR",
            "POST /api/v1/tokens/{tokenId}/park                   | RECEPTIONIST NURSE DEPARTMENT_HEAD",
            "POST /api/v1/tokens/{tokenId}/recall                 | RECEPTIONIST NURSE DEPARTMENT_HEAD",
            "POST /api/v1/tokens/{tokenId}/transfer               | NURSE DEPARTMENT_HEAD DOCTOR",
            "POST /api/v1/tokens/{tokenId}/notes                  | DOCTOR",
            "GET  /api/v1/tokens/{tokenId}/notes                  | DOCTOR",
            "GET  /api/v1/icd10-codes                             | " + STAFF,
            "GET  /api/v1/doctors/{doctorId}/queue                | " + SCREENS,
            "GET  /api/v1/departments/{deptId}/queue              | " + SCREENS,
            "GET  /api/v1/departments/{deptId}/display            | " + SCREENS,
            "GET  /api/v1/departments/{deptId}/display/stream     | " + SCREENS,
            "GET  /api/v1/doctors/{doctorId}/queue/stream         | " + SCREENS,
            "GET  /api/v1/alerts?hospitalId={hospitalId}          | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "POST /api/v1/alerts/{alertId}/acknowledge            | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "POST /api/v1/alerts/{alertId}/resolve                | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/hospitals/{hospitalId}/live-queue       | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/hospitals/{hospitalId}/doctor-status    | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/hospitals/{hospitalId}/bottlenecks      | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/hospitals/{hospitalId}/alerts/stream    | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/hospitals/{hospitalId}/day-profile?date=2026-12-03 | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/hospitals/{hospitalId}/doctor-metrics?date=2026-12-03 | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/doctors/{doctorId}/reorders?date=2026-12-03 | ADMIN DEPARTMENT_HEAD OPERATIONS",
            "GET  /api/v1/doctors/{doctorId}/metrics?date=2026-12-03 | ADMIN DEPARTMENT_HEAD OPERATIONS DOCTOR",
            "POST /api/v1/staff-accounts                          | ADMIN",
            "GET  /api/v1/staff-accounts?hospitalId={hospitalId}  | ADMIN",
            "POST /api/v1/staff-accounts/{accountId}/disable      | ADMIN",
            "POST /api/v1/staff-accounts/{accountId}/tokens       | ADMIN",
            "POST /api/v1/password-reset-mails                    | " + EVERYONE,
            "POST /api/v1/password-resets                         | " + EVERYONE,
            "POST /api/v1/email-confirmations                     | " + EVERYONE,
            "POST /api/v1/api-clients                             | ADMIN",
            "GET  /api/v1/api-clients?hospitalId={hospitalId}     | ADMIN",
            "POST /api/v1/api-clients/{credentialId}/revoke       | ADMIN",
            "GET  /api/v1/audit?hospitalId={hospitalId}           | ADMIN",
            "POST /api/v1/patient-sessions/codes                  | " + EVERYONE,
            "POST /api/v1/patient-sessions                        | " + EVERYONE,
            "POST /api/v1/patient-sessions/renew                  | PATIENT",
            "GET  /api/v1/status-links/{link}                     | " + EVERYONE,
            "GET  /api/v1/status-links/{link}/stream              | " + EVERYONE,
            "POST /api/v1/offer-links/{link}/confirm              | " + EVERYONE,
    };
    private static final Set<Role> TESTED = Set.of(Role.ADMIN, Role.RECEPTIONIST, Role.NURSE, Role.DOCTOR, Role.DEPARTMENT_HEAD,
            Role.OPERATIONS, Role.DISPLAY);

    record Row(HttpMethod method, String path, Set<Role> allowed) {

        String operation() {
            return method.name() + " " + path.replaceAll("\\?.*", "");
        }
    }

    static List<Row> rows() {
        return Arrays.stream(TABLE).map(line -> {
            String[] parts = line.split("\\|", -1);
            String[] call = parts[0].trim().split("\\s+");
            Set<Role> allowed = Arrays.stream(parts[1].trim().split("\\s+")).filter(s -> !s.isEmpty()).map(Role::valueOf)
                    .collect(Collectors.toSet());
            return new Row(HttpMethod.valueOf(call[0]), call[1], allowed);
        }).toList();
    }

    @Test
    void everyEndpointOfTheApiHasARow() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(rest.getForObject("/v3/api-docs", String.class));
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }

        Set<String> tabled = rows().stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new));

        assertThat(tabled).isEqualTo(documented);
    }

    @Test
    void eachRoleOfAHospitalIsLetThroughExactlyWhereTheTableSays() {
        // Given a clinic, a patient with a token, and a credential of each role limited to that clinic
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();
        Map<String, String> ids = new HashMap<>(Map.of(
                "hospitalId", clinic.hospitalId, "deptId", clinic.deptId, "cabinId", clinic.cabinId,
                "doctorId", clinic.doctorId, "assignmentId", clinic.shiftId, "tokenId", tokenId,
                "patientId", api.get("/tokens/" + tokenId).text("patientId"),
                "accountId", UUID.randomUUID().toString(), "credentialId", UUID.randomUUID().toString(),
                "link", StatusLinks.withKey(STATUS_LINK_KEY).linkOf(UUID.fromString(tokenId))));
        // An open alert of the clinic's department, as the eta-calculator records it.
        ids.put("alertId", jdbc.sql("""
                        INSERT INTO system_alerts (alert_type, severity, entity_type, entity_id, message)
                        VALUES ('BOTTLENECK', 'WARNING', 'DEPARTMENT', :deptId, 'Long line') RETURNING alert_id::text""")
                .param("deptId", UUID.fromString(clinic.deptId)).query(String.class).single());
        ids.put("appointmentId", UUID.randomUUID().toString());
        ids.put("parkedId", UUID.randomUUID().toString());
        ids.put("entryId", UUID.randomUUID().toString());
        ids.put("exceptionId", api.create("/schedule-exceptions", Map.of("doctorId", clinic.doctorId,
                "exceptionType", "TRAINING", "startDatetime", Clinic.noon(Clinic.today().plusDays(30)).toString(),
                "endDatetime", Clinic.noon(Clinic.today().plusDays(31)).toString()), "exceptionId"));
        Map<Role, Api> callers = new EnumMap<>(Role.class);
        for (Role role : TESTED) {
            callers.put(role, api.as(api.callers().client(Set.of(role.name()), clinic.hospitalId,
                    role == Role.DEPARTMENT_HEAD ? clinic.deptId : null, role == Role.DOCTOR ? clinic.doctorId : null)));
        }

        // When each calls each endpoint
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Row row : rows()) {
            String path = fill(row.path(), ids).substring("/api/v1".length());
            for (Role role : TESTED) {
                int status = call(callers.get(role), row.method(), path).status();
                boolean letThrough = status != 401 && status != 403;
                if (letThrough != row.allowed().contains(role)) {
                    wrong.put(row.operation() + " as " + role, "answered " + status);
                }
            }
        }

        // Then every answer is what the table says
        assertThat(wrong).isEmpty();
    }

    private static Api.Reply call(Api caller, HttpMethod method, String path) {
        if (method == HttpMethod.GET && path.endsWith("/stream")) {
            // Asked for JSON, a live stream answers 406 once the rules let the caller through, instead of staying open.
            return caller.get(path, Api.headers("Accept", "application/json"));
        }
        if (method == HttpMethod.GET) {
            return caller.get(path);
        }
        if (method == HttpMethod.DELETE) {
            return caller.delete(path);
        }
        return method == HttpMethod.PUT ? caller.put(path, Map.of()) : caller.post(path, Map.of(), new org.springframework.http.HttpHeaders());
    }

    private static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }
}
