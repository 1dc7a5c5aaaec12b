package org.opd.orchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.kafka.JsonSerde;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient's sign-in as the patient makes it: a code asked for by phone, read as the notifier
 * would read it (sealed in the outbox event), then exchanged for a session.
 */
public final class PatientSignIn {

    private PatientSignIn() {
    }

    /** A phone number no other test uses (most likely). */
    public static String phone() {
        return "+9197" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The access token of the patient's new session. */
    public static String accessToken(Api api, JdbcClient jdbc, Clinic clinic, String phone, String patientId) {
        String code = requestCode(api, jdbc, clinic, phone, patientId);
        Api.Reply session = api.anonymous().post("/patient-sessions",
                Map.of("hospitalId", clinic.hospitalId, "phone", phone, "code", code));
        assertThat(session.status()).as(session.body().toString()).isEqualTo(201);
        assertThat(session.body().path("patientIds").get(0).asText()).isEqualTo(patientId);
        return session.text("accessToken");
    }

    public static String requestCode(Api api, JdbcClient jdbc, Clinic clinic, String phone, String patientId) {
        assertThat(api.anonymous().post("/patient-sessions/codes", Map.of("hospitalId", clinic.hospitalId, "phone", phone)).status())
                .isEqualTo(202);
        return lastCode(jdbc, patientId);
    }

    /** The code of the newest sign-in code event for the patient, unsealed as the notifier would. */
    public static String lastCode(JdbcClient jdbc, String patientId) {
        String payload = jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE aggregateid = :patient ORDER BY created_at DESC LIMIT 1
                        """).param("patient", patientId).query(String.class).single();
        try {
            OneTimeCodeIssued event = JsonSerde.MAPPER.readValue(payload, OneTimeCodeIssued.class);
            return OneTimeCodeSeal.withKey(OrchestratorIntegrationTest.OTP_MESSAGE_KEY).unseal(event.sealedCode(), UUID.fromString(patientId));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
