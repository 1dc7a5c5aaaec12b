package org.opd.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

class TokenEventContractTest {

    @Test
    void roundTripsThroughTheTopicSerde() {
        TokenEvent event = new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), TokenEventType.TOKEN_CHECKED_IN,
                Instant.parse("2026-11-23T04:30:00Z"), UUID.randomUUID(), "CARD-045", UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), TokenStatus.BOOKED,
                TokenStatus.CHECKED_IN, 2, BookingType.ONLINE, Instant.parse("2026-11-23T05:00:00Z"),
                Instant.parse("2026-11-23T04:30:00Z"), null, null, null, 12, 5, null, null, null,
                Instant.parse("2026-11-23T03:50:00Z"), null);

        byte[] bytes = Topics.TOKEN_EVENTS.valueSerde().serializer().serialize("t", event);
        TokenEvent read = Topics.TOKEN_EVENTS.valueSerde().deserializer().deserialize("t", bytes);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void stillReadsEveryPublishedVersionOfTheTokenEvent() throws IOException {
        // One stored sample per published schema version; a new version adds a file, never edits one.
        try (InputStream v1 = getClass().getResourceAsStream("/events/token-event.v1.json")) {
            TokenEvent read = Topics.TOKEN_EVENTS.valueSerde().deserializer().deserialize("t", v1.readAllBytes());

            assertThat(read.schemaVersion()).isEqualTo(1);
            assertThat(read.type()).isEqualTo(TokenEventType.TOKEN_ISSUED);
            assertThat(read.tokenNumber()).isEqualTo("CARD-045");
            assertThat(read.newStatus()).isEqualTo(TokenStatus.BOOKED);
            assertThat(read.previousStatus()).isNull();
            assertThat(read.avgConsultationMinutes()).isEqualTo(15);
            assertThat(read.fromDoctorId()).isNull();
            assertThat(read.expectedWaitMinutes()).isNull();
        }
        try (InputStream v2 = getClass().getResourceAsStream("/events/token-event.v2.json")) {
            TokenEvent read = Topics.TOKEN_EVENTS.valueSerde().deserializer().deserialize("t", v2.readAllBytes());

            assertThat(read.schemaVersion()).isEqualTo(2);
            assertThat(read.type()).isEqualTo(TokenEventType.TOKEN_REASSIGNED);
            assertThat(read.fromDoctorId()).isEqualTo(UUID.fromString("3d9f9e5a-4e58-4fa0-8f2d-8c4bab8cbc03"));
            assertThat(read.toDoctorId()).isEqualTo(read.doctorId());
            assertThat(read.expectedWaitMinutes()).isEqualTo(25);
            // Before version 3 the place follows from priority and check-in by the default head starts.
            assertThat(read.linePlaceAt()).isNull();
            assertThat(read.placeInLine()).isEqualTo(read.checkInTime());
        }
        try (InputStream v3 = getClass().getResourceAsStream("/events/token-event.v3.json")) {
            TokenEvent read = Topics.TOKEN_EVENTS.valueSerde().deserializer().deserialize("t", v3.readAllBytes());

            assertThat(read.schemaVersion()).isEqualTo(3);
            assertThat(read.type()).isEqualTo(TokenEventType.TOKEN_RECALLED);
            assertThat(read.placeInLine()).isEqualTo(Instant.parse("2026-11-23T04:10:00Z"));
            assertThat(read.parkedAt()).isNull();
        }
    }

    @Test
    void carriesNoPatientNameOrPhone() {
        assertThat(TokenEvent.class.getRecordComponents())
                .extracting(c -> c.getName().toLowerCase())
                .noneMatch(name -> name.contains("name") && !name.contains("number") || name.contains("phone"));
    }
}
