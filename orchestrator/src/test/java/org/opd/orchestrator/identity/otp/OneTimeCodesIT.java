package org.opd.orchestrator.identity.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.orchestrator.error.TooManyRequestsException;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-in code service as the sign-in endpoints call it, against the shared database: what it
 * records, what it publishes through the outbox, and its limits. Hospitals and patients are written
 * straight into the tables, so the test does not depend on who may call the HTTP API.
 */
class OneTimeCodesIT extends OrchestratorIntegrationTest {

    private static final String NAME = "Meera Iyer";

    @Autowired
    OneTimeCodes oneTimeCodes;

    private UUID hospitalId;
    private String address;

    @BeforeEach
    void hospital() {
        hospitalId = jdbc.sql("""
                        INSERT INTO hospitals (name, address, latitude, longitude, timezone)
                        VALUES ('City Hospital', 'MG Road, Bengaluru', 12.9716, 77.5946, 'Asia/Kolkata')
                        RETURNING hospital_id
                        """).query(UUID.class).single();
        address = "10." + random(255) + "." + random(255) + "." + random(255);
    }

    @Test
    void issueWritesOneOutboxEventForThePatientWithTheCodeSealedAndNoPhone() throws Exception {
        // Given a patient registered with a number written in the national form
        String national = nationalNumber();
        UUID patientId = patient("0" + national);

        // When they ask for a code with the number typed internationally, with spaces
        oneTimeCodes.issue(hospitalId, "+91 " + national.substring(0, 5) + " " + national.substring(5), address);

        // Then one outbox row goes to the identity topic, keyed by the patient, without phone, name or code
        List<String> payloads = outboxPayloads();
        assertThat(payloads).hasSize(1);
        assertThat(jdbc.sql("SELECT aggregateid FROM outbox WHERE aggregatetype = :type AND payload->>'hospitalId' = :h")
                .param("type", Topics.IDENTITY_AGGREGATE).param("h", hospitalId.toString()).query(String.class).single())
                .isEqualTo(patientId.toString());
        OneTimeCodeIssued event = JsonSerde.MAPPER.readValue(payloads.get(0), OneTimeCodeIssued.class);
        String code = OneTimeCodeSeal.withKey(OTP_MESSAGE_KEY).unseal(event.sealedCode(), patientId);
        assertThat(code).matches("[0-9]{6}");
        assertThat(event.patientId()).isEqualTo(patientId);
        assertThat(Duration.between(event.occurredAt(), event.expiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(payloads.get(0)).doesNotContain(national, NAME, "\"" + code + "\"", ":" + code);

        // and the stored row has the normalised phone and a hash, not the code
        assertThat(jdbc.sql("SELECT phone FROM patient_one_time_codes WHERE hospital_id = :h").param("h", hospitalId)
                .query(String.class).single()).isEqualTo("+91" + national);
        byte[] hash = jdbc.sql("SELECT code_hash FROM patient_one_time_codes WHERE hospital_id = :h")
                .param("h", hospitalId).query(byte[].class).single();
        assertThat(hash).hasSize(32);
        assertThat(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(code);
    }

    @Test
    void refusesTheFourthCodeForAPhoneWithin15MinutesWithARetryAfter() {
        // Given a patient who asked for three codes (from three places)
        String phone = "+91" + nationalNumber();
        patient(phone);
        for (int i = 0; i < 3; i++) {
            oneTimeCodes.issue(hospitalId, phone, address + i);
        }

        // When they ask for a fourth, then it is refused, to be asked again when the first is 15 minutes old
        assertThatThrownBy(() -> oneTimeCodes.issue(hospitalId, phone, address))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.retryAfter()).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
                    assertThat(e.retryAfterSeconds()).isBetween(14 * 60L, 15 * 60L);
                    assertThat(e.type()).isEqualTo("too-many-codes");
                });

        // and nothing of the refused request is recorded or sent
        assertThat(outboxPayloads()).hasSize(3);
        assertThat(codeRows()).isEqualTo(3);
    }

