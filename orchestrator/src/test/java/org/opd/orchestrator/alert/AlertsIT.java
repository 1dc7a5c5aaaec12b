package org.opd.orchestrator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

class AlertsIT extends OrchestratorIntegrationTest {

    @Test
    void listsAHospitalsOpenAlertsNewestFirstInItsTimeZone() {
        // Given, as the eta-calculator records them: an open bottleneck of the clinic's department,
        // a resolved idle alert of its doctor, and an open alert of another hospital
        Clinic clinic = Clinic.open(api);
        Clinic other = Clinic.open(api);
        String bottleneck = alert("BOTTLENECK", "CRITICAL", "DEPARTMENT", clinic.deptId, false, "2026-11-30T06:00:00Z");
        String idle = alert("DOCTOR_IDLE", "WARNING", "DOCTOR", clinic.doctorId, true, "2026-11-30T07:00:00Z");
        alert("DOCTOR_LATE", "WARNING", "DOCTOR", other.doctorId, false, "2026-11-30T08:00:00Z");

        // When operators of the clinic's hospital ask for the open ones, and for all
        JsonNode open = api.get("/alerts?open=true&hospitalId=" + clinic.hospitalId).body();
        JsonNode all = api.get("/alerts?hospitalId=" + clinic.hospitalId).body();

        // Then the open list has the bottleneck only, as recorded, with the hospital's offset
        assertThat(open.path("totalItems").asLong()).isEqualTo(1);
        JsonNode alert = open.path("items").get(0);
        assertThat(alert.path("alertId").asText()).isEqualTo(bottleneck);
        assertThat(alert.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alert.path("hospitalId").asText()).isEqualTo(clinic.hospitalId);
        assertThat(alert.path("metadata").path("inLine").asInt()).isEqualTo(25);
        assertThat(alert.path("createdAt").asText()).isEqualTo("2026-11-30T11:30:00+05:30");
        assertThat(alert.path("resolved").asBoolean()).isFalse();

        // And the full list has both of the hospital's, newest first
        assertThat(all.path("items")).extracting(a -> a.path("alertId").asText()).containsExactly(idle, bottleneck);
    }

    @Test
    void filtersByTypeAndSeverityAndNamesAnUnknownValue() {
        Clinic clinic = Clinic.open(api);
        alert("BOTTLENECK", "CRITICAL", "DEPARTMENT", clinic.deptId, false, "2026-11-30T06:00:00Z");

        JsonNode critical = api.get("/alerts?hospitalId=" + clinic.hospitalId + "&type=BOTTLENECK&severity=CRITICAL").body();
        JsonNode info = api.get("/alerts?hospitalId=" + clinic.hospitalId + "&severity=INFO").body();
        Api.Reply invalid = api.get("/alerts?severity=LOUD");

        assertThat(critical.path("totalItems").asLong()).isEqualTo(1);
        assertThat(info.path("totalItems").asLong()).isZero();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").get(0).path("field").asText()).isEqualTo("severity");
    }

    @Test
    void anOperatorAcknowledgesThenResolvesAnAlertOnceEachAndAnotherHospitalsOperatorCannot() {
        // Given an open bottleneck of the clinic's department, and operators of the clinic and of another hospital
        Clinic clinic = Clinic.open(api);
        Clinic other = Clinic.open(api);
        String alertId = alert("BOTTLENECK", "CRITICAL", "DEPARTMENT", clinic.deptId, false, "2026-11-30T06:00:00Z");
        Api operator = api.as(api.callers().client(Set.of("OPERATIONS"), clinic.hospitalId, null, null));
        Api stranger = api.as(api.callers().client(Set.of("OPERATIONS"), other.hospitalId, null, null));

        // When the other hospital's operator tries, then it is refused and nothing changes
        assertThat(stranger.post("/alerts/" + alertId + "/acknowledge").status()).isEqualTo(403);

        // When the clinic's operator acknowledges it, twice
        Api.Reply acknowledged = operator.post("/alerts/" + alertId + "/acknowledge");
        Api.Reply again = operator.post("/alerts/" + alertId + "/acknowledge");

        // Then it is taken on and still open; the second time is a conflict naming its state
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body().path("acknowledgedAt").asText()).endsWith("+05:30");
        assertThat(acknowledged.body().path("resolved").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("currentStatus").asText()).isEqualTo("ACKNOWLEDGED");

        // When it is resolved, then it leaves the open list, with who resolved it kept; resolving again is a conflict
        Api.Reply resolved = operator.post("/alerts/" + alertId + "/resolve");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().path("resolved").asBoolean()).isTrue();
        assertThat(api.get("/alerts?open=true&hospitalId=" + clinic.hospitalId).body().path("totalItems").asLong()).isZero();
        assertThat(jdbc.sql("SELECT resolved_by IS NOT NULL FROM system_alerts WHERE alert_id = :id::uuid")
                .param("id", alertId).query(Boolean.class).single()).isTrue();
        Api.Reply resolvedAgain = operator.post("/alerts/" + alertId + "/resolve");
        assertThat(resolvedAgain.status()).isEqualTo(409);
        assertThat(resolvedAgain.body().path("currentStatus").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void anUnknownAlertIsA404AndAnIdThatIsNoUuidA400NamingIt() {
        assertThat(api.post("/alerts/" + UUID.randomUUID() + "/resolve").status()).isEqualTo(404);
        Api.Reply invalid = api.post("/alerts/not-an-id/resolve");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().toString()).contains("alertId");
    }

    private String alert(String type, String severity, String entityType, String entityId, boolean resolved, String at) {
        String alertId = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO system_alerts (alert_id, alert_type, severity, entity_type, entity_id, message, metadata,
                                                   is_resolved, resolved_at, created_at)
                        VALUES (:id::uuid, :type, :severity, :entityType, :entityId::uuid, 'Too many in line',
                                '{"inLine": 25}'::jsonb, :resolved,
                                CASE WHEN :resolved THEN :at::timestamptz + interval '10 minutes' END, :at::timestamptz)
                        """)
                .param("id", alertId).param("type", type).param("severity", severity).param("entityType", entityType)
                .param("entityId", entityId).param("resolved", resolved).param("at", at)
                .update();
        return alertId;
    }
}
