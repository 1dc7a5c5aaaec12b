package org.opd.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.kafka.Topics;

class OneTimeCodeIssuedContractTest {

    @Test
    void roundTripsThroughTheTopicSerde() {
        UUID patientId = UUID.randomUUID();
        OneTimeCodeIssued event = new OneTimeCodeIssued(OneTimeCodeIssued.SCHEMA_VERSION, UUID.randomUUID(),
                Instant.parse("2026-11-23T04:00:00Z"), patientId, UUID.randomUUID(),
                OneTimeCodeSeal.withKey(OneTimeCodeSeal.newKey()).seal("123456", patientId),
                Instant.parse("2026-11-23T04:05:00Z"));

        byte[] bytes = Topics.IDENTITY_EVENTS.valueSerde().serializer().serialize("t", event);
        OneTimeCodeIssued read = Topics.IDENTITY_EVENTS.valueSerde().deserializer().deserialize("t", bytes);

        assertThat(read).isEqualTo(event);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("123456");
    }

    @Test
    void stillReadsEveryPublishedVersion() throws IOException {
        try (InputStream v1 = getClass().getResourceAsStream("/events/one-time-code-issued.v1.json")) {
            OneTimeCodeIssued read = Topics.IDENTITY_EVENTS.valueSerde().deserializer().deserialize("t", v1.readAllBytes());

            assertThat(read.schemaVersion()).isEqualTo(1);
            assertThat(read.patientId()).isEqualTo(UUID.fromString("3c2e8f0a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"));
            assertThat(read.sealedCode()).startsWith("v1.");
            assertThat(read.expiresAt()).isEqualTo(Instant.parse("2026-11-23T04:05:00Z"));
        }
    }

    @Test
    void carriesNoPatientNameNoPhoneAndNoPlainCode() {
        assertThat(OneTimeCodeIssued.class.getRecordComponents())
                .extracting(c -> c.getName().toLowerCase())
                .noneMatch(name -> name.contains("name") || name.contains("phone") || name.equals("code"));
    }

    @Test
    void isRoutedFromItsAggregateTypeToAProvisionedTopic() {
        assertThat(Topics.forAggregate(Topics.IDENTITY_AGGREGATE)).isEqualTo(Topics.IDENTITY_EVENTS.name());
        assertThat(Topics.ALL).contains(Topics.IDENTITY_EVENTS);
    }
}