    @Test
    void refusesAnAddressThatAskedForTooManyCodesWhateverThePhone() {
        // Given ten requests from one address, for ten phones nobody is registered with
        for (int i = 0; i < 10; i++) {
            oneTimeCodes.issue(hospitalId, "+91" + nationalNumber(), address);
        }

        // When the address asks for an eleventh, then it is refused
        assertThatThrownBy(() -> oneTimeCodes.issue(hospitalId, "+91" + nationalNumber(), address))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void theRightCodeSignsInOnceAndNamesEveryPatientWithThePhone() {
        // Given two patients sharing a phone, written two ways at registration, and a code sent to it
        String national = nationalNumber();
        UUID first = patient("+91" + national);
        UUID second = patient(national);
        String code = issueAndRead("+91" + national, first);

        // When the right code is given, then both patients are signed in
        assertThat(oneTimeCodes.verify(hospitalId, "0" + national, code)).containsExactly(first, second);

        // and the code does not work a second time
        assertRefused("+91" + national, code);
    }

    @Test
    void fiveWrongAttemptsKillTheCodeEvenForTheRightOneAfter() {
        String phone = "+91" + nationalNumber();
        UUID patientId = patient(phone);
        String code = issueAndRead(phone, patientId);
        String wrong = code.equals("000000") ? "000001" : "000000";

        for (int i = 0; i < 5; i++) {
            assertRefused(phone, wrong);
        }

        assertRefused(phone, code);
        assertThat(attempts(phone)).isEqualTo(5);
    }

    @Test
    void concurrentWrongAttemptsAreEachCountedAndStopAtTheLimit() throws Exception {
        String phone = "+91" + nationalNumber();
        UUID patientId = patient(phone);
        String code = issueAndRead(phone, patientId);
        String wrong = code.equals("000000") ? "000001" : "000000";
        List<Callable<Boolean>> guesses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            guesses.add(() -> {
                try {
                    oneTimeCodes.verify(hospitalId, phone, wrong);
                    return true;
                } catch (InvalidOneTimeCodeException refused) {
                    return false;
                }
            });
        }

        assertThat(Parallel.run(guesses)).containsOnly(false);

        assertThat(attempts(phone)).isEqualTo(5);
        assertRefused(phone, code);
    }

    @Test
    void anExpiredCodeDoesNotWork() {
        String phone = "+91" + nationalNumber();
        UUID patientId = patient(phone);
        String code = issueAndRead(phone, patientId);
        jdbc.sql("UPDATE patient_one_time_codes SET expires_at = now() - interval '1 second' WHERE hospital_id = :h")
                .param("h", hospitalId).update();

        assertRefused(phone, code);
    }

    @Test
    void anUnknownPhoneIsCountedButSentNothingAndNoCodeWorksForIt() {
        String phone = "+91" + nationalNumber();

        oneTimeCodes.issue(hospitalId, phone, address);

        assertThat(outboxPayloads()).isEmpty();
        assertThat(codeRows()).isEqualTo(1);
        assertRefused(phone, "123456");
        oneTimeCodes.issue(hospitalId, phone, address);
        oneTimeCodes.issue(hospitalId, phone, address);
        assertThatThrownBy(() -> oneTimeCodes.issue(hospitalId, phone, address))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aNewerCodeReplacesTheOlderOne() {
        String phone = "+91" + nationalNumber();
        UUID patientId = patient(phone);
        String older = issueAndRead(phone, patientId);
        String newer = issueAndRead(phone, patientId);

        if (!older.equals(newer)) {
            assertRefused(phone, older);
        }
        assertThat(oneTimeCodes.verify(hospitalId, phone, newer)).containsExactly(patientId);
    }

    private void assertRefused(String phone, String code) {
        assertThatThrownBy(() -> oneTimeCodes.verify(hospitalId, phone, code))
                .isInstanceOf(InvalidOneTimeCodeException.class)
                .hasMessage("The code is invalid or has expired; ask for a new one");
    }

    private String issueAndRead(String phone, UUID patientId) {
        oneTimeCodes.issue(hospitalId, phone, address);
        List<String> payloads = outboxPayloads();
        return OneTimeCodeSeal.withKey(OTP_MESSAGE_KEY).unseal(read(payloads.get(payloads.size() - 1)).sealedCode(),
                patientId);
    }

    private static OneTimeCodeIssued read(String payload) {
        try {
            return JsonSerde.MAPPER.readValue(payload, OneTimeCodeIssued.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID patient(String phone) {
        return jdbc.sql("""
                        INSERT INTO patients (hospital_id, uhid, name, phone) VALUES (:h, :uhid, :name, :phone)
                        RETURNING patient_id
                        """)
                .param("h", hospitalId).param("uhid", "UH-" + UUID.randomUUID()).param("name", NAME)
                .param("phone", phone)
                .query(UUID.class).single();
    }

    /** This hospital's identity events in the outbox, oldest first. */
    private List<String> outboxPayloads() {
        return jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE aggregatetype = :type AND payload->>'hospitalId' = :h
                        ORDER BY created_at, payload->>'occurredAt'
                        """)
                .param("type", Topics.IDENTITY_AGGREGATE).param("h", hospitalId.toString())
                .query(String.class).list();
    }

    private int codeRows() {
        return jdbc.sql("SELECT count(*) FROM patient_one_time_codes WHERE hospital_id = :h").param("h", hospitalId)
                .query(Integer.class).single();
    }

    private int attempts(String phone) {
        return jdbc.sql("SELECT attempts FROM patient_one_time_codes WHERE phone = :phone")
                .param("phone", phone).query(Integer.class).single();
    }

    /** A fresh 10-digit Indian mobile number, so that tests sharing the database never share a phone. */
    private static String nationalNumber() {
        return "9" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
