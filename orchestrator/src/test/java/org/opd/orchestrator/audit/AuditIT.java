package org.opd.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.schemas.identity.Claims;
import org.opd.schemas.identity.PrincipalType;
import org.opd.schemas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

class AuditIT extends OrchestratorIntegrationTest {

    private static final String PHONE = "+919811122233";

    @Autowired
    private AuditLog auditLog;

    @Autowired
    private Clock clock;

    @Autowired
    private MeterRegistry meters;

    @AfterEach
    void forgetAuthentication() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recordsEachReadOfAPatientAndOfATokenWithTheirIdsAndTheClientAddress() {
        // Given a patient with a token
        Clinic clinic = Clinic.open(api);
        String patientId = clinic.patient("Kavya Menon", PHONE);
        String tokenId = clinic.issue(patientId, 1, Clinic.today()).text("tokenId");

        // When both are read
        assertThat(api.get("/patients/" + patientId).status()).isEqualTo(200);
        assertThat(api.get("/tokens/" + tokenId).status()).isEqualTo(200);

        // Then each read has its row, naming the record and its patient, allowed, from the loopback address
        Map<String, Object> patientRead = row("PATIENT", patientId, "READ");
        assertThat(patientRead).containsEntry("patient_id", UUID.fromString(patientId)).containsEntry("status", 200)
                .containsEntry("outcome", "ALLOWED").containsEntry("method", "GET")
                .containsEntry("path", "/api/v1/patients/{patientId}").containsEntry("client", "127.0.0.1");
        Map<String, Object> tokenRead = row("TOKEN", tokenId, "READ");
        assertThat(tokenRead).containsEntry("patient_id", UUID.fromString(patientId)).containsEntry("outcome", "ALLOWED")
                .containsEntry("path", "/api/v1/tokens/{tokenId}").containsEntry("client", "127.0.0.1");

        // And the registration and the issue are recorded as creations of what the answer's Location named
        assertThat(row("PATIENT", patientId, "CREATE")).containsEntry("status", 201)
                .containsEntry("path", "/api/v1/hospitals/{hospitalId}/patients");
        assertThat(row("TOKEN", tokenId, "CREATE")).containsEntry("patient_id", UUID.fromString(patientId))
                .containsEntry("path", "/api/v1/tokens");
    }

    @Test
    void recordsASearchByPhoneWithoutThePhoneNumberAndQueuesByTheirOwner() {
        Clinic clinic = Clinic.open(api);
        clinic.patient("Kavya Menon", PHONE);

        api.get("/hospitals/" + clinic.hospitalId + "/patients?phone=%2B919811122233");
        api.get("/doctors/" + clinic.doctorId + "/queue");

        List<String> searches = jdbc.sql("SELECT audit_log::text FROM audit_log WHERE path LIKE '/api/v1/hospitals/{hospitalId}/patients?%'")
                .query(String.class).list();
        assertThat(searches).isNotEmpty().noneMatch(row -> row.contains("9811122233"));
        assertThat(jdbc.sql("SELECT path FROM audit_log WHERE path LIKE '%?phone' LIMIT 1").query(String.class).single())
                .isEqualTo("/api/v1/hospitals/{hospitalId}/patients?phone");
        assertThat(row("DOCTOR_QUEUE", clinic.doctorId, "READ")).containsEntry("outcome", "ALLOWED")
                .containsEntry("path", "/api/v1/doctors/{doctorId}/queue");
    }

    @Test
    void recordsRequestsThatFailedWithTheirStatus() {
        String unknown = UUID.randomUUID().toString();

        Api.Reply notFound = api.get("/tokens/" + unknown);
        Api.Reply invalid = api.post("/tokens/" + unknown + "/cancel", Map.of());

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(row("TOKEN", unknown, "READ")).containsEntry("status", 404).containsEntry("outcome", "FAILED")
                .containsEntry("patient_id", null);
        assertThat(row("TOKEN", unknown, "CHANGE")).containsEntry("status", 400).containsEntry("outcome", "FAILED")
                .containsEntry("path", "/api/v1/tokens/{tokenId}/cancel");
    }

    /**
     * Spring Security as the resource server runs it: its bearer filter authenticates the JWT (or
     * answers 401 itself), a later filter refuses with 403, and the security context is cleared when
     * the chain returns. The audit filter around it still names who was refused.
     */
    @Test
    void recordsRefusedAttemptsWithTheCallerTheJwtAuthenticated() throws Exception {
        String patientId = UUID.randomUUID().toString();
        UUID hospitalId = UUID.randomUUID();
        String subject = "nurse-" + UUID.randomUUID();
        JwtDecoder decoder = token -> {
            if (!token.equals("valid")) {
                throw new BadJwtException("signature does not match");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(subject)
                    .claim(Claims.ROLES, List.of(Role.NURSE.name())).claim(Claims.PRINCIPAL_TYPE, PrincipalType.STAFF.name())
                    .claim(Claims.HOSPITAL_ID, hospitalId.toString())
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        };

        MockHttpServletResponse forbidden = throughSecurity(decoder, "valid", patientId, HttpServletResponse.SC_FORBIDDEN);
        MockHttpServletResponse tooMany = throughSecurity(decoder, "valid", patientId, 429);
        MockHttpServletResponse unauthenticated = throughSecurity(decoder, "forged", patientId, 200);

        assertThat(forbidden.getStatus()).isEqualTo(403);
        assertThat(unauthenticated.getStatus()).isEqualTo(401);
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT status, outcome, actor_subject, actor_type, array_to_string(actor_roles, ',') AS roles,
                               hospital_id, host(client_address) AS client, request_id
                        FROM audit_log WHERE resource_type = 'PATIENT' AND resource_id = :id::uuid ORDER BY status
                        """).param("id", patientId).query().listOfRows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("status", 401).containsEntry("outcome", "REFUSED")
                .containsEntry("actor_subject", null).containsEntry("client", "10.20.30.40");
        assertThat(rows.get(1)).containsEntry("status", 403).containsEntry("outcome", "REFUSED")
                .containsEntry("actor_subject", subject).containsEntry("actor_type", "STAFF").containsEntry("roles", "NURSE")
                .containsEntry("hospital_id", hospitalId).containsEntry("request_id", "req-42");
        assertThat(rows.get(2)).containsEntry("status", 429).containsEntry("outcome", "REFUSED")
                .containsEntry("actor_subject", subject);
        assertThat(tooMany.getStatus()).isEqualTo(429);
    }

    @Test
    void listsTheTrailForAdminsWithFilters() {
        // Given rows of two callers of a hospital, one refused, and one of another hospital
        Clinic clinic = Clinic.open(api);
        UUID hospital = UUID.fromString(clinic.hospitalId);
        UUID patient = UUID.randomUUID();
        UUID token = UUID.randomUUID();
        String reader = "staff-" + UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        write(now.minusSeconds(120), new AuditCaller(reader, "STAFF", List.of("DOCTOR"), hospital),
                new AuditedRequest(AuditResourceType.PATIENT, patient, AuditAction.READ, "/api/v1/patients/{patientId}", patient), 200);
        write(now.minusSeconds(60), new AuditCaller(reader, "STAFF", List.of("DOCTOR"), hospital),
                new AuditedRequest(AuditResourceType.TOKEN, token, AuditAction.CHANGE, "/api/v1/tokens/{tokenId}/start", patient), 403);
        write(now, new AuditCaller("other-" + UUID.randomUUID(), "STAFF", List.of("NURSE"), UUID.randomUUID()),
                new AuditedRequest(AuditResourceType.PATIENT, patient, AuditAction.READ, "/api/v1/patients/{patientId}", patient), 200);

        // When an admin lists by patient, by caller, by hospital and outcome, by resource, and by time
        JsonNode byPatient = api.get("/audit?patientId=" + patient).body();
        JsonNode byActor = api.get("/audit?actorSubject=" + reader + "&size=1&page=1").body();
        JsonNode refused = api.get("/audit?hospitalId=" + hospital + "&outcome=REFUSED").body();
        JsonNode byToken = api.get("/audit?resourceType=TOKEN&resourceId=" + token).body();
        JsonNode early = api.get("/audit?patientId=" + patient + "&from=" + now.minusSeconds(300) + "&to=" + now.minusSeconds(90)).body();

        // Then each shows the matching rows, newest first, in camelCase with the hospital's offset
        assertThat(byPatient.path("totalItems").asLong()).isEqualTo(3);
        assertThat(byPatient.path("items")).extracting(item -> item.path("status").asInt()).containsExactly(200, 403, 200);
        assertThat(byActor.path("totalItems").asLong()).isEqualTo(2);
        assertThat(byActor.path("items").get(0).path("resourceType").asText()).isEqualTo("PATIENT");
        assertThat(refused.path("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = refused.path("items").get(0);
        assertThat(entry.path("actorSubject").asText()).isEqualTo(reader);
        assertThat(entry.path("actorRoles")).extracting(JsonNode::asText).containsExactly("DOCTOR");
        assertThat(entry.path("action").asText()).isEqualTo("CHANGE");
        assertThat(entry.path("resourceId").asText()).isEqualTo(token.toString());
        assertThat(entry.path("patientId").asText()).isEqualTo(patient.toString());
        assertThat(entry.path("path").asText()).isEqualTo("/api/v1/tokens/{tokenId}/start");
        assertThat(entry.path("clientAddress").asText()).isEqualTo("192.0.2.7");
        assertThat(entry.path("occurredAt").asText()).endsWith("+05:30");
        assertThat(byToken.path("totalItems").asLong()).isEqualTo(1);
        assertThat(early.path("items")).extracting(item -> item.path("actorSubject").asText()).containsExactly(reader);
    }

    @Test
    void namesTheInvalidFilter() {
        Api.Reply outcome = api.get("/audit?outcome=MAYBE");
        Api.Reply from = api.get("/audit?from=yesterday");
        Api.Reply range = api.get("/audit?from=2026-12-02T10:00:00Z&to=2026-12-01T10:00:00Z");

        assertThat(List.of(outcome, from, range)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType().toString()).isEqualTo("application/problem+json");
        });
        assertThat(field(outcome)).isEqualTo("outcome");
        assertThat(field(from)).isEqualTo("from");
        assertThat(field(range)).isEqualTo("from");
    }

    @Test
    void documentsTheTrailWithItsFilters() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(rest.getForObject("/v3/api-docs", String.class));

        JsonNode list = doc.path("paths").path("/api/v1/audit").path("get");
        assertThat(list.path("parameters")).extracting(p -> p.path("name").asText()).contains("page", "size",
                "actorSubject", "patientId", "resourceType", "resourceId", "outcome", "from", "to", "hospitalId");
        assertThat(list.path("summary").asText()).contains("admins only");
        assertThat(list.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheTrail() {
        UUID patient = UUID.randomUUID();
        write(clock.instant(), AuditCaller.NONE,
                new AuditedRequest(AuditResourceType.PATIENT, patient, AuditAction.READ, "/api/v1/patients/{patientId}", patient), 401);
        String partition = jdbc.sql("SELECT tableoid::regclass::text FROM audit_log WHERE patient_id = :id")
                .param("id", patient).query(String.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET status = 200, outcome = 'ALLOWED' WHERE patient_id = :id")
                .param("id", patient).update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE patient_id = :id").param("id", patient).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM " + partition + " WHERE patient_id = :id").param("id", patient).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE " + partition).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT status FROM audit_log WHERE patient_id = :id").param("id", patient)
                .query(Integer.class).single()).isEqualTo(401);
    }

    @Test
    void aRowThatCannotBeWrittenIsCountedAndNeverFailsTheRequest() {
        double failuresBefore = meters.counter("opd.audit.write.failures").count();
        double refusedBefore = meters.counter("opd.audit.records", "outcome", "REFUSED").count();
        UUID patient = UUID.randomUUID();

        // A path longer than the column takes: the insert fails, record() does not throw
        auditLog.record(new AuditRecord(clock.instant(), AuditCaller.NONE,
                new AuditedRequest(AuditResourceType.PATIENT, patient, AuditAction.READ, "/x".repeat(300), patient),
                "GET", 401, null, null));
        write(clock.instant(), AuditCaller.NONE,
                new AuditedRequest(AuditResourceType.PATIENT, patient, AuditAction.READ, "/api/v1/patients/{patientId}", patient), 401);

        assertThat(meters.counter("opd.audit.write.failures").count()).isEqualTo(failuresBefore + 1);
        assertThat(meters.counter("opd.audit.records", "outcome", "REFUSED").count()).isEqualTo(refusedBefore + 1);
        assertThat(prometheus())
                .contains("opd_audit_write_failures_total", "opd_audit_records_total{", "outcome=\"REFUSED\"");
    }

    private MockHttpServletResponse throughSecurity(JwtDecoder decoder, String token, String patientId, int answer)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/patients/" + patientId);
        request.setRemoteAddr("10.20.30.40");
        request.addHeader("Authorization", "Bearer " + token);
        request.addHeader(AuditRecordingFilter.REQUEST_ID, "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        Filter bearer = new BearerTokenAuthenticationFilter(new ProviderManager(new JwtAuthenticationProvider(decoder)));
        Filter clearsContextAfterwards = (req, res, chain) -> {
            try {
                chain.doFilter(req, res);
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
        Filter refuses = (req, res, chain) -> ((HttpServletResponse) res).setStatus(answer);
        new AuditRecordingFilter(auditLog, clock).doFilter(request, response,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                }, clearsContextAfterwards, bearer, refuses));
        return response;
    }

    private void write(Instant at, AuditCaller caller, AuditedRequest request, int status) {
        auditLog.record(new AuditRecord(at, caller, request, "GET", status, "192.0.2.7", null));
    }

    private Map<String, Object> row(String type, String resourceId, String action) {
        return jdbc.sql("""
                        SELECT patient_id, status, outcome, method, path, host(client_address) AS client
                        FROM audit_log WHERE resource_type = :type AND resource_id = :id::uuid AND action = :action
                        """).param("type", type).param("id", resourceId).param("action", action).query().singleRow();
    }

    private static String field(Api.Reply reply) {
        return reply.body().path("errors").get(0).path("field").asText();
    }
}
